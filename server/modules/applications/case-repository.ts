// The SQL of case handling: a case locked for a change (the officer's offices or the citizen's own,
// never another's), its history, and the office's inbox (filtered, counted, paged on the indexes of
// migration 022).
import { type Kysely, sql, type Transaction } from 'kysely';
import type { CaseState } from '../../../contracts/statuses.ts';
import { likeEscape } from '../../platform/db/like.ts';
import { addDays } from '../../platform/time/zoned-time.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import { NEAR_TERM_DAYS } from './domain/terms.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Who is asking: an officer (their offices) or a citizen (their own cases). */
export type CaseViewer = { officer: OperatorPrincipal } | { citizenId: string };

export const OPEN_STATES: CaseState[] = ['submitted', 'registered', 'in_charge', 'integration_requested', 'integration_submitted', 'rejection_notice'];

function caseRows(db: Db, tenantId: string, viewer: CaseViewer) {
  let q = db
    .selectFrom('applications as a')
    .innerJoin('service_cards as c', 'c.id', 'a.card_id')
    .innerJoin('citizens as z', 'z.id', 'a.citizen_id')
    .leftJoin('operators as o', 'o.id', 'a.assigned_to')
    .where('a.tenant_id', '=', tenantId)
    .where('a.status', '=', 'submitted');
  if ('citizenId' in viewer) q = q.where('a.citizen_id', '=', viewer.citizenId);
  else if (viewer.officer.officeIds) q = q.where('a.office_id', 'in', viewer.officer.officeIds.length ? viewer.officer.officeIds : ['00000000-0000-0000-0000-000000000000']);
  return q;
}

const CASE_COLUMNS = [
  'a.id',
  'a.state',
  'a.card_id',
  'a.form_id',
  'a.citizen_id',
  'a.data',
  'a.office_id',
  'a.assigned_to',
  'a.taken_at',
  'a.term_days',
  'a.due_on',
  'a.suspended',
  'a.decided_at',
  'a.outcome',
  'a.response_key',
  'a.response_sha256',
  'a.response_size',
  'a.response_protocol',
  'a.submitted_at',
  'a.protocol_year',
  'a.protocol_number',
  'a.protocol_registered_at',
  'a.summary_key',
  'c.slug as card_slug',
  'c.title as card_title',
  'z.fiscal_code',
  'z.given_name',
  'z.family_name',
  'z.email',
  'z.identity_email',
  'z.phone',
  'z.notify_email',
  'o.display_name as assignee_name',
] as const;

export async function findCase(db: Db, tenantId: string, viewer: CaseViewer, id: string) {
  return caseRows(db, tenantId, viewer).select(CASE_COLUMNS).where('a.id', '=', id).executeTakeFirst();
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>;

/** Locks the case's row for a change, then reads it whole (the viewer's scope applies). */
export async function lockCase(trx: Transaction<DB>, tenantId: string, viewer: CaseViewer, id: string): Promise<CaseRow | undefined> {
  const locked = await trx.selectFrom('applications').select('id').where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!locked) return undefined;
  return findCase(trx, tenantId, viewer, id);
}

export async function caseEvents(db: Db, applicationId: string, opts: { internal: boolean }) {
  let q = db.selectFrom('application_events').selectAll().where('application_id', '=', applicationId);
  if (!opts.internal) q = q.where('internal', '=', false);
  return q.orderBy('id').execute();
}
export type CaseEventRow = Awaited<ReturnType<typeof caseEvents>>[number];

export interface InboxFilter {
  state?: CaseState | undefined;
  serviceSlug?: string | undefined;
  assignee?: string | 'none' | undefined;
  overdue?: 'near' | 'past' | undefined;
  q?: string | undefined;
  today: string;
  offset: number;
  limit: number;
}

/** The filters on the applications alone; the citizen's and the card's tables only when a filter needs them. */
function inboxScope(db: Db, tenantId: string, officer: OperatorPrincipal, f: InboxFilter) {
  let q = db.selectFrom('applications as a').where('a.tenant_id', '=', tenantId).where('a.status', '=', 'submitted');
  if (officer.officeIds) q = q.where('a.office_id', 'in', officer.officeIds.length ? officer.officeIds : ['00000000-0000-0000-0000-000000000000']);
  if (f.state) q = q.where('a.state', '=', f.state);
  if (f.serviceSlug) {
    const slug = f.serviceSlug;
    q = q.where((eb) => eb.exists(eb.selectFrom('service_cards as c').select('c.id').whereRef('c.id', '=', 'a.card_id').where('c.slug', '=', slug)));
  }
  if (f.assignee === 'none') q = q.where('a.assigned_to', 'is', null);
  else if (f.assignee) q = q.where('a.assigned_to', '=', f.assignee);
  if (f.overdue) {
    q = q.where('a.state', 'in', OPEN_STATES).where('a.suspended', '=', false);
    q = f.overdue === 'past' ? q.where('a.due_on', '<', f.today) : q.where('a.due_on', '>=', f.today).where('a.due_on', '<=', addDays(f.today, NEAR_TERM_DAYS));
  }
  if (f.q) {
    const words = f.q.trim();
    const asNumber = /^\d{1,9}(\/\d{4})?$/.test(words) ? Number(words.split('/')[0]) : null;
    const like = `%${likeEscape(words)}%`;
    q = q.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('citizens as z')
            .select('z.id')
            .whereRef('z.id', '=', 'a.citizen_id')
            .where((w) =>
              w.or([
                w('z.fiscal_code', '=', words.toUpperCase()),
                w(sql<string>`z.family_name || ' ' || z.given_name`, 'ilike', like),
                w(sql<string>`z.given_name || ' ' || z.family_name`, 'ilike', like),
              ]),
            ),
        ),
        ...(asNumber !== null ? [eb('a.protocol_number', '=', asNumber)] : []),
      ]),
    );
  }
  return q;
}

export async function inbox(db: Db, tenantId: string, officer: OperatorPrincipal, f: InboxFilter) {
  const scope = inboxScope(db, tenantId, officer, f);
  // The page's ids in index order first (the most urgent first: past or near terms, then the oldest
  // filed), then their rows whole: the joins touch 50 rows, not the office's thousands.
  const page = await scope.select('a.id').orderBy(sql`a.due_on asc nulls last`).orderBy('a.submitted_at', 'asc').offset(f.offset).limit(f.limit).execute();
  const ids = page.map((p) => p.id);
  const [rows, total] = await Promise.all([
    ids.length ? caseRows(db, tenantId, { officer }).select(CASE_COLUMNS).where('a.id', 'in', ids).execute() : Promise.resolve([]),
    scope.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const order = new Map(ids.map((id, i) => [id, i]));
  return { rows: rows.sort((x, y) => order.get(x.id)! - order.get(y.id)!), total: Number(total.n) };
}

/** Open cases by state in the officer's offices (the inbox's counters). */
export async function inboxCounts(db: Db, tenantId: string, officer: OperatorPrincipal): Promise<Record<string, number>> {
  const rows = await inboxScope(db, tenantId, officer, { today: '', offset: 0, limit: 0 })
    .where('a.state', 'in', OPEN_STATES)
    .select(['a.state', (eb) => eb.fn.countAll<string>().as('n')])
    .groupBy('a.state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
}

/** The offices' workload: open cases per officer (and past their term), time to decision per service. */
export async function workload(db: Db, tenantId: string, officer: OperatorPrincipal, today: string) {
  const open = await caseRows(db, tenantId, { officer })
    .where('a.state', 'in', OPEN_STATES)
    .select((eb) => [
      'a.assigned_to',
      'o.display_name',
      eb.fn.countAll<string>().as('open'),
      sql<string>`count(*) filter (where not a.suspended and a.due_on < ${today}::date)`.as('past'),
    ])
    .groupBy(['a.assigned_to', 'o.display_name'])
    .orderBy('o.display_name')
    .execute();
  const decided = await caseRows(db, tenantId, { officer })
    .where('a.state', 'in', ['accepted', 'rejected'])
    .select((eb) => [
      'c.slug',
      'c.title',
      eb.fn.countAll<string>().as('decided'),
      sql<number>`avg(extract(epoch from (a.decided_at - a.protocol_registered_at)) / 86400.0)`.as('avg_days'),
    ])
    .groupBy(['c.slug', 'c.title'])
    .orderBy('c.title')
    .execute();
  return {
    officers: open.map((r) => ({ officer: r.assigned_to ? { id: r.assigned_to, name: r.display_name ?? '' } : null, open: Number(r.open), pastTerm: Number(r.past) })),
    services: decided.map((r) => ({ service: { slug: r.slug, title: r.title }, decided: Number(r.decided), averageDays: Math.round(Number(r.avg_days) * 10) / 10 })),
  };
}
