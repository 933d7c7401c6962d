// A position as the API shows it: to its debtor (citizen) and to officers (with the debtor's details).
import type { OfficerPayment, Payment } from '../../../contracts/payments.ts';
import { type Creditor, kindLabel } from './creditor.ts';
import { canCheckout } from './domain/lifecycle.ts';
import type { PositionWithOptions } from './repository.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** The option a checkout pays: the single payment if open, else the first open instalment. */
export function optionToPay(p: PositionWithOptions) {
  return p.options.find((o) => o.instalment === 0 && o.status === 'payable') ?? p.options.find((o) => o.status === 'payable') ?? null;
}

export function toPayment(p: PositionWithOptions, creditor: Creditor | null, base: string): Payment {
  const shown = optionToPay(p) ?? p.options[0]!;
  const paid = p.options.filter((o) => o.status === 'paid');
  return {
    id: p.id,
    description: p.description,
    kind: p.kind,
    kindLabel: kindLabel(creditor, p.kind),
    origin: p.origin,
    applicationId: p.application_id,
    amountCents: p.amount_cents,
    dueOn: p.due_on,
    status: p.status,
    nav: shown.nav,
    iuv: shown.iuv,
    createdAt: iso(p.created_at)!,
    paidAt: iso(p.paid_at),
    paidVia: paid[0]?.paid_via ?? null,
    options: p.options.map((o) => ({
      id: o.id,
      instalment: o.instalment,
      nav: o.nav,
      iuv: o.iuv,
      amountCents: o.amount_cents,
      dueOn: o.due_on,
      status: o.status,
      paidAt: iso(o.paid_at),
    })),
    canPay: creditor !== null && canCheckout(p.status) && optionToPay(p) !== null,
    noticeUrl: `${base}/${p.id}/notice.pdf`,
    receiptUrl: paid.length > 0 ? `${base}/${p.id}/receipt.pdf` : null,
  };
}

export function toOfficerPayment(p: PositionWithOptions, creditor: Creditor | null, base: string, createdBy: string | null): OfficerPayment {
  return {
    ...toPayment(p, creditor, base),
    debtor: { fiscalCode: p.debtor_fiscal_code, name: p.debtor_name, email: p.debtor_email, address: p.debtor_address },
    cancelReason: p.cancel_reason,
    createdBy,
  };
}

export const citizenBase = (slug: string) => `/api/v1/${slug}/me/payments`;
export const officerBase = (slug: string) => `/api/v1/${slug}/operator/payments`;
