// A reconnecting JSON WebSocket for the live channels of the queue (ticket page, display board, the
// officer's desk console).
// The server pushes a full view on connect and at every change, so nothing is lost across a
// reconnection: we only need to come back. A ping every 25 s keeps proxies from closing an idle
// socket, a watchdog drops a socket silent for too long (a dead network can leave it "open"), and
// retries back off exponentially with jitter so a restarted server is not stormed by every screen.

/** `closed`: the server refused the channel for good (4400-4499: not found, not allowed); no retry. */
export type LiveStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface LiveSocketEvents<M> {
  onMessage(message: M): void;
  /** `open` again after a `reconnecting`: the consumer may re-read what it missed. */
  onStatus?(status: LiveStatus): void;
}

const PING_MS = 25_000;
/** Two missed pongs and a margin. */
const SILENCE_MS = 60_000;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 15_000;

/** ws: or wss: on this origin, as the page was loaded. */
export function liveUrl(path: string): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`;
}

/** Delay before reconnection attempt n (0-based): 0.5 s, 1 s, 2 s … up to 15 s, ±25 %. */
export function retryDelay(attempt: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt) * (0.75 + Math.random() * 0.5);
}

export class LiveSocket<M extends { type: string }> {
  private ws: WebSocket | null = null;
  private stopped = false;
  private attempt = 0;
  private lastHeard = 0;
  private pingTimer?: number;
  private retryTimer?: number;
  private readonly retryNow = () => {
    if (this.stopped || this.ws || document.visibilityState === 'hidden') return;
    window.clearTimeout(this.retryTimer);
    this.open();
  };

  constructor(
    private readonly path: string,
    private readonly events: LiveSocketEvents<M>,
  ) {}

  start(): void {
    // Back online, or a phone's page shown again after the browser froze it: try at once.
    window.addEventListener('online', this.retryNow);
    document.addEventListener('visibilitychange', this.retryNow);
    this.open();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.retryNow);
    document.removeEventListener('visibilitychange', this.retryNow);
    window.clearInterval(this.pingTimer);
    window.clearTimeout(this.retryTimer);
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.onclose = ws.onmessage = ws.onopen = ws.onerror = null;
      ws.close(1000, 'bye');
    }
  }

  private open(): void {
    this.events.onStatus?.(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let ws: WebSocket;
    try {
      ws = new WebSocket(liveUrl(this.path));
    } catch {
      this.scheduleRetry();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      this.lastHeard = Date.now();
      this.events.onStatus?.('open');
      window.clearInterval(this.pingTimer);
      this.pingTimer = window.setInterval(() => {
        if (Date.now() - this.lastHeard > SILENCE_MS) this.dropped(ws);
        else if (ws.readyState === WebSocket.OPEN) ws.send('{"type":"ping"}');
      }, PING_MS);
    };
    ws.onmessage = (ev) => {
      this.lastHeard = Date.now();
      let m: M;
      try {
        m = JSON.parse(String(ev.data)) as M;
      } catch {
        return;
      }
      if (m.type !== 'pong') this.events.onMessage(m);
    };
    ws.onclose = (ev) => {
      if (ev.code >= 4400 && ev.code < 4500 && ws === this.ws) {
        this.stop();
        this.events.onStatus?.('closed');
        return;
      }
      this.dropped(ws);
    };
  }

  private dropped(ws: WebSocket): void {
    if (ws !== this.ws) return;
    ws.onclose = ws.onmessage = ws.onopen = null;
    if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close();
    this.ws = null;
    window.clearInterval(this.pingTimer);
    if (!this.stopped) this.scheduleRetry();
  }

  private scheduleRetry(): void {
    const delay = retryDelay(this.attempt++);
    this.events.onStatus?.('reconnecting');
    this.retryTimer = window.setTimeout(() => !this.stopped && this.open(), delay);
  }
}
