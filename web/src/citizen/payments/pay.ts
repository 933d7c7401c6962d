// Taking positions to pagoPA's checkout: the server opens the cart, the browser goes to its page
// (pagoPA's, or the local simulator's), and comes back to the outcome page.
import type { Payment } from '../../../../contracts/payments.ts';
import { api } from '../../shared/api.ts';

export const paymentsPath = (slug: string) => `/${slug}/area-personale/pagamenti`;
export const outcomePath = (slug: string, checkoutId: string) => `${paymentsPath(slug)}/esito/${checkoutId}`;

export async function goToCheckout(slug: string, paymentIds: string[]): Promise<void> {
  const { checkoutUrl } = await api<{ checkoutId: string; checkoutUrl: string }>(`/api/v1/${slug}/me/payments/checkout`, { method: 'POST', body: { paymentIds } });
  window.location.assign(checkoutUrl);
}

export const STATUS_WORDS: Record<Payment['status'], string> = {
  draft: 'In preparazione',
  payable: 'Da pagare',
  paid: 'Pagato',
  expired: 'Scaduto',
  cancelled: 'Annullato',
};

export const STATUS_BADGE: Record<Payment['status'], string> = {
  draft: 'bg-secondary',
  payable: 'bg-primary',
  paid: 'bg-success',
  expired: 'bg-warning text-dark',
  cancelled: 'bg-secondary',
};
