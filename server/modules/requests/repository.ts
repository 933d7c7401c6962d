// The citizens' requests: one row each, listed for the officers who may see them.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { CitizenRequestsTable } from '../../platform/db/schema-requests.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';

type Db = Kysely<DB> | Transaction<DB>;
export type RequestRow = Selectable<CitizenRequestsTable>;

export const requestNumber = (r: { seq: number; year: number }) => `${r.seq}/${r.year}`;

/** An officer sees the requests of their offices and those no office has (the comune's front desk). */
export async function listRequests(db: Db, officer: OperatorPrincipal, f: { status?: 'open' | 'answered' }) {
  let q = db.selectFrom('citizen_requests').selectAll().where('tenant_id', '=', officer.tenantId).where('kind', '=', 'assistance');
  if (f.status) q = q.where('status', '=', f.status);
  const offices = officer.officeIds;
  if (offices) q = q.where((eb) => eb.or([eb('office_id', 'is', null), ...(offices.length ? [eb('office_id', 'in', offices)] : [])]));
  return q.orderBy('created_at', 'desc').limit(500).execute();
}

export async function findRequest(db: Db, officer: OperatorPrincipal, id: string) {
  const row = await db.selectFrom('citizen_requests').selectAll().where('tenant_id', '=', officer.tenantId).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  if (officer.officeIds && row.office_id && !officer.officeIds.includes(row.office_id)) return undefined;
  return row;
}
