// The LISTEN connection against a real PostgreSQL: its backend terminated (pg_terminate_backend, as
// a restart or a failover would), refused for a while, or silent behind a frozen TCP link; and the
// pool's connections terminated while idle and while a transaction holds one. The delays are
// shortened so that an outage lasts a fraction of a second.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { countBackends, terminateBackends, waitUntil, withApplicationName } from '../../../test/support/outage.ts';
import { openDatabase } from './database.ts';
import { type ListenerState, PgListener, retryDelay } from './listener.ts';

const URL_ = process.env.TEST_DATABASE_URL;
const skip = URL_ ? false : 'needs TEST_DATABASE_URL (PostgreSQL): PGlite has no connection to lose';

describe('reconnection delays', () => {
  it('double from the first delay, vary by ±25 % and never pass the cap', () => {
    assert.equal(
      retryDelay(0, 100, 10_000, () => 0.5),
      100,
    );
    assert.equal(
      retryDelay(3, 100, 10_000, () => 0.5),
      800,
    );
    assert.equal(
      retryDelay(0, 100, 10_000, () => 0),
      75,
    );
    assert.equal(
      retryDelay(0, 100, 10_000, () => 1),
      125,
    );
    for (const attempt of [7, 8, 20, 1000, Number.MAX_SAFE_INTEGER]) {
      for (const r of [0, 0.5, 0.999]) {
        const d = retryDelay(attempt, 100, 10_000, () => r);
        assert.ok(d <= 10_000 && d >= 7_500, `attempt ${attempt}: ${d} ms`);
      }
    }
  });
});

interface LogLine {
  level: number;
  msg: string;
  err?: unknown;
  downMs?: number;
  attempt?: number;
}

function captureLog() {
  const lines: LogLine[] = [];
  const log = pino({ level: 'debug' }, { write: (s: string) => void lines.push(JSON.parse(s) as LogLine) });
  return { log, lines, has: (msg: string) => lines.some((l) => l.msg.startsWith(msg)) };
}

/** Records every state the listener passes through (sampled every few milliseconds). */
function watchStates(listener: PgListener) {
  const seen: ListenerState[] = [listener.state];
  const timer = setInterval(() => {
    if (seen.at(-1) !== listener.state) seen.push(listener.state);
  }, 2);
  return { seen, stop: () => clearInterval(timer) };
}

/**
 * A TCP relay in front of PostgreSQL: `refuse` drops new connections at once (a server that is
 * down), `cut` drops the current ones, `freeze` keeps them open and forwards nothing more (a
 * half-open connection: a dead network, a crashed host).
 */
async function startRelay(target: string) {
  const t = new URL(target);
  const pairs = new Set<{ a: net.Socket; b: net.Socket }>();
  const frozen = new Set<{ a: net.Socket; b: net.Socket }>();
  const accepted: number[] = [];
  let refusing = false;
  let silent = false;
  const server = net.createServer((a) => {
    accepted.push(Date.now());
    if (refusing) return void a.destroy();
    if (silent) {
      // Accepted, never answered: a server that hangs or a link that drops everything.
      frozen.add({ a, b: a });
      return;
    }
    const b = net.connect(Number(t.port || 5432), t.hostname);
    const pair = { a, b };
    pairs.add(pair);
    const drop = () => {
      a.destroy();
      b.destroy();
      pairs.delete(pair);
    };
    a.on('error', drop).on('close', drop);
    b.on('error', drop).on('close', drop);
    a.pipe(b);
    b.pipe(a);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  const u = new URL(target);
  u.hostname = '127.0.0.1';
  u.port = String(port);
  return {
    url: u.toString(),
    accepted,
    set refusing(v: boolean) {
      refusing = v;
    },
    set silent(v: boolean) {
      silent = v;
    },
    cut() {
      for (const p of [...pairs]) {
        p.a.destroy();
        p.b.destroy();
      }
    },
    freeze() {
      for (const { a, b } of pairs) {
        a.unpipe(b);
        b.unpipe(a);
        a.pause();
        b.pause();
        frozen.add({ a, b });
      }
      pairs.clear();
    },
    close: () =>
      new Promise<void>((r) => {
        for (const p of [...pairs, ...frozen]) {
          p.a.destroy();
          p.b.destroy();
        }
        server.close(() => r());
      }),
  };
}

describe('the pool when the server accepts and never answers', () => {
  it('gives a query up after the connect timeout instead of holding it', { timeout: 10_000 }, async () => {
    const held = new Set<net.Socket>();
    const server = net.createServer((socket) => void held.add(socket));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as net.AddressInfo).port;
    const database = await openDatabase({ databaseUrl: `postgres://sportello@127.0.0.1:${port}/sportello`, listener: { connectTimeoutMs: 200 } });
    try {
      const started = Date.now();
      await assert.rejects(sql`select 1`.execute(database.db), /timeout/i);
      assert.ok(Date.now() - started < 2000, 'the query waited for the connection timeout, not longer');
    } finally {
      await database.close();
      for (const s of held) s.destroy();
      server.close();
    }
  });
});

describe('the LISTEN connection when PostgreSQL drops it', { skip }, () => {
  const url = URL_!;
  let admin: pg.Client;
  let n = 0;
  const appName = () => `listener-test-${process.pid}-${++n}`;
  const notify = (channel: string, payload: string) => admin.query('select pg_notify($1, $2)', [channel, payload]);

  before(async () => {
    admin = new pg.Client({ connectionString: url, application_name: 'sportello-test-admin' });
    await admin.connect();
  });
  after(async () => {
    await admin.end();
  });

  it('reconnects, listens again on every channel, catches up once per reconnection and hears what follows', async () => {
    const name = appName();
    const { log, lines, has } = captureLog();
    const listener = new PgListener(url, log, { applicationName: name, minDelayMs: 200 });
    const got: Record<string, string[]> = { a: [], b: [], a2: [] };
    const caughtUp = { a: 0, b: 0 };
    await listener.listen('lt_a', (p) => got.a!.push(p), { onReconnect: () => void caughtUp.a++ });
    await listener.listen('lt_b', (p) => got.b!.push(p), { onReconnect: () => void caughtUp.b++ });
    await listener.listen('lt_a', (p) => got.a2!.push(p));
    const states = watchStates(listener);
    try {
      assert.equal(listener.state, 'up');
      assert.deepEqual(listener.channels, ['lt_a', 'lt_b']);
      assert.equal(await countBackends(url, name), 1, 'one connection, found by its application_name');
      await notify('lt_a', 'before');
      await waitUntil('"before" is heard', () => got.a!.includes('before') && got.a2!.includes('before'));

      assert.equal(await terminateBackends(url, name), 1);
      await waitUntil('the drop is noticed', () => listener.state === 'reconnecting');
      await notify('lt_a', 'during');
      await waitUntil('the listener is back', () => listener.state === 'up');
      await waitUntil('both subscriptions caught up', () => caughtUp.a === 1 && caughtUp.b === 1);
      assert.deepEqual(listener.channels, ['lt_a', 'lt_b'], 'both channels listened to again');
      assert.equal(listener.reconnects, 1);
      await notify('lt_a', 'after');
      await notify('lt_b', 'after');
      await waitUntil('"after" is heard on both channels, by every subscriber', () => got.a!.includes('after') && got.a2!.includes('after') && got.b!.includes('after'));
      assert.ok(!got.a!.includes('during'), 'what was sent while nobody listened is lost: that is what the catch-up is for');

      // A second outage: one more catch-up each, not one per attempt or per channel.
      assert.equal(await terminateBackends(url, name), 1);
      await waitUntil('the drop is noticed', () => listener.state === 'reconnecting');
      await waitUntil('back again', () => listener.state === 'up');
      await waitUntil('caught up again', () => caughtUp.a === 2 && caughtUp.b === 2);
      await new Promise((r) => setTimeout(r, 300));
      assert.deepEqual(caughtUp, { a: 2, b: 2 });
      assert.deepEqual(states.seen, ['up', 'reconnecting', 'up', 'reconnecting', 'up']);
      assert.equal(await countBackends(url, name), 1, 'the dropped connection was replaced, not doubled');

      assert.ok(has('database listener lost: reconnecting'), 'the drop is logged');
      const back = lines.filter((l) => l.msg.startsWith('database listener reconnected'));
      assert.equal(back.length, 2);
      assert.ok(
        back.every((l) => typeof l.downMs === 'number' && l.downMs >= 150),
        `the outage's length is logged: ${back.map((l) => l.downMs)}`,
      );
    } finally {
      states.stop();
      await listener.close();
    }
    assert.equal(listener.state, 'closed');
    await waitUntil('no connection is left', async () => (await countBackends(url, name)) === 0);
  });

  it('keeps subscriptions made and dropped while reconnecting, and unlistens what nobody wants', async () => {
    const name = appName();
    const listener = new PgListener(url, undefined, { applicationName: name, minDelayMs: 300 });
    const got: string[] = [];
    let caughtUp = 0;
    try {
      await listener.listen('lt_keep', (p) => got.push(`keep:${p}`));
      const drop = await listener.listen('lt_drop', (p) => got.push(`drop:${p}`));
      const second = await listener.listen('lt_keep', () => undefined);
      await second();
      assert.deepEqual(listener.channels, ['lt_drop', 'lt_keep'], 'a channel stays while someone listens to it');

      assert.equal(await terminateBackends(url, name), 1);
      await waitUntil('the drop is noticed', () => listener.state === 'reconnecting');
      await drop();
      const late = listener.listen('lt_new', (p) => got.push(`new:${p}`), { onReconnect: () => void caughtUp++ });
      const resolved = await Promise.race([late.then(() => true), new Promise((r) => setTimeout(() => r(false), 100))]);
      assert.equal(resolved, true, 'listen() does not wait for the reconnection');
      assert.equal(listener.state, 'reconnecting');

      await waitUntil('back', () => listener.state === 'up');
      await waitUntil('the late subscriber catches up', () => caughtUp === 1);
      assert.deepEqual(listener.channels, ['lt_keep', 'lt_new']);
      await notify('lt_drop', 'x');
      await notify('lt_new', 'y');
      await notify('lt_keep', 'z');
      await waitUntil('the kept and the new channel are heard', () => got.includes('new:y') && got.includes('keep:z'));
      assert.ok(!got.includes('drop:x'));

      const unlisten = await listener.listen('lt_temp', () => undefined);
      assert.ok(listener.channels.includes('lt_temp'));
      await unlisten();
      assert.ok(!listener.channels.includes('lt_temp'), 'UNLISTEN when the last subscriber leaves');
    } finally {
      await listener.close();
    }
  });

  it('backs off while the server refuses connections, up to its cap, and catches up once when it is back', async () => {
    const relay = await startRelay(url);
    const name = appName();
    const { log, lines } = captureLog();
    const listener = new PgListener(relay.url, log, { applicationName: name, minDelayMs: 40, maxDelayMs: 320 });
    let caughtUp = 0;
    try {
      await listener.listen('lt_backoff', () => undefined, { onReconnect: () => void caughtUp++ });
      relay.refusing = true;
      relay.cut();
      const from = relay.accepted.length;
      await waitUntil('eight attempts were refused', () => relay.accepted.length - from >= 8);
      const at = relay.accepted.slice(from);
      const gaps = at.slice(1).map((t, i) => t - at[i]!);
      // Delays 40, 80, 160, then the cap (±25 %, never above it): 30–50, 60–100, 120–200, 240–320…
      assert.ok(gaps[0]! < 150, `the second attempt comes soon: ${gaps}`);
      assert.ok(
        gaps.slice(3).every((g) => g >= 200 && g <= 420),
        `later attempts wait about the cap and no more: ${gaps}`,
      );
      assert.equal(listener.state, 'reconnecting');
      assert.equal(caughtUp, 0);
      const failures = lines.filter((l) => l.msg.startsWith('database listener: reconnection failed'));
      assert.ok(failures.length >= 7, 'each failed attempt is logged');
      assert.ok(
        failures.every((l, i) => i === 0 || l.attempt! > failures[i - 1]!.attempt!),
        'with its number',
      );

      relay.refusing = false;
      await waitUntil('back', () => listener.state === 'up');
      await waitUntil('caught up', () => caughtUp === 1);
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(caughtUp, 1, 'one catch-up for the outage, not one per attempt');
    } finally {
      await listener.close();
      await relay.close();
    }
  });

  it('drops a connection that stopped answering (half-open) when the probe gets no answer, and comes back', async () => {
    const relay = await startRelay(url);
    const name = appName();
    const { log, lines } = captureLog();
    const listener = new PgListener(relay.url, log, { applicationName: name, minDelayMs: 50, probeEveryMs: 150, probeTimeoutMs: 300 });
    const got: string[] = [];
    let caughtUp = 0;
    try {
      await listener.listen('lt_probe', (p) => got.push(p), { onReconnect: () => void caughtUp++ });
      await new Promise((r) => setTimeout(r, 400));
      assert.equal(listener.state, 'up', 'a healthy connection answers its probes');
      relay.freeze();
      await waitUntil('the silence is noticed', () => listener.state === 'reconnecting', 3000);
      assert.ok(
        lines.some((l) => l.msg.startsWith('database listener lost') && String(l.err).includes('probe')),
        'the log says why',
      );
      await waitUntil('back through a new connection', () => listener.state === 'up');
      await waitUntil('caught up', () => caughtUp === 1);
      await notify('lt_probe', 'heard again');
      await waitUntil('heard on the new connection', () => got.includes('heard again'));
    } finally {
      await listener.close();
      await relay.close();
    }
  });

  it('stays closed when closed while reconnecting or while connecting', async () => {
    const name = appName();
    const listener = new PgListener(url, undefined, { applicationName: name, minDelayMs: 200 });
    await listener.listen('lt_close', () => undefined);
    assert.equal(await terminateBackends(url, name), 1);
    await waitUntil('the drop is noticed', () => listener.state === 'reconnecting');
    await listener.close();
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(listener.state, 'closed');
    assert.equal(await countBackends(url, name), 0, 'no reconnection after close()');
    await assert.rejects(
      listener.listen('lt_close', () => undefined),
      /closed/,
    );

    const name2 = appName();
    const other = new PgListener(url, undefined, { applicationName: name2 });
    const pending = other.listen('lt_close', () => undefined);
    await other.close();
    await assert.rejects(pending, 'a listen() still connecting fails when the listener is closed');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(await countBackends(url, name2), 0, 'the connection being opened was ended');
  });

  it('fails at start when the server cannot be reached or does not answer, keeping nothing, and connects on a later try', async () => {
    const relay = await startRelay(url);
    const name = appName();
    const listener = new PgListener(relay.url, undefined, { applicationName: name, minDelayMs: 20, connectTimeoutMs: 300 });
    try {
      relay.silent = true;
      const started = Date.now();
      await assert.rejects(
        listener.listen('lt_start', () => undefined),
        /no connection within 300 ms|timeout/,
      );
      assert.ok(Date.now() - started < 2000, 'a silent server is given up after the connect timeout');
      relay.silent = false;
      relay.refusing = true;
      await assert.rejects(listener.listen('lt_start', () => undefined));
      assert.equal(listener.state, 'connecting');
      const attempts = relay.accepted.length;
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(relay.accepted.length, attempts, 'no retries behind the caller’s back at start');
      relay.refusing = false;
      const got: string[] = [];
      await listener.listen('lt_start2', (p) => got.push(p));
      assert.equal(listener.state, 'up');
      assert.deepEqual(listener.channels, ['lt_start2'], 'the failed subscription was not kept');
      await notify('lt_start2', 'ok');
      await waitUntil('heard', () => got.includes('ok'));
    } finally {
      await listener.close();
      await relay.close();
    }
  });

  it('keeps delivering to the other subscribers when one of them throws', async () => {
    const { log, has } = captureLog();
    const listener = new PgListener(url, log, { applicationName: appName() });
    const got: string[] = [];
    try {
      await listener.listen('lt_throw', () => {
        throw new Error('subscriber bug');
      });
      await listener.listen('lt_throw', (p) => got.push(p));
      await notify('lt_throw', 'one');
      await notify('lt_throw', 'two');
      await waitUntil('both heard by the healthy subscriber', () => got.length === 2);
      assert.ok(has('database listener: subscriber failed'));
      assert.equal(listener.state, 'up');
    } finally {
      await listener.close();
    }
  });

  it('survives pooled connections terminated while idle and while a transaction holds one; the next query works', async () => {
    const name = appName();
    const { log, lines } = captureLog();
    const database = await openDatabase({ databaseUrl: withApplicationName(url, name), log });
    try {
      // Three connections in the pool, idle afterwards.
      await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(database.db)));
      assert.equal(await countBackends(url, name), 3, 'pooled connections carry the URL’s application_name');
      assert.ok((await terminateBackends(url, name)) >= 3);
      // Each of the three connections tells its loss on its own: on a busy machine the first notice
      // can come well before the last, and a query meanwhile would get a connection not yet noticed.
      await waitUntil('the pool noticed all three', () => lines.filter((l) => l.msg.startsWith('idle database connection lost')).length >= 3);
      assert.equal((await sql<{ one: number }>`select 1 as one`.execute(database.db)).rows[0]!.one, 1);

      // A transaction waiting on other work while its connection is terminated: without a listener
      // on the checked-out client, its 'error' event would end this process.
      await assert.rejects(
        database.db.transaction().execute(async (trx) => {
          const pid = (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)).rows[0]!.pid;
          await admin.query('select pg_terminate_backend($1)', [pid]);
          await new Promise((r) => setTimeout(r, 300));
          await sql`select 1`.execute(trx);
        }),
      );
      assert.equal((await sql<{ one: number }>`select 1 as one`.execute(database.db)).rows[0]!.one, 1, 'the next query gets a fresh connection');

      // The listener of the same database is named after the pool.
      await database.listen('lt_named', () => undefined);
      assert.equal(await countBackends(url, `${name}-listener`), 1);
      assert.equal(database.listenerState(), 'up');
    } finally {
      await database.close();
    }
  });
});
