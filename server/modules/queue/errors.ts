// The queue's error answers: a stable code, Italian and English text.
import { appError } from '../../platform/http/errors.ts';
import { BOOKING_STATUS_WORDS, type BookingStatus, TICKET_STATUS_WORDS, type TicketStatus } from '../../../contracts/statuses.ts';

export const officeNotFound = () => appError('OFFICE_NOT_FOUND');
export const ticketNotFound = () => appError('TICKET_NOT_FOUND');
export const deskNotFound = () => appError('DESK_NOT_FOUND');
export const serviceNotQueued = () => appError('SERVICE_NOT_QUEUED');
export const unknownPriority = () => appError('UNKNOWN_PRIORITY');
export const queueClosed = (reason: string) => appError('QUEUE_CLOSED', { params: { reason } });
export const notAtDesk = () => appError('NOT_AT_DESK');
export const deskTaken = (by: string) => appError('DESK_TAKEN', { params: { by } });
export const noCurrentTicket = () => appError('NO_CURRENT_TICKET');
export const invalidTicketTransition = (status: TicketStatus) => appError('INVALID_TRANSITION', { variant: 'ticket', params: { status: TICKET_STATUS_WORDS[status] } });
export const badTransferTarget = () => appError('BAD_TRANSFER');
export const checkInNotFound = () => appError('BOOKING_NOT_FOUND', { variant: 'kiosk' });
export const checkInNotToday = () => appError('CHECK_IN_NOT_OPEN');
export const checkInNotPossible = (status: BookingStatus) => appError('CHECK_IN_NOT_POSSIBLE', { params: { status: BOOKING_STATUS_WORDS[status] } });
export const alreadyCheckedIn = (number: string) => appError('ALREADY_CHECKED_IN', { params: { number }, extra: { number } });
