// The SQL of officer administration: officers with their offices (one row each), the lock that keeps
// at least one active admin, and the office list of an officer.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Officer } from '../../../contracts/officers.ts';
import type { DB, OperatorRole } from '../../platform/db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

export interface OfficerFilter {
  officeId?: string;
  role?: OperatorRole;
  active?: boolean;
  id?: string;
  /** A manager's view: only officers assigned to at least one of these offices. */
  sharingOffices?: string[];
}

export async function officerRows(db: Db, tenantId: string, f: OfficerFilter = {}) {
  let q = db
    .selectFrom('operators as o')
    .select([
      'o.id',
      'o.username',
      'o.display_name',
      'o.email',
      'o.role',
      'o.active',
      // The latest wait imposed on sign-ins to this username from some address (login_throttles).
      sql<Date | null>`(select max(t.blocked_until) from login_throttles t where t.tenant_id = o.tenant_id and t.username = o.username and t.kind = 'pair')`.as('locked_until'),
      'o.must_change_password',
      'o.password_changed_at',
      'o.totp_secret',
      'o.totp_enabled_at',
      'o.created_at',
      sql<string[]>`coalesce((select json_agg(oo.office_id order by oo.office_id) from operator_offices oo where oo.operator_id = o.id), '[]'::json)`.as('office_ids'),
    ])
    .where('o.tenant_id', '=', tenantId);
  if (f.id) q = q.where('o.id', '=', f.id);
  if (f.role) q = q.where('o.role', '=', f.role);
  if (f.active !== undefined) q = q.where('o.active', '=', f.active);
  if (f.officeId) {
    // Officers of an office: those assigned to it and those who work for every office.
    const officeId = f.officeId;
    q = q.where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('operator_offices as oo').select('oo.office_id').whereRef('oo.operator_id', '=', 'o.id').where('oo.office_id', '=', officeId)),
        eb.not(eb.exists(eb.selectFrom('operator_offices as oo').select('oo.office_id').whereRef('oo.operator_id', '=', 'o.id'))),
      ]),
    );
  }
  if (f.sharingOffices) {
    const offices = f.sharingOffices.length ? f.sharingOffices : ['00000000-0000-0000-0000-000000000000'];
    q = q.where((eb) => eb.exists(eb.selectFrom('operator_offices as oo').select('oo.office_id').whereRef('oo.operator_id', '=', 'o.id').where('oo.office_id', 'in', offices)));
  }
  return q.orderBy('o.display_name').orderBy('o.username').execute();
}

export type OfficerRow = Awaited<ReturnType<typeof officerRows>>[number];

export function toOfficer(r: OfficerRow, now: Date): Officer {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    email: r.email,
    role: r.role,
    officeIds: r.office_ids,
    active: r.active,
    lockedUntil: r.locked_until && r.locked_until > now ? r.locked_until.toISOString() : null,
    totpEnabled: r.totp_secret !== null,
    mustChangePassword: r.must_change_password,
    passwordChangedAt: r.password_changed_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
  };
}

/**
 * Locks the comune's active admins (in id order, so two admins changing each other cannot deadlock)
 * and returns their ids. A concurrent change of an admin waits here and then counts again.
 */
export async function lockActiveAdmins(trx: Transaction<DB>, tenantId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('operators')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

/** The ids among `ids` that are offices of the comune. */
export async function knownOffices(db: Db, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.selectFrom('offices').select('id').where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

export async function replaceOffices(trx: Transaction<DB>, tenantId: string, operatorId: string, officeIds: string[]): Promise<void> {
  await trx.deleteFrom('operator_offices').where('operator_id', '=', operatorId).execute();
  if (officeIds.length)
    await trx
      .insertInto('operator_offices')
      .values(officeIds.map((officeId) => ({ tenant_id: tenantId, operator_id: operatorId, office_id: officeId })))
      .execute();
}
