// What the queue does when something happens anywhere (any node): live screens of the office are
// refreshed, and when the office's set-up changed (desks, queues, sign-ins, configuration from the
// admin pages) the cached set-up is read again first.
import type { EventName } from '../../../contracts/activity.ts';
import type { BusEvent } from '../../../contracts/events.ts';
import type { LocalSubscriber } from '../../platform/bus.ts';
import type { QueueLiveHub } from './live-hub.ts';

const SETUP: ReadonlySet<EventName> = new Set<EventName>([
  'desk.signed-in',
  'desk.signed-out',
  'desk.taken-over',
  'desk.queues-changed',
  'desk.created',
  'desk.updated',
  'desk.hours-changed',
  'queue.created',
  'queue.updated',
  'queue.settings-changed',
  'office.created',
  'office.updated',
  'service.created',
  'service.updated',
  'exception.created',
  'exception.deleted',
]);

const touchesLine = (name: EventName) => name.startsWith('ticket.') || SETUP.has(name);

export function queueScreensSubscriber(hub: QueueLiveHub): LocalSubscriber {
  return {
    name: 'queue.live-screens',
    events: touchesLine,
    handle: (e: BusEvent) => {
      const officeId = (e.payload as { officeId?: string | null }).officeId;
      if (officeId) hub.officeChanged(officeId, SETUP.has(e.name));
    },
    resync: () => hub.resync(),
  };
}
