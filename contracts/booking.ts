import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, Line, Name, Text, Uuid } from './common.ts';
import { BOOKING_STATUSES } from './statuses.ts';
import { RoomFile } from './video.ts';

export const AvailabilityQuery = Type.Object({ from: IsoDate, to: IsoDate });

export const SlotView = Type.Object({
  start: IsoDateTime,
  end: IsoDateTime,
  available: Type.Integer({ minimum: 0, description: 'Free places (desks) for this slot' }),
});
export type SlotView = Static<typeof SlotView>;

export const AvailabilityResponse = Type.Object({
  serviceId: Type.String(),
  timeZone: Type.String(),
  days: Type.Array(Type.Object({ date: IsoDate, slots: Type.Array(SlotView) })),
});
export type AvailabilityResponse = Static<typeof AvailabilityResponse>;

export const HoldRequest = Type.Object({ serviceId: Uuid, start: IsoDateTime }, { additionalProperties: false });
export const HoldResponse = Type.Object({ id: Type.String(), expiresAt: IsoDateTime });
export type HoldResponse = Static<typeof HoldResponse>;

const text = (max: number) => Text({ maxLength: max });
const name = (max = 80) => Name({ minLength: 1, maxLength: max });

export const Applicant = Type.Object(
  {
    name: name(),
    surname: name(),
    email: Type.String({ format: 'email', maxLength: 254 }),
    address: Type.Optional(Line({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type Applicant = Static<typeof Applicant>;

export const BookingRequest = Type.Object(
  {
    serviceId: Uuid,
    start: IsoDateTime,
    holdId: Type.Optional(Uuid),
    reason: Type.Optional(text(200)),
    details: Type.Optional(text(2000)),
    applicant: Applicant,
  },
  { additionalProperties: false },
);
export type BookingRequest = Static<typeof BookingRequest>;

export const BookingStatus = Type.Enum(BOOKING_STATUSES);

export const BookingCreated = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  start: IsoDateTime,
  end: IsoDateTime,
  status: BookingStatus,
  manageUrl: Type.String(),
  videoUrl: Type.Optional(Type.String()),
});
export type BookingCreated = Static<typeof BookingCreated>;

export const SlotTakenResponse = Type.Object({
  code: Type.String(),
  message: Type.String(),
  messages: Type.Optional(Type.Object({ it: Type.String(), en: Type.String() })),
  alternatives: Type.Optional(Type.Array(SlotView, { description: 'With SLOT_TAKEN: the next free slots' })),
});

export const ManagedBooking = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  status: BookingStatus,
  start: IsoDateTime,
  end: IsoDateTime,
  service: Type.Object({ id: Type.String(), name: Type.String(), mode: Type.String(), durationMinutes: Type.Integer(), whatToBring: Type.String(), horizonDays: Type.Integer() }),
  office: Type.Object({
    id: Type.String(),
    name: Type.String(),
    address: Type.String(),
    phone: Type.Union([Type.String(), Type.Null()]),
    email: Type.Union([Type.String(), Type.Null()]),
  }),
  applicant: Type.Object({ name: Type.String(), surname: Type.String(), email: Type.String(), address: Type.Union([Type.String(), Type.Null()]) }),
  reason: Type.Union([Type.String(), Type.Null()]),
  details: Type.Union([Type.String(), Type.Null()]),
  canChange: Type.Boolean({ description: 'False past the service cut-off or once the booking is no longer active' }),
  changeDeadline: IsoDateTime,
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  cancelledBy: Type.Union([Type.String(), Type.Null()]),
  videoUrl: Type.Optional(Type.String()),
  files: Type.Optional(Type.Array(RoomFile, { description: 'Documents exchanged in the video room' })),
});
export type ManagedBooking = Static<typeof ManagedBooking>;

export const RescheduleRequest = Type.Object({ start: IsoDateTime }, { additionalProperties: false });
export const CancelRequest = Type.Object({ reason: Type.Optional(text(500)) }, { additionalProperties: false });
export const ManageTokenParams = Type.Object({
  tenant: Type.String({ pattern: '^[a-z][a-z0-9-]{1,40}$' }),
  token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }),
});
