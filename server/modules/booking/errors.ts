import { AppError } from '../../platform/http/errors.ts';
import type { SlotView } from '../../../contracts/booking.ts';

export const slotTakenError = (alternatives: SlotView[]) =>
  new AppError(
    409,
    'SLOT_TAKEN',
    "L'orario scelto è stato appena prenotato da un'altra persona. Ecco i primi orari ancora liberi.",
    'The chosen time has just been booked by someone else. Here are the next free times.',
    { alternatives },
  );

export const serviceNotFound = () => new AppError(404, 'SERVICE_NOT_FOUND', 'Servizio non trovato.', 'Service not found.');
export const bookingNotFound = () => new AppError(404, 'BOOKING_NOT_FOUND', 'Prenotazione non trovata o link non valido.', 'Booking not found or invalid link.');

export const limitReached = (max: number) =>
  new AppError(
    409,
    'BOOKING_LIMIT_REACHED',
    `Hai già ${max === 1 ? 'un appuntamento attivo' : `${max} appuntamenti attivi`} per questo servizio: gestisci o annulla quello esistente dal link ricevuto via email.`,
    `You already have ${max} active booking(s) for this service: manage or cancel it from the link in your email.`,
  );

export const changeClosed = () =>
  new AppError(
    409,
    'CHANGE_CLOSED',
    "Non è più possibile modificare o annullare online questo appuntamento: contatta l'ufficio.",
    'This booking can no longer be changed or cancelled online: contact the office.',
  );

export const idempotencyMismatch = () =>
  new AppError(
    422,
    'IDEMPOTENCY_KEY_REUSED',
    'La chiave Idempotency-Key è già stata usata per una richiesta diversa.',
    'The Idempotency-Key was already used for a different request.',
  );
