// The signalling server of one node: holds the WebSockets of the participants connected here, turns
// their messages into relay envelopes (see relay.ts) and delivers the envelopes of every node to
// the right local sockets. Media never passes through here: only SDP, ICE candidates, chat and
// notices of new documents.
//
// When this node's LISTEN connection was down, whatever other nodes published for its rooms was
// lost: signals (an offer, an answer, an ICE restart), chat lines, arrivals and departures, the end
// of the meeting, the "replaced" of a newer tab. `resync` then settles each room this node holds:
// sockets of an ended room are closed, sockets replaced meanwhile are closed, and the room is told
// to start again — every node sends its sockets of the room a fresh `welcome` (presence, the whole
// chat from `video_messages`, documents), on which both browsers rebuild their peer connection as
// after a reconnection of their socket. A call in progress thus renegotiates once (a second or two
// without media) rather than risk hanging on a lost offer or answer; chat lines sent meanwhile are
// in the welcome (the browser keeps lines by id: no duplicates).
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { CLOSE_CODES, type ClientMessage, type ServerMessage, type SignalData } from '../../../contracts/video.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Party } from '../../platform/db/schema.ts';
import { listRoomFiles, toRoomFile } from '../documents/index.ts';
import { toChatMessage } from './mappers.ts';
import { publish, subscribe, type RelayEnvelope } from './relay.ts';
import type { RoomAccess } from './room-access.ts';
import {
  clearNodePresence,
  findRoom,
  heldPresence,
  insertChatMessage,
  leavePresence,
  listChat,
  presentParties,
  pruneRelay,
  takePresence,
  touchPresence,
} from './room-repository.ts';

const HEARTBEAT_MS = 15_000;
// A browser sends a few dozen candidates when a call starts; a flood beyond this is not a browser.
const MESSAGE_BUDGET = { max: 400, perMs: 10_000 };
const MAX_CHAT = 2000;
// After a reconnection, wait this long (plus up to as much again) before asking a room to start
// again: when a database restart dropped every node, the one that comes back first asks, and the
// others, back meanwhile, hear it and do not ask a second time (two restarts in a row could cross).
const RESYNC_SETTLE_MS = 300;

interface Participant {
  connectionId: string;
  roomId: string;
  tenantId: string;
  party: Party;
  socket: WebSocket;
  closeTimer?: NodeJS.Timeout;
  budget: { windowStart: number; count: number };
  /** Messages of one socket are handled one after the other, so their relay order is kept. */
  queue: Promise<void>;
  /** Holds its party's place in `video_presence`. */
  entered?: boolean;
}

export const otherParty = (p: Party): Party => (p === 'citizen' ? 'officer' : 'citizen');

export class SignallingHub {
  readonly nodeId = randomUUID();
  private readonly rooms = new Map<string, Set<Participant>>();
  /** When this node last delivered a resync of each room (Date.now()). */
  private readonly resynced = new Map<string, number>();
  private unsubscribe?: () => Promise<void>;
  private heartbeat?: NodeJS.Timeout;

  constructor(private readonly ctx: AppContext) {}

  async start(): Promise<void> {
    this.unsubscribe = await subscribe(
      this.ctx,
      (e) => this.deliver(e),
      () => this.resync(),
    );
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const set of this.rooms.values()) for (const p of set) p.socket.close(1001, 'server shutting down');
    this.rooms.clear();
    await this.unsubscribe?.().catch(() => undefined);
    await clearNodePresence(this.ctx.db, this.nodeId).catch(() => undefined);
  }

  /** Participants connected to this node (for metrics and tests). */
  get localConnections(): number {
    let n = 0;
    for (const set of this.rooms.values()) n += set.size;
    return n;
  }

  /** Called once the WebSocket is open and the access was checked (open room, valid token). */
  async join(access: RoomAccess, socket: WebSocket): Promise<void> {
    const p: Participant = {
      connectionId: randomUUID(),
      roomId: access.room.id,
      tenantId: access.tenant.id,
      party: access.party,
      socket,
      budget: { windowStart: Date.now(), count: 0 },
      queue: Promise.resolve(),
    };
    // Listen at once: messages that arrive while the join is being recorded wait behind it, and so
    // does the leave of a socket that closes at once (no presence row outlives its socket).
    p.queue = this.enter(p, access).catch((err: unknown) => {
      this.ctx.log.warn({ err }, 'video: join failed');
      socket.close(1011, 'join failed');
    });
    socket.on('message', (data, isBinary) => {
      p.queue = p.queue.then(() => this.onMessage(p, isBinary ? null : data.toString())).catch((err: unknown) => this.ctx.log.warn({ err }, 'video: message failed'));
    });
    socket.on('close', () => {
      p.queue = p.queue.then(() => this.leave(p)).catch(() => undefined);
    });
    socket.on('error', () => undefined);
    await p.queue;
  }

  private async enter(p: Participant, access: RoomAccess): Promise<void> {
    const { socket } = p;
    let set = this.rooms.get(p.roomId);
    if (!set) this.rooms.set(p.roomId, (set = new Set()));
    set.add(p);

    const now = this.ctx.clock.now();
    const replaced = await takePresence(this.ctx.db, { connectionId: p.connectionId, tenantId: p.tenantId, roomId: p.roomId, party: p.party, nodeId: this.nodeId, now });
    p.entered = true;
    if (replaced.length) {
      await publish(this.ctx, { room: p.roomId, close: { party: p.party, except: p.connectionId, code: CLOSE_CODES.replaced, reason: 'replaced' } });
      await publish(this.ctx, { room: p.roomId, to: otherParty(p.party), message: { type: 'peer-left', party: p.party } });
    }
    send(socket, await this.welcome(p));
    await publish(this.ctx, { room: p.roomId, to: otherParty(p.party), message: { type: 'peer-joined', party: p.party } });

    // Close the socket when the window ends (timers cap at ~24.8 days; rooms are far shorter).
    const ms = Math.min(access.closesAt.getTime() - now.getTime(), 2 ** 31 - 1);
    p.closeTimer = setTimeout(
      () => {
        send(socket, { type: 'closed', reason: 'window' });
        socket.close(CLOSE_CODES.notOpen, 'window closed');
      },
      Math.max(0, ms),
    );
    p.closeTimer.unref();
  }

  /** Who else is here, the whole chat and the documents: what a party needs to (re)start the call. */
  private async welcome(p: Participant): Promise<ServerMessage> {
    const [present, chat, files] = await Promise.all([
      presentParties(this.ctx.db, p.roomId, this.ctx.clock.now(), p.connectionId),
      listChat(this.ctx.db, p.roomId),
      listRoomFiles(this.ctx.db, p.tenantId, p.roomId),
    ]);
    return { type: 'welcome', party: p.party, present, chat: chat.map(toChatMessage), files: files.map(toRoomFile) };
  }

  private async leave(p: Participant): Promise<void> {
    clearTimeout(p.closeTimer);
    const set = this.rooms.get(p.roomId);
    set?.delete(p);
    if (set && !set.size) {
      this.rooms.delete(p.roomId);
      this.resynced.delete(p.roomId);
    }
    // A connection replaced by a newer one of the same party has already been announced as gone.
    if (await leavePresence(this.ctx.db, p.connectionId)) {
      await publish(this.ctx, { room: p.roomId, to: otherParty(p.party), message: { type: 'peer-left', party: p.party } });
    }
  }

  private async onMessage(p: Participant, raw: string | null): Promise<void> {
    const nowMs = Date.now();
    if (nowMs - p.budget.windowStart > MESSAGE_BUDGET.perMs) p.budget = { windowStart: nowMs, count: 0 };
    if (++p.budget.count > MESSAGE_BUDGET.max) {
      p.socket.close(CLOSE_CODES.overloaded, 'too many messages');
      return;
    }
    const msg = parseClientMessage(raw);
    if (!msg) {
      send(p.socket, { type: 'error', code: 'INVALID_MESSAGE', message: 'Messaggio non valido.' });
      return;
    }
    switch (msg.type) {
      case 'ping':
        send(p.socket, { type: 'pong' });
        return;
      case 'signal':
        await publish(this.ctx, { room: p.roomId, to: otherParty(p.party), message: { type: 'signal', from: p.party, data: msg.data } });
        return;
      case 'state':
        await publish(this.ctx, { room: p.roomId, to: otherParty(p.party), message: { type: 'state', from: p.party, audio: msg.audio, video: msg.video, screen: msg.screen } });
        return;
      case 'chat': {
        const row = await insertChatMessage(this.ctx.db, { tenantId: p.tenantId, roomId: p.roomId, party: p.party, body: msg.text, at: this.ctx.clock.now() });
        await publish(this.ctx, { room: p.roomId, to: 'all', message: { type: 'chat', message: toChatMessage(row) } });
        return;
      }
    }
  }

  /**
   * The LISTEN connection is back after an outage (see the top of this file). Rooms are settled one
   * after the other; a failure in one is logged and leaves the others to be settled.
   */
  async resync(): Promise<void> {
    const since = Date.now();
    await new Promise((r) => setTimeout(r, RESYNC_SETTLE_MS * (1 + Math.random())));
    for (const roomId of [...this.rooms.keys()]) {
      try {
        await this.resyncRoom(roomId, since);
      } catch (err) {
        this.ctx.log.warn({ err, roomId }, 'video: resync of a room failed');
      }
    }
  }

  private async resyncRoom(roomId: string, since: number): Promise<void> {
    const set = this.rooms.get(roomId);
    const first = set && [...set][0];
    if (!first) return;
    const room = await findRoom(this.ctx.db, first.tenantId, roomId);
    if (!room || room.ended_at) {
      // The officer ended the meeting meanwhile: what end-room published, delivered now.
      this.deliver({ room: roomId, to: 'all', message: { type: 'ended', by: 'officer' } });
      this.deliver({ room: roomId, close: { code: CLOSE_CODES.ended, reason: 'ended' } });
      return;
    }
    // Only those whose place was taken; a socket still joining has not taken its own yet.
    const entered = [...set].filter((p) => p.entered);
    const held = await heldPresence(
      this.ctx.db,
      entered.map((p) => p.connectionId),
    );
    for (const p of entered) {
      if (held.has(p.connectionId)) continue;
      // A newer tab of the same party took the place meanwhile (its node published the close).
      send(p.socket, { type: 'closed', reason: 'replaced' });
      p.socket.close(CLOSE_CODES.replaced, 'replaced');
    }
    // Another node's resync heard since we came back reaches every party already.
    if ((this.resynced.get(roomId) ?? 0) >= since || ![...set].some((p) => held.has(p.connectionId))) return;
    await publish(this.ctx, { room: roomId, resync: randomUUID() });
  }

  /** Delivers a relayed envelope to the sockets of its room held by this node. */
  private deliver(e: RelayEnvelope): void | Promise<void> {
    const set = this.rooms.get(e.room);
    if (!set) return;
    if ('resync' in e) return this.welcomeAgain(e.room, set);
    for (const p of [...set]) {
      if ('close' in e) {
        if ((e.close.party === undefined || e.close.party === p.party) && p.connectionId !== e.close.except) {
          send(p.socket, { type: 'closed', reason: e.close.reason });
          p.socket.close(e.close.code, e.close.reason);
        }
      } else if ((e.to === 'all' || e.to === p.party) && p.connectionId !== e.except) {
        send(p.socket, e.message);
      }
    }
  }

  /** A room starts again: each of its sockets here gets a fresh welcome. */
  private async welcomeAgain(roomId: string, set: Set<Participant>): Promise<void> {
    this.resynced.set(roomId, Date.now());
    // Awaited by the relay: what the other party sends after its own welcome comes after ours.
    await Promise.all([...set].map(async (p) => send(p.socket, await this.welcome(p))));
  }

  private async beat(): Promise<void> {
    const ids = [...this.rooms.values()].flatMap((set) => [...set].map((p) => p.connectionId));
    try {
      await touchPresence(this.ctx.db, ids, this.ctx.clock.now());
      await pruneRelay(this.ctx.db);
    } catch (err) {
      this.ctx.log.warn({ err }, 'video: heartbeat failed');
    }
  }
}

function send(socket: WebSocket, msg: ServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(msg));
}

/** Accepts only the shapes of the protocol; anything else is refused, never relayed. */
export function parseClientMessage(raw: string | null): ClientMessage | null {
  if (raw === null) return null;
  let m: unknown;
  try {
    m = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!m || typeof m !== 'object') return null;
  const o = m as Record<string, unknown>;
  switch (o.type) {
    case 'ping':
      return { type: 'ping' };
    case 'chat': {
      const text = typeof o.text === 'string' ? o.text.trim() : '';
      return text && text.length <= MAX_CHAT ? { type: 'chat', text } : null;
    }
    case 'state':
      return typeof o.audio === 'boolean' && typeof o.video === 'boolean' && typeof o.screen === 'boolean'
        ? { type: 'state', audio: o.audio, video: o.video, screen: o.screen }
        : null;
    case 'signal': {
      const data = parseSignal(o.data);
      return data ? { type: 'signal', data } : null;
    }
    default:
      return null;
  }
}

function parseSignal(d: unknown): SignalData | null {
  if (!d || typeof d !== 'object') return null;
  const o = d as Record<string, unknown>;
  if ('description' in o) {
    const desc = o.description as Record<string, unknown> | null;
    if (!desc || !['offer', 'answer', 'pranswer', 'rollback'].includes(desc.type as string)) return null;
    if (desc.sdp !== undefined && typeof desc.sdp !== 'string') return null;
    return { description: { type: desc.type as 'offer', ...(typeof desc.sdp === 'string' ? { sdp: desc.sdp } : {}) } };
  }
  if ('candidate' in o) {
    if (o.candidate === null) return { candidate: null };
    const c = o.candidate as Record<string, unknown>;
    if (!c || typeof c.candidate !== 'string' || c.candidate.length > 1000) return null;
    return {
      candidate: {
        candidate: c.candidate,
        sdpMid: typeof c.sdpMid === 'string' ? c.sdpMid : null,
        sdpMLineIndex: typeof c.sdpMLineIndex === 'number' ? c.sdpMLineIndex : null,
        usernameFragment: typeof c.usernameFragment === 'string' ? c.usernameFragment : null,
      },
    };
  }
  return null;
}
