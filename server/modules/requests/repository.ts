// The citizens' requests and reports: one row each, listed for the officers who may see them, for
// the citizen who wrote, and (reports only, without personal data) for everyone.
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { CitizenRequestPhotosTable, CitizenRequestStatus, CitizenRequestsTable } from '../../platform/db/schema-requests.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';

type Db = Kysely<DB> | Transaction<DB>;
export type RequestRow = Selectable<CitizenRequestsTable>;
export type PhotoRow = Selectable<CitizenRequestPhotosTable>;
export type RequestKind = RequestRow['kind'];
/** A row with the name of the officer it is assigned to. */
export type RequestWithAssignee = RequestRow & { assignee_name: string | null };

export const requestNumber = (r: { seq: number; year: number }) => `${r.seq}/${r.year}`;

function officerRows(db: Db, officer: OperatorPrincipal) {
  let q = db
    .selectFrom('citizen_requests as r')
    .leftJoin('operators as o', 'o.id', 'r.assigned_to')
    .selectAll('r')
    .select('o.display_name as assignee_name')
    .where('r.tenant_id', '=', officer.tenantId);
  // An officer sees the rows of their offices and those no office has yet (the comune's front desk).
  const offices = officer.officeIds;
  if (offices) q = q.where((eb) => eb.or([eb('r.office_id', 'is', null), ...(offices.length ? [eb('r.office_id', 'in', offices)] : [])]));
  return q;
}

export async function listRequests(db: Db, officer: OperatorPrincipal, f: { kind: RequestKind; status?: CitizenRequestStatus; category?: string }): Promise<RequestWithAssignee[]> {
  let q = officerRows(db, officer).where('r.kind', '=', f.kind);
  if (f.status) q = q.where('r.status', '=', f.status);
  if (f.category) q = q.where('r.category', '=', f.category);
  return q.orderBy('r.created_at', 'desc').limit(500).execute();
}

export async function findRequest(db: Db, officer: OperatorPrincipal, id: string): Promise<RequestWithAssignee | undefined> {
  return officerRows(db, officer).where('r.id', '=', id).executeTakeFirst();
}

/** The row, locked for a change, when the officer may see it. */
export async function lockRequest(trx: Transaction<DB>, officer: OperatorPrincipal, id: string): Promise<RequestRow | undefined> {
  const row = await trx.selectFrom('citizen_requests').selectAll().where('tenant_id', '=', officer.tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) return undefined;
  if (officer.officeIds && row.office_id && !officer.officeIds.includes(row.office_id)) return undefined;
  return row;
}

export async function photosOf(db: Db, requestIds: string[]): Promise<PhotoRow[]> {
  if (!requestIds.length) return [];
  return db.selectFrom('citizen_request_photos').selectAll().where('request_id', 'in', requestIds).orderBy('created_at').execute();
}

export async function listOwnRequests(db: Db, tenantId: string, fiscalCode: string): Promise<RequestRow[]> {
  return db.selectFrom('citizen_requests').selectAll().where('tenant_id', '=', tenantId).where('fiscal_code', '=', fiscalCode).orderBy('created_at', 'desc').limit(200).execute();
}

/** Reports not yet answered, newest first: number, category, place, date and state only. */
export async function listPublicReports(db: Db, tenantId: string, f: { category?: string; offset: number; limit: number }) {
  let q = db.selectFrom('citizen_requests').where('tenant_id', '=', tenantId).where('kind', '=', 'inefficiency').where('status', '<>', 'answered');
  if (f.category) q = q.where('category', '=', f.category);
  const [rows, count] = await Promise.all([
    q.select(['seq', 'year', 'category', 'address', 'created_at', 'status']).orderBy('created_at', 'desc').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Per category, the reports of the last `days` days by state, and the median time to an answer. */
export async function reportStats(db: Db, officer: OperatorPrincipal, since: Date) {
  const rows = await officerRows(db, officer)
    .clearSelect()
    .where('r.kind', '=', 'inefficiency')
    .where('r.created_at', '>=', since)
    .select((eb) => [
      'r.category',
      eb.fn.countAll<string>().as('total'),
      sql<string>`count(*) filter (where r.status = 'open')`.as('open'),
      sql<string>`count(*) filter (where r.status = 'in_progress')`.as('in_progress'),
      sql<string>`count(*) filter (where r.status = 'answered')`.as('answered'),
      sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from (r.answered_at - r.created_at)) / 3600.0)`.as('median_hours'),
    ])
    .groupBy('r.category')
    .orderBy('total', 'desc')
    .execute();
  return rows.map((r) => ({
    category: r.category,
    total: Number(r.total),
    open: Number(r.open),
    inProgress: Number(r.in_progress),
    answered: Number(r.answered),
    medianHoursToAnswer: r.median_hours === null ? null : Math.round(Number(r.median_hours) * 10) / 10,
  }));
}

/** The offices of the comune and the officers attached to each: whom a report may be assigned to. */
export async function assignableOfficers(db: Db, tenantId: string) {
  const [offices, links] = await Promise.all([
    db.selectFrom('offices').select(['id', 'name']).where('tenant_id', '=', tenantId).where('active', '=', true).orderBy('name').execute(),
    db
      .selectFrom('operator_offices as l')
      .innerJoin('operators as o', 'o.id', 'l.operator_id')
      .select(['l.office_id', 'o.id', 'o.display_name'])
      .where('o.tenant_id', '=', tenantId)
      .where('o.active', '=', true)
      .orderBy('o.display_name')
      .execute(),
  ]);
  return offices.map((o) => ({ id: o.id, name: o.name, officers: links.filter((l) => l.office_id === o.id).map((l) => ({ id: l.id, name: l.display_name })) }));
}
