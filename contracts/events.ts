// The payloads of the domain events on the bus (names and labels: contracts/activity.ts). An event
// is written in the transaction of its change, announced to every node at commit and handed to the
// subscribers registered for its name. Payloads carry identifiers and the few facts subscribers need
// to decide (which office's screens to refresh, which caches to drop), never personal data or secrets:
// the events table is kept for days, not years.
import { Type, type Static, type TSchema } from 'typebox';
import type { EventName } from './activity.ts';
import { BookingStatus } from './booking.ts';
import { IsoDateTime, Uuid } from './common.ts';
import { TicketStatus } from './queue.ts';

const BookingEvent = Type.Object({
  officeId: Uuid,
  serviceId: Uuid,
  status: BookingStatus,
  /** The status before the change (absent for a new booking). */
  from: Type.Optional(BookingStatus),
  start: IsoDateTime,
  by: Type.Union([Type.Literal('operator'), Type.Literal('citizen'), Type.Literal('system')]),
});

const TicketEvent = Type.Object({ officeId: Uuid, queueId: Uuid, number: Type.String(), status: TicketStatus });
const DeskEvent = Type.Object({ officeId: Uuid, deskId: Uuid });
const OfficeEvent = Type.Object({ officeId: Uuid });
const TenantEvent = Type.Object({});
const ProtocolEvent = Type.Object({
  year: Type.Integer(),
  number: Type.Integer(),
  direction: Type.Union([Type.Literal('incoming'), Type.Literal('outgoing'), Type.Literal('internal')]),
  applicationId: Type.Union([Uuid, Type.Null()]),
});

/** A debt position's change: what an application waiting for its fee needs to move on. */
const PaymentEvent = Type.Object({
  applicationId: Type.Union([Uuid, Type.Null()]),
  status: Type.Union([Type.Literal('draft'), Type.Literal('payable'), Type.Literal('paid'), Type.Literal('expired'), Type.Literal('cancelled')]),
});

export const EVENT_PAYLOADS = {
  'booking.created': BookingEvent,
  'booking.held': Type.Object({ officeId: Uuid, serviceId: Uuid, start: IsoDateTime }),
  'booking.hold-released': Type.Object({ officeId: Uuid, serviceId: Uuid, start: IsoDateTime }),
  'booking.rescheduled': BookingEvent,
  'booking.cancelled': BookingEvent,
  'booking.confirmed': BookingEvent,
  'booking.checked-in': BookingEvent,
  'booking.missed': BookingEvent,
  'booking.completed': BookingEvent,
  'video.room-ended': Type.Object({ roomId: Uuid, bookingId: Type.Union([Uuid, Type.Null()]) }),
  'ticket.taken': TicketEvent,
  'ticket.left': TicketEvent,
  'ticket.called': TicketEvent,
  'ticket.recalled': TicketEvent,
  'ticket.started': TicketEvent,
  'ticket.finished': TicketEvent,
  'ticket.missed': TicketEvent,
  'ticket.parked': TicketEvent,
  'ticket.resumed': TicketEvent,
  'ticket.transferred': TicketEvent,
  'desk.signed-in': DeskEvent,
  'desk.signed-out': DeskEvent,
  'desk.taken-over': DeskEvent,
  'desk.queues-changed': DeskEvent,
  'desk.created': DeskEvent,
  'desk.updated': DeskEvent,
  'desk.hours-changed': DeskEvent,
  'queue.created': OfficeEvent,
  'queue.updated': OfficeEvent,
  'queue.settings-changed': OfficeEvent,
  'queue.priority-classes-changed': TenantEvent,
  'office.created': OfficeEvent,
  'office.updated': OfficeEvent,
  'service.created': OfficeEvent,
  'service.updated': OfficeEvent,
  'exception.created': Type.Object({ officeId: Type.Union([Uuid, Type.Null()]) }),
  'exception.deleted': Type.Object({ officeId: Type.Union([Uuid, Type.Null()]) }),
  'tenant.created': TenantEvent,
  'tenant.updated': TenantEvent,
  'identity.providers-changed': TenantEvent,
  'protocol.registered': ProtocolEvent,
  'application.submitted': Type.Object({ cardId: Uuid, protocolEntryId: Uuid }),
  'protocol.annulled': ProtocolEvent,
  'payment.created': PaymentEvent,
  'payment.paid': PaymentEvent,
  'payment.marked-paid': PaymentEvent,
  'payment.cancelled': PaymentEvent,
} as const satisfies Record<EventName, TSchema>;

export type EventPayload<N extends EventName> = Static<(typeof EVENT_PAYLOADS)[N]>;

/** An event as subscribers receive it. */
export interface BusEvent<N extends EventName = EventName> {
  id: number;
  tenantId: string;
  name: N;
  entityId: string | null;
  payload: EventPayload<N>;
}
