// The report form's map: an admin names the comune's tile server; pages get Sportello's own tile
// address (never the tile server's, which may carry a key); tiles around the comune are fetched once
// and then served from memory; tiles far away, at the world's zoom levels, or that are not images
// are refused; a comune without a tile server has no map.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { tileOf } from '../server/modules/site/index.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { signIn } from './support/operator.ts';

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const BARI = { latitude: 41.1171, longitude: 16.8719 };

describe('map tiles', () => {
  let h: Harness;
  let tileServer: http.Server;
  const asked: string[] = [];
  let port = 0;

  before(async () => {
    tileServer = http.createServer((req, res) => {
      asked.push(req.url ?? '');
      if (req.url?.startsWith('/html/')) return res.writeHead(200, { 'content-type': 'image/png' }).end('<html>not a tile</html>');
      res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
    });
    await new Promise<void>((ok) => tileServer.listen(0, '127.0.0.1', ok));
    port = (tileServer.address() as AddressInfo).port;
    h = await startHarness();
  });
  after(async () => {
    await h.close();
    await new Promise((ok) => tileServer.close(ok));
  });

  const configure = async (tilesUrl: string) => {
    const admin = await signIn(h.app, 'bari', 'admin.bari');
    const current = (await admin.request({ method: 'GET', url: '/api/v1/bari/operator/admin/site' })).json();
    return admin.request({
      method: 'PUT',
      url: '/api/v1/bari/operator/admin/site',
      payload: { ...current, map: { tilesUrl, attribution: '© OpenStreetMap contributors', ...BARI, zoom: 15 } },
    });
  };

  it('has no map until the comune names a tile server', async () => {
    assert.equal((await h.app.inject({ method: 'GET', url: '/api/v1/bari' })).json().map, null);
    const { x, y } = tileOf(15, BARI);
    assert.equal((await h.app.inject({ method: 'GET', url: `/api/v1/bari/map-tiles/15/${x}/${y}` })).statusCode, 404);
  });

  it('refuses a tile server that is not https, or a template without its placeholders', async () => {
    assert.equal((await configure('http://tiles.example.org/{z}/{x}/{y}.png')).statusCode, 400);
    assert.equal((await configure('https://tiles.example.org/{z}/{x}.png')).statusCode, 400);
    assert.equal((await configure('javascript:alert(1)//{z}/{x}/{y}')).statusCode, 400);
  });

  it("serves the tiles around the comune from its tile server, each fetched once, and keeps the server's address private", async () => {
    const saved = await configure(`http://127.0.0.1:${port}/{z}/{x}/{y}.png?key=secret`);
    assert.equal(saved.statusCode, 200, saved.body);
    const info = await h.app.inject({ method: 'GET', url: '/api/v1/bari' });
    assert.deepEqual(info.json().map, { tilesUrl: '/api/v1/bari/map-tiles/{z}/{x}/{y}', attribution: '© OpenStreetMap contributors', ...BARI, zoom: 15 });
    assert.ok(!info.body.includes('secret') && !info.body.includes(String(port)), "the tile server's address stays on the server");

    const { x, y } = tileOf(16, BARI);
    const first = await h.app.inject({ method: 'GET', url: `/api/v1/bari/map-tiles/16/${x}/${y}` });
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['content-type'], 'image/png');
    assert.ok(first.rawPayload.equals(PNG));
    await Promise.all([1, 2, 3].map(() => h.app.inject({ method: 'GET', url: `/api/v1/bari/map-tiles/16/${x}/${y}` })));
    assert.deepEqual(
      asked.filter((u) => u.startsWith(`/16/${x}/${y}.png`)),
      [`/16/${x}/${y}.png?key=secret`],
      'one download for four requests',
    );
  });

  it('refuses tiles far from the comune, at zoom levels of the whole world, and answers that are not images', async () => {
    const before = asked.length;
    const rome = tileOf(15, { latitude: 41.9, longitude: 12.5 });
    assert.equal((await h.app.inject({ method: 'GET', url: `/api/v1/bari/map-tiles/15/${rome.x}/${rome.y}` })).statusCode, 404, 'Rome from Bari');
    assert.equal((await h.app.inject({ method: 'GET', url: '/api/v1/bari/map-tiles/3/4/3' })).statusCode, 400, 'zoom 3');
    assert.equal((await h.app.inject({ method: 'GET', url: '/api/v1/bari/map-tiles/15/x/1' })).statusCode, 400);
    assert.equal(asked.length, before, 'none of them reached the tile server');
    await configure(`http://127.0.0.1:${port}/html/{z}/{x}/{y}`);
    const { x, y } = tileOf(15, BARI);
    const page = await h.app.inject({ method: 'GET', url: `/api/v1/bari/map-tiles/15/${x}/${y}` });
    assert.equal(page.statusCode, 502);
    assert.equal(page.json().code, 'MAP_TILES_UNAVAILABLE');
    assert.equal((await h.app.inject({ method: 'GET', url: '/api/v1/bitonto' })).json().map, null, "Bari's map is Bari's");
  });
});
