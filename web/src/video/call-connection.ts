// One participant's side of a call: the signalling socket (shared/live-socket.ts) and the peer connection
// (peer.ts), driven by the server's messages. The server announces a party's arrival and departure
// (also when its socket drops and comes back), so the peer connection is rebuilt on both sides each
// time: after a reconnect of our socket the other side has already thrown its connection away. A
// lost network path with both sockets up is mended by an ICE restart (peer.ts). Chat lines and
// documents are kept by id, so the history sent again with every welcome never duplicates.
import { CLOSE_CODES, type ChatMessage, type ClientMessage, type Party, type RoomFile, type RoomPhase, type ServerMessage } from '../../../contracts/video.ts';
import { LiveSocket, type LiveStatus } from '../shared/live-socket.ts';
import { PeerLink, rateQuality, type Quality, type StatsSample } from './peer.ts';

export type { Quality } from './peer.ts';
export type SocketStatus = LiveStatus;

export interface MediaState {
  audio: boolean;
  video: boolean;
  screen: boolean;
}

/** Why the call is over for this page. */
export type EndReason = 'ended' | 'window' | 'replaced' | 'cancelled' | 'not_found' | 'left';

export interface CallEvents {
  onPresence(otherPresent: boolean): void;
  onRemoteStream(stream: MediaStream | null): void;
  onChat(messages: ChatMessage[]): void;
  /** `added`: a document that arrived now (not with the welcome), to announce it. */
  onFiles(files: RoomFile[], added?: RoomFile): void;
  onRemoteState(state: MediaState): void;
  onQuality(q: Quality, bytesReceived: number): void;
  onSocket(status: SocketStatus): void;
  onEnded(reason: EndReason): void;
}

export interface CallOptions {
  signalPath: string;
  party: Party;
  iceServers: RTCIceServer[];
  /** Camera and microphone from the device check; null to join without devices. */
  local: MediaStream | null;
  /** Asks the server for the room's phase (the socket cannot tell "closed" from "network down"). */
  checkPhase(): Promise<RoomPhase | null>;
}

const STATS_MS = 2000;
// Quicker than the queue's screens (25 s, 60 s): a dead socket in the middle of a call is noticed
// within a minute, and the peer connection is rebuilt as soon as it is back.
const PING_MS = 20_000;
const SILENCE_MS = 45_000;

/** Why the server sent us away for good (contracts/video.ts CLOSE_CODES). */
type FatalClose = 'ended' | 'replaced' | 'not_open' | 'not_found';
const FATAL: Record<number, FatalClose> = {
  [CLOSE_CODES.ended]: 'ended',
  [CLOSE_CODES.replaced]: 'replaced',
  [CLOSE_CODES.notOpen]: 'not_open',
  [CLOSE_CODES.notFound]: 'not_found',
};
const byTime = <T extends { at?: string; uploadedAt?: string }>(a: T, b: T) => Date.parse(a.at ?? a.uploadedAt ?? '') - Date.parse(b.at ?? b.uploadedAt ?? '');

export class CallConnection {
  private readonly signalling: LiveSocket<ServerMessage, ClientMessage>;
  private peer: PeerLink | null = null;
  private stopped = false;
  private statsTimer?: number;
  private lastStats?: StatsSample;
  private lastBytes = 0;
  private chat = new Map<string, ChatMessage>();
  private files = new Map<string, RoomFile>();
  private state: MediaState;
  /** What we send as video: the camera, or the screen while sharing. */
  private video: { track: MediaStreamTrack | null; stream: MediaStream };
  private checkingPhase = false;

  constructor(
    private readonly opts: CallOptions,
    private readonly events: CallEvents,
  ) {
    const cam = opts.local?.getVideoTracks()[0] ?? null;
    this.video = { track: cam, stream: opts.local ?? new MediaStream() };
    this.state = { audio: Boolean(opts.local?.getAudioTracks().some((t) => t.enabled)), video: Boolean(cam?.enabled), screen: false };
    this.signalling = new LiveSocket<ServerMessage, ClientMessage>(
      opts.signalPath,
      {
        onMessage: (m) => this.onMessage(m),
        onStatus: (status, attempt) => {
          this.events.onSocket(status);
          // A refused upgrade looks like a network error: after a few, ask whether the room is still open.
          if (status === 'reconnecting' && attempt >= 2) void this.checkPhase();
        },
        // Another refusal (4400 "invalid" is not sent today): ask the server what became of the room.
        onFatal: (code) => this.onFatal(FATAL[code] ?? 'not_open'),
      },
      // Connected means registered in the room: a socket dropped before its welcome is one more failure.
      { pingMs: PING_MS, silenceMs: SILENCE_MS, isReady: (m) => m.type === 'welcome' },
    );
  }

  start(): void {
    this.signalling.start();
    this.statsTimer = window.setInterval(() => void this.sampleStats(), STATS_MS);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    window.clearInterval(this.statsTimer);
    this.signalling.stop();
    this.closePeer();
  }

  sendChat(text: string): boolean {
    return this.signalling.send({ type: 'chat', text });
  }

  /** Our microphone / camera / screen state, shown to the other party. */
  setState(state: MediaState): void {
    this.state = state;
    this.signalling.send({ type: 'state', ...state });
  }

  /** Switches the outgoing video (camera ↔ screen); kept across reconnections. */
  async setVideoTrack(track: MediaStreamTrack | null, stream: MediaStream): Promise<void> {
    this.video = { track, stream };
    await this.peer?.setVideoTrack(track, stream);
  }

  /** A document we uploaded (the server also announces it; the id avoids a duplicate). */
  addFile(file: RoomFile): void {
    this.files.set(file.id, file);
    this.events.onFiles(this.sortedFiles());
  }

  private sortedFiles(): RoomFile[] {
    return [...this.files.values()].sort(byTime);
  }

  private onMessage(m: ServerMessage): void {
    if (this.stopped) return;
    switch (m.type) {
      case 'welcome': {
        for (const c of m.chat) this.chat.set(c.id, c);
        for (const f of m.files) this.files.set(f.id, f);
        this.events.onChat([...this.chat.values()].sort(byTime));
        this.events.onFiles(this.sortedFiles());
        const other = m.present.some((p) => p !== this.opts.party);
        this.closePeer();
        this.events.onPresence(other);
        if (other) this.openPeer();
        this.signalling.send({ type: 'state', ...this.state });
        return;
      }
      case 'peer-joined':
        this.closePeer();
        this.events.onRemoteState({ audio: true, video: true, screen: false });
        this.events.onPresence(true);
        this.openPeer();
        this.signalling.send({ type: 'state', ...this.state });
        return;
      case 'peer-left':
        this.closePeer();
        this.events.onPresence(false);
        return;
      case 'signal':
        // An offer proves the other side is here even if its arrival notice has not reached us.
        if (!this.peer && 'description' in m.data && m.data.description.type === 'offer') {
          this.events.onPresence(true);
          this.openPeer();
        }
        void this.peer?.handleSignal(m.data);
        return;
      case 'chat':
        this.chat.set(m.message.id, m.message);
        this.events.onChat([...this.chat.values()].sort(byTime));
        return;
      case 'file': {
        const known = this.files.has(m.file.id);
        this.files.set(m.file.id, m.file);
        this.events.onFiles(this.sortedFiles(), known ? undefined : m.file);
        return;
      }
      case 'state':
        this.events.onRemoteState({ audio: m.audio, video: m.video, screen: m.screen });
        return;
      case 'ended':
        this.finish('ended');
        return;
      case 'closed':
        this.finish(m.reason);
        return;
      case 'error':
        console.warn('video: server', m.code, m.message);
        return;
      default:
        return;
    }
  }

  private onFatal(reason: FatalClose): void {
    if (reason === 'not_open') {
      // Window over, or the booking was cancelled meanwhile: the room page tells which.
      void this.checkPhase(true);
      return;
    }
    this.finish(reason);
  }

  private async checkPhase(fatal = false): Promise<void> {
    if (this.checkingPhase || this.stopped) return;
    this.checkingPhase = true;
    try {
      const phase = await this.opts.checkPhase();
      if (phase && phase !== 'open') this.finish(phase === 'cancelled' ? 'cancelled' : phase === 'ended' ? 'ended' : 'window');
      else if (fatal) this.finish('window');
    } finally {
      this.checkingPhase = false;
    }
  }

  private finish(reason: EndReason): void {
    if (this.stopped) return;
    this.stop();
    this.events.onEnded(reason);
  }

  private openPeer(): void {
    const local = this.opts.local;
    this.peer = new PeerLink(
      {
        polite: this.opts.party === 'citizen',
        iceServers: this.opts.iceServers,
        audio: local?.getAudioTracks()[0] ?? null,
        video: this.video.track,
        stream: this.video.stream,
      },
      {
        onSignal: (data) => this.signalling.send({ type: 'signal', data }),
        onRemoteStream: (s) => this.events.onRemoteStream(s),
        onIceState: () => void this.sampleStats(),
      },
    );
  }

  private closePeer(): void {
    if (!this.peer) return;
    this.peer.close();
    this.peer = null;
    this.lastStats = undefined;
    this.events.onRemoteStream(null);
  }

  private async sampleStats(): Promise<void> {
    const peer = this.peer;
    if (!peer) {
      this.events.onQuality('assente', this.lastBytes);
      return;
    }
    try {
      const cur = await peer.stats();
      if (peer !== this.peer) return;
      const q = rateQuality(peer.iceState, this.lastStats, cur);
      this.lastStats = cur;
      this.lastBytes = Math.max(this.lastBytes, cur.bytesReceived);
      this.events.onQuality(q, cur.bytesReceived);
    } catch {
      // A connection closed while sampling: the next sample tells.
    }
  }
}
