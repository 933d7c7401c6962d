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
import { findService, type ServiceRow } from '../scheduling/index.ts';
import type { ScheduleInputs } from './desk-claim.ts';

const TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;

export interface ScheduleEntry {
  service: ServiceRow;
  schedule: ScheduleInputs;
}

class ScheduleCache {
  private readonly entries = new Map<string, { at: number; value: unknown }>();

  get<T = ScheduleEntry>(key: string): T | undefined {
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

export function scheduleCacheSubscriber(ctx: AppContext): LocalSubscriber {
  const clear = () => scheduleCache(ctx).clear();
  return { name: 'booking-schedule-cache', events: (name: EventName) => changesSchedule(name), handle: clear, resync: clear };
}
