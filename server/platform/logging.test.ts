import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { buildApp } from '../app.ts';
import { createContext } from '../boot.ts';
import { loadConfig } from '../config.ts';
import { createLogger, redactUrl } from './logging.ts';

const TOKEN = 'Zm9vYmFyYmF6cXV4LXNlY3JldC1tYW5hZ2UtdG9rZW4tMTIzNDU2Nzg5';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, log: createLogger('info', stream) };
}

describe('log redaction', () => {
  it('replaces manage tokens in URLs and keeps the rest', () => {
    assert.equal(redactUrl(`/api/v1/bari/bookings/manage/${TOKEN}`), '/api/v1/bari/bookings/manage/[redacted]');
    assert.equal(redactUrl(`/api/v1/bari/bookings/manage/${TOKEN}/calendar.ics?x=1`), '/api/v1/bari/bookings/manage/[redacted]/calendar.ics?x=1');
    assert.equal(redactUrl(`/api/v1/bari/bookings/manage/${TOKEN}/cancel`), '/api/v1/bari/bookings/manage/[redacted]/cancel');
    assert.equal(redactUrl(`/bari/appuntamento/${TOKEN}`), '/bari/appuntamento/[redacted]');
    assert.equal(redactUrl(`/bari/appuntamento/${TOKEN}?lang=en#top`), '/bari/appuntamento/[redacted]?lang=en#top');
    assert.equal(redactUrl(`/api/v1/bari/tickets/0b7f/live?token=${TOKEN}`), '/api/v1/bari/tickets/0b7f/live?token=[redacted]');
    assert.equal(redactUrl(`/bari/biglietto/0b7f?x=1&token=${TOKEN}#a`), '/bari/biglietto/0b7f?x=1&token=[redacted]#a');
    assert.equal(redactUrl('/api/v1/bari/bookings'), '/api/v1/bari/bookings');
    assert.equal(redactUrl('/bari/prenota-appuntamento'), '/bari/prenota-appuntamento');
  });

  it('keeps credentials headers out of logged objects', () => {
    const { lines, log } = capture();
    log.info({ req: { method: 'GET', url: '/x', headers: { cookie: 'sid=SECRET1', authorization: 'Bearer SECRET2', 'x-csrf-token': 'SECRET3' } } }, 'request');
    log.info({ headers: { cookie: 'sid=SECRET1', authorization: 'Bearer SECRET2', 'x-csrf-token': 'SECRET3' } }, 'headers');
    assert.equal(lines.length, 2);
    for (const line of lines) assert.doesNotMatch(line, /SECRET/);
  });

  it('Fastify request logs carry no manage token', async () => {
    const { lines, log } = capture();
    const app = Fastify({ loggerInstance: log as unknown as FastifyBaseLogger });
    app.get('/api/v1/:tenant/bookings/manage/:token', async () => {
      throw new Error('boom'); // a 500 logs the request once more, with the error
    });
    app.get('/*', async () => 'page');
    await app.ready();
    const api = await app.inject({ url: `/api/v1/bari/bookings/manage/${TOKEN}`, headers: { cookie: 'sid=SECRET1', authorization: 'Bearer SECRET2' } });
    assert.equal(api.statusCode, 500);
    assert.equal((await app.inject(`/bari/appuntamento/${TOKEN}`)).statusCode, 200);
    await app.close();
    const logged = lines.join('\n');
    assert.ok(
      lines.some((l) => JSON.parse(l).req?.url === '/api/v1/bari/bookings/manage/[redacted]'),
      logged,
    );
    assert.ok(
      lines.some((l) => JSON.parse(l).req?.url === '/bari/appuntamento/[redacted]'),
      logged,
    );
    assert.ok(!logged.includes(TOKEN), logged);
    assert.doesNotMatch(logged, /SECRET/);
  });

  it('the application logs manage requests without the token', async () => {
    const { lines, log } = capture();
    const ctx = await createContext(loadConfig({ SPORTELLO_MODE: 'test', PUBLIC_URL: 'http://localhost:3000' }), { inMemory: true });
    ctx.log = log;
    const app = await buildApp(ctx);
    try {
      const res = await app.inject(`/api/v1/bari/bookings/manage/${TOKEN}`);
      assert.equal(res.statusCode, 404);
      await app.inject({ method: 'POST', url: `/api/v1/bari/bookings/manage/${TOKEN}/cancel`, payload: {} });
    } finally {
      await app.close();
      await ctx.database.close();
    }
    const logged = lines.join('\n');
    assert.ok(
      lines.some((l) => JSON.parse(l).req?.url === '/api/v1/bari/bookings/manage/[redacted]'),
      logged,
    );
    assert.ok(
      lines.some((l) => JSON.parse(l).req?.url === '/api/v1/bari/bookings/manage/[redacted]/cancel'),
      logged,
    );
    assert.ok(!logged.includes(TOKEN), logged);
  });
});
