// A JSON WebSocket as a test sees it: send messages, wait for the next message of a type, see how
// the server closed the socket. Used for video signalling and the queue's live channels.
import WebSocket from 'ws';

export interface JsonSocket<In extends { type: string }, Out> {
  send(msg: Out | Record<string, unknown> | string): void;
  /** The next message of this type (already received or to come) matching `where`. */
  next<T extends In['type']>(type: T, where?: (m: Extract<In, { type: T }>) => boolean, timeoutMs?: number): Promise<Extract<In, { type: T }>>;
  received: In[];
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

/** Opens the socket; rejects with the HTTP status when the server refuses the upgrade. */
export function connectJsonSocket<In extends { type: string }, Out = never>(baseUrl: string, path: string, headers: Record<string, string> = {}): Promise<JsonSocket<In, Out>> {
  const ws = new WebSocket(baseUrl.replace(/^http/, 'ws') + path, { headers });
  const received: In[] = [];
  const consumed = new Set<In>();
  const waiters: Array<() => void> = [];
  ws.on('message', (data) => {
    received.push(JSON.parse(data.toString()) as In);
    for (const w of waiters.splice(0)) w();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  const client: JsonSocket<In, Out> = {
    received,
    closed,
    send: (msg) => ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg)),
    close: () => ws.close(),
    next(type, where = () => true, timeoutMs = 5000) {
      type M = Extract<In, { type: typeof type }>;
      return new Promise<M>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${type}" message within ${timeoutMs} ms; got ${JSON.stringify(received.map((m) => m.type))}`)), timeoutMs);
        const check = () => {
          const found = received.find((m) => !consumed.has(m) && m.type === type && where(m as M));
          if (found) {
            consumed.add(found);
            clearTimeout(timer);
            resolve(found as M);
          } else waiters.push(check);
        };
        check();
      });
    },
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(client));
    ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode })));
    ws.once('error', reject);
  });
}
