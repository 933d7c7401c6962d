// The HTTP surface around the routes: the OpenAPI document (security, operationIds, the answers any
// route may give, file answers' media types), 405 for a known path with another method, 413 and 414
// in the error shape, empty admin changes, and WebSocket upgrades of routes that are not sockets.
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';
import { findService } from './support/fixtures.ts';
import { connectJsonSocket } from './support/json-socket.ts';
import { officeIdOf } from './support/officers.ts';
import { signIn } from './support/operator.ts';

type Op = { operationId?: string; security?: Array<Record<string, string[]>>; requestBody?: unknown; responses: Record<string, { content?: Record<string, unknown> }> };
const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);

/** A WebSocket handshake over a real connection, answered with HTTP (an upgrade would leave it pending). */
function upgrade(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path,
      agent: false,
      headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

for (const engine of ENGINES) {
  describe(`the HTTP surface (${engine.name})`, () => {
    let h: Harness;
    let doc: { paths: Record<string, Record<string, Op>>; components: { securitySchemes: Record<string, { in: string; name: string }> } };
    before(async () => {
      h = await startHarness({ url: engine.url });
      doc = (await h.app.inject('/api/docs/json')).json();
    });
    after(async () => h.close());

    const operations = () => Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

    it('gives every operation a unique operationId and documents 414, 413 and 429 in the error shape', () => {
      const ops = operations();
      assert.ok(ops.length > 80, `${ops.length} operations`);
      const ids = ops.map((o) => o.op.operationId);
      for (const o of ops) assert.match(o.op.operationId ?? '', /^[a-z]+_[a-z]+[A-Za-z0-9]*$/, `${o.method} ${o.path}`);
      assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
      for (const o of ops) {
        assert.ok(o.op.responses['414'], `414 on ${o.method} ${o.path}`);
        if (o.op.requestBody) assert.ok(o.op.responses['413'], `413 on ${o.method} ${o.path}`);
      }
      assert.ok(doc.paths['/api/v1/{tenant}/bookings']!.post!.responses['429'], 'the booking is rate limited');
      assert.equal(doc.paths['/api/v1/{tenant}/operator/admin/offices/{officeId}']!.patch!.operationId, 'admin_patchOperatorAdminOfficesByOfficeId');
    });

    it('declares the session cookies and the CSRF header, and which routes need them', () => {
      assert.deepEqual(Object.fromEntries(Object.entries(doc.components.securitySchemes).map(([k, v]) => [k, `${v.in}:${v.name}`])), {
        officerSession: 'cookie:sportello_op',
        citizenSession: 'cookie:sportello_cit',
        csrfToken: 'header:x-csrf-token',
      });
      const officerOps = operations().filter((o) => o.path.includes('/operator/') && o.path !== '/api/v1/{tenant}/operator/session');
      assert.ok(officerOps.length > 30);
      for (const o of officerOps) {
        const needed = o.op.security?.[0] ?? {};
        assert.ok(needed.officerSession, `officer session on ${o.method} ${o.path}`);
        assert.equal(Boolean(needed.csrfToken), UNSAFE.has(o.method), `CSRF on ${o.method} ${o.path}`);
      }
      const me = doc.paths['/api/v1/{tenant}/me']!.get!;
      assert.deepEqual(me.security, [{ citizenSession: [] }]);
      // Booking: anonymous, or as the logged-in citizen (then with the CSRF token).
      assert.deepEqual(doc.paths['/api/v1/{tenant}/bookings']!.post!.security, [{}, { citizenSession: [], csrfToken: [] }]);
      assert.equal(doc.paths['/api/v1/{tenant}/offices']!.get!.security, undefined, 'public');
    });

    it('documents file answers with their media types, and serves them so', async () => {
      const svg = doc.paths['/api/v1/{tenant}/offices/{officeId}/poster-qr.svg']!.get!.responses['200']!;
      assert.deepEqual(Object.keys(svg.content ?? {}), ['image/svg+xml']);
      assert.deepEqual(Object.keys(doc.paths['/api/v1/{tenant}/bookings/manage/{token}/arrival-qr.png']!.get!.responses['200']!.content ?? {}), ['image/png']);
      assert.deepEqual(Object.keys(doc.paths['/api/v1/{tenant}/bookings/manage/{token}/calendar.ics']!.get!.responses['200']!.content ?? {}), ['text/calendar']);
      const urp = await officeIdOf(h.app, 'bari', 'URP');
      const res = await h.app.inject(`/api/v1/bari/offices/${urp}/poster-qr.svg`);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^image\/svg\+xml/);
    });

    it('answers a known path asked with another method 405 with Allow, and an unknown path 404', async () => {
      const get = await h.app.inject('/api/v1/bari/bookings');
      assert.equal(get.statusCode, 405, get.body);
      assert.equal(get.headers.allow, 'POST');
      assert.equal(get.json().code, 'METHOD_NOT_ALLOWED');
      const del = await h.app.inject({ method: 'DELETE', url: '/api/v1/bari/offices', headers: { 'accept-language': 'en' } });
      assert.equal(del.statusCode, 405);
      assert.equal(del.headers.allow, 'GET, HEAD');
      assert.equal(del.json().message, 'Method DELETE is not allowed here.');
      const none = await h.app.inject('/api/v1/bari/nowhere');
      assert.deepEqual([none.statusCode, none.json().code], [404, 'NOT_FOUND']);
      assert.equal((await h.app.inject('/bari/prenota-appuntamento')).statusCode, 200, 'the web client still answers its pages');
    });

    it('answers a body over the limit 413 and a URL or segment too long 414, in the error shape', async () => {
      const big = await h.app.inject({
        method: 'POST',
        url: '/api/v1/bari/bookings',
        payload: JSON.stringify({ note: 'x'.repeat(300 * 1024) }),
        headers: { 'content-type': 'application/json' },
      });
      assert.deepEqual([big.statusCode, big.json().code], [413, 'BODY_TOO_LARGE']);
      const longQuery = await h.app.inject(`/api/v1/bari/offices?q=${'x'.repeat(9000)}`);
      assert.deepEqual([longQuery.statusCode, longQuery.json().code], [414, 'URI_TOO_LONG']);
      const longSegment = await h.app.inject(`/api/v1/bari/offices/${'x'.repeat(5000)}/services`);
      assert.deepEqual([longSegment.statusCode, longSegment.json().code], [414, 'URI_TOO_LONG']);
      const longParam = await h.app.inject(`/api/v1/bari/offices/${'x'.repeat(300)}/services`);
      assert.deepEqual([longParam.statusCode, longParam.json().code], [400, 'VALIDATION']);
    });

    it('answers an empty change of any admin resource without a 500', async () => {
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const { service } = await findService(h.app, 'bari', 'URP');
      const urp = await officeIdOf(h.app, 'bari', 'URP');
      const office = (await admin.request({ url: `/api/v1/bari/operator/admin/offices/${urp}/desks` })).json();
      const config = (await admin.request({ url: `/api/v1/bari/operator/admin/offices/${urp}/queue` })).json();
      const officers = (await admin.request({ url: '/api/v1/bari/operator/admin/operators' })).json().officers as Array<{ id: string }>;
      const targets = [
        `/api/v1/bari/operator/admin/offices/${urp}`,
        `/api/v1/bari/operator/admin/services/${service.id}`,
        `/api/v1/bari/operator/admin/operators/${officers[0]!.id}`,
        ...(office.desks?.[0] ? [`/api/v1/bari/operator/admin/desks/${office.desks[0].id}`] : []),
        ...(config.queues?.[0] ? [`/api/v1/bari/operator/admin/queues/${config.queues[0].id}`] : []),
      ];
      assert.ok(targets.length >= 3);
      for (const url of targets) {
        const res = await admin.request({ method: 'PATCH', url, payload: {} });
        assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
      }
    });

    it('answers URLs too long for Node itself in the error shape too (over a real connection)', async () => {
      const address = h.app.server.listening ? undefined : await h.app.listen({ port: 0, host: '127.0.0.1' });
      assert.ok(address ?? h.app.server.listening);
      const port = (h.app.server.address() as AddressInfo).port;
      const raw = (target: string) =>
        new Promise<string>((resolve, reject) => {
          const socket = net.connect(port, '127.0.0.1', () => socket.end(`GET ${target} HTTP/1.1\r\nHost: localhost\r\n\r\n`));
          let data = '';
          socket.on('data', (d) => (data += d));
          socket.on('close', () => resolve(data));
          socket.on('error', reject);
        });
      const over8k = await raw(`/api/v1/bari/offices?q=${'x'.repeat(10_000)}`);
      assert.match(over8k, /^HTTP\/1\.1 414/);
      assert.equal(JSON.parse(over8k.slice(over8k.indexOf('{'))).code, 'URI_TOO_LONG');
      const over16k = await raw(`/api/v1/bari/offices?q=${'x'.repeat(40_000)}`);
      assert.match(over16k, /^HTTP\/1\.1 431/);
      assert.equal(JSON.parse(over16k.slice(over16k.indexOf('{'))).code, 'HEADERS_TOO_LARGE');
      const garbage = await raw('\u0000 nonsense');
      assert.match(garbage, /^HTTP\/1\.1 400/);
      assert.equal(JSON.parse(garbage.slice(garbage.indexOf('{'))).code, 'BAD_REQUEST');
    });

    it('refuses a WebSocket upgrade of a route that is not a socket with 400, and still upgrades the live channels', async () => {
      if (!h.app.server.listening) await h.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (h.app.server.address() as AddressInfo).port;
      const address = `http://127.0.0.1:${port}`;
      for (const path of ['/api/v1/bari/offices', '/api/v1/bari/nowhere', '/bari/prenota-appuntamento', '/healthz']) {
        const res = await upgrade(port, path);
        assert.equal(res.status, 400, path);
        assert.equal(JSON.parse(res.body).code, 'BAD_REQUEST', path);
      }
      const urp = await officeIdOf(h.app, 'bari', 'URP');
      const board = await connectJsonSocket<{ type: 'board' }>(address, `/api/v1/bari/offices/${urp}/board/live`);
      await board.next('board');
      board.close();
      await board.closed;
    });
  });
}
