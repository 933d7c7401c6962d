// A citizen pays: up to five positions in one pagoPA Checkout cart, and the way back. The return page
// is told how it went (paid, cancelled, failed) and, back from a payment, Sportello asks the provider
// for the receipts at once; until they arrive the page says the outcome is awaited and asks again.
import type { AppContext } from '../../platform/context.ts';
import { appError } from '../../platform/http/errors.ts';
import type { CitizenPrincipal } from '../../platform/citizens/sessions.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { requireCreditor } from './creditor.ts';
import { canCheckout, STATE_WORDS } from './domain/lifecycle.ts';
import { cartRequest } from './gpd-requests.ts';
import { ProviderUnavailable } from './provider.ts';
import { providerFor } from './providers.ts';
import { findPosition, type PositionWithOptions } from './repository.ts';
import { publishPosition, pullReceipts } from './sync.ts';
import { optionToPay } from './views.ts';

export type CheckoutOutcome = 'ok' | 'cancelled' | 'error';
export type CheckoutState = 'paid' | 'waiting' | 'cancelled' | 'failed' | 'started';

const unavailable = (err: unknown) => {
  if (err instanceof ProviderUnavailable) return appError('PAYMENT_PROVIDER_UNAVAILABLE');
  return err;
};

async function ownPositions(ctx: AppContext, tenant: Tenant, citizen: CitizenPrincipal, ids: readonly string[]): Promise<PositionWithOptions[]> {
  const out: PositionWithOptions[] = [];
  for (const id of ids) {
    const p = await findPosition(ctx.db, tenant.id, id);
    // Someone else's position is as unknown as a missing one.
    if (!p || p.debtor_fiscal_code !== citizen.citizen.fiscal_code) throw appError('NOT_FOUND', { variant: 'payment' });
    out.push(p);
  }
  return out;
}

export async function startCheckout(ctx: AppContext, tenant: Tenant, citizen: CitizenPrincipal, ids: readonly string[]): Promise<{ checkoutId: string; checkoutUrl: string }> {
  const creditor = await requireCreditor(ctx.db, tenant.id);
  let positions = await ownPositions(ctx, tenant, citizen, ids);
  for (const p of positions) {
    if (!canCheckout(p.status) || !optionToPay(p)) throw appError('PAYMENT_NOT_PAYABLE', { params: { description: p.description, status: STATE_WORDS[p.status] } });
  }
  // A position the worker has not published yet is published now: the checkout needs it at pagoPA.
  for (const p of positions.filter((x) => x.status === 'draft')) await publishPosition(ctx, tenant.id, p.id).catch((err: unknown) => Promise.reject(unavailable(err)));
  positions = await ownPositions(ctx, tenant, citizen, ids);
  // Paid or cancelled while the drafts were being published: said, not a crash.
  const options = positions.map((p) => {
    const o = optionToPay(p);
    if (!o || !canCheckout(p.status)) throw appError('PAYMENT_NOT_PAYABLE', { params: { description: p.description, status: STATE_WORDS[p.status] } });
    return { p, o };
  });
  const checkout = await ctx.db
    .insertInto('payment_checkouts')
    .values({ tenant_id: tenant.id, fiscal_code: citizen.citizen.fiscal_code, option_ids: options.map((x) => x.o.id), created_at: ctx.clock.now() })
    .returning('id')
    .executeTakeFirstOrThrow();
  const back = `${ctx.config.publicUrl}/${tenant.slug}/area-personale/pagamenti/esito/${checkout.id}`;
  const cart = cartRequest(
    options.map(({ p, o }) => ({ nav: o.nav, amountCents: o.amount_cents, description: o.instalment > 0 ? `${p.description} (rata ${o.instalment})` : p.description })),
    creditor,
    { ok: `${back}?esito=ok`, cancel: `${back}?esito=annullato`, error: `${back}?esito=errore` },
    { email: citizen.citizen.email, cartId: checkout.id },
  );
  const url = await providerFor(ctx, creditor)
    .openCart(cart)
    .catch((err: unknown) => Promise.reject(unavailable(err)));
  await ctx.bus.transaction(ctx.db, async (trx) => {
    await trx.updateTable('payment_checkouts').set({ checkout_url: url }).where('id', '=', checkout.id).execute();
    for (const { p, o } of options) {
      await ctx.bus.record(trx, {
        tenantId: tenant.id,
        actor: { type: 'citizen', id: citizen.citizen.id },
        action: 'payment.checkout-started',
        entityId: p.id,
        details: { name: p.description, nav: o.nav, amountCents: o.amount_cents, checkoutId: checkout.id },
      });
    }
  });
  return { checkoutId: checkout.id, checkoutUrl: url };
}

async function loadCheckout(ctx: AppContext, tenant: Tenant, citizen: CitizenPrincipal, id: string) {
  const row = await ctx.db
    .selectFrom('payment_checkouts')
    .selectAll()
    .where('tenant_id', '=', tenant.id)
    .where('id', '=', id)
    .where('fiscal_code', '=', citizen.citizen.fiscal_code)
    .executeTakeFirst();
  if (!row) throw appError('NOT_FOUND', { variant: 'payment' });
  return row;
}

/** Where the checkout stands; with `outcome`, the citizen just came back with it. */
export async function checkoutStatus(
  ctx: AppContext,
  tenant: Tenant,
  citizen: CitizenPrincipal,
  id: string,
  outcome?: CheckoutOutcome,
): Promise<{ state: CheckoutState; positions: PositionWithOptions[] }> {
  let row = await loadCheckout(ctx, tenant, citizen, id);
  if (outcome && row.outcome !== outcome) {
    await ctx.db.updateTable('payment_checkouts').set({ outcome, returned_at: ctx.clock.now() }).where('id', '=', id).execute();
    row = { ...row, outcome };
  }
  const positionIds = await ctx.db.selectFrom('payment_options').select('position_id').where('id', 'in', row.option_ids).execute();
  let positions = await ownPositions(
    ctx,
    tenant,
    citizen,
    positionIds.map((r) => r.position_id),
  );
  const paid = () => row.option_ids.every((oid) => positions.some((p) => p.options.some((o) => o.id === oid && o.status === 'paid')));
  if (!paid() && row.outcome === 'ok') {
    // Back from a payment: the receipts may be there already.
    const creditor = await requireCreditor(ctx.db, tenant.id);
    for (const p of positions) await pullReceipts(ctx, tenant, p, creditor).catch((err: unknown) => ctx.log.warn({ err }, 'receipts not available yet'));
    positions = await ownPositions(
      ctx,
      tenant,
      citizen,
      positions.map((p) => p.id),
    );
  }
  const state: CheckoutState = paid() ? 'paid' : row.outcome === 'ok' ? 'waiting' : row.outcome === 'cancelled' ? 'cancelled' : row.outcome === 'error' ? 'failed' : 'started';
  return { state, positions };
}
