// The life of a booking: which change is allowed from which status, and where it leads. Pure.
import type { BookingStatus } from '../../../../contracts/statuses.ts';

export type BookingAction = 'confirm' | 'check-in' | 'no-show' | 'done' | 'cancel' | 'reschedule';
/** What officers do from the agenda. */
export type OfficerAction = Exclude<BookingAction, 'reschedule'>;

const TRANSITIONS: Record<BookingAction, { from: readonly BookingStatus[]; to: BookingStatus | 'same' }> = {
  confirm: { from: ['pending'], to: 'confirmed' },
  'check-in': { from: ['confirmed'], to: 'checked_in' },
  'no-show': { from: ['confirmed'], to: 'no_show' },
  done: { from: ['confirmed', 'checked_in'], to: 'done' },
  cancel: { from: ['pending', 'confirmed'], to: 'cancelled' },
  // A request waiting for approval may be moved too; it stays waiting.
  reschedule: { from: ['pending', 'confirmed'], to: 'same' },
};

export function nextStatus(current: BookingStatus, action: BookingAction): BookingStatus | null {
  const t = TRANSITIONS[action];
  if (!t.from.includes(current)) return null;
  return t.to === 'same' ? current : t.to;
}

/** Still to come and changeable by the citizen (before the service's cut-off). */
export const ACTIVE_STATUSES: readonly BookingStatus[] = ['pending', 'confirmed'];

export { BOOKING_STATUS_LABELS as STATUS_LABELS } from '../../../../contracts/statuses.ts';
