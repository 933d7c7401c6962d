// Loads what slot generation needs for one service: the desks able to serve it with their weekly
// hours, the office's date exceptions, and the desks' occupations in a time range.
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { DateException, DeskSchedule, Occupation } from './domain/slots.ts';
import { parseTimeOfDay } from '../../platform/time/zoned-time.ts';

type Q = Kysely<DB> | Transaction<DB>;

export async function loadDeskSchedules(db: Q, tenantId: string, serviceId: string): Promise<Array<DeskSchedule & { deskNum: number }>> {
  const rows = await db
    .selectFrom('desk_services as ds')
    .innerJoin('desks as d', 'd.id', 'ds.desk_id')
    .leftJoin('desk_hours as h', 'h.desk_id', 'd.id')
    .select(['d.id as desk_id', 'd.num', 'h.weekday', 'h.start_time', 'h.end_time'])
    .where('ds.tenant_id', '=', tenantId)
    .where('ds.service_id', '=', serviceId)
    .where('d.active', '=', true)
    .orderBy('d.num')
    .execute();
  const desks = new Map<string, DeskSchedule & { deskNum: number }>();
  for (const r of rows) {
    let desk = desks.get(r.desk_id);
    if (!desk) desks.set(r.desk_id, (desk = { deskId: r.desk_id, deskNum: r.num, weekly: [] }));
    if (r.weekday !== null && r.start_time && r.end_time) {
      desk.weekly.push({ weekday: r.weekday, start: parseTimeOfDay(r.start_time), end: parseTimeOfDay(r.end_time) });
    }
  }
  return [...desks.values()];
}

export async function loadExceptions(db: Q, tenantId: string, officeId: string, from: string, to: string): Promise<DateException[]> {
  const rows = await db
    .selectFrom('schedule_exceptions')
    .select(['desk_id', 'day', 'kind', 'start_time', 'end_time'])
    .where('tenant_id', '=', tenantId)
    .where('office_id', '=', officeId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .execute();
  return rows.map((r) => ({
    deskId: r.desk_id,
    day: r.day,
    kind: r.kind,
    start: r.start_time ? parseTimeOfDay(r.start_time) : null,
    end: r.end_time ? parseTimeOfDay(r.end_time) : null,
  }));
}

/**
 * Live occupations of the given desks between two instants (expired holds do not count).
 * Aggregated to one text row per desk of epoch milliseconds: with thousands of bookings, decoding a
 * timestamp object per row cost more than the query itself (see bench/availability.ts).
 */
export async function loadOccupations(db: Q, tenantId: string, deskIds: string[], from: Date, to: Date, now: Date): Promise<Occupation[]> {
  if (!deskIds.length) return [];
  const rows = await db
    .selectFrom('bookings')
    .select([
      'desk_id',
      sql<string>`string_agg(floor(extract(epoch from start_at) * 1000)::bigint::text || ' ' || floor(extract(epoch from block_end) * 1000)::bigint::text, ' ')`.as('spans'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('desk_id', 'in', deskIds)
    .where('status', '<>', 'cancelled')
    .where('start_at', '<', to)
    .where('block_end', '>', from)
    .where((eb) => eb.or([eb('status', '<>', 'held'), eb('hold_expires_at', '>', now)]))
    .groupBy('desk_id')
    .execute();
  const out: Occupation[] = [];
  for (const r of rows) {
    const nums = r.spans.split(' ');
    for (let i = 0; i + 1 < nums.length; i += 2) out.push({ deskId: r.desk_id, start: Number(nums[i]), end: Number(nums[i + 1]) });
  }
  return out;
}

/**
 * Live occupations of some desks from the per-day occupancy the database keeps in step with bookings
 * (migration 011, desk_days): a few short text rows instead of a row per booking, plus the live holds,
 * which expire by the clock and so are read from bookings. One row per desk. Spans start on their
 * UTC day and last at most 12 hours (duration + buffer): one day of margin before `from` finds every
 * span reaching into the range; the exact overlap is checked when parsing (parseSpans).
 */
function occupancyByDesk(tenantId: string, deskIds: RawBuilder<unknown>, from: Date, to: Date, now: Date) {
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return sql`
    select desk_id::text as desk_id, string_agg(spans, ' ') as spans from (
      select desk_id, spans from desk_days
      where desk_id in (${deskIds}) and day >= ${day(from.getTime() - 86_400_000)}::date and day <= ${day(to.getTime())}::date and spans <> ''
      union all
      select desk_id, floor(extract(epoch from start_at) * 1000)::bigint::text || ' ' || floor(extract(epoch from block_end) * 1000)::bigint::text
      from bookings
      where status = 'held' and hold_expires_at > ${now} and tenant_id = ${tenantId} and desk_id in (${deskIds})
        and start_at < ${to} and block_end > ${from}) o
    group by desk_id`;
}

function parseSpans(rows: Array<{ desk_id: string; spans: string }>, from: Date, to: Date): Occupation[] {
  const lo = from.getTime();
  const hi = to.getTime();
  const out: Occupation[] = [];
  for (const r of rows) {
    const nums = r.spans.split(' ');
    for (let i = 0; i + 1 < nums.length; i += 2) {
      const start = Number(nums[i]);
      const end = Number(nums[i + 1]);
      if (start < hi && end > lo) out.push({ deskId: r.desk_id, start, end });
    }
  }
  return out;
}

/** The same occupations as loadOccupations, read through desk_days (see occupancyByDesk). */
export async function loadOccupationsByDay(db: Q, tenantId: string, deskIds: string[], from: Date, to: Date, now: Date): Promise<Occupation[]> {
  if (!deskIds.length) return [];
  const { rows } = await occupancyByDesk(tenantId, sql.join(deskIds.map((id) => sql`${id}::uuid`)), from, to, now)
    .$castTo<{ desk_id: string; spans: string }>()
    .execute(db);
  return parseSpans(rows, from, to);
}

/**
 * Everything availability reads, in one statement (one round trip): the service's active desks
 * with their weekly hours, the office's exceptions between two dates, and the desks' occupations
 * between two instants (through desk_days). Each part comes back as one JSON value.
 */
export async function loadAvailabilityData(
  db: Q,
  args: { tenantId: string; serviceId: string; officeId: string; fromDate: string; toDate: string; from: Date; to: Date; now: Date },
): Promise<{ desks: Array<DeskSchedule & { deskNum: number }>; exceptions: DateException[]; occupations: Occupation[] }> {
  const { tenantId, serviceId } = args;
  const deskIds = sql`select ds.desk_id from desk_services ds join desks d on d.id = ds.desk_id where ds.tenant_id = ${tenantId} and ds.service_id = ${serviceId} and d.active`;
  type HourRow = { desk_id: string; num: number; weekday: number | null; start_time: string | null; end_time: string | null };
  type ExceptionRow = { desk_id: string | null; day: string; kind: 'closed' | 'open'; start_time: string | null; end_time: string | null };
  const { rows } = await sql<{ hours: HourRow[] | null; exceptions: ExceptionRow[] | null; occupied: Array<{ desk_id: string; spans: string }> | null }>`
    select
      (select json_agg(json_build_object('desk_id', d.id, 'num', d.num, 'weekday', h.weekday, 'start_time', h.start_time, 'end_time', h.end_time) order by d.num)
         from desk_services ds join desks d on d.id = ds.desk_id left join desk_hours h on h.desk_id = d.id
         where ds.tenant_id = ${tenantId} and ds.service_id = ${serviceId} and d.active) as hours,
      (select json_agg(json_build_object('desk_id', desk_id, 'day', day, 'kind', kind, 'start_time', start_time, 'end_time', end_time))
         from schedule_exceptions
         where tenant_id = ${tenantId} and office_id = ${args.officeId} and day >= ${args.fromDate} and day <= ${args.toDate}) as exceptions,
      (select json_agg(o) from (${occupancyByDesk(tenantId, deskIds, args.from, args.to, args.now)}) o) as occupied`.execute(db);
  const row = rows[0]!;
  const parse = <T>(v: T[] | string | null): T[] => (typeof v === 'string' ? (JSON.parse(v) as T[]) : (v ?? []));
  const desks = new Map<string, DeskSchedule & { deskNum: number }>();
  for (const r of parse(row.hours)) {
    let desk = desks.get(r.desk_id);
    if (!desk) desks.set(r.desk_id, (desk = { deskId: r.desk_id, deskNum: r.num, weekly: [] }));
    if (r.weekday !== null && r.start_time && r.end_time) desk.weekly.push({ weekday: r.weekday, start: parseTimeOfDay(r.start_time), end: parseTimeOfDay(r.end_time) });
  }
  const exceptions = parse(row.exceptions).map((r) => ({
    deskId: r.desk_id,
    day: r.day,
    kind: r.kind,
    start: r.start_time ? parseTimeOfDay(r.start_time) : null,
    end: r.end_time ? parseTimeOfDay(r.end_time) : null,
  }));
  return { desks: [...desks.values()], exceptions, occupations: parseSpans(parse(row.occupied), args.from, args.to) };
}
