// /metrics as a scraper and an outsider meet it: Prometheus text that parses, with the process's own
// figures and the job backlog; never public (a token on the main port, or a port of its own).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.ts';
import { createContext } from '../server/boot.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import type { AppContext } from '../server/platform/context.ts';
import { startMetricsServer } from '../server/platform/http/metrics.ts';
import { book, findService, freeSlots } from './support/fixtures.ts';
import { ENGINES, freshSchemaUrl, startHarness, type Harness } from './support/harness.ts';

const TOKEN = 'a3f1c9e07b5d2468ace13579bdf02468'; // 32 hex characters: 128 bits

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A strict reading of the text exposition format (0.0.4): every line is a comment or a sample of a declared metric. */
function parseMetrics(text: string): Sample[] {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      assert.ok(!types.has(type[1]!), `${type[1]} declared twice`);
      types.set(type[1]!, type[2]!);
      continue;
    }
    if (/^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*$/.test(line)) continue;
    // Values are Go floats: Prometheus reads NaN and Inf in any case (prom-client writes "Nan").
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.eE+-]+|(?:nan|[+-]?inf))$/i.exec(line);
    assert.ok(m, `not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (m[2] ?? '').match(/[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*"/g) ?? []) {
      const eq = pair.indexOf('=');
      labels[pair.slice(0, eq)] = pair.slice(eq + 2, -1);
    }
    const name = m[1]!;
    const base = name.replace(/_(bucket|sum|count|total|created)$/, '');
    assert.ok(types.has(name) || types.has(base), `${name} has no TYPE`);
    samples.push({ name, labels, value: Number(m[3]) });
  }
  return samples;
}

const find = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));

describe('metrics configuration', () => {
  it('refuses a METRICS_TOKEN under 128 bits', () => {
    assert.throws(
      () => loadConfig({ METRICS_TOKEN: 'short-token' }),
      (err: unknown) => err instanceof ConfigError && err.problems.some((p) => p.startsWith('METRICS_TOKEN')),
    );
    assert.equal(loadConfig({ METRICS_TOKEN: TOKEN }).metrics.token, TOKEN);
    assert.throws(() => loadConfig({ METRICS_PORT: '3000', PORT: '3000' }), ConfigError);
    assert.deepEqual(loadConfig({ METRICS_PORT: '9464' }).metrics, { port: 9464, host: '127.0.0.1', token: undefined });
  });
});

for (const engine of ENGINES) {
  describe(`metrics (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());

    it('answers loopback clients in test mode with the process figures and the job backlog', async () => {
      const { service } = await findService(h.app, 'bari', 'URP', 'Informazioni generali');
      const [slot] = await freeSlots(h.app, 'bari', service.id);
      const booked = await book(h.app, 'bari', { serviceId: service.id, start: slot!.start, applicant: { name: 'Ada', surname: 'Neri', email: 'metrics@example.it' } });
      assert.equal(booked.statusCode, 201, booked.body);
      // The confirmation waits for a worker: nobody drains the queue before the scrape.
      const res = await h.app.inject('/metrics');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/);
      const samples = parseMetrics(res.body);
      for (const name of ['nodejs_eventloop_lag_seconds', 'nodejs_eventloop_lag_p99_seconds', 'nodejs_heap_size_used_bytes', 'process_resident_memory_bytes']) {
        assert.ok(find(samples, name).length, `${name} is there`);
      }
      assert.ok(find(samples, 'nodejs_heap_size_used_bytes')[0]!.value > 1e6);
      const ready = find(samples, 'sportello_jobs_backlog', { name: 'mail.send', state: 'ready' });
      assert.equal(ready.length, 1);
      assert.ok(ready[0]!.value >= 1, 'the confirmation email is in the backlog');
      assert.ok(find(samples, 'sportello_jobs_oldest_ready_seconds')[0]!.value >= 0);
      assert.equal(find(samples, 'sportello_db_listener_state', { state: 'up' })[0]?.value, 1);
      assert.equal(find(samples, 'sportello_bookings_total', { outcome: 'created' })[0]?.value, 1);
      assert.ok(find(samples, 'sportello_http_requests_total', { route: '/api/v1/:tenant/bookings', status: '201' }).length);
      assert.equal(find(samples, 'sportello_http_open_connections').length, 1);
      assert.equal(find(samples, 'sportello_websocket_connections').length, 1);
      if (engine.name === 'postgres') assert.ok(find(samples, 'sportello_db_pool_clients', { state: 'total' })[0]!.value >= 1);

      await h.worker.drain();
      const after = parseMetrics((await h.app.inject('/metrics')).body);
      assert.equal(find(after, 'sportello_jobs_backlog', { name: 'mail.send', state: 'ready' })[0]?.value, 0, 'sent: no backlog, and the series says so');
      assert.equal(find(after, 'sportello_jobs_total', { name: 'mail.send', outcome: 'done' })[0]?.value, 1);
    });

    it('refuses a client from another address in test mode', async () => {
      const res = await h.app.inject({ url: '/metrics', remoteAddress: '203.0.113.7' });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().code, 'METRICS_LOOPBACK_ONLY');
      assert.ok(res.json().messages.en);
    });
  });

  describe(`metrics behind a token and on a port of their own (${engine.name})`, () => {
    it('refuses /metrics on the public port without the token (401, JSON) and answers with it', async () => {
      const h = await startHarness({ url: engine.url, env: { METRICS_TOKEN: TOKEN } });
      try {
        for (const authorization of [undefined, 'Bearer wrong', `Bearer ${TOKEN}x`, `Basic ${TOKEN}`]) {
          const res = await h.app.inject({ url: '/metrics', headers: authorization ? { authorization } : {} });
          assert.equal(res.statusCode, 401, String(authorization));
          assert.equal(res.json().code, 'METRICS_UNAUTHORIZED');
          assert.ok(res.json().message && res.json().messages.it && res.json().messages.en);
          assert.match(String(res.headers['www-authenticate']), /^Bearer/);
          assert.doesNotMatch(res.body, /nodejs_/);
        }
        // Even from an outside address, the token is what counts.
        const ok = await h.app.inject({ url: '/metrics', remoteAddress: '203.0.113.7', headers: { authorization: `Bearer ${TOKEN}` } });
        assert.equal(ok.statusCode, 200);
        assert.ok(find(parseMetrics(ok.body), 'nodejs_eventloop_lag_seconds').length);
      } finally {
        await h.close();
      }
    });

    it('serves /metrics on METRICS_PORT and not on the main port', async () => {
      const h = await startHarness({ url: engine.url, env: { METRICS_PORT: '0' } });
      const server = await startMetricsServer(h.ctx);
      try {
        const main = await h.app.inject('/metrics');
        assert.equal(main.statusCode, 404);
        assert.equal(main.json().code, 'NOT_FOUND');
        const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
        assert.equal(res.status, 200);
        const samples = parseMetrics(await res.text());
        assert.ok(find(samples, 'nodejs_eventloop_lag_seconds').length);
        assert.ok(find(samples, 'sportello_db_listener_state').length);
        const other = await fetch(`http://127.0.0.1:${server.port}/api/v1/tenants`);
        assert.equal(other.status, 404);
        assert.equal((await other.json()).code, 'NOT_FOUND');
      } finally {
        await server.close();
        await h.close();
      }
    });

    it('asks for the token on METRICS_PORT too when both are set', async () => {
      const h = await startHarness({ url: engine.url, env: { METRICS_PORT: '0', METRICS_TOKEN: TOKEN } });
      const server = await startMetricsServer(h.ctx);
      try {
        const refused = await fetch(`http://127.0.0.1:${server.port}/metrics`);
        assert.equal(refused.status, 401);
        assert.equal((await refused.json()).code, 'METRICS_UNAUTHORIZED');
        const res = await fetch(`http://127.0.0.1:${server.port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
        assert.equal(res.status, 200);
      } finally {
        await server.close();
        await h.close();
      }
    });
  });

  describe(`metrics in production mode without a token or a port (${engine.name})`, () => {
    let ctx: AppContext;
    let app: FastifyInstance;
    before(async () => {
      const url = engine.url ? await freshSchemaUrl(engine.url) : undefined;
      const config = { ...loadConfig({ SPORTELLO_MODE: 'test', ...(url ? { DATABASE_URL: url } : {}) }), mode: 'production' as const };
      ctx = await createContext(config, { inMemory: true });
      app = await buildApp(ctx);
      await app.ready();
    });
    after(async () => {
      await app.close();
      await ctx.database.close();
    });

    it('does not serve /metrics at all, even to loopback', async () => {
      const res = await app.inject('/metrics');
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().code, 'NOT_FOUND', 'a plain 404, not the web client');
      assert.doesNotMatch(res.body, /nodejs_/);
    });
  });
}
