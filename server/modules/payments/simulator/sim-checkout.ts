// The simulator's checkout: what its page shows of a cart, and what each test card does. A paid cart
// marks its notices paid and writes their receipts as pagoPA would: at once, two minutes late
// ("paid_late": the citizen comes back before the receipt), or twice ("paid_twice": the same receipt
// delivered again). A notice already paid, withdrawn or unknown makes the whole payment fail, as the
// pagoPA node refuses it; nothing is charged.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../../platform/clock.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { appError } from '../../../platform/http/errors.ts';
import type { CartRequest } from '../provider.ts';

export type SimOutcome = 'paid' | 'failed' | 'cancelled' | 'paid_late' | 'paid_twice';
const LATE_MS = 2 * 60_000;

export interface SimCartView {
  id: string;
  closed: boolean;
  notices: CartRequest['paymentNotices'];
  totalCents: number;
  cancelUrl: string;
}

export async function simCart(db: Kysely<DB>, id: string): Promise<SimCartView> {
  const row = await db.selectFrom('pagopa_sim_carts').select(['id', 'body', 'closed_at']).where('id', '=', id).executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', { variant: 'payment' });
  const cart = row.body as CartRequest;
  return {
    id: row.id,
    closed: row.closed_at !== null,
    notices: cart.paymentNotices,
    totalCents: cart.paymentNotices.reduce((a, n) => a + n.amount, 0),
    cancelUrl: cart.returnUrls.returnCancelUrl,
  };
}

/** Runs a test card on a cart; returns where pagoPA's checkout would send the citizen back. */
export async function paySimCart(db: Kysely<DB>, clock: Clock, id: string, outcome: SimOutcome): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('pagopa_sim_carts').select(['body', 'closed_at']).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row) throw appError('NOT_FOUND', { variant: 'payment' });
    const cart = row.body as CartRequest;
    const urls = cart.returnUrls;
    if (row.closed_at) throw appError('PAYMENT_STATE_CONFLICT', { params: { status: { it: 'concluso', en: 'closed' } } });
    const close = (result: SimOutcome) => trx.updateTable('pagopa_sim_carts').set({ outcome: result, closed_at: clock.now() }).where('id', '=', id).execute();
    if (outcome === 'cancelled' || outcome === 'failed') {
      await close(outcome);
      return outcome === 'cancelled' ? urls.returnCancelUrl : urls.returnErrorUrl;
    }
    const now = clock.now();
    for (const n of cart.paymentNotices) {
      const option = await trx
        .selectFrom('pagopa_sim_options as o')
        .innerJoin('pagopa_sim_positions as p', (j) => j.onRef('p.organization', '=', 'o.organization').onRef('p.iupd', '=', 'o.iupd'))
        .select(['o.status', 'o.amount_cents', 'p.status as position_status', 'p.body'])
        .where('o.organization', '=', n.fiscalCode)
        .where('o.iuv', '=', n.noticeNumber.slice(1))
        .forUpdate()
        .executeTakeFirst();
      if (!option || option.status === 'PAID' || option.position_status !== 'VALID' || option.amount_cents !== n.amount) {
        await close('failed');
        return urls.returnErrorUrl;
      }
      await trx.updateTable('pagopa_sim_options').set({ status: 'PAID' }).where('organization', '=', n.fiscalCode).where('iuv', '=', n.noticeNumber.slice(1)).execute();
      const body = {
        receiptId: randomUUID().replaceAll('-', ''),
        noticeNumber: n.noticeNumber,
        amount: n.amount,
        paymentDateTime: now.toISOString(),
        pspCompany: 'Banca di prova (simulatore pagoPA)',
        payer: (option.body as { fiscalCode?: string }).fiscalCode ?? null,
        description: n.description,
        companyName: n.companyName,
      };
      const receipt = {
        organization: n.fiscalCode,
        iuv: n.noticeNumber.slice(1),
        receipt_id: body.receiptId,
        body: JSON.stringify(body),
        available_at: outcome === 'paid_late' ? new Date(now.getTime() + LATE_MS) : now,
      };
      await trx.insertInto('pagopa_sim_receipts').values(receipt).execute();
      if (outcome === 'paid_twice') await trx.insertInto('pagopa_sim_receipts').values(receipt).execute();
    }
    await close(outcome);
    return urls.returnOkUrl;
  });
}

/**
 * A receipt for a notice the comune never issued (a test hook: pagoPA can report one when a notice
 * was created elsewhere, e.g. by another system of the comune). Reconciliation must flag it.
 */
export async function simForeignReceipt(db: Kysely<DB>, organization: string, iuv: string, amountCents: number, at: Date): Promise<string> {
  const receiptId = randomUUID().replaceAll('-', '');
  const body = { receiptId, noticeNumber: `3${iuv}`, amount: amountCents, paymentDateTime: at.toISOString(), pspCompany: 'Banca di prova (simulatore pagoPA)', payer: null };
  await db
    .insertInto('pagopa_sim_receipts')
    .values({ organization, iuv, receipt_id: receiptId, body: JSON.stringify(body), available_at: at })
    .execute();
  return receiptId;
}
