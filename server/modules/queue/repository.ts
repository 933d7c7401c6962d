// Queue queries: the office's queue set-up, ticket numbering, the atomic claim of the next ticket,
// desk sessions, and the reads behind the live views. The only SQL of the queue module lives here
// (statistics have their own file, stats-repository.ts).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, TicketStatus } from '../../platform/db/schema.ts';
import { hashSecret } from '../../platform/security/tokens.ts';
import type { DeskSchedule } from '../scheduling/domain/slots.ts';
import { parseTimeOfDay } from '../scheduling/domain/zoned-time.ts';

type Q = Kysely<DB> | Transaction<DB>;

export const QUEUE_CHANNEL = 'sportello_queue';

// ---- set-up ----

export async function findOfficeSettings(db: Q, tenantId: string, officeId: string) {
  return db
    .selectFrom('offices')
    .select(['id', 'name', 'address', 'opening_hours', 'active', 'queue_early_min', 'queue_late_min', 'queue_alert_ahead', 'queue_opens_before_min'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', officeId)
    .executeTakeFirst();
}
export type OfficeSettingsRow = NonNullable<Awaited<ReturnType<typeof findOfficeSettings>>>;

export async function listOfficeQueues(db: Q, tenantId: string, officeId: string) {
  const queues = await db.selectFrom('queues').selectAll().where('tenant_id', '=', tenantId).where('office_id', '=', officeId).orderBy('position').orderBy('prefix').execute();
  if (!queues.length) return [];
  const services = await db
    .selectFrom('queue_services as qs')
    .innerJoin('services as s', 's.id', 'qs.service_id')
    .select(['qs.queue_id', 's.id', 's.name', 's.duration_min', 's.active', 's.position'])
    .where('qs.queue_id', 'in', queues.map((q) => q.id))
    .orderBy('s.position')
    .orderBy('s.name')
    .execute();
  return queues.map((q) => ({ ...q, services: services.filter((s) => s.queue_id === q.id) }));
}
export type QueueRow = Awaited<ReturnType<typeof listOfficeQueues>>[number];

/** Desks of an office with the queues they serve and the officer at each now. */
export async function listOfficeDesks(db: Q, tenantId: string, officeId: string) {
  const desks = await db.selectFrom('desks').select(['id', 'name', 'active', 'takes_video', 'office_id']).where('tenant_id', '=', tenantId).where('office_id', '=', officeId).orderBy('num').execute();
  if (!desks.length) return [];
  const ids = desks.map((d) => d.id);
  const [links, sessions] = await Promise.all([
    db.selectFrom('desk_queues').select(['desk_id', 'queue_id']).where('desk_id', 'in', ids).execute(),
    db
      .selectFrom('desk_sessions as ds')
      .innerJoin('operators as o', 'o.id', 'ds.operator_id')
      .select(['ds.desk_id', 'ds.operator_id', 'o.display_name'])
      .where('ds.desk_id', 'in', ids)
      .where('ds.ended_at', 'is', null)
      .execute(),
  ]);
  return desks.map((d) => {
    const s = sessions.find((x) => x.desk_id === d.id);
    return { ...d, queueIds: links.filter((l) => l.desk_id === d.id).map((l) => l.queue_id), operator: s ? { id: s.operator_id, name: s.display_name } : null };
  });
}
export type DeskRow = Awaited<ReturnType<typeof listOfficeDesks>>[number];

/** The active queue a service's tickets go to, with the service. */
export async function findServiceQueue(db: Q, tenantId: string, serviceId: string) {
  return db
    .selectFrom('queue_services as qs')
    .innerJoin('queues as q', 'q.id', 'qs.queue_id')
    .innerJoin('services as s', 's.id', 'qs.service_id')
    .select(['q.id as queue_id', 'q.office_id', 'q.prefix', 'q.kind', 'q.name as queue_name', 'q.active as queue_active', 's.id as service_id', 's.name as service_name', 's.active as service_active'])
    .where('qs.tenant_id', '=', tenantId)
    .where('qs.service_id', '=', serviceId)
    .executeTakeFirst();
}

// ---- numbering ----

/**
 * The next number of a queue's day. The counter row stays locked until the transaction ends, so
 * concurrent tickets wait in turn, and a rolled-back ticket gives its number back: no gaps, no
 * duplicates (the unique (queue_id, service_day, seq) constraint is the last word).
 */
export async function nextTicketSeq(trx: Transaction<DB>, tenantId: string, queueId: string, day: string): Promise<number> {
  const period = Number(day.replaceAll('-', ''));
  const row = await trx
    .insertInto('counters')
    .values({ tenant_id: tenantId, name: `ticket:${queueId}`, period, value: 1 })
    .onConflict((oc) => oc.columns(['tenant_id', 'name', 'period']).doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

// ---- tickets ----

export async function findTicket(db: Q, tenantId: string, ticketId: string) {
  return db.selectFrom('tickets').selectAll().where('tenant_id', '=', tenantId).where('id', '=', ticketId).executeTakeFirst();
}
export type TicketRow = NonNullable<Awaited<ReturnType<typeof findTicket>>>;

export async function findTicketByToken(db: Q, tenantId: string, ticketId: string, token: string) {
  return db
    .selectFrom('tickets as t')
    .innerJoin('ticket_tokens as k', 'k.ticket_id', 't.id')
    .selectAll('t')
    .where('t.tenant_id', '=', tenantId)
    .where('t.id', '=', ticketId)
    .where('k.token_hash', '=', hashSecret(token))
    .executeTakeFirst();
}

export async function insertTicketToken(db: Q, tenantId: string, ticketId: string, token: string): Promise<void> {
  await db.insertInto('ticket_tokens').values({ token_hash: hashSecret(token), tenant_id: tenantId, ticket_id: ticketId }).execute();
}

export async function lockTicket(trx: Transaction<DB>, tenantId: string, ticketId: string) {
  return trx.selectFrom('tickets').selectAll().where('tenant_id', '=', tenantId).where('id', '=', ticketId).forUpdate().executeTakeFirst();
}

export async function insertTicketEvent(db: Q, e: { tenantId: string; ticketId: string; type: string; deskId?: string | null; operatorId?: string | null; details?: Record<string, unknown>; at: Date }): Promise<void> {
  await db
    .insertInto('ticket_events')
    .values({ tenant_id: e.tenantId, ticket_id: e.ticketId, type: e.type, desk_id: e.deskId ?? null, operator_id: e.operatorId ?? null, details: JSON.stringify(e.details ?? {}), at: e.at })
    .execute();
}

/** Tickets of an office's day that are still in play, plus any asked for by id (a citizen's own). */
export async function listOfficeDayTickets(db: Q, officeId: string, day: string, alsoIds: readonly string[] = []) {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('office_id', '=', officeId)
    .where((eb) => {
      const inPlay = eb.and([eb('service_day', '=', day), eb('status', 'in', ['waiting', 'called', 'serving', 'parked'])]);
      return alsoIds.length ? eb.or([inPlay, eb('id', 'in', [...alsoIds])]) : inPlay;
    })
    .execute();
}

/** Latest service times (seconds) of each service of an office, newest first. */
export async function handlingSamples(db: Q, officeId: string, since: Date, perService: number): Promise<Map<string, number[]>> {
  const rows = await sql<{ service_id: string; samples: string }>`
    select service_id, string_agg(served_seconds::text, ' ' order by finished_at desc) as samples
    from (
      select service_id, served_seconds, finished_at,
             row_number() over (partition by service_id order by finished_at desc) as rn
      from tickets
      where office_id = ${officeId} and status = 'done' and finished_at > ${since} and served_seconds > 0
    ) recent
    where rn <= ${perService}
    group by service_id`.execute(db);
  return new Map(rows.rows.map((r) => [r.service_id, r.samples.split(' ').map(Number)]));
}

/** The latest calls of an office's day, for the display board. */
export async function recentCalls(db: Q, officeId: string, day: string, limit: number) {
  return db
    .selectFrom('tickets as t')
    .innerJoin('desks as d', 'd.id', 't.desk_id')
    .select(['t.id', 't.number', 't.last_called_at', 't.call_count', 'd.name as desk_name'])
    .where('t.office_id', '=', officeId)
    .where('t.service_day', '=', day)
    .where('t.last_call_seq', 'is not', null)
    .orderBy('t.last_call_seq', 'desc')
    .limit(limit)
    .execute();
}

// ---- desks ----

export async function lockDesk(trx: Transaction<DB>, tenantId: string, deskId: string) {
  return trx.selectFrom('desks').select(['id', 'name', 'office_id', 'takes_video', 'active']).where('tenant_id', '=', tenantId).where('id', '=', deskId).forUpdate().executeTakeFirst();
}

export async function activeDeskSession(db: Q, deskId: string) {
  return db.selectFrom('desk_sessions').select(['id', 'operator_id', 'started_at']).where('desk_id', '=', deskId).where('ended_at', 'is', null).executeTakeFirst();
}

export async function activeSessionOfOperator(db: Q, operatorId: string) {
  return db.selectFrom('desk_sessions').select(['id', 'desk_id']).where('operator_id', '=', operatorId).where('ended_at', 'is', null).executeTakeFirst();
}

/** Queues a desk calls from: its active queues, video ones only if the desk takes video. */
export async function callableQueueIds(db: Q, deskId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('desk_queues as dq')
    .innerJoin('queues as q', 'q.id', 'dq.queue_id')
    .innerJoin('desks as d', 'd.id', 'dq.desk_id')
    .select('q.id')
    .where('dq.desk_id', '=', deskId)
    .where('q.active', '=', true)
    .where((eb) => eb.or([eb('q.kind', '=', 'in_person'), eb('d.takes_video', '=', true)]))
    .execute();
  return rows.map((r) => r.id);
}

export async function deskTickets(db: Q, deskId: string, statuses: TicketStatus[]) {
  return db.selectFrom('tickets').selectAll().where('desk_id', '=', deskId).where('status', 'in', statuses).orderBy('last_called_at').execute();
}

/**
 * domain/line-order.ts's key in SQL (a test keeps the two equal): lane, then time in the lane, then
 * the order tickets were written. `deskId`: the desk looking (its own transfers come first); null for a citizen's
 * view of a queue. `dueBefore` is now plus the office's early minutes: an on-time appointment at or
 * before it is in the appointment lane.
 */
function lineOrder(deskId: string | null, dueBefore: Date) {
  const appointmentLane = sql`(t.appointment_at is not null and not t.late and t.appointment_at <= ${dueBefore})`;
  const ownTransfer = deskId ? sql`t.target_desk_id = ${deskId}` : sql`false`;
  return sql`
      case when ${ownTransfer} then 0 when ${appointmentLane} then 1 when t.priority_class is not null then 2 else 3 end,
      case when not coalesce(${ownTransfer}, false) and ${appointmentLane} then t.appointment_at else t.sort_at end,
      t.arrival`;
}

/**
 * Takes the first ticket of the desk's line and locks it, skipping tickets other desks are taking
 * this very moment: two desks never get the same ticket, and neither waits for the other.
 */
export async function claimNextTicket(
  trx: Transaction<DB>,
  args: { officeId: string; day: string; deskId: string; queueIds: string[]; dueBefore: Date; ticketId?: string },
): Promise<TicketRow | undefined> {
  const queues = args.queueIds.length ? args.queueIds : ['00000000-0000-0000-0000-000000000000'];
  const res = await sql<TicketRow>`
    select t.* from tickets t
    where t.office_id = ${args.officeId} and t.service_day = ${args.day} and t.status = 'waiting'
      and (t.target_desk_id = ${args.deskId} or (t.target_desk_id is null and t.queue_id in (${sql.join(queues)})))
      ${args.ticketId ? sql`and t.id = ${args.ticketId}` : sql``}
    order by ${lineOrder(args.deskId, args.dueBefore)}
    limit 1
    for update of t skip locked`.execute(trx);
  return res.rows[0];
}

/** The first `limit` waiting tickets of a queue as its citizens see it (for the "almost your turn" alerts). */
export async function firstInQueue(db: Q, args: { queueId: string; day: string; dueBefore: Date; limit: number }) {
  const res = await sql<{ id: string; email: string | null; alert_sent: boolean }>`
    select t.id, t.email, t.alert_sent from tickets t
    where t.queue_id = ${args.queueId} and t.service_day = ${args.day} and t.status = 'waiting' and t.target_desk_id is null
    order by ${lineOrder(null, args.dueBefore)}
    limit ${args.limit}`.execute(db);
  return res.rows;
}

/** Announces a change of an office's line to every node (delivered at commit, never on rollback). */
export async function notifyQueue(db: Q, notice: { tenantId: string; officeId: string }): Promise<void> {
  await sql`select pg_notify(${QUEUE_CHANNEL}, ${JSON.stringify(notice)})`.execute(db);
}

/** Weekly hours of the active desks that serve any of the given queues. */
export async function queueDeskSchedules(db: Q, queueIds: readonly string[]): Promise<DeskSchedule[]> {
  if (!queueIds.length) return [];
  const rows = await db
    .selectFrom('desk_queues as dq')
    .innerJoin('desks as d', 'd.id', 'dq.desk_id')
    .leftJoin('desk_hours as h', 'h.desk_id', 'd.id')
    .select(['d.id as desk_id', 'h.weekday', 'h.start_time', 'h.end_time'])
    .where('dq.queue_id', 'in', [...queueIds])
    .where('d.active', '=', true)
    .execute();
  const desks = new Map<string, DeskSchedule>();
  for (const r of rows) {
    let desk = desks.get(r.desk_id);
    if (!desk) desks.set(r.desk_id, (desk = { deskId: r.desk_id, weekly: [] }));
    if (r.weekday !== null && r.start_time && r.end_time && !desk.weekly.some((w) => w.weekday === r.weekday && w.start === parseTimeOfDay(r.start_time!))) {
      desk.weekly.push({ weekday: r.weekday, start: parseTimeOfDay(r.start_time), end: parseTimeOfDay(r.end_time) });
    }
  }
  return [...desks.values()];
}
