// The platform's own reactions to events on every node: the short-lived read cache (availability)
// is dropped when bookings or the schedule change, and the comune's cached settings when they change.
import type { EventName } from '../../contracts/activity.ts';
import type { LocalSubscriber } from './bus.ts';
import type { AppContext } from './context.ts';

/** Events after which a service's card, its desks' hours or the comune's closures may be other. */
export function changesSchedule(name: EventName): boolean {
  return (
    name.startsWith('service.') ||
    name.startsWith('office.') ||
    name.startsWith('exception.') ||
    name === 'desk.created' ||
    name === 'desk.updated' ||
    name === 'desk.hours-changed' ||
    name === 'tenant.updated'
  );
}

/** Events after which a cached availability may be wrong. */
export function changesAvailability(name: EventName): boolean {
  return name.startsWith('booking.') || changesSchedule(name);
}

const TENANT_SETTINGS: readonly EventName[] = ['tenant.updated', 'identity.providers-changed', 'queue.priority-classes-changed'];

export function platformSubscribers(ctx: AppContext, resolver: { forget(): void }): LocalSubscriber[] {
  return [
    { name: 'read-cache', events: changesAvailability, handle: () => ctx.readCache.clear(), resync: () => ctx.readCache.clear() },
    { name: 'tenant-settings', events: TENANT_SETTINGS, handle: () => resolver.forget(), resync: () => resolver.forget() },
  ];
}
