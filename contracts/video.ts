// Video rooms: the HTTP contract (TypeBox) and the signalling protocol spoken over the room's
// WebSocket (plain TypeScript types, shared by the server and the web client).
import { Type, type Static } from 'typebox';
import { IsoDateTime, Line, Text } from './common.ts';
import { BOOKING_STATUSES, ROOM_PHASES } from './statuses.ts';

/** A room credential: a citizen's manage token or a per-party room token (both 256-bit, base64url). */
export const RoomTokenParams = Type.Object({
  tenant: Type.String({ pattern: '^[a-z][a-z0-9-]{1,40}$' }),
  token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }),
});

export const Party = Type.Union([Type.Literal('citizen'), Type.Literal('officer')]);
export type Party = Static<typeof Party>;

/**
 * not_yet: before the window (see opensAt); open: may be joined; closed: the window is over;
 * ended: the officer ended the meeting; cancelled: the booking was cancelled.
 */
export const RoomPhase = Type.Enum(ROOM_PHASES);
export type RoomPhase = Static<typeof RoomPhase>;

export const IceServer = Type.Object({ urls: Type.Array(Type.String()), username: Type.Optional(Type.String()), credential: Type.Optional(Type.String()) });

export const RoomFile = Type.Object({
  id: Type.String(),
  name: Type.String({ description: 'Safe file name, extension matching the detected type' }),
  mediaType: Type.String({ description: 'Detected from the content, not from the name' }),
  size: Type.Integer(),
  sha256: Type.String(),
  uploadedBy: Party,
  uploadedAt: IsoDateTime,
});
export type RoomFile = Static<typeof RoomFile>;

export const ChatMessage = Type.Object({ id: Type.String(), from: Party, text: Type.String(), at: IsoDateTime });
export type ChatMessage = Static<typeof ChatMessage>;

export const RoomView = Type.Object({
  id: Type.String(),
  party: Party,
  kind: Type.Union([Type.Literal('booking'), Type.Literal('immediate')]),
  phase: RoomPhase,
  opensAt: IsoDateTime,
  closesAt: IsoDateTime,
  timeZone: Type.String(),
  title: Type.String({ description: 'Service name, or "Videochiamata con il Comune" for an immediate room' }),
  officeName: Type.Union([Type.String(), Type.Null()]),
  tenantName: Type.String(),
  booking: Type.Union([Type.Object({ id: Type.String(), reference: Type.String(), start: IsoDateTime, end: IsoDateTime, status: Type.Enum(BOOKING_STATUSES) }), Type.Null()]),
  citizenName: Type.Union([Type.String(), Type.Null()]),
  /** Present only while the room is open. */
  iceServers: Type.Optional(Type.Array(IceServer)),
  /** Path of the signalling WebSocket (same origin); present only while the room is open. */
  signalPath: Type.Optional(Type.String()),
  maxUploadBytes: Type.Integer(),
  /** Where the officer goes back to after the call (console), or the citizen's manage page. */
  backUrl: Type.Union([Type.String(), Type.Null()]),
});
export type RoomView = Static<typeof RoomView>;

export const RoomFileList = Type.Object({ files: Type.Array(RoomFile) });
export const EndRoomRequest = Type.Object({ note: Type.Optional(Text({ maxLength: 2000 })) }, { additionalProperties: false });
export const EndRoomResponse = Type.Object({ phase: RoomPhase, bookingStatus: Type.Union([Type.Enum(BOOKING_STATUSES), Type.Null()]) });

export const ImmediateRoomRequest = Type.Object(
  {
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    officeId: Type.Optional(Type.String({ format: 'uuid' })),
    citizenName: Type.Optional(Line({ maxLength: 160 })),
  },
  { additionalProperties: false },
);
export type ImmediateRoomRequest = Static<typeof ImmediateRoomRequest>;
export const ImmediateRoomCreated = Type.Object({ id: Type.String(), officerUrl: Type.String(), citizenUrl: Type.String(), closesAt: IsoDateTime, emailed: Type.Boolean() });
export type ImmediateRoomCreated = Static<typeof ImmediateRoomCreated>;
export const OfficerRoomLink = Type.Object({ id: Type.String(), officerUrl: Type.String(), token: Type.String() });
export type OfficerRoomLink = Static<typeof OfficerRoomLink>;

export const VideoAppointment = Type.Object({
  roomId: Type.Union([Type.String(), Type.Null()]),
  bookingId: Type.Union([Type.String(), Type.Null()]),
  reference: Type.Union([Type.String(), Type.Null()]),
  kind: Type.Union([Type.Literal('booking'), Type.Literal('immediate')]),
  start: IsoDateTime,
  end: IsoDateTime,
  /** A booking's status; an immediate room is `open` until the officer ends it (`done`). */
  status: Type.Union([Type.Enum(BOOKING_STATUSES), Type.Literal('open')]),
  phase: RoomPhase,
  serviceName: Type.String(),
  officeId: Type.Union([Type.String(), Type.Null()]),
  officeName: Type.Union([Type.String(), Type.Null()]),
  citizenName: Type.Union([Type.String(), Type.Null()]),
  citizenWaiting: Type.Boolean({ description: 'The citizen is connected to the room right now' }),
  officerPresent: Type.Boolean(),
  /** Console page that opens the room for the officer. */
  consoleUrl: Type.String(),
});
export type VideoAppointment = Static<typeof VideoAppointment>;
export const VideoAppointmentList = Type.Object({ date: Type.String(), timeZone: Type.String(), appointments: Type.Array(VideoAppointment) });
export type VideoAppointmentList = Static<typeof VideoAppointmentList>;

// ---- Signalling protocol (JSON text frames over the WebSocket at RoomView.signalPath) ----

/** What a participant's browser sends. */
export type ClientMessage =
  | { type: 'signal'; data: SignalData }
  | { type: 'chat'; text: string }
  | { type: 'state'; audio: boolean; video: boolean; screen: boolean }
  | { type: 'ping' };

/** An SDP description or an ICE candidate, relayed untouched to the other party. */
export type SignalData =
  | { description: { type: 'offer' | 'answer' | 'pranswer' | 'rollback'; sdp?: string } }
  | { candidate: { candidate: string; sdpMid?: string | null; sdpMLineIndex?: number | null; usernameFragment?: string | null } | null };

/** What the server sends. */
export type ServerMessage =
  | { type: 'welcome'; party: Party; present: Party[]; chat: ChatMessage[]; files: RoomFile[] }
  | { type: 'peer-joined'; party: Party }
  | { type: 'peer-left'; party: Party }
  | { type: 'signal'; from: Party; data: SignalData }
  | { type: 'chat'; message: ChatMessage }
  | { type: 'file'; file: RoomFile }
  | { type: 'state'; from: Party; audio: boolean; video: boolean; screen: boolean }
  | { type: 'ended'; by: Party }
  | { type: 'closed'; reason: 'window' | 'replaced' | 'ended' | 'cancelled' }
  | { type: 'pong' }
  | { type: 'error'; code: string; message: string };

/** WebSocket close codes used by the server (4000–4999 are the application's). */
export const CLOSE_CODES = { notFound: 4404, notOpen: 4403, replaced: 4409, ended: 4410, invalid: 4400, overloaded: 4429 } as const;
