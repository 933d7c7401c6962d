// Availability of a service: the pure slot generator fed from the database.
import type { Kysely, Transaction } from 'kysely';
import type { SlotView } from '../../../contracts/booking.ts';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { appError } from '../../platform/http/errors.ts';
import type { ServiceRow } from '../scheduling/index.ts';
import { holidaySet } from '../../platform/time/holidays.ts';
import { computeAvailability, type DayAvailability, type SlotRules } from '../scheduling/index.ts';
import { addDays, daysBetween, formatInstant, isValidDate, localDate } from '../../platform/time/zoned-time.ts';
import { loadAvailabilityData, loadDeskSchedules, loadExceptions } from '../scheduling/index.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { cachedDeskSchedules, cachedExceptions } from './schedule-cache.ts';

type Q = Kysely<DB> | Transaction<DB>;

export const MAX_RANGE_DAYS = 62;

export function rulesOf(service: ServiceRow): SlotRules {
  return { durationMin: service.duration_min, bufferMin: service.buffer_min, minNoticeMin: service.min_notice_min, horizonDays: service.horizon_days };
}

export async function loadScheduleInputs(db: Q, tenant: Tenant, service: ServiceRow, from: string, to: string) {
  const desks = await loadDeskSchedules(db, tenant.id, service.id);
  const exceptions = await loadExceptions(db, tenant.id, service.office_id, from, to);
  const holidays = holidaySet(from, to, { day: tenant.patron_day, name: tenant.patron_name });
  return { desks, exceptions, holidays, tz: tenant.time_zone, rules: rulesOf(service) };
}

/**
 * A service's availability between two local dates: the desks' hours from this node's schedule
 * cache (bookings do not change them), with the office's exceptions; the occupations in one statement.
 */
export async function computeServiceAvailability(ctx: AppContext, tenant: Tenant, service: ServiceRow, from: string, to: string, now: Date): Promise<DayAvailability[]> {
  // One day of margin either side covers any local day in UTC terms.
  const rangeStart = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000);
  const rangeEnd = new Date(Date.parse(`${addDays(to, 1)}T00:00:00Z`) + 86_400_000);
  const desks = await cachedDeskSchedules(ctx, tenant.id, service.id);
  const exceptions = await cachedExceptions(ctx, tenant.id, service.office_id, from, to);
  const deskIds = desks.map((d) => d.deskId);
  const occupations = await loadAvailabilityData(ctx.db, { tenantId: tenant.id, deskIds, from: rangeStart, to: rangeEnd, now });
  const holidays = holidaySet(from, to, { day: tenant.patron_day, name: tenant.patron_name });
  return computeAvailability({ desks, exceptions, occupations, holidays, tz: tenant.time_zone, rules: rulesOf(service), from, to, now: now.getTime() });
}

export function validateRange(from: string, to: string): void {
  if (!isValidDate(from) || !isValidDate(to)) throw appError('INVALID_DATE');
  const span = daysBetween(from, to);
  if (span < 0) throw appError('INVALID_RANGE');
  if (span > MAX_RANGE_DAYS) throw appError('RANGE_TOO_LONG', { params: { days: MAX_RANGE_DAYS } });
}

export function toSlotViews(days: DayAvailability[], tz: string, onlyFree = false) {
  return days
    .map((d) => ({
      date: d.date,
      slots: d.slots
        .filter((s) => !onlyFree || s.freeDesks.length > 0)
        .map((s) => ({ start: formatInstant(s.start, tz), end: formatInstant(s.end, tz), available: s.freeDesks.length })),
    }))
    .filter((d) => d.slots.length > 0);
}

/** The next free slots from a given instant, offered when the chosen one was taken. */
export async function findAlternatives(ctx: AppContext, tenant: Tenant, service: ServiceRow, around: number, now: Date, count = 5): Promise<SlotView[]> {
  const tz = tenant.time_zone;
  const fromDate = localDate(Math.max(around, now.getTime()), tz);
  const out: SlotView[] = [];
  for (let offset = 0; offset < service.horizon_days + 1 && out.length < count; offset += 14) {
    const from = addDays(fromDate, offset);
    const days = await computeServiceAvailability(ctx, tenant, service, from, addDays(from, 13), now);
    for (const d of toSlotViews(days, tz, true)) {
      for (const s of d.slots) {
        if (Date.parse(s.start) >= around - 60 * 60_000 && out.length < count) out.push(s);
      }
    }
  }
  return out;
}
