// Scheduled work on positions, per comune that collects with pagoPA:
// - publish the drafts the inline attempt and the job left behind;
// - pull receipts: every minute for positions a citizen took to the checkout in the last day, every
//   hour for every open position, and the comune's receipts of the last two days (pagoPA's list: the
//   only place a payment for a notice we do not know shows up) — all idempotent;
// - every hour: overdue positions become "expired" (still payable), and a reminder goes to debtors
//   three days before the due date.
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { addDays, localDate } from '../../platform/time/zoned-time.ts';
import { applyReceipt, type ReceiptResult } from './change-payment.ts';
import { type Creditor, findCreditor } from './creditor.ts';
import { euro } from './domain/amounts.ts';
import { navInGroups } from './domain/notice-number.ts';
import { providerFor } from './providers.ts';
import { findPosition } from './repository.ts';
import { publishPosition, pullReceipts, tenantOf } from './sync.ts';

const DAY_MS = 86_400_000;

async function creditors(ctx: AppContext): Promise<{ tenant: Tenant; creditor: Creditor }[]> {
  const rows = await ctx.db.selectFrom('payment_creditors').select('tenant_id').execute();
  const out: { tenant: Tenant; creditor: Creditor }[] = [];
  for (const r of rows) {
    const [tenant, creditor] = await Promise.all([tenantOf(ctx, r.tenant_id), findCreditor(ctx.db, r.tenant_id)]);
    if (tenant && creditor) out.push({ tenant, creditor });
  }
  return out;
}

async function safely<T>(ctx: AppContext, what: string, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (err) {
    ctx.log.warn({ err }, `payments: ${what} failed; next round retries`);
    return null;
  }
}

/** Every minute: drafts, and receipts of recent checkouts. Returns how many receipts changed something. */
export async function reconcileRecent(ctx: AppContext): Promise<number> {
  let applied = 0;
  const now = ctx.clock.now();
  for (const { tenant, creditor } of await creditors(ctx)) {
    const drafts = await ctx.db
      .selectFrom('payment_positions')
      .select('id')
      .where('tenant_id', '=', tenant.id)
      .where('status', '=', 'draft')
      .where('created_at', '<', new Date(now.getTime() - 30_000))
      .limit(200)
      .execute();
    for (const d of drafts) await safely(ctx, 'publication', () => publishPosition(ctx, tenant.id, d.id));
    const recent = await ctx.db
      .selectFrom('payment_checkouts as c')
      .innerJoin('payment_options as o', (j) => j.on(sql<boolean>`o.id = any(c.option_ids)`))
      .select('o.position_id')
      .distinct()
      .where('c.tenant_id', '=', tenant.id)
      .where('c.created_at', '>', new Date(now.getTime() - DAY_MS))
      .where('o.status', '=', 'payable')
      .limit(500)
      .execute();
    for (const r of recent) applied += await pullFor(ctx, tenant, creditor, r.position_id);
  }
  return applied;
}

async function pullFor(ctx: AppContext, tenant: Tenant, creditor: Creditor, positionId: string): Promise<number> {
  const p = await findPosition(ctx.db, tenant.id, positionId);
  if (!p) return 0;
  const results = (await safely(ctx, 'receipts', () => pullReceipts(ctx, tenant, p, creditor))) ?? [];
  return results.filter((r) => r !== 'duplicate').length;
}

/** Every hour: all open positions, the comune's receipt list, expiries and reminders. */
export async function reconcileAll(ctx: AppContext): Promise<number> {
  let changed = 0;
  const now = ctx.clock.now();
  for (const { tenant, creditor } of await creditors(ctx)) {
    const open = await ctx.db
      .selectFrom('payment_positions')
      .select('id')
      .where('tenant_id', '=', tenant.id)
      .where('status', 'in', ['payable', 'expired'])
      .where('published_at', 'is not', null)
      .orderBy('due_on')
      .limit(5000)
      .execute();
    for (const p of open) changed += await pullFor(ctx, tenant, creditor, p.id);
    const listed = (await safely(ctx, 'receipt list', () => providerFor(ctx, creditor).receiptsBetween(new Date(now.getTime() - 2 * DAY_MS), now))) ?? [];
    const results: ReceiptResult[] = [];
    for (const r of listed) {
      const out = await safely(ctx, `receipt ${r.receiptId}`, () => applyReceipt(ctx, tenant, r));
      if (out) results.push(out);
    }
    changed += results.filter((r) => r !== 'duplicate').length;
    changed += await expireAndRemind(ctx, tenant);
  }
  return changed;
}

async function expireAndRemind(ctx: AppContext, tenant: Tenant): Promise<number> {
  const today = localDate(ctx.clock.now().getTime(), tenant.time_zone);
  let n = 0;
  await ctx.bus.transaction(ctx.db, async (trx) => {
    // Overdue: a notice still open past its due date (an instalment plan paid on time is not).
    const overdue = await trx
      .updateTable('payment_positions')
      .set({ status: 'expired', updated_at: ctx.clock.now() })
      .where('tenant_id', '=', tenant.id)
      .where('status', '=', 'payable')
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('payment_options as o').select('o.id').whereRef('o.position_id', '=', 'payment_positions.id').where('o.status', '=', 'payable').where('o.due_on', '<', today),
        ),
      )
      .returning(['id', 'description'])
      .execute();
    for (const p of overdue) {
      await ctx.bus.record(trx, { tenantId: tenant.id, actor: { type: 'system' }, action: 'payment.expired', entityId: p.id, details: { name: p.description } });
    }
    n += overdue.length;
    // A reminder per notice (each instalment its own), three days before its due date.
    const soon = await trx
      .updateTable('payment_options')
      .set({ reminded_at: ctx.clock.now() })
      .where('tenant_id', '=', tenant.id)
      .where('status', '=', 'payable')
      .where('reminded_at', 'is', null)
      .where('due_on', '>=', today)
      .where('due_on', '<=', addDays(today, 3))
      .where(({ exists, selectFrom }) =>
        exists(selectFrom('payment_positions as p').select('p.id').whereRef('p.id', '=', 'payment_options.position_id').where('p.status', '=', 'payable')),
      )
      .returning(['id', 'position_id', 'instalment', 'nav', 'amount_cents', 'due_on'])
      .execute();
    for (const o of soon) {
      const p = (await findPosition(trx, tenant.id, o.position_id))!;
      const link = `/${tenant.slug}/area-personale/pagamenti`;
      const what = o.instalment > 0 ? `"${p.description}" (rata ${o.instalment})` : `"${p.description}"`;
      await ctx.bus.record(trx, {
        tenantId: tenant.id,
        actor: { type: 'system' },
        action: 'payment.reminded',
        entityId: p.id,
        details: { name: p.description, dueOn: o.due_on, instalment: o.instalment },
        notices: [
          {
            dedupeKey: `payment-reminder:${o.id}`,
            subject: `Promemoria: pagamento in scadenza - ${p.description}`.slice(0, 200),
            lines: [
              `Gentile ${p.debtor_name},`,
              `ti ricordiamo che il pagamento di ${euro(o.amount_cents)} per ${what} scade il ${o.due_on.split('-').reverse().join('/')}.`,
              `Codice avviso: ${navInGroups(o.nav)}`,
              `Puoi pagare online dalla tua area personale: ${ctx.config.publicUrl}${link}`,
            ],
            ...(p.debtor_email ? { email: { to: p.debtor_email, brand: { ...(tenant.branding ?? {}), name: tenant.name, publicUrl: ctx.config.publicUrl } } } : {}),
            ...(p.debtor_type === 'F' ? { inbox: { fiscalCode: p.debtor_fiscal_code, link, at: ctx.clock.now() } } : {}),
          },
        ],
      });
    }
    n += soon.length;
  });
  return n;
}
