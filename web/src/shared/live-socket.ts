// The one reconnecting JSON WebSocket of the web client: the queue's live channels (ticket page,
// display board, the officer's desk console) and the video room's signalling.
// Both servers send everything again on every connection (the queue a full view, the video room a
// `welcome` with presence, chat and documents), so nothing is lost across a reconnection: we only
// need to come back. A ping keeps proxies from closing an idle socket, a watchdog drops a socket
// silent for too long (a dead network can leave it "open" for minutes), and retries back off
// exponentially with jitter so a restarted server is not stormed by every screen at once. Coming
// back online, or a phone's page shown again after the browser froze it, retries at once.

/**
 * `reconnecting`: the socket dropped and a new one is on its way (after the back-off).
 * `closed`: the server refused the channel for good (see isFatalClose); no retry.
 */
export type LiveStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface LiveSocketEvents<In> {
  onMessage(message: In): void;
  /**
   * `attempt` counts the failed connections since the channel was last ready (0 while all is well).
   * `open` again after a `reconnecting`: the consumer may re-read what it missed.
   */
  onStatus?(status: LiveStatus, attempt: number): void;
  /** The server closed the socket with a fatal code (after `onStatus('closed')`). */
  onFatal?(code: number): void;
}

export interface LiveSocketOptions<In> {
  /** Ping interval; the watchdog drops a socket that heard nothing for `silenceMs`. */
  pingMs?: number;
  silenceMs?: number;
  /**
   * The message that says the channel is ready (the video room's `welcome`, sent once the server
   * has registered us); by default the socket being open is enough. Until then a drop counts as
   * one more failed attempt.
   */
  isReady?(message: In): boolean;
  /** Close codes that end the channel besides 4400–4499 (see isFatalClose). */
  fatalCodes?: readonly number[];
}

const PING_MS = 25_000;
/** Two missed pongs and a margin. */
const SILENCE_MS = 60_000;
const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 15_000;
const PING = '{"type":"ping"}';

/** ws: or wss: on this origin, as the page was loaded. */
export function liveUrl(path: string, loc: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}${path}`;
}

/** Delay before reconnection attempt n (0-based): 0.5 s, 1 s, 2 s … up to 15 s, ±25 %. */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt) * (0.75 + random() * 0.5);
}

/**
 * Whether a close code means "do not come back". Our servers' codes mirror HTTP statuses
 * (contracts/video.ts CLOSE_CODES; the desk channel's 4404): 4400–4499 are refusals that another
 * try would meet again (not found, not allowed, replaced, ended), except 4429, which like HTTP 429
 * says "too many, later": the back-off is the answer to it. Everything else (1001 server going
 * away, 1006 network lost, 1011 server error) is retried, unless the caller lists it.
 */
export function isFatalClose(code: number, also: readonly number[] = []): boolean {
  return also.includes(code) || (code >= 4400 && code < 4500 && code !== 4429);
}

export class LiveSocket<In extends { type: string }, Out extends { type: string } = never> {
  private ws: WebSocket | null = null;
  private stopped = false;
  private attempt = 0;
  private lastHeard = 0;
  private pingTimer?: number;
  private retryTimer?: number;
  private readonly pingMs: number;
  private readonly silenceMs: number;
  private readonly retryNow = () => {
    if (this.stopped || this.ws) return;
    window.clearTimeout(this.retryTimer);
    this.open();
  };
  private readonly retryIfShown = () => {
    if (document.visibilityState !== 'hidden') this.retryNow();
  };

  constructor(
    private readonly path: string,
    private readonly events: LiveSocketEvents<In>,
    private readonly options: LiveSocketOptions<In> = {},
  ) {
    this.pingMs = options.pingMs ?? PING_MS;
    this.silenceMs = options.silenceMs ?? SILENCE_MS;
  }

  start(): void {
    window.addEventListener('online', this.retryNow);
    document.addEventListener('visibilitychange', this.retryIfShown);
    this.open();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.retryNow);
    document.removeEventListener('visibilitychange', this.retryIfShown);
    window.clearInterval(this.pingTimer);
    window.clearTimeout(this.retryTimer);
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.onclose = ws.onmessage = ws.onopen = ws.onerror = null;
      ws.close(1000, 'bye');
    }
  }

  /**
   * Sends at once, or refuses (false) while the socket is not open: nothing is queued, because
   * what a reconnection needs is rebuilt from the server's first message (the video room renegotiates
   * its call; a chat line refused is left in its box for the user to send again).
   */
  send(message: Out): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }

  private ready(): void {
    this.attempt = 0;
    this.events.onStatus?.('open', 0);
  }

  private open(): void {
    this.events.onStatus?.(this.attempt === 0 ? 'connecting' : 'reconnecting', this.attempt);
    let ws: WebSocket;
    try {
      ws = new WebSocket(liveUrl(this.path));
    } catch {
      this.scheduleRetry();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      this.lastHeard = Date.now();
      window.clearInterval(this.pingTimer);
      this.pingTimer = window.setInterval(() => {
        if (Date.now() - this.lastHeard > this.silenceMs) this.dropped(ws, 1006);
        else if (ws.readyState === WebSocket.OPEN) ws.send(PING);
      }, this.pingMs);
      if (!this.options.isReady) this.ready();
    };
    ws.onmessage = (ev) => {
      this.lastHeard = Date.now();
      let m: In;
      try {
        m = JSON.parse(String(ev.data)) as In;
      } catch {
        return;
      }
      if (m.type === 'pong') return;
      if (this.options.isReady?.(m)) this.ready();
      this.events.onMessage(m);
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
    if (isFatalClose(code, this.options.fatalCodes)) {
      this.stop();
      this.events.onStatus?.('closed', this.attempt);
      this.events.onFatal?.(code);
      return;
    }
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    const delay = retryDelay(this.attempt++);
    this.events.onStatus?.('reconnecting', this.attempt);
    this.retryTimer = window.setTimeout(() => !this.stopped && this.open(), delay);
  }
}
