// A booking's status in words, with a badge colour that only repeats what the words say (the
// citizen's wording; the console has its own). Keyed by the contracts' union: a status missing here
// fails the typecheck.
import type { BookingStatus } from '../../../contracts/statuses.ts';

export const BOOKING_STATUS: Record<BookingStatus, { label: string; badge: string }> = {
  held: { label: 'In corso di prenotazione', badge: 'bg-secondary' },
  pending: { label: "In attesa di conferma dell'ufficio", badge: 'bg-warning' },
  confirmed: { label: 'Confermato', badge: 'bg-success' },
  checked_in: { label: 'Presenza registrata', badge: 'bg-success' },
  done: { label: 'Svolto', badge: 'bg-secondary' },
  no_show: { label: 'Non presentato', badge: 'bg-secondary' },
  cancelled: { label: 'Annullato', badge: 'bg-danger' },
};

export const bookingStatus = (status: BookingStatus) => BOOKING_STATUS[status];
