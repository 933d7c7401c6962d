// The queue's error answers: a stable code, Italian and English text.
import { AppError } from '../../platform/http/errors.ts';
import { TICKET_STATUS_LABELS } from './domain/ticket-status.ts';
import type { TicketStatus } from '../../platform/db/schema.ts';

export const officeNotFound = () => new AppError(404, 'OFFICE_NOT_FOUND', 'Ufficio non trovato.', 'Office not found.');
export const ticketNotFound = () => new AppError(404, 'TICKET_NOT_FOUND', 'Numero non trovato o link non valido.', 'Ticket not found or invalid link.');
export const deskNotFound = () => new AppError(404, 'DESK_NOT_FOUND', 'Sportello non trovato.', 'Desk not found.');
export const serviceNotQueued = () =>
  new AppError(404, 'SERVICE_NOT_QUEUED', 'Per questo servizio non si prende il numero in questo ufficio.', 'This service has no queue at this office.');
export const unknownPriority = () => new AppError(400, 'UNKNOWN_PRIORITY', 'Categoria di precedenza non prevista.', 'Unknown priority class.');
export const queueClosed = (reason: string) => new AppError(409, 'QUEUE_CLOSED', reason, 'Tickets cannot be taken now: the office is closed.');
export const notAtDesk = () =>
  new AppError(409, 'NOT_AT_DESK', 'Non sei collegato a questo sportello: accedi allo sportello per chiamare i numeri.', 'You are not signed in at this desk.');
export const deskTaken = (by: string) => new AppError(409, 'DESK_TAKEN', `Lo sportello è già occupato da ${by}.`, 'Another officer is at this desk.');
export const noCurrentTicket = () => new AppError(409, 'NO_CURRENT_TICKET', 'Nessun numero chiamato a questo sportello.', 'No ticket is called at this desk.');
export const invalidTicketTransition = (status: TicketStatus) =>
  new AppError(409, 'INVALID_TRANSITION', `Operazione non possibile: il numero è ${TICKET_STATUS_LABELS[status]}.`, `Not possible: the ticket is ${status}.`);
export const badTransferTarget = () =>
  new AppError(400, 'BAD_TRANSFER', 'Indica una coda o uno sportello di questo ufficio a cui trasferire il numero.', 'Give a queue or a desk of this office to transfer to.');
export const checkInNotFound = () =>
  new AppError(404, 'BOOKING_NOT_FOUND', 'Nessun appuntamento di oggi in questo ufficio con questo codice.', 'No appointment today at this office with this code.');
export const checkInNotToday = () =>
  new AppError(
    409,
    'CHECK_IN_NOT_OPEN',
    "La registrazione dell'arrivo è possibile solo il giorno dell'appuntamento, in ufficio.",
    'Check-in is possible only on the day of the appointment.',
  );
export const checkInNotPossible = (status: string) =>
  new AppError(409, 'CHECK_IN_NOT_POSSIBLE', `L'appuntamento è ${status}: non si può registrare l'arrivo.`, `The appointment is ${status}: it cannot be checked in.`);
export const alreadyCheckedIn = (number: string) =>
  new AppError(
    409,
    'ALREADY_CHECKED_IN',
    `Arrivo già registrato: il tuo numero è ${number}. Segui il tabellone o la pagina del numero ricevuta via email.`,
    `Already checked in: your number is ${number}.`,
    { number },
  );
