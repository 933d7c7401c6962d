// The signalling server of one node: holds the WebSockets of the participants connected here, turns
// their messages into relay envelopes (see relay.ts) and delivers the envelopes of every node to
// the right local sockets. Media never passes through here: only SDP, ICE candidates, chat and
// notices of new documents.
import { randomUUID } from 'node:crypto';
import type { WebSocket } from 'ws';
import { CLOSE_CODES, type ClientMessage, type ServerMessage, type SignalData } from '../../../contracts/video.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Party } from '../../platform/db/schema.ts';
import { listRoomFiles, toRoomFile } from '../documents/index.ts';
import { toChatMessage } from './mappers.ts';
import { publish, subscribe, type RelayEnvelope } from './relay.ts';
import type { RoomAccess } from './room-access.ts';
import { clearNodePresence, insertChatMessage, leavePresence, listChat, presentParties, pruneRelay, takePresence, touchPresence } from './room-repository.ts';

const HEARTBEAT_MS = 15_000;
// A browser sends a few dozen candidates when a call starts; a flood beyond this is not a browser.
const MESSAGE_BUDGET = { max: 400, perMs: 10_000 };
const MAX_CHAT = 2000;

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
}

export const otherParty = (p: Party): Party => (p === 'citizen' ? 'officer' : 'citizen');

export class SignallingHub {
  readonly nodeId = randomUUID();
  private readonly rooms = new Map<string, Set<Participant>>();
  private unsubscribe?: () => Promise<void>;
  private heartbeat?: NodeJS.Timeout;

  constructor(private readonly ctx: AppContext) {}

  async start(): Promise<void> {
    this.unsubscribe = await subscribe(this.ctx, (e) => this.deliver(e));
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
    if (replaced.length) {
      await publish(this.ctx, { room: p.roomId, close: { party: p.party, except: p.connectionId, code: CLOSE_CODES.replaced, reason: 'replaced' } });
      await publish(this.ctx, { room: p.roomId, to: otherParty(p.party), message: { type: 'peer-left', party: p.party } });
    }
    const [present, chat, files] = await Promise.all([
      presentParties(this.ctx.db, p.roomId, now, p.connectionId),
      listChat(this.ctx.db, p.roomId),
      listRoomFiles(this.ctx.db, p.tenantId, p.roomId),
    ]);
    send(socket, { type: 'welcome', party: p.party, present, chat: chat.map(toChatMessage), files: files.map(toRoomFile) });
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

  private async leave(p: Participant): Promise<void> {
    clearTimeout(p.closeTimer);
    const set = this.rooms.get(p.roomId);
    set?.delete(p);
    if (set && !set.size) this.rooms.delete(p.roomId);
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

  /** Delivers a relayed envelope to the sockets of its room held by this node. */
  private deliver(e: RelayEnvelope): void {
    const set = this.rooms.get(e.room);
    if (!set) return;
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
