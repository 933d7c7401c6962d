// Queue queries: the office's queue set-up, ticket numbering, the atomic claim of the next ticket,
// desk sessions, and the reads behind the live views. The only SQL of the queue module lives here
// (statistics have their own file, stats-repository.ts).
import { sql, type Kysely, type Transaction } from 'kysely';
import { nextCounterValue } from '../../platform/counters.ts';
import type { DB, QueueKind, TicketStatus } from '../../platform/db/schema.ts';
import { hashSecret } from '../../platform/security/tokens.ts';
import type { DeskSchedule } from '../scheduling/index.ts';
import { parseTimeOfDay } from '../../platform/time/zoned-time.ts';

type Q = Kysely<DB> | Transaction<DB>;

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
    .where(
      'qs.queue_id',
      'in',
      queues.map((q) => q.id),
    )
    .orderBy('s.position')
    .orderBy('s.name')
    .execute();
  return queues.map((q) => ({ ...q, services: services.filter((s) => s.queue_id === q.id) }));
}
export type QueueRow = Awaited<ReturnType<typeof listOfficeQueues>>[number];

/** Desks of an office with the queues they serve and the officer at each now. */
export async function listOfficeDesks(db: Q, tenantId: string, officeId: string) {
  const desks = await db
    .selectFrom('desks')
    .select(['id', 'name', 'active', 'takes_video', 'office_id'])
    .where('tenant_id', '=', tenantId)
    .where('office_id', '=', officeId)
    .orderBy('num')
    .execute();
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
    .select([
      'q.id as queue_id',
      'q.office_id',
      'q.prefix',
      'q.kind',
      'q.name as queue_name',
      'q.active as queue_active',
      's.id as service_id',
      's.name as service_name',
      's.active as service_active',
    ])
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
  return nextCounterValue(trx, tenantId, `ticket:${queueId}`, Number(day.replaceAll('-', '')));
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
  await db
    .insertInto('ticket_tokens')
    .values({ token_hash: hashSecret(token), tenant_id: tenantId, ticket_id: ticketId })
    .execute();
}

export async function lockTicket(trx: Transaction<DB>, tenantId: string, ticketId: string) {
  return trx.selectFrom('tickets').selectAll().where('tenant_id', '=', tenantId).where('id', '=', ticketId).forUpdate().executeTakeFirst();
}

export async function insertTicketEvent(
  db: Q,
  e: { tenantId: string; ticketId: string; type: string; deskId?: string | null; operatorId?: string | null; details?: Record<string, unknown>; at: Date },
): Promise<void> {
  await db
    .insertInto('ticket_events')
    .values({
      tenant_id: e.tenantId,
      ticket_id: e.ticketId,
      type: e.type,
      desk_id: e.deskId ?? null,
      operator_id: e.operatorId ?? null,
      details: JSON.stringify(e.details ?? {}),
      at: e.at,
    })
    .execute();
}

/** A ticket as the live views need it: times as epoch milliseconds (decoding thousands of timestamp objects per change cost more than the query). */
export interface LineRow {
  id: string;
  number: string;
  queue_id: string;
  service_id: string;
  service_day: string;
  status: TicketStatus;
  sort_at: number;
  appointment_at: number | null;
  late: boolean;
  priority_class: string | null;
  target_desk_id: string | null;
  arrival: number;
  desk_id: string | null;
  created_at: number;
  booking_reference: string | null;
  citizen_name: string | null;
  last_called_at: number | null;
  call_count: number;
  serve_started_at: number | null;
  has_email: boolean;
  room_id: string | null;
}

/**
 * Tickets of an office's day that are still in play, plus any asked for by id (a citizen's own).
 * Returned as one JSON array of arrays: with two thousand tickets, decoding rows field by field
 * (PGlite especially) cost ten times the query; JSON.parse of one string costs a millisecond.
 */
export async function listOfficeDayTickets(db: Q, officeId: string, day: string, alsoIds: readonly string[] = [], withWaiting = true): Promise<LineRow[]> {
  const ms = (column: string) => sql`(extract(epoch from ${sql.ref(column)}) * 1000)::float8`;
  const extra = alsoIds.length ? sql`or id in (${sql.join([...alsoIds])})` : sql``;
  const res = await sql<{ rows: string }>`
    select coalesce(json_agg(json_build_array(
      id, number, queue_id, service_id, service_day::text, status, ${ms('sort_at')}, ${ms('appointment_at')}, late,
      priority_class, target_desk_id, arrival, desk_id, ${ms('created_at')}, booking_reference, citizen_name,
      ${ms('last_called_at')}, call_count, ${ms('serve_started_at')}, email is not null, room_id)), '[]')::text as rows
    from tickets
    where office_id = ${officeId}
      and ((service_day = ${day} and status in (${sql.join(withWaiting ? ['waiting', 'called', 'serving', 'parked'] : ['called', 'serving', 'parked'])})) ${extra})`.execute(db);
  return (JSON.parse(res.rows[0]!.rows) as unknown[][]).map((r) => ({
    id: r[0] as string,
    number: r[1] as string,
    queue_id: r[2] as string,
    service_id: r[3] as string,
    service_day: r[4] as string,
    status: r[5] as TicketStatus,
    sort_at: r[6] as number,
    appointment_at: r[7] as number | null,
    late: r[8] as boolean,
    priority_class: r[9] as string | null,
    target_desk_id: r[10] as string | null,
    arrival: Number(r[11]),
    desk_id: r[12] as string | null,
    created_at: r[13] as number,
    booking_reference: r[14] as string | null,
    citizen_name: r[15] as string | null,
    last_called_at: r[16] as number | null,
    call_count: r[17] as number,
    serve_started_at: r[18] as number | null,
    has_email: r[19] as boolean,
    room_id: r[20] as string | null,
  }));
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
  return trx
    .selectFrom('desks')
    .select(['id', 'name', 'office_id', 'takes_video', 'active'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', deskId)
    .forUpdate()
    .executeTakeFirst();
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
function lineKey(deskId: string | null, dueBefore: Date) {
  const appointmentLane = sql`(t.appointment_at is not null and not t.late and t.appointment_at <= ${dueBefore})`;
  const ownTransfer = deskId ? sql`coalesce(t.target_desk_id = ${deskId}, false)` : sql`false`;
  return {
    lane: sql`case when ${ownTransfer} then 0 when ${appointmentLane} then 1 when t.priority_class is not null then 2 else 3 end`,
    time: sql`case when not ${ownTransfer} and ${appointmentLane} then t.appointment_at else t.sort_at end`,
  };
}

function lineOrder(deskId: string | null, dueBefore: Date) {
  const k = lineKey(deskId, dueBefore);
  return sql`${k.lane}, ${k.time}, t.arrival`;
}

/**
 * Where a waiting ticket stands in its line (its queue's untargeted tickets, or the tickets sent to
 * its desk): the tickets ahead, counted per service. Undefined when it is not waiting today.
 */
export async function ticketsAheadByService(db: Q, ticketId: string, day: string, dueBefore: Date): Promise<Array<{ service_id: string; n: number }> | undefined> {
  const me = await db
    .selectFrom('tickets')
    .select(['queue_id', 'target_desk_id', 'status', sql<string>`service_day::text`.as('day')])
    .where('id', '=', ticketId)
    .executeTakeFirst();
  if (me?.status !== 'waiting' || me.day !== day) return undefined;
  const k = lineKey(me.target_desk_id, dueBefore);
  const sameLine = me.target_desk_id ? sql`t.target_desk_id = ${me.target_desk_id}` : sql`t.queue_id = ${me.queue_id} and t.target_desk_id is null`;
  const res = await sql<{ service_id: string; n: number }>`
    with mine as (select ${k.lane} as lane, ${k.time} as time, t.arrival from tickets t where t.id = ${ticketId})
    select t.service_id, count(*)::int as n
    from tickets t, mine
    where t.service_day = ${day} and t.status = 'waiting' and ${sameLine} and t.id <> ${ticketId}
      and (${k.lane}, ${k.time}, t.arrival) < (mine.lane, mine.time, mine.arrival)
    group by t.service_id`.execute(db);
  return res.rows;
}

/**
 * Takes the first ticket of the desk's line and locks it, skipping tickets other desks are taking
 * this very moment: two desks never get the same ticket, and neither waits for the other.
 */
export async function claimNextTicket(
  trx: Transaction<DB>,
  args: { officeId: string; day: string; deskId: string; queueIds: string[]; dueBefore: Date; ticketId?: string },
): Promise<(TicketRow & { queue_kind: QueueKind }) | undefined> {
  const queues = args.queueIds.length ? args.queueIds : ['00000000-0000-0000-0000-000000000000'];
  const res = await sql<TicketRow & { queue_kind: QueueKind }>`
    select t.*, q.kind as queue_kind from tickets t
    join queues q on q.id = t.queue_id
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

/**
 * Announces a change of an office's line to every node (delivered at commit, never on rollback);
 * `setup`: its set-up changed too (desk sessions, queue configuration), so cached copies go.
 */

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
