import { AppError } from '../../platform/http/errors.ts';

// Unknown, foreign and malformed room credentials all look the same: nothing is revealed.
export const roomNotFound = () => new AppError(404, 'ROOM_NOT_FOUND', 'Stanza video non trovata o link non valido.', 'Video room not found or invalid link.');

export const roomNotOpen = (phase: string) =>
  new AppError(
    403,
    'ROOM_NOT_OPEN',
    phase === 'not_yet'
      ? 'La stanza video non è ancora aperta.'
      : phase === 'cancelled'
        ? "L'appuntamento è stato annullato: la stanza video è chiusa."
        : 'La stanza video è chiusa.',
    phase === 'not_yet' ? 'The video room is not open yet.' : 'The video room is closed.',
    { phase },
  );

export const officerOnly = () => new AppError(403, 'OFFICER_ONLY', "Solo l'operatore può concludere l'appuntamento.", 'Only the officer can end the appointment.');

export const notVideoService = () => new AppError(409, 'NOT_A_VIDEO_APPOINTMENT', "L'appuntamento non è in videochiamata.", 'The appointment is not a video appointment.');
