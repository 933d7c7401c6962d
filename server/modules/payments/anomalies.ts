// What officers read about a position beyond its rows: its receipts, its history (the audit trail of
// the position, with who did what), and the receipts that need an admin (an unknown notice, a notice
// paid twice, an amount that differs, a payment after cancellation) until one records a review.
import type { Kysely } from 'kysely';
import { ACTIVITY, type ActionName } from '../../../contracts/activity.ts';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { ReceiptOutcome } from '../../platform/db/schema-payments.ts';
import { appError } from '../../platform/http/errors.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import type { PositionWithOptions } from './repository.ts';

const OUTCOME_WORDS: Record<ReceiptOutcome, string> = {
  applied: 'Pagamento registrato',
  unknown_notice: 'Avviso sconosciuto al Comune',
  amount_mismatch: "Importo diverso da quello dell'avviso",
  already_paid: 'Avviso già pagato: pagamento doppio da rimborsare',
  cancelled_position: 'Posizione annullata: pagamento da rimborsare',
};

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

type ReceiptRow = {
  id: string;
  receipt_id: string;
  source: 'pagopa' | 'offline';
  iuv: string;
  amount_cents: number;
  paid_at: Date;
  psp: string | null;
  reference: string | null;
  outcome: ReceiptOutcome;
  reviewed_at: Date | null;
};

const toReceipt = (r: ReceiptRow) => ({
  id: String(r.id),
  receiptId: r.receipt_id,
  source: r.source,
  iuv: r.iuv,
  amountCents: r.amount_cents,
  paidAt: iso(r.paid_at)!,
  psp: r.psp,
  reference: r.reference,
  outcome: r.outcome,
  outcomeLabel: OUTCOME_WORDS[r.outcome],
  reviewedAt: iso(r.reviewed_at),
});

const RECEIPT_COLUMNS = ['r.id', 'r.receipt_id', 'r.source', 'r.iuv', 'r.amount_cents', 'r.paid_at', 'r.psp', 'r.reference', 'r.outcome', 'r.reviewed_at'] as const;

export async function receiptsOfPosition(db: Kysely<DB>, p: PositionWithOptions) {
  const rows = await db
    .selectFrom('payment_receipts as r')
    .select(RECEIPT_COLUMNS)
    .where('r.tenant_id', '=', p.tenant_id)
    .where(
      'r.option_id',
      'in',
      p.options.map((o) => o.id),
    )
    .orderBy('r.id')
    .execute();
  return rows.map(toReceipt);
}

export async function paymentHistory(db: Kysely<DB>, tenantId: string, positionId: string) {
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('operators as o', (j) => j.on((eb) => eb('a.actor_type', '=', 'operator').and(eb.cast('o.id', 'text'), '=', eb.ref('a.actor_id'))))
    .select(['a.at', 'a.action', 'a.actor_type', 'a.details', 'o.display_name'])
    .where('a.tenant_id', '=', tenantId)
    .where('a.entity_type', '=', 'payment')
    .where('a.entity_id', '=', positionId)
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    at: iso(r.at)!,
    action: r.action,
    label: ACTIVITY[r.action as ActionName]?.it ?? r.action,
    by: r.display_name ?? (r.actor_type === 'citizen' ? 'Cittadino' : r.actor_type === 'system' ? 'Sistema' : null),
    details: (r.details ?? {}) as Record<string, unknown>,
  }));
}

export async function anomalies(db: Kysely<DB>, tenantId: string) {
  const rows = await db
    .selectFrom('payment_receipts as r')
    .leftJoin('payment_options as o', 'o.id', 'r.option_id')
    .leftJoin('payment_positions as p', 'p.id', 'o.position_id')
    .select([...RECEIPT_COLUMNS, 'p.id as payment_id', 'p.description'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.outcome', '<>', 'applied')
    .where('r.reviewed_at', 'is', null)
    .orderBy('r.received_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({ ...toReceipt(r), paymentId: r.payment_id, description: r.description }));
}

export async function reviewAnomaly(ctx: AppContext, tenantId: string, officer: OperatorPrincipal, receiptId: string, note: string): Promise<void> {
  await ctx.bus.transaction(ctx.db, async (trx) => {
    const row = await trx
      .selectFrom('payment_receipts as r')
      .leftJoin('payment_options as o', 'o.id', 'r.option_id')
      .select(['r.id', 'r.outcome', 'r.reviewed_at', 'r.iuv', 'o.position_id'])
      .where('r.tenant_id', '=', tenantId)
      .where('r.id', '=', receiptId)
      .forUpdate('r')
      .executeTakeFirst();
    if (!row || row.outcome === 'applied') throw appError('NOT_FOUND', { variant: 'payment' });
    if (row.reviewed_at) throw appError('PAYMENT_STATE_CONFLICT', { params: { status: { it: 'verificato', en: 'reviewed' } } });
    await trx.updateTable('payment_receipts').set({ reviewed_at: ctx.clock.now(), reviewed_by: officer.id }).where('id', '=', row.id).execute();
    await ctx.bus.record(trx, {
      tenantId,
      actor: { type: 'operator', id: officer.id },
      action: 'payment.anomaly-reviewed',
      entityId: row.position_id ?? null,
      details: { receipt: String(row.id), iuv: row.iuv, outcome: row.outcome, note: note.trim() },
    });
  });
}
