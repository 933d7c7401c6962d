// The room's signalling WebSocket: JSON frames, a ping every 20 s, a watchdog that drops a socket
// silent for too long (a dead network can leave a socket "open" for minutes), and reconnection with
// exponential backoff and jitter. The server's close codes that mean "do not come back" end it.
import { CLOSE_CODES, type ClientMessage, type ServerMessage } from '../../../contracts/video.ts';

export type SocketStatus = 'connecting' | 'open' | 'reconnecting';
/** Why the server sent us away for good. */
export type FatalClose = 'ended' | 'replaced' | 'not_open' | 'not_found';

export interface SignallingEvents {
  onMessage(m: ServerMessage): void;
  /** `attempt` counts the failed connections since the last welcome (0 while all is well). */
  onStatus(status: SocketStatus, attempt: number): void;
  onFatal(reason: FatalClose): void;
}

const PING_MS = 20_000;
/** Two missed pongs and a margin. */
const SILENCE_MS = 45_000;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 15_000;

const FATAL: Record<number, FatalClose> = {
  [CLOSE_CODES.ended]: 'ended',
  [CLOSE_CODES.replaced]: 'replaced',
  [CLOSE_CODES.notOpen]: 'not_open',
  [CLOSE_CODES.notFound]: 'not_found',
};

/** ws: or wss: on this origin, as the page was loaded. */
export function signalUrl(path: string, loc: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}${path}`;
}

/** Delay before reconnection attempt n (0-based): 0.5 s, 1 s, 2 s … up to 15 s, ±25 %. */
export function backoffDelay(attempt: number, random = Math.random): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt) * (0.75 + random() * 0.5);
}

export class Signalling {
  private ws: WebSocket | null = null;
  private stopped = false;
  private attempt = 0;
  private lastHeard = 0;
  private pingTimer?: number;
  private retryTimer?: number;
  private readonly online = () => this.reconnectNow();

  constructor(
    private readonly path: string,
    private readonly events: SignallingEvents,
  ) {}

  start(): void {
    window.addEventListener('online', this.online);
    this.open();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.online);
    window.clearInterval(this.pingTimer);
    window.clearTimeout(this.retryTimer);
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.onclose = ws.onmessage = ws.onopen = null;
      ws.close(1000, 'bye');
    }
  }

  /** False when the socket is not open (the message is dropped: signalling state is rebuilt on reconnect). */
  send(m: ClientMessage): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(m));
    return true;
  }

  /** The network came back: try at once instead of waiting for the backoff. */
  reconnectNow(): void {
    if (this.stopped || this.ws) return;
    window.clearTimeout(this.retryTimer);
    this.open();
  }

  private open(): void {
    this.events.onStatus(this.attempt === 0 ? 'connecting' : 'reconnecting', this.attempt);
    let ws: WebSocket;
    try {
      ws = new WebSocket(signalUrl(this.path));
    } catch {
      this.scheduleRetry();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      this.lastHeard = Date.now();
      window.clearInterval(this.pingTimer);
      this.pingTimer = window.setInterval(() => {
        if (Date.now() - this.lastHeard > SILENCE_MS) this.dropped(ws, 1006);
        else this.send({ type: 'ping' });
      }, PING_MS);
    };
    ws.onmessage = (ev) => {
      this.lastHeard = Date.now();
      let m: ServerMessage;
      try {
        m = JSON.parse(String(ev.data)) as ServerMessage;
      } catch {
        return;
      }
      if (m.type === 'welcome') {
        this.attempt = 0;
        this.events.onStatus('open', 0);
      }
      if (m.type !== 'pong') this.events.onMessage(m);
    };
    ws.onclose = (ev) => this.dropped(ws, ev.code);
  }

  private dropped(ws: WebSocket, code: number): void {
    if (ws !== this.ws) return;
    ws.onclose = ws.onmessage = ws.onopen = null;
    if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close();
    this.ws = null;
    window.clearInterval(this.pingTimer);
    if (this.stopped) return;
    const fatal = FATAL[code];
    if (fatal) {
      this.stop();
      this.events.onFatal(fatal);
      return;
    }
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    const delay = backoffDelay(this.attempt++);
    this.events.onStatus('reconnecting', this.attempt);
    this.retryTimer = window.setTimeout(() => !this.stopped && this.open(), delay);
  }
}
