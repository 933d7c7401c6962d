// The bodies Sportello sends to pagoPA, built once from its own rows and typed from pagoPA's
// published OpenAPI documents (pagopa/generated): a GPD debt position with its options and
// transfers, and a Checkout cart. The simulator receives exactly the same bodies.
import { formatInstant, localToInstant } from '../../platform/time/zoned-time.ts';
import type { CartRequest, GpdPosition } from './provider.ts';

export interface PositionForGpd {
  iupd: string;
  debtorType: 'F' | 'G';
  debtorFiscalCode: string;
  debtorName: string;
  debtorEmail: string | null;
  description: string;
  options: {
    iuv: string;
    nav: string;
    amountCents: number;
    dueOn: string;
    transfers: { idx: number; amountCents: number; iban: string | null; stamp: { type: string; hash: string; province: string } | null; taxonomy: string; remittance: string }[];
  }[];
}

export interface CreditorForGpd {
  fiscalCode: string;
  name: string;
  sector: string | null;
}

/** The last second of the due day in Rome (pagoPA's dueDate is an instant; ours is a day). */
function endOfDay(isoDate: string): string {
  return formatInstant((localToInstant(isoDate, 24 * 60 - 1, 'Europe/Rome') ?? 0) + 59_000, 'Europe/Rome');
}

export function gpdPosition(p: PositionForGpd, creditor: CreditorForGpd): GpdPosition {
  return {
    iupd: p.iupd,
    type: p.debtorType,
    payStandIn: true,
    fiscalCode: p.debtorFiscalCode,
    fullName: p.debtorName,
    ...(p.debtorEmail ? { email: p.debtorEmail } : {}),
    // Past the due date a notice stays payable (a late fee is still owed): GPD must not expire it.
    switchToExpired: false,
    companyName: creditor.name,
    ...(creditor.sector ? { officeName: creditor.sector } : {}),
    paymentOption: p.options.map((o) => ({
      nav: o.nav,
      iuv: o.iuv,
      amount: o.amountCents,
      description: p.description,
      isPartialPayment: p.options.length > 1,
      dueDate: endOfDay(o.dueOn),
      transfer: o.transfers.map((t) => ({
        idTransfer: String(t.idx) as '1' | '2' | '3' | '4' | '5',
        amount: t.amountCents,
        organizationFiscalCode: creditor.fiscalCode,
        remittanceInformation: t.remittance,
        category: t.taxonomy,
        ...(t.iban ? { iban: t.iban } : {}),
        ...(t.stamp ? { stamp: { hashDocument: t.stamp.hash, stampType: t.stamp.type, provincialResidence: t.stamp.province } } : {}),
      })),
    })),
  };
}

export interface CartNotice {
  nav: string;
  amountCents: number;
  description: string;
}

export function cartRequest(
  notices: CartNotice[],
  creditor: CreditorForGpd,
  returnUrls: { ok: string; cancel: string; error: string },
  opts: { email: string | null; cartId: string },
): CartRequest {
  return {
    paymentNotices: notices.map((n) => ({
      noticeNumber: n.nav,
      fiscalCode: creditor.fiscalCode,
      amount: n.amountCents,
      companyName: creditor.name.slice(0, 140),
      description: n.description.slice(0, 140),
    })),
    returnUrls: { returnOkUrl: returnUrls.ok, returnCancelUrl: returnUrls.cancel, returnErrorUrl: returnUrls.error },
    ...(opts.email ? { emailNotice: opts.email } : {}),
    idCart: opts.cartId,
  };
}
