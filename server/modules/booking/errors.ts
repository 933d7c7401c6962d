import { appError } from '../../platform/http/errors.ts';
import type { SlotView } from '../../../contracts/booking.ts';

export const slotTakenError = (alternatives: SlotView[]) => appError('SLOT_TAKEN', { extra: { alternatives } });

export const serviceNotFound = () => appError('SERVICE_NOT_FOUND');
export const bookingNotFound = () => appError('BOOKING_NOT_FOUND');

export const limitReached = (max: number) =>
  appError('BOOKING_LIMIT_REACHED', {
    params: { active: { it: max === 1 ? 'un appuntamento attivo' : `${max} appuntamenti attivi`, en: max === 1 ? 'an active booking' : `${max} active bookings` } },
  });

export const changeClosed = () => appError('CHANGE_CLOSED');

export const idempotencyMismatch = () => appError('IDEMPOTENCY_KEY_REUSED');
