// Officer console API: session, agenda, booking actions, phone bookings and configuration.
import { Type, type Static } from 'typebox';
import { Applicant } from './booking.ts';
import { RoomFile } from './video.ts';
import { IsoDate, IsoDateTime, Line, Name, Text, Uuid } from './common.ts';
import { BOOKING_STATUSES } from './statuses.ts';

export const LoginRequest = Type.Object(
  {
    username: Line({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    totpCode: Type.Optional(
      Type.String({ pattern: '^[0-9]{6}$', description: 'Officers with a second factor: the 6-digit code of their authenticator app (asked after TOTP_REQUIRED)' }),
    ),
  },
  { additionalProperties: false },
);

export const OperatorRole = Type.Union([Type.Literal('admin'), Type.Literal('manager'), Type.Literal('operator')]);

export const OperatorMe = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: OperatorRole,
  /** null: every office of the comune */
  officeIds: Type.Union([Type.Array(Type.String()), Type.Null()]),
  mustChangePassword: Type.Boolean({ description: 'A temporary password must be replaced (POST …/operator/me/password) before anything else' }),
  totpEnabled: Type.Boolean(),
});
export type OperatorMe = Static<typeof OperatorMe>;

export const SessionResponse = Type.Object({ csrfToken: Type.String(), operator: OperatorMe, tenant: Type.Object({ slug: Type.String(), name: Type.String() }) });
export type SessionResponse = Static<typeof SessionResponse>;

export const DeskSummary = Type.Object({ id: Type.String(), name: Type.String(), active: Type.Boolean(), serviceIds: Type.Array(Type.String()) });
export const ServiceSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  mode: Type.String(),
  durationMinutes: Type.Integer(),
  bufferMinutes: Type.Integer(),
  minNoticeMinutes: Type.Integer(),
  horizonDays: Type.Integer(),
  cutoffMinutes: Type.Integer(),
  maxActivePerCitizen: Type.Integer(),
  requiresApproval: Type.Boolean(),
  description: Type.String(),
  topic: Type.String(),
  whatToBring: Type.String(),
  videoOpensBeforeMinutes: Type.Integer({ description: 'Video services: the room opens this many minutes before the start' }),
  videoClosesAfterMinutes: Type.Integer({ description: 'Video services: the room closes this many minutes after the end' }),
  active: Type.Boolean(),
});
export const OperatorOffice = Type.Object({
  id: Type.String(),
  name: Type.String(),
  address: Type.String(),
  description: Type.String(),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  openingHours: Type.String(),
  active: Type.Boolean(),
  desks: Type.Array(DeskSummary),
  services: Type.Array(ServiceSummary),
});
export type OperatorOffice = Static<typeof OperatorOffice>;
export const OperatorOfficeList = Type.Object({ offices: Type.Array(OperatorOffice) });

export const AgendaQuery = Type.Object({ officeId: Uuid, from: IsoDate, to: IsoDate, deskId: Type.Optional(Uuid) });

export const AgendaBooking = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  status: Type.Enum(BOOKING_STATUSES),
  start: IsoDateTime,
  end: IsoDateTime,
  serviceId: Type.String(),
  serviceName: Type.String(),
  mode: Type.String(),
  officeId: Type.String(),
  deskId: Type.String(),
  deskName: Type.String(),
  applicant: Type.Object({ name: Type.String(), surname: Type.String(), email: Type.String(), address: Type.Union([Type.String(), Type.Null()]) }),
  reason: Type.Union([Type.String(), Type.Null()]),
  details: Type.Union([Type.String(), Type.Null()]),
  channel: Type.String(),
  checkedInAt: Type.Union([IsoDateTime, Type.Null()]),
  doneAt: Type.Union([IsoDateTime, Type.Null()]),
  outcomeNote: Type.Union([Type.String(), Type.Null()]),
  cancelReason: Type.Union([Type.String(), Type.Null()]),
  cancelledBy: Type.Union([Type.String(), Type.Null()]),
  videoUrl: Type.Optional(Type.String({ description: 'Video bookings: the console page that opens the room' })),
  videoWaiting: Type.Optional(Type.Boolean({ description: 'Video bookings: the citizen is in the room now' })),
});
export type AgendaBooking = Static<typeof AgendaBooking>;
export const AgendaResponse = Type.Object({ timeZone: Type.String(), bookings: Type.Array(AgendaBooking) });

export const AuditEntryView = Type.Object({
  at: IsoDateTime,
  actorType: Type.String(),
  actor: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export const BookingDetail = Type.Intersect([AgendaBooking, Type.Object({ history: Type.Array(AuditEntryView), files: Type.Array(RoomFile) })]);

export const NoteRequest = Type.Object({ note: Type.Optional(Text({ maxLength: 2000 })) }, { additionalProperties: false });
export const OperatorCancelRequest = Type.Object({ reason: Text({ minLength: 3, maxLength: 500 }) }, { additionalProperties: false });

export const PhoneBookingRequest = Type.Object(
  {
    serviceId: Uuid,
    start: IsoDateTime,
    reason: Type.Optional(Text({ maxLength: 200 })),
    details: Type.Optional(Text({ maxLength: 2000 })),
    applicant: Applicant,
  },
  { additionalProperties: false },
);

const hhmm = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' });

export const OfficeInput = Type.Object(
  {
    name: Name({ minLength: 2, maxLength: 200 }),
    description: Type.Optional(Text({ maxLength: 2000 })),
    address: Name({ minLength: 2, maxLength: 300 }),
    phone: Type.Optional(Type.Union([Line({ maxLength: 40 }), Type.Null()])),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 254 }), Type.Null()])),
    openingHours: Type.Optional(Text({ maxLength: 500 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const OfficePatch = Type.Partial(OfficeInput, { additionalProperties: false });

export const ServiceInput = Type.Object(
  {
    officeId: Uuid,
    name: Name({ minLength: 2, maxLength: 200 }),
    description: Type.Optional(Text({ maxLength: 4000 })),
    topic: Type.Optional(Line({ maxLength: 100 })),
    durationMinutes: Type.Integer({ minimum: 5, maximum: 480 }),
    bufferMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 240 })),
    minNoticeMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 43200 })),
    horizonDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 366 })),
    cutoffMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 43200 })),
    mode: Type.Optional(Type.Union([Type.Literal('in_person'), Type.Literal('video')])),
    whatToBring: Type.Optional(Text({ maxLength: 2000 })),
    maxActivePerCitizen: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    requiresApproval: Type.Optional(Type.Boolean()),
    videoOpensBeforeMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 240 })),
    videoClosesAfterMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 480 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const ServicePatch = Type.Partial(Type.Omit(ServiceInput, ['officeId']), { additionalProperties: false });

export const DeskInput = Type.Object(
  { officeId: Uuid, name: Name({ minLength: 1, maxLength: 100 }), serviceIds: Type.Optional(Type.Array(Uuid, { maxItems: 200 })), active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const DeskPatch = Type.Partial(Type.Omit(DeskInput, ['officeId']), { additionalProperties: false });

export const WeeklyHours = Type.Object(
  { hours: Type.Array(Type.Object({ weekday: Type.Integer({ minimum: 1, maximum: 7 }), start: hhmm, end: hhmm }, { additionalProperties: false }), { maxItems: 100 }) },
  { additionalProperties: false },
);
export type WeeklyHours = Static<typeof WeeklyHours>;

export const ExceptionInput = Type.Object(
  {
    officeId: Uuid,
    deskId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    day: IsoDate,
    kind: Type.Union([Type.Literal('closed'), Type.Literal('open')]),
    start: Type.Optional(Type.Union([hhmm, Type.Null()])),
    end: Type.Optional(Type.Union([hhmm, Type.Null()])),
    note: Type.Optional(Text({ maxLength: 300 })),
  },
  { additionalProperties: false },
);
export const ExceptionView = Type.Object({
  id: Type.String(),
  officeId: Type.String(),
  deskId: Type.Union([Type.String(), Type.Null()]),
  day: IsoDate,
  kind: Type.String(),
  start: Type.Union([Type.String(), Type.Null()]),
  end: Type.Union([Type.String(), Type.Null()]),
  note: Type.String(),
});
