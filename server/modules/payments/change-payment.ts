// Every change to a debt position goes through here, under the position's row lock: the rule
// (domain/lifecycle), the rows, the audit entry, the event (an application waiting for its fee moves
// on), the citizen's email and personal-area message, and the "Scadenze" entry closed.
//
// Receipts are idempotent: a receipt is stored once by pagoPA's receipt id (a duplicate changes
// nothing), and only the first payment of a notice pays it. A receipt that cannot pay (unknown notice,
// notice already paid, position cancelled) is kept with its outcome for the admins to review.
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { ReceiptOutcome } from '../../platform/db/schema-payments.ts';
import { appError } from '../../platform/http/errors.ts';
import { enqueueJob } from '../../platform/jobs.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { findCreditor } from './creditor.ts';
import { receiptFileName, receiptPdf } from './documents.ts';
import { euro } from './domain/amounts.ts';
import { next, type PaymentAction, STATE_WORDS } from './domain/lifecycle.ts';
import { navInGroups } from './domain/notice-number.ts';
import type { ProviderReceipt } from './provider.ts';
import { lockPosition, type PositionWithOptions } from './repository.ts';

export const SYNC_JOB = 'payments.sync';

const notFound = () => appError('NOT_FOUND', { variant: 'payment' });
const conflict = (p: PositionWithOptions) => appError('PAYMENT_STATE_CONFLICT', { params: { status: STATE_WORDS[p.status] } });
const brand = (ctx: AppContext, tenant: Tenant) => ({ ...(tenant.branding ?? {}), name: tenant.name, publicUrl: ctx.config.publicUrl });
const page = (tenant: Tenant) => `/${tenant.slug}/area-personale/pagamenti`;

function ruled(p: PositionWithOptions, action: PaymentAction) {
  const to = next(p.status, action);
  if (!to) throw conflict(p);
  return to;
}

async function closeDeadlines(trx: Transaction<DB>, tenantId: string, positionId: string, now: Date): Promise<void> {
  await trx
    .updateTable('citizen_deadlines')
    .set({ done_at: now })
    .where('tenant_id', '=', tenantId)
    .where('source', '=', `payment:${positionId}`)
    .where('done_at', 'is', null)
    .execute();
}

/** The position is paid once all its options are (or when its single option is). */
async function settleIfPaid(
  ctx: AppContext,
  trx: Transaction<DB>,
  tenant: Tenant,
  positionId: string,
  via: 'pagopa' | 'offline',
  officer: OperatorPrincipal | null,
): Promise<boolean> {
  const p = (await lockPosition(trx, tenant.id, positionId))!;
  const single = p.options.find((o) => o.instalment === 0);
  const paid = single ? single.status === 'paid' : p.options.every((o) => o.status === 'paid');
  if (!paid) return false;
  ruled(p, 'pay');
  const now = ctx.clock.now();
  await trx.updateTable('payment_positions').set({ status: 'paid', paid_at: now, updated_at: now }).where('id', '=', p.id).execute();
  await trx.updateTable('payment_options').set({ status: 'cancelled' }).where('position_id', '=', p.id).where('status', '=', 'payable').execute();
  await closeDeadlines(trx, tenant.id, p.id, now);
  const creditor = (await findCreditor(trx, tenant.id))!;
  const settled = (await lockPosition(trx, tenant.id, p.id))!;
  const pdf = await receiptPdf(trx, settled, creditor, now);
  await ctx.bus.record(trx, {
    tenantId: tenant.id,
    actor: officer ? { type: 'operator', id: officer.id } : { type: 'system' },
    action: via === 'pagopa' ? 'payment.paid' : 'payment.marked-paid',
    entityId: p.id,
    details: { name: p.description, amountCents: p.amount_cents },
    payload: { applicationId: p.application_id, status: 'paid' },
    notices: [
      {
        dedupeKey: `payment-paid:${p.id}`,
        subject: `Pagamento ricevuto: ${p.description}`.slice(0, 200),
        lines: [
          `Gentile ${p.debtor_name},`,
          `il ${tenant.name} ha ricevuto il tuo pagamento di ${euro(p.amount_cents)} per "${p.description}" (codice avviso ${navInGroups(p.options[0]!.nav)}).`,
          via === 'offline' ? "Il pagamento è stato registrato dall'ufficio." : 'Trovi la ricevuta allegata e nella tua area personale.',
        ],
        ...(p.debtor_email
          ? {
              email: {
                to: p.debtor_email,
                brand: brand(ctx, tenant),
                attachments: pdf ? [{ filename: receiptFileName(p), contentType: 'application/pdf', content: pdf.toString('base64') }] : [],
              },
            }
          : {}),
        ...(p.debtor_type === 'F' ? { inbox: { fiscalCode: p.debtor_fiscal_code, link: page(tenant), operatorId: officer?.id ?? null, at: now } } : {}),
      },
    ],
  });
  return true;
}

/** `malformed`: not a receipt we can read (no amount, no date, no IUV): logged, never stored. */
export type ReceiptResult = ReceiptOutcome | 'duplicate' | 'malformed';

const readable = (r: ProviderReceipt) =>
  Number.isSafeInteger(r.amountCents) && r.amountCents > 0 && !Number.isNaN(r.paidAt.getTime()) && /^\d{1,35}$/.test(r.iuv) && r.receiptId.length > 0 && r.receiptId.length <= 100;

const ANOMALY_WORDS: Record<Exclude<ReceiptOutcome, 'applied'>, string> = {
  unknown_notice: 'avviso sconosciuto: da abbinare a mano',
  amount_mismatch: "importo diverso da quello dell'avviso: verificare",
  already_paid: 'avviso già pagato: pagamento doppio da rimborsare',
  cancelled_position: 'posizione annullata: pagamento da rimborsare',
};

/** Applies one receipt from pagoPA (or the simulator): pays its notice once, whatever the order and the repeats. */
export async function applyReceipt(ctx: AppContext, tenant: Tenant, r: ProviderReceipt): Promise<ReceiptResult> {
  if (!readable(r)) {
    ctx.log.warn({ receipt: { id: r.receiptId, iuv: r.iuv, amountCents: r.amountCents } }, 'pagoPA receipt not readable: skipped');
    return 'malformed';
  }
  return ctx.bus.transaction(ctx.db, async (trx) => {
    const option = await trx.selectFrom('payment_options').select(['id', 'position_id']).where('tenant_id', '=', tenant.id).where('iuv', '=', r.iuv).executeTakeFirst();
    // The position's lock first (the order every change takes), then the notice's.
    const position = option ? await lockPosition(trx, tenant.id, option.position_id) : null;
    const current = position?.options.find((o) => o.id === option?.id);
    const outcome: ReceiptOutcome =
      !position || !current
        ? 'unknown_notice'
        : position.status === 'cancelled'
          ? 'cancelled_position'
          : current.status === 'paid'
            ? 'already_paid'
            : r.amountCents !== current.amount_cents
              ? 'amount_mismatch'
              : 'applied';
    const stored = await trx
      .insertInto('payment_receipts')
      .values({
        tenant_id: tenant.id,
        receipt_id: r.receiptId.slice(0, 100),
        source: 'pagopa',
        iuv: r.iuv.slice(0, 35),
        option_id: current?.id ?? null,
        amount_cents: r.amountCents,
        paid_at: r.paidAt,
        psp: r.psp?.slice(0, 200) ?? null,
        payer: r.payer?.slice(0, 200) ?? null,
        outcome,
        raw: JSON.stringify(r.raw ?? null),
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'receipt_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!stored) return 'duplicate';
    // A different amount pays the notice only when it covers it (the rest is for the admins to see).
    if (position && current && (outcome === 'applied' || (outcome === 'amount_mismatch' && r.amountCents >= current.amount_cents))) {
      await trx.updateTable('payment_options').set({ status: 'paid', paid_at: r.paidAt, paid_via: 'pagopa', receipt_id: stored.id }).where('id', '=', current.id).execute();
      await settleIfPaid(ctx, trx, tenant, position.id, 'pagopa', null);
    }
    if (outcome !== 'applied') {
      // The comune's admins are told at their work address; the console lists it until reviewed.
      const admins = await trx
        .selectFrom('operators')
        .select('email')
        .where('tenant_id', '=', tenant.id)
        .where('role', '=', 'admin')
        .where('active', '=', true)
        .where('email', 'is not', null)
        .execute();
      await ctx.bus.record(trx, {
        tenantId: tenant.id,
        actor: { type: 'system' },
        action: 'payment.receipt-anomaly',
        entityId: position?.id ?? null,
        details: { outcome, iuv: r.iuv, receiptId: r.receiptId, amountCents: r.amountCents },
        notices: admins.map((a, i) => ({
          dedupeKey: `payment-anomaly:${stored.id}:${i}`,
          subject: `Ricevuta pagoPA da verificare: ${ANOMALY_WORDS[outcome]}`,
          lines: [
            `pagoPA ha comunicato un pagamento di ${euro(r.amountCents)} per lo IUV ${r.iuv} (ricevuta ${r.receiptId}).`,
            position ? `Posizione: ${position.description} (${position.debtor_name}).` : 'Il Comune non ha emesso questo avviso con Sportello.',
            ANOMALY_WORDS[outcome],
            '',
            `${ctx.config.publicUrl}/${tenant.slug}/operatore/pagamenti`,
          ],
          email: { to: a.email!, brand: brand(ctx, tenant) },
        })),
      });
    }
    return outcome;
  });
}

/** "Segna come pagato": a payment made outside pagoPA's online flow, recorded by an officer. */
export async function markPaid(ctx: AppContext, tenant: Tenant, officer: OperatorPrincipal, id: string, input: { reference: string; note?: string | undefined }): Promise<void> {
  await ctx.bus.transaction(ctx.db, async (trx) => {
    const p = await lockPosition(trx, tenant.id, id);
    if (!p) throw notFound();
    ruled(p, 'pay');
    const now = ctx.clock.now();
    const open = p.options.filter((o) => o.status === 'payable');
    const single = p.options.find((o) => o.instalment === 0);
    // The whole debt: the single payment, or every instalment still open.
    const settle = single ? [single] : open;
    for (const o of settle) {
      const receipt = await trx
        .insertInto('payment_receipts')
        .values({
          tenant_id: tenant.id,
          receipt_id: `offline:${randomUUID()}`,
          source: 'offline',
          iuv: o.iuv,
          option_id: o.id,
          amount_cents: o.amount_cents,
          paid_at: now,
          reference: input.reference.trim(),
          note: input.note?.trim() || null,
          operator_id: officer.id,
          outcome: 'applied',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.updateTable('payment_options').set({ status: 'paid', paid_at: now, paid_via: 'offline', receipt_id: receipt.id }).where('id', '=', o.id).execute();
    }
    await settleIfPaid(ctx, trx, tenant, p.id, 'offline', officer);
    await enqueueJob(trx, SYNC_JOB, { tenantId: tenant.id, positionId: p.id, op: 'paid-elsewhere' });
  });
}

/** The office withdraws a position (a fee no longer due): its notices can no longer be paid. */
export async function cancelPosition(ctx: AppContext, tenant: Tenant, officer: OperatorPrincipal, id: string, reason: string): Promise<void> {
  await ctx.bus.transaction(ctx.db, async (trx) => {
    const p = await lockPosition(trx, tenant.id, id);
    if (!p) throw notFound();
    ruled(p, 'cancel');
    // Instalments already paid: the money is in; cancelling the rest is a decision for a new position.
    if (p.options.some((o) => o.status === 'paid')) throw appError('PAYMENT_PARTIALLY_PAID');
    const now = ctx.clock.now();
    await trx.updateTable('payment_positions').set({ status: 'cancelled', cancelled_at: now, cancel_reason: reason.trim(), updated_at: now }).where('id', '=', p.id).execute();
    await trx.updateTable('payment_options').set({ status: 'cancelled' }).where('position_id', '=', p.id).where('status', '=', 'payable').execute();
    await closeDeadlines(trx, tenant.id, p.id, now);
    await enqueueJob(trx, SYNC_JOB, { tenantId: tenant.id, positionId: p.id, op: 'invalidate' });
    await ctx.bus.record(trx, {
      tenantId: tenant.id,
      actor: { type: 'operator', id: officer.id },
      action: 'payment.cancelled',
      entityId: p.id,
      details: { name: p.description, reason: reason.trim() },
      payload: { applicationId: p.application_id, status: 'cancelled' },
      notices: [
        {
          dedupeKey: `payment-cancelled:${p.id}`,
          subject: `Pagamento annullato: ${p.description}`.slice(0, 200),
          lines: [`Gentile ${p.debtor_name},`, `il ${tenant.name} ha annullato la richiesta di pagamento "${p.description}": non devi più pagarla.`, `Motivo: ${reason.trim()}`],
          ...(p.debtor_email ? { email: { to: p.debtor_email, brand: brand(ctx, tenant) } } : {}),
          ...(p.debtor_type === 'F' ? { inbox: { fiscalCode: p.debtor_fiscal_code, link: page(tenant), operatorId: officer.id, at: now } } : {}),
        },
      ],
    });
  });
}

/**
 * A citizen deletes a draft whose fee is not paid: its position is cancelled in the caller's
 * transaction (the draft's). A paid fee refuses the deletion: the money belongs to that application.
 */
export async function withdrawApplicationFee(ctx: AppContext, trx: Transaction<DB>, tenantId: string, applicationId: string, citizenId: string): Promise<void> {
  const row = await trx
    .selectFrom('payment_positions')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('application_id', '=', applicationId)
    .where('status', '<>', 'cancelled')
    .executeTakeFirst();
  if (!row) return;
  const p = (await lockPosition(trx, tenantId, row.id))!;
  // Cancelled by the office meanwhile: nothing left to withdraw.
  if (p.status === 'cancelled') return;
  if (p.status === 'paid' || p.options.some((o) => o.status === 'paid')) throw appError('APPLICATION_FEE_PAID');
  const now = ctx.clock.now();
  const reason = 'Domanda eliminata dal cittadino prima del pagamento';
  await trx.updateTable('payment_positions').set({ status: 'cancelled', cancelled_at: now, cancel_reason: reason, updated_at: now }).where('id', '=', p.id).execute();
  await trx.updateTable('payment_options').set({ status: 'cancelled' }).where('position_id', '=', p.id).where('status', '=', 'payable').execute();
  await closeDeadlines(trx, tenantId, p.id, now);
  await enqueueJob(trx, SYNC_JOB, { tenantId, positionId: p.id, op: 'invalidate' });
  await ctx.bus.record(trx, {
    tenantId,
    actor: { type: 'citizen', id: citizenId },
    action: 'payment.cancelled',
    entityId: p.id,
    details: { name: p.description, reason },
    payload: { applicationId, status: 'cancelled' },
  });
}

/** The provider has the position: draft → payable. */
export async function markPublished(ctx: AppContext, tenantId: string, id: string): Promise<void> {
  await ctx.bus.transaction(ctx.db, async (trx) => {
    const p = await lockPosition(trx, tenantId, id);
    if (!p || p.published_at) return;
    const now = ctx.clock.now();
    if (p.status !== 'draft') {
      // Cancelled or paid at the desk while it was being published: pagoPA has it now, so tell it.
      await trx.updateTable('payment_positions').set({ published_at: now }).where('id', '=', p.id).execute();
      if (p.status === 'cancelled') await enqueueJob(trx, SYNC_JOB, { tenantId, positionId: p.id, op: 'invalidate' });
      if (p.options.some((o) => o.paid_via === 'offline')) await enqueueJob(trx, SYNC_JOB, { tenantId, positionId: p.id, op: 'paid-elsewhere' });
      return;
    }
    await trx.updateTable('payment_positions').set({ status: 'payable', published_at: now, updated_at: now }).where('id', '=', p.id).execute();
    await ctx.bus.record(trx, { tenantId, actor: { type: 'system' }, action: 'payment.published', entityId: p.id, details: { name: p.description } });
  });
}
