// What may happen to a ticket in each state. Terminal states (done, no_show, left, expired) accept
// nothing; every officer action is checked here before its transaction writes anything.
import type { TicketStatus } from '../../../platform/db/schema.ts';

export type TicketAction = 'call' | 'recall' | 'start' | 'finish' | 'no-show' | 'park' | 'resume' | 'transfer' | 'leave' | 'expire';

const NEXT: Record<TicketStatus, Partial<Record<TicketAction, TicketStatus>>> = {
  waiting: { call: 'called', transfer: 'waiting', leave: 'left', expire: 'expired' },
  called: { recall: 'called', start: 'serving', finish: 'done', 'no-show': 'no_show', park: 'parked', transfer: 'waiting' },
  serving: { finish: 'done', park: 'parked', transfer: 'waiting' },
  parked: { resume: 'called', finish: 'done', 'no-show': 'no_show', transfer: 'waiting', expire: 'expired' },
  done: {},
  no_show: {},
  left: {},
  expired: {},
};

export function nextTicketStatus(current: TicketStatus, action: TicketAction): TicketStatus | null {
  return NEXT[current][action] ?? null;
}

export { TICKET_STATUS_LABELS } from '../../../../contracts/statuses.ts';

/** A queue's prefix and the day's progressive number: A001 … A999, then A1000. */
export function ticketNumber(prefix: string, seq: number): string {
  return `${prefix}${String(seq).padStart(3, '0')}`;
}
