// Loads what slot generation needs for one service: the desks able to serve it with their weekly
// hours, the office's date exceptions, and the desks' occupations in a time range.
import { type Kysely, sql, type Transaction } from 'kysely';
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

/** A span as desk_days keeps it (migration 012): start in epoch seconds, then length in seconds. */
const SPAN_OF_BOOKING = sql`floor(extract(epoch from start_at))::bigint::text || ' ' || (ceil(extract(epoch from block_end)) - floor(extract(epoch from start_at)))::bigint::text`;

/**
 * Live occupations of some desks from the per-day occupancy the database keeps in step with bookings
 * (migrations 011 and 012, desk_days): a few short text rows instead of a row per booking, plus the
 * live holds, which expire by the clock and so are read from bookings. One row per desk. Spans start
 * on their UTC day and last at most 12 hours (duration + buffer): one day of margin before `from`
 * finds every span reaching into the range; the exact overlap is checked when parsing (parseSpans).
 */
function occupancyByDesk(tenantId: string, deskIds: string[], from: Date, to: Date, now: Date) {
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const ids = sql.join(deskIds.map((id) => sql`${id}::uuid`));
  return sql`
    select desk_id::text as desk_id, string_agg(spans, ' ') as spans from (
      select desk_id, spans from desk_days
      where desk_id in (${ids}) and day >= ${day(from.getTime() - 86_400_000)}::date and day <= ${day(to.getTime())}::date and spans <> ''
      union all
      select desk_id, ${SPAN_OF_BOOKING}
      from bookings
      where status = 'held' and hold_expires_at > ${now} and tenant_id = ${tenantId} and desk_id in (${ids})
        and start_at < ${to} and block_end > ${from}) o
    group by desk_id`;
}

function parseSpans(rows: Array<{ desk_id: string; spans: string }>, from: Date, to: Date): Occupation[] {
  const lo = from.getTime();
  const hi = to.getTime();
  const out: Occupation[] = [];
  for (const r of rows) {
    // Read digit by digit: a busy month is ten thousand numbers, and splitting them into strings
    // first was most of the garbage a cold availability call left behind.
    const text = r.spans;
    let n = 0;
    let digits = 0;
    let start = -1;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 32;
      if (c >= 48 && c <= 57) {
        n = n * 10 + (c - 48);
        digits++;
        continue;
      }
      if (!digits) continue;
      if (start < 0) start = n * 1000;
      else {
        const end = start + n * 1000;
        if (start < hi && end > lo) out.push({ deskId: r.desk_id, start, end });
        start = -1;
      }
      n = 0;
      digits = 0;
    }
  }
  return out;
}

/** The same occupations as loadOccupations, read through desk_days (see occupancyByDesk). */
export async function loadOccupationsByDay(db: Q, tenantId: string, deskIds: string[], from: Date, to: Date, now: Date): Promise<Occupation[]> {
  if (!deskIds.length) return [];
  const { rows } = await occupancyByDesk(tenantId, deskIds, from, to, now).$castTo<{ desk_id: string; spans: string }>().execute(db);
  return parseSpans(rows, from, to);
}

/**
 * What availability reads of the bookings, in one statement: the desks' occupations between two
 * instants (through desk_days, one row per desk). The desks' hours and the office's exceptions are
 * schedule data, which the booking module keeps in its schedule cache.
 */
export async function loadAvailabilityData(db: Q, args: { tenantId: string; deskIds: string[]; from: Date; to: Date; now: Date }): Promise<Occupation[]> {
  if (!args.deskIds.length) return [];
  const { rows } = await occupancyByDesk(args.tenantId, args.deskIds, args.from, args.to, args.now).$castTo<{ desk_id: string; spans: string }>().execute(db);
  return parseSpans(rows, args.from, args.to);
}
