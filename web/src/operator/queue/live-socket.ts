// The desk console's live channel: a WebSocket that tells "the office's line changed, fetch it again".
// Kept small and separate from the video room's signalling socket on purpose: here nothing is lost
// when the connection drops (the line is always fetched whole), so reconnecting is all we need.
//
// - a ping every 25 s keeps proxies from closing an idle connection (the server answers pong);
// - after a drop it reconnects with growing delays (1 s, 2 s, 4 s … at most 30 s, with jitter so a
//   whole office of consoles does not come back in the same millisecond after a restart);
// - every (re)connection is followed by a "changed" from the server, so the page catches up on what
//   happened while it was away.

export type LiveState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface LiveSocketOptions {
  /** Called for every message of type "changed". */
  onChanged(): void;
  /** Called whenever the connection state changes. */
  onState(state: LiveState): void;
  pingMs?: number;
  maxDelayMs?: number;
}

const PING = JSON.stringify({ type: 'ping' });
/** Close codes after which retrying is pointless (the desk is not ours to see, or does not exist). */
const FINAL_CODES = new Set([4401, 4403, 4404]);

/** A same-origin ws(s):// address for an API path. */
export function wsUrl(path: string): string {
  const u = new URL(path, window.location.href);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.toString();
}

/** Opens the channel; call the returned function to close it for good (page left). */
export function openLiveSocket(path: string, opts: LiveSocketOptions): () => void {
  const pingMs = opts.pingMs ?? 25_000;
  const maxDelay = opts.maxDelayMs ?? 30_000;
  let socket: WebSocket | undefined;
  let attempt = 0;
  let stopped = false;
  let pingTimer: number | undefined;
  let retryTimer: number | undefined;

  const connect = () => {
    if (stopped) return;
    opts.onState(attempt === 0 ? 'connecting' : 'reconnecting');
    const ws = new WebSocket(wsUrl(path));
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      opts.onState('open');
      pingTimer = window.setInterval(() => ws.readyState === WebSocket.OPEN && ws.send(PING), pingMs);
    };
    ws.onmessage = (ev) => {
      try {
        const msg = JSON.parse(String(ev.data)) as { type?: string };
        if (msg.type === 'changed') opts.onChanged();
      } catch {
        // Not JSON: not for us.
      }
    };
    ws.onclose = (ev) => {
      window.clearInterval(pingTimer);
      if (stopped) return;
      if (FINAL_CODES.has(ev.code)) {
        opts.onState('closed');
        return;
      }
      attempt += 1;
      const delay = Math.min(maxDelay, 1000 * 2 ** Math.min(attempt - 1, 5));
      opts.onState('reconnecting');
      retryTimer = window.setTimeout(connect, delay * (0.8 + Math.random() * 0.4));
    };
    // An error is always followed by close, where the retry is planned.
    ws.onerror = () => undefined;
  };

  // Back online or back to the tab: do not wait for the next planned attempt.
  const hurry = () => {
    if (stopped || socket?.readyState === WebSocket.OPEN || socket?.readyState === WebSocket.CONNECTING) return;
    window.clearTimeout(retryTimer);
    connect();
  };
  window.addEventListener('online', hurry);
  document.addEventListener('visibilitychange', hurry);

  connect();
  return () => {
    stopped = true;
    window.clearTimeout(retryTimer);
    window.clearInterval(pingTimer);
    window.removeEventListener('online', hurry);
    document.removeEventListener('visibilitychange', hurry);
    socket?.close(1000, 'page left');
  };
}
