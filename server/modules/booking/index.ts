// Booking module: availability, holds, bookings and their life (lifecycle.ts is the one owner of
// every change after creation), the manage link, emails and calendar files, reminders.
export { validateRange } from './availability.ts';
export { createBooking } from './create-booking.ts';
export type { OfficerAction } from './domain/status.ts';
export { formatWhen } from './emails.ts';
export { bookingNotFound, serviceNotFound } from './errors.ts';
export { applyOfficerAction, type BookingChange, bookingEventPayload, changeBooking, type ChangeResult, invalidTransition, loadVisibleBooking } from './lifecycle.ts';
export { arrivalUrl, citizenVideoUrl, manageUrl } from './links.ts';
export { loadByToken } from './manage-booking.ts';
export { type BookingView, findBookingIdByToken, findBookingView, insertBookingToken, listBookingViews } from './repository.ts';

import type { SportelloModule } from '../../platform/module.ts';
import { queueDueReminders } from './reminders.ts';
import { bookingRoutes } from './routes.ts';
import { scheduleCacheSubscriber } from './schedule-cache.ts';

export const bookingModule: SportelloModule = {
  name: 'booking',
  tag: { name: 'booking', description: 'Availability, holds and bookings; the manage link' },
  tenantRoutes: (ctx) => bookingRoutes(ctx),
  schedules: [{ name: 'booking.reminders', everyMs: 60_000, run: (ctx) => queueDueReminders(ctx) }],
  subscribers: (ctx) => [scheduleCacheSubscriber(ctx)],
};
