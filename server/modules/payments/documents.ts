// A position's documents: its payment notice (while it can be paid) and, once paid, its receipt.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Creditor } from './creditor.ts';
import { noticeFields } from './domain/notice-fields.ts';
import { renderNoticePdf } from './notice-pdf.ts';
import { renderReceiptPdf } from './receipt-pdf.ts';
import type { PositionWithOptions } from './repository.ts';

type Q = Kysely<DB> | Transaction<DB>;

export function noticePdf(position: PositionWithOptions, creditor: Creditor, now: Date): Promise<Buffer> {
  const fields = noticeFields({
    creditor: { fiscalCode: creditor.fiscalCode, name: creditor.name, sector: creditor.sector, info: creditor.info, cbill: creditor.cbill },
    debtor: { fiscalCode: position.debtor_fiscal_code, name: position.debtor_name, address: position.debtor_address },
    description: position.description,
    options: position.options.map((o) => ({ instalment: o.instalment, nav: o.nav, amountCents: o.amount_cents, dueOn: o.due_on })),
  });
  return renderNoticePdf(fields, { createdAt: now, testEnvironment: creditor.provider === 'simulator' });
}

export const noticeFileName = (position: PositionWithOptions) => `avviso-pagamento-${position.options[0]?.nav ?? position.id}.pdf`;
export const receiptFileName = (position: PositionWithOptions) => `ricevuta-pagamento-${position.options[0]?.nav ?? position.id}.pdf`;

/** The receipt PDF, or null while nothing of the position is paid. */
export async function receiptPdf(db: Q, position: PositionWithOptions, creditor: Creditor, now: Date): Promise<Buffer | null> {
  const paid = position.options.filter((o) => o.status === 'paid' && o.receipt_id);
  if (paid.length === 0) return null;
  const receipts = await db
    .selectFrom('payment_receipts')
    .select(['id', 'receipt_id', 'amount_cents', 'paid_at', 'psp', 'reference', 'source'])
    .where(
      'id',
      'in',
      paid.map((o) => o.receipt_id!),
    )
    .execute();
  const byId = new Map(receipts.map((r) => [String(r.id), r]));
  return renderReceiptPdf({
    creditor: { name: creditor.name, fiscalCode: creditor.fiscalCode },
    debtor: { name: position.debtor_name, fiscalCode: position.debtor_fiscal_code },
    description: position.description,
    lines: paid.map((o) => {
      const r = byId.get(String(o.receipt_id))!;
      return {
        nav: o.nav,
        iuv: o.iuv,
        amountCents: r.amount_cents,
        paidAt: new Date(r.paid_at),
        via: r.source,
        receiptId: r.receipt_id,
        psp: r.psp,
        reference: r.reference,
      };
    }),
    testEnvironment: creditor.provider === 'simulator',
    createdAt: now,
  });
}
