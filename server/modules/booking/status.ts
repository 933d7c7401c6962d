// The life of a booking as officers move it. Pure: which action is allowed from which status.
import type { BookingStatus } from '../../platform/db/schema.ts';

export type OfficerAction = 'confirm' | 'check-in' | 'no-show' | 'done' | 'cancel';

const TRANSITIONS: Record<OfficerAction, { from: BookingStatus[]; to: BookingStatus }> = {
  confirm: { from: ['pending'], to: 'confirmed' },
  'check-in': { from: ['confirmed'], to: 'checked_in' },
  'no-show': { from: ['confirmed'], to: 'no_show' },
  done: { from: ['confirmed', 'checked_in'], to: 'done' },
  cancel: { from: ['pending', 'confirmed'], to: 'cancelled' },
};

export function nextStatus(current: BookingStatus, action: OfficerAction): BookingStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(current) ? t.to : null;
}

export const STATUS_LABELS: Record<BookingStatus, string> = {
  held: 'in attesa di conferma del cittadino',
  pending: 'in attesa di approvazione',
  confirmed: 'confermato',
  checked_in: 'presente',
  done: 'concluso',
  no_show: 'assente',
  cancelled: 'annullato',
};
