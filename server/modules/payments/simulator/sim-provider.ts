// The local pagoPA simulator (AMBIENTE DI PROVA), the default provider: it takes the same GPD and
// Checkout bodies as pagoPA and keeps them in its own tables (pagopa_sim_*), serves a checkout page
// where a test card pays, fails, is abandoned, pays with a late receipt or with a duplicated one,
// and reports receipts the way GPD does (per position, and the comune's since a time). No money, no
// network: `npm start` and the tests exercise every path of the real flow offline.
import type { Kysely } from 'kysely';
import type { Clock } from '../../../platform/clock.ts';
import type { DB } from '../../../platform/db/schema.ts';
import type { CartRequest, GpdPosition, PaymentProvider, ProviderReceipt } from '../provider.ts';

/** Where the simulator's checkout page lives (a citizen page: web/src/citizen/payments). */
export const simCheckoutPath = (cartId: string) => `/pagopa-simulatore/${cartId}`;

export class SimulatorProvider implements PaymentProvider {
  readonly kind = 'simulator' as const;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly organization: string,
    private readonly publicUrl: string,
  ) {}

  async publish(position: GpdPosition): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('pagopa_sim_positions')
        .values({ organization: this.organization, iupd: position.iupd, status: 'VALID', body: JSON.stringify(position) })
        .onConflict((oc) => oc.doNothing())
        .returning('iupd')
        .executeTakeFirst();
      // Like GPD's 409 on a duplicate: the position is there already.
      if (!inserted) return;
      for (const o of position.paymentOption ?? []) {
        await trx.insertInto('pagopa_sim_options').values({ organization: this.organization, iuv: o.iuv, iupd: position.iupd, amount_cents: o.amount }).execute();
      }
    });
  }

  async invalidate(iupd: string): Promise<void> {
    await this.db
      .updateTable('pagopa_sim_positions')
      .set({ status: 'INVALID' })
      .where('organization', '=', this.organization)
      .where('iupd', '=', iupd)
      .where('status', '=', 'VALID')
      .execute();
  }

  async markPaidElsewhere(nav: string): Promise<void> {
    await this.db.updateTable('pagopa_sim_options').set({ status: 'PAID' }).where('organization', '=', this.organization).where('iuv', '=', nav.slice(1)).execute();
  }

  async openCart(cart: CartRequest): Promise<string> {
    const row = await this.db
      .insertInto('pagopa_sim_carts')
      .values({ body: JSON.stringify(cart) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return `${this.publicUrl}${simCheckoutPath(row.id)}`;
  }

  async receiptsOf(iupd: string): Promise<ProviderReceipt[]> {
    const rows = await this.db
      .selectFrom('pagopa_sim_receipts as r')
      .innerJoin('pagopa_sim_options as o', (j) => j.onRef('o.organization', '=', 'r.organization').onRef('o.iuv', '=', 'r.iuv'))
      .select(['r.receipt_id', 'r.iuv', 'r.body', 'r.available_at'])
      .where('r.organization', '=', this.organization)
      .where('o.iupd', '=', iupd)
      .where('r.available_at', '<=', this.clock.now())
      .orderBy('r.id')
      .execute();
    return rows.map(toReceipt);
  }

  async receiptsBetween(from: Date, to: Date): Promise<ProviderReceipt[]> {
    const rows = await this.db
      .selectFrom('pagopa_sim_receipts')
      .select(['receipt_id', 'iuv', 'body', 'available_at'])
      .where('organization', '=', this.organization)
      .where('available_at', '>=', from)
      .where('available_at', '<=', to)
      .where('available_at', '<=', this.clock.now())
      .orderBy('id')
      .execute();
    return rows.map(toReceipt);
  }
}

interface SimReceiptBody {
  amount: number;
  paymentDateTime: string;
  pspCompany: string;
  payer: string | null;
}

function toReceipt(row: { receipt_id: string; iuv: string; body: unknown }): ProviderReceipt {
  const body = row.body as SimReceiptBody;
  return { receiptId: row.receipt_id, iuv: row.iuv, amountCents: body.amount, paidAt: new Date(body.paymentDateTime), psp: body.pspCompany, payer: body.payer, raw: body };
}
