// The web client's reconnecting WebSocket (web/src/shared/live-socket.ts), run in Node: the pure
// rules (back-off, which close codes end the channel) and the class against a fake socket, window
// and document with mocked timers, so reconnection, the watchdog and the status callbacks are
// checked without a browser (the e2e journeys check them against the real servers).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import { CLOSE_CODES } from '../contracts/video.ts';
import { isFatalClose, LiveSocket, type LiveSocketOptions, type LiveStatus, liveUrl, retryDelay } from '../web/src/shared/live-socket.ts';

describe('retryDelay', () => {
  test('doubles from 0.5 s up to 15 s, within ±25 %', () => {
    const expected = [500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000];
    for (const [attempt, base] of expected.entries()) {
      assert.equal(
        retryDelay(attempt, () => 0),
        base * 0.75,
        `attempt ${attempt}, lowest`,
      );
      assert.equal(
        retryDelay(attempt, () => 0.5),
        base,
        `attempt ${attempt}, middle`,
      );
      assert.equal(
        retryDelay(attempt, () => 1),
        base * 1.25,
        `attempt ${attempt}, highest`,
      );
    }
    assert.equal(
      retryDelay(1000, () => 0.5),
      15_000,
      'a very long outage still retries every 15 s',
    );
  });

  test('spreads the screens of one office over the jitter window', () => {
    const delays = Array.from({ length: 200 }, () => retryDelay(3));
    assert.ok(delays.every((d) => d >= 3000 && d <= 5000));
    assert.ok(new Set(delays.map((d) => Math.round(d / 100))).size > 10, 'not all at the same moment');
  });
});

describe('isFatalClose', () => {
  test("the servers' refusals end the channel; going away, network loss and overload are retried", () => {
    for (const code of [4400, 4403, 4404, 4409, 4410, 4499]) assert.equal(isFatalClose(code), true, String(code));
    for (const code of [1000, 1001, 1006, 1011, 4000, 4399, 4429, 4500]) assert.equal(isFatalClose(code), false, String(code));
  });

  test("every video close code but 'overloaded' is fatal", () => {
    for (const [name, code] of Object.entries(CLOSE_CODES)) assert.equal(isFatalClose(code), name !== 'overloaded', name);
  });

  test('a caller may declare more codes fatal', () => {
    assert.equal(isFatalClose(1008, [1008]), true);
    assert.equal(isFatalClose(1006, [1008]), false);
  });
});

test('liveUrl follows the page: wss on https, ws on http', () => {
  assert.equal(liveUrl('/api/v1/bari/x/live', { protocol: 'https:', host: 'comune.example' }), 'wss://comune.example/api/v1/bari/x/live');
  assert.equal(liveUrl('/x', { protocol: 'http:', host: 'localhost:3000' }), 'ws://localhost:3000/x');
});

class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static made: FakeSocket[] = [];
  readyState = FakeSocket.CONNECTING;
  sent: string[] = [];
  closedWith?: number;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: string }) => void) | null = null;
  onclose: ((ev: { code: number }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(code = 1005): void {
    this.readyState = FakeSocket.CLOSED;
    this.closedWith = code;
  }
  // What the server does:
  accept(): void {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.({});
  }
  push(m: unknown): void {
    this.onmessage?.({ data: JSON.stringify(m) });
  }
  drop(code: number): void {
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.({ code });
  }
}

const fakeWindow = Object.assign(new EventTarget(), {
  setTimeout: (f: () => void, ms: number) => setTimeout(f, ms),
  clearTimeout: (t: ReturnType<typeof setTimeout> | undefined) => clearTimeout(t),
  setInterval: (f: () => void, ms: number) => setInterval(f, ms),
  clearInterval: (t: ReturnType<typeof setInterval> | undefined) => clearInterval(t),
});
const fakeDocument = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
// Defined rather than assigned: Node 22 and later have a WebSocket of their own.
for (const [name, value] of Object.entries({ WebSocket: FakeSocket, window: fakeWindow, document: fakeDocument, location: { protocol: 'https:', host: 'comune.example' } })) {
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
}

type Msg = { type: 'view'; n: number } | { type: 'welcome' } | { type: 'pong' };

function harness(options: LiveSocketOptions<Msg> = {}) {
  const statuses: Array<[LiveStatus, number]> = [];
  const messages: Msg[] = [];
  const fatal: number[] = [];
  const socket = new LiveSocket<Msg, { type: 'chat'; text: string }>(
    '/api/v1/bari/live',
    { onMessage: (m) => messages.push(m), onStatus: (s, a) => statuses.push([s, a]), onFatal: (c) => fatal.push(c) },
    options,
  );
  const last = () => FakeSocket.made.at(-1)!;
  return { socket, statuses, messages, fatal, last };
}

describe('LiveSocket', () => {
  beforeEach(() => {
    FakeSocket.made = [];
    fakeDocument.visibilityState = 'visible';
    mock.timers.enable({ apis: ['setTimeout', 'setInterval', 'Date'] });
  });
  afterEach(() => mock.timers.reset());

  test('connects on this origin, delivers messages but pongs, and comes back after a drop', () => {
    const h = harness();
    h.socket.start();
    assert.equal(h.last().url, 'wss://comune.example/api/v1/bari/live');
    h.last().accept();
    h.last().push({ type: 'pong' });
    h.last().push({ type: 'view', n: 1 });
    assert.deepEqual(h.messages, [{ type: 'view', n: 1 }]);

    h.last().drop(1006);
    assert.equal(FakeSocket.made.length, 1, 'waits for the back-off');
    mock.timers.tick(625); // attempt 0: at most 0.5 s + 25 %
    assert.equal(FakeSocket.made.length, 2);
    h.last().accept();
    assert.deepEqual(h.statuses, [
      ['connecting', 0],
      ['open', 0],
      ['reconnecting', 1],
      ['reconnecting', 1],
      ['open', 0],
    ]);
    h.socket.stop();
  });

  test('pings while quiet and drops a socket that stays silent', () => {
    const h = harness();
    h.socket.start();
    const first = h.last();
    first.accept();
    mock.timers.tick(25_000);
    assert.deepEqual(first.sent, ['{"type":"ping"}']);
    mock.timers.tick(50_000); // 75 s without a word: past the 60 s watchdog
    assert.notEqual(first.closedWith, undefined, 'the dead socket is closed');
    assert.deepEqual(h.statuses.at(-1), ['reconnecting', 1]);
    mock.timers.tick(625);
    assert.equal(FakeSocket.made.length, 2);
    h.socket.stop();
  });

  test('a fatal code ends the channel: closed, no retry', () => {
    const h = harness();
    h.socket.start();
    h.last().accept();
    h.last().drop(4404);
    assert.deepEqual(h.statuses.at(-1), ['closed', 0]);
    assert.deepEqual(h.fatal, [4404]);
    mock.timers.tick(60_000);
    fakeWindow.dispatchEvent(new Event('online'));
    assert.equal(FakeSocket.made.length, 1);
  });

  test('overload (4429) and codes outside 4400–4499 back off and retry; declared codes are fatal', () => {
    const h = harness({ fatalCodes: [1008] });
    h.socket.start();
    h.last().drop(4429);
    mock.timers.tick(625);
    h.last().drop(1011);
    mock.timers.tick(1250);
    assert.equal(FakeSocket.made.length, 3);
    assert.deepEqual(h.fatal, []);
    h.last().drop(1008);
    assert.deepEqual(h.fatal, [1008]);
  });

  test('with isReady, only the ready message opens the channel and resets the count', () => {
    const h = harness({ isReady: (m) => m.type === 'welcome' });
    h.socket.start();
    h.last().accept();
    h.last().drop(1006); // open but never welcomed: one more failure
    mock.timers.tick(625);
    h.last().accept();
    h.last().drop(1006);
    mock.timers.tick(1250);
    h.last().accept();
    h.last().push({ type: 'welcome' });
    assert.deepEqual(h.statuses, [
      ['connecting', 0],
      ['reconnecting', 1],
      ['reconnecting', 1],
      ['reconnecting', 2],
      ['reconnecting', 2],
      ['open', 0],
    ]);
    assert.deepEqual(h.messages, [{ type: 'welcome' }], 'the ready message is delivered too, after the status');
    h.socket.stop();
  });

  test('refuses to send while not open', () => {
    const h = harness();
    h.socket.start();
    assert.equal(h.socket.send({ type: 'chat', text: 'buongiorno' }), false, 'still connecting');
    h.last().accept();
    assert.equal(h.socket.send({ type: 'chat', text: 'buongiorno' }), true);
    assert.deepEqual(h.last().sent, ['{"type":"chat","text":"buongiorno"}']);
    h.last().drop(1006);
    assert.equal(h.socket.send({ type: 'chat', text: 'ci sei?' }), false, 'reconnecting: refused, not queued');
    mock.timers.tick(625);
    h.last().accept();
    assert.deepEqual(h.last().sent, [], 'nothing queued was sent later');
    h.socket.stop();
  });

  test('back online, or the page shown again, retries without waiting for the back-off', () => {
    const h = harness();
    h.socket.start();
    h.last().drop(1006);
    h.last().drop(1006); // ignored: already gone
    fakeWindow.dispatchEvent(new Event('online'));
    assert.equal(FakeSocket.made.length, 2);
    h.last().drop(1006);
    fakeDocument.visibilityState = 'hidden';
    fakeDocument.dispatchEvent(new Event('visibilitychange'));
    assert.equal(FakeSocket.made.length, 2, 'not while hidden');
    fakeDocument.visibilityState = 'visible';
    fakeDocument.dispatchEvent(new Event('visibilitychange'));
    assert.equal(FakeSocket.made.length, 3);
    fakeDocument.dispatchEvent(new Event('visibilitychange'));
    assert.equal(FakeSocket.made.length, 3, 'not while a socket is on its way');
    mock.timers.tick(20_000);
    assert.equal(FakeSocket.made.length, 3, 'the pending back-off was cancelled');
    h.socket.stop();
  });

  test('stop closes the socket with 1000 and ends every retry', () => {
    const h = harness();
    h.socket.start();
    const s = h.last();
    s.accept();
    h.socket.stop();
    assert.equal(s.closedWith, 1000);
    assert.equal(s.onclose, null);
    fakeWindow.dispatchEvent(new Event('online'));
    mock.timers.tick(60_000);
    assert.equal(FakeSocket.made.length, 1);
  });
});
