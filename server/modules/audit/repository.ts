// The audit log's SQL: browsing with filters (newest first, keyset paging by id), and the chain's
// reads and writes (unsealed entries, a chain's head, the sealer's one-time update, pages of a
// chain for verification). Instants used in hashes are formatted by the database, to the
// microsecond, so the hashed text never depends on a driver's date parsing.
import { sql, type Kysely, type Transaction } from 'kysely';
import { actionSpellings, canonicalAction } from '../../../contracts/activity.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { ChainEntry, SealedEntry } from './chain.ts';
import { likeEscape } from '../../platform/db/like.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The chain key of entries without a comune (platform events). */
export const PLATFORM_CHAIN = '00000000-0000-0000-0000-000000000000';
const chainKey = sql<string>`coalesce(tenant_id, ${PLATFORM_CHAIN}::uuid)`;
const atText = sql<string>`to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export interface AuditFilter {
  tenantId: string;
  from?: Date;
  to?: Date;
  actorType?: string;
  actorId?: string;
  /** Prefix of the action. */
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Free text in the details. */
  q?: string;
  /** Entries with a smaller id (the next page). */
  before?: string;
  limit: number;
}

export async function browseAudit(db: Db, f: AuditFilter) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('operators as o', (j) => j.on((eb) => eb.and([eb(eb.cast('o.id', 'text'), '=', eb.ref('a.actor_id')), eb('o.tenant_id', '=', f.tenantId)])))
    .select([
      sql<string>`a.id::text`.as('id'),
      'a.at',
      'a.actor_type',
      'a.actor_id',
      'o.display_name as actor_name',
      'o.username as actor_username',
      'a.action',
      'a.entity_type',
      'a.entity_id',
      'a.details',
      sql<boolean>`a.hash is not null`.as('sealed'),
    ])
    .where('a.tenant_id', '=', f.tenantId);
  if (f.from) q = q.where('a.at', '>=', f.from);
  if (f.to) q = q.where('a.at', '<', f.to);
  if (f.actorType) q = q.where('a.actor_type', '=', f.actorType as 'operator');
  if (f.actorId) q = q.where('a.actor_id', '=', f.actorId);
  if (f.action) {
    // A prefix of the action; a whole name of the catalogue also finds entries written under its older spellings.
    const name = canonicalAction(f.action);
    const prefix = f.action;
    q = q.where((eb) => eb.or([eb('a.action', 'like', `${likeEscape(prefix)}%`), ...(name ? [eb('a.action', 'in', actionSpellings(name))] : [])]));
  }
  if (f.entityType) q = q.where('a.entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
  if (f.q) q = q.where(sql`a.details::text`, 'ilike', `%${likeEscape(f.q)}%`);
  if (f.before) q = q.where('a.id', '<', sql<number>`${f.before}::bigint`);
  return q.orderBy('a.id', 'desc').limit(f.limit).execute();
}

export type AuditRow = Awaited<ReturnType<typeof browseAudit>>[number];

export interface EntryRow {
  id: string;
  tenant_id: string | null;
  at_text: string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  details: unknown;
}

/** An entry as the chain hashes it, at position `chainSeq`. */
export function toEntry(r: EntryRow, chainSeq: string): ChainEntry {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    chainSeq,
    at: r.at_text,
    actorType: r.actor_type,
    actorId: r.actor_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    details: r.details,
  };
}

const entryColumns = sql`id::text as id, tenant_id::text as tenant_id, ${atText} as at_text, actor_type, actor_id, action, entity_type, entity_id, details`;

/** Committed entries not linked yet, older than `marginMs` by the database's clock, in id order. */
export async function unsealedEntries(trx: Transaction<DB>, marginMs: number, limit: number): Promise<EntryRow[]> {
  const res = await sql<EntryRow>`select ${entryColumns} from audit_log
    where hash is null and at <= clock_timestamp() - (${marginMs} * interval '1 millisecond')
    order by audit_log.id limit ${limit}`.execute(trx);
  return res.rows;
}

export async function chainHead(db: Db, chain: string): Promise<{ seq: string; hash: string; at: string } | null> {
  const res = await sql<{ seq: string; hash: string; at: string }>`select chain_seq::text as seq, hash, ${atText} as at from audit_log
    where ${chainKey} = ${chain}::uuid and chain_seq is not null order by audit_log.chain_seq desc limit 1`.execute(db);
  return res.rows[0] ?? null;
}

export interface Seal {
  id: string;
  seq: string;
  prevHash: string;
  hash: string;
}

/** The sealer's update: the only one the audit_log trigger lets through (on unsealed rows). */
export async function writeSeals(trx: Transaction<DB>, seals: Seal[]): Promise<void> {
  if (!seals.length) return;
  const values = sql.join(seals.map((s) => sql`(${s.id}::bigint, ${s.seq}::bigint, ${s.prevHash}, ${s.hash})`));
  await sql`update audit_log as a set chain_seq = v.seq, prev_hash = v.prev, hash = v.hash, sealed_at = now()
    from (values ${values}) as v(id, seq, prev, hash) where a.id = v.id and a.hash is null`.execute(trx);
}

/** Sealed entries of a chain after position `afterSeq`, in chain order. */
export async function chainPage(db: Db, chain: string, afterSeq: string, limit: number): Promise<SealedEntry[]> {
  // Ordered by the bigint column, not by its text alias ('10' < '2').
  const res = await sql<EntryRow & { seq: string; prev_hash: string; hash: string }>`select ${entryColumns}, chain_seq::text as seq, prev_hash, hash from audit_log
    where ${chainKey} = ${chain}::uuid and chain_seq > ${afterSeq}::bigint order by audit_log.chain_seq limit ${limit}`.execute(db);
  return res.rows.map((r) => ({ ...toEntry(r, r.seq), prevHash: r.prev_hash, hash: r.hash }));
}

export async function countUnsealed(db: Db, chain: string): Promise<number> {
  const res = await sql<{ n: string | number }>`select count(*) as n from audit_log where ${chainKey} = ${chain}::uuid and hash is null`.execute(db);
  return Number(res.rows[0]?.n ?? 0);
}
