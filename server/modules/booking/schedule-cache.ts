// The service and its desks' hours on a day, as a booking reads them before its transaction. They
// change when an admin edits them; bookings arrive by the hundred a minute in an opening rush, and
// reading them every time was three statements of each booking. Kept per node, for a few seconds,
// and dropped by the schedule's events (on the writing node before it answers, on the others
// through LISTEN/NOTIFY, all of it after a listener outage), as the availability cache is. A stale
// entry could only offer a desk the hours no longer offer, for those few seconds; overbooking stays
// impossible whatever it holds (the exclusion constraint).
import type { EventName } from '../../../contracts/activity.ts';
import type { LocalSubscriber } from '../../platform/bus.ts';
import type { AppContext } from '../../platform/context.ts';
import { changesSchedule } from '../../platform/subscribers.ts';
import { type DateException, type DeskSchedule, findService, loadDeskSchedules, loadExceptions, type ServiceRow } from '../scheduling/index.ts';

const TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;

class ScheduleCache {
  private readonly entries = new Map<string, { at: number; value: unknown }>();

  get<T>(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (performance.now() - hit.at > TTL_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value as T;
  }

  set(key: string, value: unknown): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { at: performance.now(), value });
  }

  clear(): void {
    this.entries.clear();
  }
}

const caches = new WeakMap<AppContext, ScheduleCache>();

/** This node's cache (one per application context: two nodes in one test process keep their own). */
export function scheduleCache(ctx: AppContext): ScheduleCache {
  let cache = caches.get(ctx);
  if (!cache) caches.set(ctx, (cache = new ScheduleCache()));
  return cache;
}

/** A service's row through the same cache (availability reads it on every cold call). */
export async function cachedService(ctx: AppContext, tenantId: string, serviceId: string): Promise<ServiceRow | undefined> {
  const cache = scheduleCache(ctx);
  const key = `service:${tenantId}:${serviceId}`;
  const hit = cache.get<ServiceRow>(key);
  if (hit) return hit;
  const service = await findService(ctx.db, tenantId, serviceId);
  if (service) cache.set(key, service);
  return service;
}

/** The desks offering a service with their weekly hours (every cold availability call needs them). */
export async function cachedDeskSchedules(ctx: AppContext, tenantId: string, serviceId: string): Promise<Array<DeskSchedule & { deskNum: number }>> {
  const cache = scheduleCache(ctx);
  const key = `desks:${tenantId}:${serviceId}`;
  const hit = cache.get<Array<DeskSchedule & { deskNum: number }>>(key);
  if (hit) return hit;
  const desks = await loadDeskSchedules(ctx.db, tenantId, serviceId);
  cache.set(key, desks);
  return desks;
}

/** An office's date exceptions between two local dates, inclusive. */
export async function cachedExceptions(ctx: AppContext, tenantId: string, officeId: string, from: string, to: string): Promise<DateException[]> {
  const cache = scheduleCache(ctx);
  const key = `exceptions:${tenantId}:${officeId}:${from}:${to}`;
  const hit = cache.get<DateException[]>(key);
  if (hit) return hit;
  const exceptions = await loadExceptions(ctx.db, tenantId, officeId, from, to);
  cache.set(key, exceptions);
  return exceptions;
}

export function scheduleCacheSubscriber(ctx: AppContext): LocalSubscriber {
  const clear = () => scheduleCache(ctx).clear();
  return { name: 'booking-schedule-cache', events: (name: EventName) => changesSchedule(name), handle: clear, resync: clear };
}
