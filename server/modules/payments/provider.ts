// What Sportello asks of pagoPA, behind one interface: publish a debt position (GPD), withdraw it,
// tell GPD a notice was paid elsewhere, open a Checkout cart, and read receipts (those of one
// position, and the comune's since a time: the only way to learn of a payment for a notice we do not
// know). Two implementations: pagoPA itself (pagopa/pagopa-provider.ts, over HTTP with the types
// generated from pagoPA's OpenAPI documents) and the local simulator (simulator/, the default). Both
// receive the same request bodies, built once in gpd-requests.ts.
import type { components as Checkout } from './pagopa/generated/checkout-carts.ts';
import type { components as Gpd } from './pagopa/generated/gpd.ts';

export type GpdPosition = Gpd['schemas']['PaymentPositionModel'];
export type GpdOption = Gpd['schemas']['PaymentOptionModel'];
export type GpdTransfer = Gpd['schemas']['TransferModel'];
export type CartRequest = Checkout['schemas']['CartRequest'];

/** A receipt as pagoPA reports it, reduced to what reconciliation needs (the rest kept in `raw`). */
export interface ProviderReceipt {
  receiptId: string;
  iuv: string;
  amountCents: number;
  paidAt: Date;
  psp: string | null;
  payer: string | null;
  raw: unknown;
}

export interface PaymentProvider {
  readonly kind: 'simulator' | 'pagopa';
  /** Creates and publishes the position; one already there (409 on GPD) counts as done. */
  publish(position: GpdPosition): Promise<void>;
  /** Withdraws a position (cancelled by the office): its notices can no longer be paid. */
  invalidate(iupd: string): Promise<void>;
  /** Tells GPD a notice was paid outside pagoPA (an officer's "segna come pagato"). */
  markPaidElsewhere(nav: string): Promise<void>;
  /** Opens a Checkout cart (1–5 notices) and returns the page to send the citizen to. */
  openCart(cart: CartRequest): Promise<string>;
  /** The receipts of a position's paid options (possibly the same receipt more than once). */
  receiptsOf(iupd: string): Promise<ProviderReceipt[]>;
  /** The comune's receipts paid in [from, to): reconciliation's net for notices we do not know. */
  receiptsBetween(from: Date, to: Date): Promise<ProviderReceipt[]>;
}

/** pagoPA did not answer, or answered with an error we cannot act on: retry later. */
export class ProviderUnavailable extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ProviderUnavailable';
  }
}
