// Reading debt positions: one with its options (and their transfers), a citizen's, the officers' list
// with filters, and the lock every change takes first.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { PaymentOptionsTable, PaymentPositionsTable, PaymentStatus, PaymentTransfersTable } from '../../platform/db/schema-payments.ts';
import { likeEscape } from '../../platform/db/like.ts';

type Q = Kysely<DB> | Transaction<DB>;
export type PositionRow = Selectable<PaymentPositionsTable>;
export type OptionRow = Selectable<PaymentOptionsTable>;
export type TransferRow = Selectable<PaymentTransfersTable>;
export interface PositionWithOptions extends PositionRow {
  options: OptionRow[];
}

export async function optionsOf(db: Q, positionIds: string[]): Promise<Map<string, OptionRow[]>> {
  const out = new Map<string, OptionRow[]>();
  if (positionIds.length === 0) return out;
  const rows = await db.selectFrom('payment_options').selectAll().where('position_id', 'in', positionIds).orderBy('position_id').orderBy('instalment').execute();
  for (const r of rows) out.set(r.position_id, [...(out.get(r.position_id) ?? []), r]);
  return out;
}

async function withOptions(db: Q, rows: PositionRow[]): Promise<PositionWithOptions[]> {
  const options = await optionsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, options: options.get(r.id) ?? [] }));
}

export async function findPosition(db: Q, tenantId: string, id: string): Promise<PositionWithOptions | null> {
  const row = await db.selectFrom('payment_positions').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return row ? (await withOptions(db, [row]))[0]! : null;
}

/** The position, locked until the transaction ends: every change to it takes this lock first. */
export async function lockPosition(trx: Transaction<DB>, tenantId: string, id: string): Promise<PositionWithOptions | null> {
  const row = await trx.selectFrom('payment_positions').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
  return row ? (await withOptions(trx, [row]))[0]! : null;
}

export async function transfersOf(db: Q, optionIds: string[]): Promise<TransferRow[]> {
  if (optionIds.length === 0) return [];
  return db.selectFrom('payment_transfers').selectAll().where('option_id', 'in', optionIds).orderBy('option_id').orderBy('idx').execute();
}

export async function citizenPositions(db: Q, tenantId: string, fiscalCode: string): Promise<PositionWithOptions[]> {
  const rows = await db
    .selectFrom('payment_positions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('debtor_fiscal_code', '=', fiscalCode)
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
  return withOptions(db, rows);
}

export interface OfficerFilter {
  status?: PaymentStatus | undefined;
  q?: string | undefined;
  kind?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function filtered(db: Q, tenantId: string, f: OfficerFilter) {
  let query = db.selectFrom('payment_positions').where('tenant_id', '=', tenantId);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.kind) query = query.where('kind', '=', f.kind);
  if (f.from) query = query.where('created_at', '>=', new Date(`${f.from}T00:00:00Z`));
  if (f.to) query = query.where('created_at', '<', new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000));
  const q = f.q?.trim();
  if (q) {
    const digits = q.replace(/\s+/g, '');
    query = query.where((eb) =>
      eb.or([
        eb('debtor_fiscal_code', '=', q.toUpperCase()),
        eb('debtor_name', 'ilike', `%${likeEscape(q)}%`),
        eb('description', 'ilike', `%${likeEscape(q)}%`),
        ...(/^\d{17,18}$/.test(digits)
          ? [
              eb.exists(
                eb
                  .selectFrom('payment_options as o')
                  .select('o.id')
                  .whereRef('o.position_id', '=', 'payment_positions.id')
                  .where(digits.length === 18 ? 'o.nav' : 'o.iuv', '=', digits),
              ),
            ]
          : []),
      ]),
    );
  }
  return query;
}

export async function officerPositions(
  db: Q,
  tenantId: string,
  f: OfficerFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: PositionWithOptions[]; total: number }> {
  const [rows, count] = await Promise.all([
    filtered(db, tenantId, f).selectAll().orderBy('created_at', 'desc').orderBy('id').offset(page.offset).limit(page.limit).execute(),
    filtered(db, tenantId, f)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: await withOptions(db, rows), total: Number(count.n) };
}
