// The people and helpers of the payments tests: Bari on a fresh database, Mario and Anna logged in,
// the URP and the admin signed in, and the calls a test repeats (a fee from the desk, the checkout,
// the simulator's card, the return page, a position's detail).
import { loginAs } from './citizen.ts';
import { startHarness, type Harness } from './harness.ts';
import { signIn } from './operator.ts';

export const MARIO = 'RSSMRA85T10A562S';
export const ANNA = 'SPSNNA90D55A662O';
export const BARI_FISCAL_CODE = '80015010723';
export type Citizen = Awaited<ReturnType<typeof loginAs>>;
export type Officer = Awaited<ReturnType<typeof signIn>>;

/** The NAV's check digits, computed from the rule (DOMAIN.md), not by the code under test. */
export const navIsValid = (nav: string) => /^3\d{17}$/.test(nav) && (BigInt(nav.slice(0, 16)) % 93n).toString().padStart(2, '0') === nav.slice(16);
export const cartOf = (url: string) => /\/pagopa-simulatore\/([0-9a-f-]{36})$/.exec(url)?.[1] ?? '';

export interface PaymentsWorld {
  h: Harness;
  mario: Citizen;
  anna: Citizen;
  urp: Officer;
  admin: Officer;
  /** After the clock moved by days: everyone signs in again (sessions expire). */
  signInAgain(): Promise<void>;
  create(body?: Record<string, unknown>, key?: string): ReturnType<Officer['request']>;
  checkout(who: Citizen, ids: string[]): ReturnType<Citizen['request']>;
  back(who: Citizen, checkoutId: string, outcome: string): ReturnType<Citizen['request']>;
  simPay(checkoutUrl: string, outcome: string): Promise<Awaited<ReturnType<Officer['request']>>>;
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON, read by each test as it needs
  detail(id: string): Promise<any>;
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON, read by each test as it needs
  minePayments(who: Citizen): Promise<any>;
}

export async function paymentsWorld(url: string | undefined): Promise<PaymentsWorld> {
  const h = await startHarness({ url });
  const w = { h } as PaymentsWorld;
  w.signInAgain = async () => {
    w.mario = await loginAs(h.app, 'bari', MARIO);
    w.anna = await loginAs(h.app, 'bari', ANNA);
    w.urp = await signIn(h.app, 'bari', 'urp.bari');
    w.admin = await signIn(h.app, 'bari', 'admin.bari');
  };
  await w.signInAgain();
  w.create = (body = {}, key) =>
    w.urp.request({
      method: 'POST',
      url: '/api/v1/bari/operator/payments',
      payload: {
        debtor: { fiscalCode: MARIO, name: 'Mario Rossi' },
        amountCents: 1650,
        description: 'Diritti di segreteria certificato',
        dueDate: '2026-03-31',
        kind: 'diritti-segreteria',
        ...body,
      },
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
    });
  w.checkout = (who, ids) => who.request({ method: 'POST', url: '/api/v1/bari/me/payments/checkout', payload: { paymentIds: ids } });
  w.back = (who, id, outcome) => who.request({ method: 'POST', url: `/api/v1/bari/me/payments/checkouts/${id}/return`, payload: { outcome } });
  w.simPay = async (checkoutUrl, outcome) => h.app.inject({ method: 'POST', url: `/api/v1/pagopa-simulator/carts/${cartOf(checkoutUrl)}/pay`, payload: { outcome } });
  w.detail = async (id) => (await w.urp.request({ method: 'GET', url: `/api/v1/bari/operator/payments/${id}` })).json();
  w.minePayments = async (who) => (await who.request({ method: 'GET', url: '/api/v1/bari/me/payments' })).json();
  return w;
}
