// The virtual queue: tickets (citizen side), desks and their line (officer side), the display board,
// statistics and configuration; plus the messages of the live WebSocket channels.
import { Type, type Static } from 'typebox';
import { IsoDate, IsoDateTime, Line, Name, Text, Uuid } from './common.ts';
import { TICKET_STATUSES } from './statuses.ts';

export const TicketSource = Type.Union([Type.Literal('web'), Type.Literal('qr'), Type.Literal('kiosk')], { description: 'Where the ticket was taken (statistics)' });

export const TicketRequest = Type.Object(
  {
    serviceId: Uuid,
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254, description: 'Notified when few are ahead and when called' })),
    priority: Type.Optional(Line({ minLength: 1, maxLength: 40, description: "Code of one of the comune's priority classes (see the office's queue info)" })),
    source: Type.Optional(TicketSource),
  },
  { additionalProperties: false },
);
export type TicketRequest = Static<typeof TicketRequest>;

export const WaitRange = Type.Object({ minMinutes: Type.Integer({ minimum: 0 }), maxMinutes: Type.Integer({ minimum: 0 }) });
export type WaitRange = Static<typeof WaitRange>;

export const TicketStatus = Type.Enum(TICKET_STATUSES);
export type TicketStatus = Static<typeof TicketStatus>;

export const TicketCreated = Type.Object({
  id: Type.String(),
  number: Type.String({ description: 'e.g. A012: queue prefix and the day’s progressive number' }),
  position: Type.Integer({ minimum: 1, description: '1: next to be called' }),
  estimatedWait: WaitRange,
  trackUrl: Type.String({ description: "The citizen's live page of the ticket (carries a secret token)" }),
  token: Type.String({ description: 'The secret for GET /tickets/{id}?token=… and the live channel' }),
});
export type TicketCreated = Static<typeof TicketCreated>;

export const TicketView = Type.Object({
  id: Type.String(),
  number: Type.String(),
  status: TicketStatus,
  kind: Type.Union([Type.Literal('in_person'), Type.Literal('video')]),
  officeId: Type.String(),
  officeName: Type.String(),
  officeAddress: Type.String(),
  queueName: Type.String(),
  serviceName: Type.String(),
  takenAt: IsoDateTime,
  appointment: Type.Union([Type.Object({ reference: Type.String(), start: IsoDateTime, late: Type.Boolean() }), Type.Null()]),
  priority: Type.Union([Type.String(), Type.Null()]),
  /** While waiting: 1 = next. */
  position: Type.Union([Type.Integer(), Type.Null()]),
  estimatedWait: Type.Union([WaitRange, Type.Null()]),
  /** True while waiting with few tickets ahead (the office's alert threshold). */
  almostYourTurn: Type.Boolean(),
  /** Desks (or video officers) of the ticket's line with an officer now: with none, nobody is called yet. */
  openDesks: Type.Integer(),
  /** The desk that called the ticket, while called or being served. */
  desk: Type.Union([Type.Object({ name: Type.String() }), Type.Null()]),
  calledAt: Type.Union([IsoDateTime, Type.Null()]),
  callCount: Type.Integer(),
  /** Video tickets, once called: the room to join. */
  videoUrl: Type.Union([Type.String(), Type.Null()]),
  timeZone: Type.String(),
});
export type TicketView = Static<typeof TicketView>;

export const TicketParams = Type.Object({ tenant: Type.String({ pattern: '^[a-z][a-z0-9-]{1,40}$' }), id: Uuid });
export const TicketTokenQuery = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) });

export const PriorityClass = Type.Object({ code: Type.String(), label: Type.String() });

export const QueueInfo = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  kind: Type.Union([Type.Literal('in_person'), Type.Literal('video')]),
  services: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), durationMinutes: Type.Integer() })),
  waiting: Type.Integer(),
  estimatedWait: WaitRange,
  /** Desks with an officer now. */
  openDesks: Type.Integer(),
});
export type QueueInfo = Static<typeof QueueInfo>;

export const OfficeQueueInfo = Type.Object({
  office: Type.Object({ id: Type.String(), name: Type.String(), address: Type.String(), openingHours: Type.String() }),
  /** Tickets can be taken now. */
  open: Type.Boolean(),
  /** Why not, in Italian, when closed. */
  closedReason: Type.Union([Type.String(), Type.Null()]),
  queues: Type.Array(QueueInfo),
  priorityClasses: Type.Array(PriorityClass),
  takeTicketUrl: Type.String({ description: 'The page the office poster’s QR code opens' }),
});
export type OfficeQueueInfo = Static<typeof OfficeQueueInfo>;

export const OfficeParams = Type.Object({ tenant: Type.String({ pattern: '^[a-z][a-z0-9-]{1,40}$' }), officeId: Uuid });

export const CheckInRequest = Type.Object(
  {
    reference: Type.Optional(Line({ minLength: 4, maxLength: 40, description: 'Booking reference (typed at the kiosk)' })),
    code: Type.Optional(Line({ minLength: 10, maxLength: 400, description: 'Content of the QR code of the confirmation email (a scanner types it)' })),
  },
  { additionalProperties: false },
);

// ---- display board ----

export const BoardCall = Type.Object({
  ticketId: Type.String(),
  number: Type.String(),
  deskName: Type.String(),
  at: IsoDateTime,
  /** Grows with each recall: the board announces every (ticketId, callCount) once. */
  callCount: Type.Integer(),
});
export type BoardCall = Static<typeof BoardCall>;

export const BoardView = Type.Object({
  office: Type.Object({ id: Type.String(), name: Type.String() }),
  tenantName: Type.String(),
  calls: Type.Array(BoardCall, { description: 'Latest calls first' }),
  queues: Type.Array(Type.Object({ name: Type.String(), prefix: Type.String(), waiting: Type.Integer() })),
  timeZone: Type.String(),
});
export type BoardView = Static<typeof BoardView>;

// ---- officer: desks and the line ----

export const DeskQueue = Type.Object({ id: Type.String(), name: Type.String(), prefix: Type.String(), kind: Type.Union([Type.Literal('in_person'), Type.Literal('video')]) });

export const OperatorDesk = Type.Object({
  id: Type.String(),
  name: Type.String(),
  takesVideo: Type.Boolean(),
  office: Type.Object({ id: Type.String(), name: Type.String() }),
  queues: Type.Array(DeskQueue),
  /** The officer signed in at this desk now, if any. */
  occupiedBy: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  mine: Type.Boolean(),
});
export type OperatorDesk = Static<typeof OperatorDesk>;
export const OperatorDeskList = Type.Object({ desks: Type.Array(OperatorDesk) });

export const LineTicket = Type.Object({
  id: Type.String(),
  number: Type.String(),
  status: TicketStatus,
  kind: Type.Union([Type.Literal('in_person'), Type.Literal('video')]),
  queueId: Type.String(),
  queueName: Type.String(),
  serviceName: Type.String(),
  takenAt: IsoDateTime,
  /** Why it stands where it stands: desk (sent to this desk), appointment, priority, walk-in. */
  lane: Type.Union([Type.Literal('desk'), Type.Literal('appointment'), Type.Literal('priority'), Type.Literal('walk_in')]),
  appointment: Type.Union([Type.Object({ reference: Type.String(), start: IsoDateTime, applicant: Type.String(), late: Type.Boolean() }), Type.Null()]),
  priority: Type.Union([Type.String(), Type.Null()]),
  calledAt: Type.Union([IsoDateTime, Type.Null()]),
  callCount: Type.Integer(),
  servingSince: Type.Union([IsoDateTime, Type.Null()]),
  hasEmail: Type.Boolean(),
  /** Video tickets once called: their room (the officer gets a link with POST /operator/rooms/{roomId}/link). */
  roomId: Type.Union([Type.String(), Type.Null()]),
});
export type LineTicket = Static<typeof LineTicket>;

export const DeskLine = Type.Object({
  desk: OperatorDesk,
  /** The ticket called to or served at this desk. */
  current: Type.Union([LineTicket, Type.Null()]),
  parked: Type.Array(LineTicket),
  /** Waiting tickets this desk may call, in the order call-next takes them. */
  waiting: Type.Array(LineTicket),
  /** Other desks and queues of the office, for transfers. */
  transferTargets: Type.Object({
    queues: Type.Array(DeskQueue),
    desks: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  }),
  timeZone: Type.String(),
});
export type DeskLine = Static<typeof DeskLine>;

export const CallNextResponse = Type.Object({
  ticket: LineTicket,
  /** Video tickets: the officer's link to the room opened for this call. */
  officerVideoUrl: Type.Optional(Type.String()),
});
export type CallNextResponse = Static<typeof CallNextResponse>;

export const DeskParams = Type.Object({ tenant: Type.String({ pattern: '^[a-z][a-z0-9-]{1,40}$' }), deskId: Uuid });
export const DeskTicketParams = Type.Object({ tenant: Type.String({ pattern: '^[a-z][a-z0-9-]{1,40}$' }), deskId: Uuid, ticketId: Uuid });

export const TransferRequest = Type.Object(
  {
    queueId: Type.Optional(Uuid),
    deskId: Type.Optional(Uuid),
    /** true (default): keeps its place by the time it was taken; false: goes to the end of the line. */
    keepPlace: Type.Optional(Type.Boolean()),
    note: Type.Optional(Text({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type TransferRequest = Static<typeof TransferRequest>;

export const FinishRequest = Type.Object({ note: Type.Optional(Text({ maxLength: 2000 })) }, { additionalProperties: false });

// ---- statistics ----

export const StatsQuery = Type.Object({ officeId: Uuid, from: IsoDate, to: IsoDate });

export const StatsRow = Type.Object({
  day: Type.String(),
  service: Type.String(),
  desk: Type.String({ description: 'Desk that served; "—" for tickets never called' }),
  tickets: Type.Integer(),
  served: Type.Integer(),
  noShows: Type.Integer(),
  abandoned: Type.Integer({ description: 'Left the line, or still waiting at the end of the day' }),
  avgWaitMinutes: Type.Union([Type.Number(), Type.Null()]),
  maxWaitMinutes: Type.Union([Type.Number(), Type.Null()]),
  avgServiceMinutes: Type.Union([Type.Number(), Type.Null()]),
});
export type StatsRow = Static<typeof StatsRow>;

export const TodayFigures = Type.Object({
  taken: Type.Integer(),
  waiting: Type.Integer(),
  inService: Type.Integer(),
  served: Type.Integer(),
  noShows: Type.Integer(),
  abandoned: Type.Integer(),
  avgWaitMinutes: Type.Union([Type.Number(), Type.Null()]),
  avgServiceMinutes: Type.Union([Type.Number(), Type.Null()]),
  openDesks: Type.Integer(),
});
export type TodayFigures = Static<typeof TodayFigures>;

export const StatsResponse = Type.Object({ officeId: Type.String(), from: Type.String(), to: Type.String(), today: TodayFigures, rows: Type.Array(StatsRow) });
export type StatsResponse = Static<typeof StatsResponse>;

// ---- configuration ----

export const QueueConfig = Type.Object({
  id: Type.String(),
  officeId: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  kind: Type.Union([Type.Literal('in_person'), Type.Literal('video')]),
  active: Type.Boolean(),
  serviceIds: Type.Array(Type.String()),
});
export type QueueConfig = Static<typeof QueueConfig>;

export const QueueInput = Type.Object(
  {
    officeId: Uuid,
    name: Name({ minLength: 1, maxLength: 120 }),
    prefix: Type.String({ pattern: '^[A-Z]{1,2}$', description: 'One or two capital letters' }),
    kind: Type.Optional(Type.Union([Type.Literal('in_person'), Type.Literal('video')])),
    serviceIds: Type.Array(Uuid, { minItems: 1, maxItems: 50 }),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const QueuePatch = Type.Partial(Type.Omit(QueueInput, ['officeId']), { additionalProperties: false });

export const OfficeQueueSettings = Type.Object(
  {
    earlyMinutes: Type.Integer({ minimum: 0, maximum: 240, description: 'Checked-in appointments go ahead of walk-ins from this many minutes before their time' }),
    lateMinutes: Type.Integer({ minimum: 0, maximum: 240, description: '…and up to this many minutes late; later arrivals join the walk-in line' }),
    alertAhead: Type.Integer({ minimum: 0, maximum: 50, description: 'Alert the citizen when this many tickets or fewer are ahead' }),
    opensBeforeMinutes: Type.Integer({ minimum: 0, maximum: 240, description: 'Tickets can be taken this many minutes before the office opens' }),
  },
  { additionalProperties: false },
);
export type OfficeQueueSettings = Static<typeof OfficeQueueSettings>;

export const OfficeQueueConfig = Type.Object({
  settings: OfficeQueueSettings,
  queues: Type.Array(QueueConfig),
  desks: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), takesVideo: Type.Boolean(), queueIds: Type.Array(Type.String()) })),
});
export type OfficeQueueConfig = Static<typeof OfficeQueueConfig>;

export const PriorityClassList = Type.Object(
  {
    classes: Type.Array(
      Type.Object(
        {
          code: Type.String({ pattern: '^[a-z][a-z0-9-]{1,39}$', description: 'Stable code sent with a ticket, e.g. gravidanza' }),
          label: Name({ minLength: 3, maxLength: 120, description: 'What citizens read, e.g. "Donna in gravidanza"' }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 10 },
    ),
  },
  { additionalProperties: false },
);
export type PriorityClassList = Static<typeof PriorityClassList>;

export const DeskQueuesInput = Type.Object({ queueIds: Type.Array(Uuid, { maxItems: 50 }), takesVideo: Type.Optional(Type.Boolean()) }, { additionalProperties: false });

// ---- live channels (WebSocket messages from the server) ----

export type BoardMessage = { type: 'board'; board: BoardView };
export type TicketMessage = { type: 'ticket'; ticket: TicketView };
/** The officer's desk console: something changed in the office; fetch the line again. */
export type DeskMessage = { type: 'changed'; at: string };
export type LiveMessage = BoardMessage | TicketMessage | DeskMessage | { type: 'pong' };

export const QueueDayQuery = Type.Object({ date: Type.Optional(IsoDate) });
