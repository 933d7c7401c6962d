// Which change a debt position allows from which state. Pure; change-payment.ts applies it under the
// position's row lock.
//   draft ── publish ──▶ payable ── due date passes ──▶ expired
//   draft | payable | expired ── pay (receipt or "segna come pagato") ──▶ paid
//   draft | payable | expired ── cancel ──▶ cancelled
// A notice stays payable after its due date (GPD is told not to expire it): a late payment still
// settles the debt. Paid and cancelled are final; a receipt that reaches a final position is kept
// and shown to the admins (paid twice, or paid after cancellation: a refund to arrange).
export type PaymentState = 'draft' | 'payable' | 'paid' | 'expired' | 'cancelled';
export type PaymentAction = 'publish' | 'pay' | 'cancel' | 'expire';

const ALLOWED: Record<PaymentAction, readonly PaymentState[]> = {
  publish: ['draft'],
  pay: ['draft', 'payable', 'expired'],
  cancel: ['draft', 'payable', 'expired'],
  expire: ['payable'],
};

const TARGET: Record<PaymentAction, PaymentState> = { publish: 'payable', pay: 'paid', cancel: 'cancelled', expire: 'expired' };

export function allows(state: PaymentState, action: PaymentAction): boolean {
  return ALLOWED[action].includes(state);
}

/** The state after `action`, or null when the state does not allow it. */
export function next(state: PaymentState, action: PaymentAction): PaymentState | null {
  return allows(state, action) ? TARGET[action] : null;
}

/** Whether a citizen may take it to the checkout. */
export const canCheckout = (state: PaymentState) => state === 'draft' || state === 'payable' || state === 'expired';

export const STATE_WORDS: Record<PaymentState, { it: string; en: string }> = {
  draft: { it: 'in preparazione', en: 'being prepared' },
  payable: { it: 'da pagare', en: 'to pay' },
  paid: { it: 'pagato', en: 'paid' },
  expired: { it: 'scaduto', en: 'overdue' },
  cancelled: { it: 'annullato', en: 'cancelled' },
};
