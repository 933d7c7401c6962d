// The protocol register's SQL: entries (insert, read, search with keyset paging by year and number),
// annulments (one per entry, by its primary key), and the daily registers. Nothing here updates or
// deletes: the database refuses it (migration 014).
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ProtocolDailyRegistersTable, ProtocolDirection, ProtocolEntriesTable, RegisteredDocument } from '../../platform/db/schema-protocol.ts';
import { likeEscape } from '../../platform/db/like.ts';

type Db = Kysely<DB> | Transaction<DB>;

export type EntryRow = Selectable<ProtocolEntriesTable>;

/** An entry with its annulment (if any) and the names of the officers involved. */
export interface EntryView extends EntryRow {
  registered_by_name: string | null;
  annul_reason: string | null;
  annulled_at: Date | null;
  annulled_by_name: string | null;
}

export interface NewEntryRow {
  id: string;
  tenantId: string;
  year: number;
  number: number;
  registeredAt: Date;
  direction: ProtocolDirection;
  correspondent: string;
  subject: string;
  classification: string | null;
  applicationId: string | null;
  registeredByType: 'operator' | 'citizen' | 'system';
  operatorId: string | null;
  documents: RegisteredDocument[];
}

export async function insertEntry(trx: Transaction<DB>, e: NewEntryRow): Promise<void> {
  await trx
    .insertInto('protocol_entries')
    .values({
      id: e.id,
      tenant_id: e.tenantId,
      year: e.year,
      number: e.number,
      registered_at: e.registeredAt,
      direction: e.direction,
      correspondent: e.correspondent,
      subject: e.subject,
      classification: e.classification,
      application_id: e.applicationId,
      registered_by_type: e.registeredByType,
      operator_id: e.operatorId,
      documents: JSON.stringify(e.documents),
    })
    .execute();
}

function entryViews(db: Db, tenantId: string) {
  return db
    .selectFrom('protocol_entries as e')
    .leftJoin('operators as r', 'r.id', 'e.operator_id')
    .leftJoin('protocol_annulments as a', 'a.entry_id', 'e.id')
    .leftJoin('operators as x', 'x.id', 'a.operator_id')
    .selectAll('e')
    .select(['r.display_name as registered_by_name', 'a.reason as annul_reason', 'a.annulled_at', 'x.display_name as annulled_by_name'])
    .where('e.tenant_id', '=', tenantId);
}

export async function findEntry(db: Db, tenantId: string, id: string): Promise<EntryView | undefined> {
  return (await entryViews(db, tenantId).where('e.id', '=', id).executeTakeFirst()) as EntryView | undefined;
}

export interface EntryFilter {
  tenantId: string;
  year?: number;
  number?: number;
  from?: Date;
  to?: Date;
  direction?: ProtocolDirection;
  /** Words that must all appear in the correspondent or the subject (case-insensitive). */
  words?: string[];
  /** Entries before this one in the register's order (the next page). */
  before?: { year: number; number: number };
  limit: number;
}

/** Newest first: by year, then number (the register's own order). */
export async function searchEntries(db: Db, f: EntryFilter): Promise<EntryView[]> {
  let q = entryViews(db, f.tenantId);
  if (f.year !== undefined) q = q.where('e.year', '=', f.year);
  if (f.number !== undefined) q = q.where('e.number', '=', f.number);
  if (f.from) q = q.where('e.registered_at', '>=', f.from);
  if (f.to) q = q.where('e.registered_at', '<', f.to);
  if (f.direction) q = q.where('e.direction', '=', f.direction);
  for (const word of f.words ?? []) {
    const pattern = `%${likeEscape(word)}%`;
    q = q.where((eb) => eb.or([eb('e.correspondent', 'ilike', pattern), eb('e.subject', 'ilike', pattern)]));
  }
  if (f.before) {
    const { year, number } = f.before;
    q = q.where((eb) => eb.or([eb('e.year', '<', year), eb.and([eb('e.year', '=', year), eb('e.number', '<', number)])]));
  }
  return (await q.orderBy('e.year', 'desc').orderBy('e.number', 'desc').limit(f.limit).execute()) as EntryView[];
}

/** false when the entry already had an annulment (the primary key decides, under any concurrency). */
export async function insertAnnulment(trx: Transaction<DB>, a: { entryId: string; tenantId: string; reason: string; operatorId: string; at: Date }): Promise<boolean> {
  const row = await trx
    .insertInto('protocol_annulments')
    .values({ entry_id: a.entryId, tenant_id: a.tenantId, reason: a.reason, operator_id: a.operatorId, annulled_at: a.at })
    .onConflict((oc) => oc.column('entry_id').doNothing())
    .returning('entry_id')
    .executeTakeFirst();
  return row !== undefined;
}

// The daily register

/** Entries registered in [from, to), in number order. */
export async function entriesBetween(db: Db, tenantId: string, from: Date, to: Date): Promise<EntryView[]> {
  return (await entryViews(db, tenantId).where('e.registered_at', '>=', from).where('e.registered_at', '<', to).orderBy('e.year').orderBy('e.number').execute()) as EntryView[];
}

/** Annulments made in [from, to), with their entries, in the order they were made. */
export async function annulmentsBetween(db: Db, tenantId: string, from: Date, to: Date): Promise<EntryView[]> {
  return (await entryViews(db, tenantId).where('a.annulled_at', '>=', from).where('a.annulled_at', '<', to).orderBy('a.annulled_at').execute()) as EntryView[];
}

/** The comuni with a register, the instant of their first entry and the last day already produced. */
export async function registerProgress(db: Db) {
  return db
    .selectFrom('protocol_entries as e')
    .innerJoin('tenants as t', 't.id', 'e.tenant_id')
    .select(['e.tenant_id', 't.time_zone', 't.name as tenant_name', (eb) => eb.fn.min('e.registered_at').as('first_at')])
    .select((eb) => eb.selectFrom('protocol_daily_registers as d').whereRef('d.tenant_id', '=', 'e.tenant_id').select(sql<string | null>`max(d.day)::text`.as('m')).as('last_day'))
    .groupBy(['e.tenant_id', 't.time_zone', 't.name'])
    .execute();
}

export type DailyRegisterRow = Selectable<ProtocolDailyRegistersTable>;

/** false when another node produced that day's register first. */
export async function insertDailyRegister(trx: Transaction<DB>, r: DailyRegisterRow): Promise<boolean> {
  const row = await trx
    .insertInto('protocol_daily_registers')
    .values(r)
    .onConflict((oc) => oc.columns(['tenant_id', 'day']).doNothing())
    .returning('day')
    .executeTakeFirst();
  return row !== undefined;
}

export async function listDailyRegisters(db: Db, tenantId: string, limit: number): Promise<DailyRegisterRow[]> {
  return (await db.selectFrom('protocol_daily_registers').selectAll().where('tenant_id', '=', tenantId).orderBy('day', 'desc').limit(limit).execute()) as DailyRegisterRow[];
}

export async function findDailyRegister(db: Db, tenantId: string, day: string): Promise<DailyRegisterRow | undefined> {
  return (await db.selectFrom('protocol_daily_registers').selectAll().where('tenant_id', '=', tenantId).where('day', '=', day).executeTakeFirst()) as DailyRegisterRow | undefined;
}
