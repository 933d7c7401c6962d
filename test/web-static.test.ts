// The built web client over HTTP: each file goes out brotli- or gzip-compressed as the browser
// accepts (from the copies the build wrote), as it is to a client that accepts neither, always with
// Vary: Accept-Encoding; hashed assets are cached for a year, the HTML entries revalidated each time.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { WEB_DIST } from '../server/platform/http/web-client.ts';
import { startHarness, type Harness } from './support/harness.ts';

const built = fs.existsSync(path.join(WEB_DIST, 'index.html'));
const YEAR_IMMUTABLE = 'public, max-age=31536000, immutable';

function decode(encoding: string | undefined, body: Buffer): Buffer {
  if (encoding === 'br') return zlib.brotliDecompressSync(body);
  if (encoding === 'gzip') return zlib.gunzipSync(body);
  assert.equal(encoding, undefined, `unexpected content-encoding ${encoding}`);
  return body;
}

describe('web client files', { skip: built ? undefined : 'web/dist missing: run npm run build:web' }, () => {
  let h: Harness;
  let entryScript: string;
  before(async () => {
    h = await startHarness();
    entryScript = /<script[^>]+src="(\/assets\/citizen-[\w-]+\.js)"/.exec(fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8'))![1]!;
  });
  after(async () => h.close());

  async function get(url: string, acceptEncoding?: string) {
    const res = await h.app.inject({ url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });
    assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
    const encoding = res.headers['content-encoding'] as string | undefined;
    return { res, encoding, body: decode(encoding, res.rawPayload) };
  }

  it('the build wrote smaller .br and .gz copies of the entry script', () => {
    const file = path.join(WEB_DIST, entryScript);
    const size = fs.statSync(file).size;
    assert.ok(fs.statSync(`${file}.br`).size < fs.statSync(`${file}.gz`).size, 'brotli beats gzip on JavaScript');
    assert.ok(fs.statSync(`${file}.gz`).size < size / 2, 'gzip at least halves JavaScript');
  });

  it('sends a hashed script as brotli, gzip or plain by Accept-Encoding, cached for a year', async () => {
    const original = fs.readFileSync(path.join(WEB_DIST, entryScript));
    for (const [accept, expected] of [
      ['gzip, deflate, br', 'br'],
      ['br;q=0, gzip', 'gzip'],
      ['gzip', 'gzip'],
      ['identity', undefined],
      [undefined, undefined],
    ] as const) {
      const { res, encoding, body } = await get(entryScript, accept);
      assert.equal(encoding, expected, `Accept-Encoding: ${accept}`);
      assert.ok(body.equals(original), `Accept-Encoding: ${accept}: the same script after decoding`);
      assert.match(String(res.headers['content-type']), /^(?:text|application)\/javascript/);
      assert.equal(res.headers['cache-control'], YEAR_IMMUTABLE);
      assert.match(String(res.headers.vary), /accept-encoding/i, 'caches keep one copy per encoding');
      if (expected) assert.ok(res.rawPayload.length < original.length / 2, `${expected} is what goes over the wire`);
    }
  });

  it('compresses the stylesheet and icons too, and leaves already-compressed fonts alone', async () => {
    const html = fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
    const css = /href="(\/assets\/[\w-]+\.css)"/.exec(html)![1]!;
    const icons = fs.readdirSync(path.join(WEB_DIST, 'assets')).find((f) => f.endsWith('.svg'));
    assert.ok(icons, 'the build has the icon sprite');
    for (const file of [css, `/assets/${icons}`]) {
      const { res, encoding } = await get(file, 'br');
      assert.equal(encoding, 'br', file);
      assert.equal(res.headers['cache-control'], YEAR_IMMUTABLE);
    }
    const font = fs.readdirSync(path.join(WEB_DIST, 'assets')).find((f) => f.endsWith('.woff2'));
    assert.ok(font, 'the build has web fonts');
    const fontRes = await get(`/assets/${font}`, 'br, gzip');
    assert.equal(fontRes.encoding, undefined, 'woff2 is brotli inside already');
    assert.equal(fontRes.res.headers['cache-control'], YEAR_IMMUTABLE);
  });

  it('sends the citizen and officer pages compressed and revalidated on every visit', async () => {
    const citizen = fs.readFileSync(path.join(WEB_DIST, 'index.html'));
    const operator = fs.readFileSync(path.join(WEB_DIST, 'operatore.html'));
    for (const [url, accept, page] of [
      ['/bari/prenota-appuntamento', 'gzip, deflate, br', citizen],
      ['/bari', 'gzip', citizen],
      ['/bari/operatore/agenda', 'br', operator],
      ['/bari', undefined, citizen],
      ['/index.html', 'br', citizen],
    ] as const) {
      const { res, encoding, body } = await get(url, accept);
      assert.equal(encoding, accept ? accept.split(', ').at(-1) : undefined, `${url} with Accept-Encoding: ${accept}`);
      assert.ok(body.equals(page), `${url}: the right entry page`);
      assert.match(String(res.headers['content-type']), /^text\/html/);
      assert.equal(res.headers['cache-control'], 'no-cache', 'a new deployment shows at the next visit');
      assert.match(String(res.headers.vary), /accept-encoding/i);
    }
  });

  it('does not serve the compressed copies under their own names', async () => {
    for (const suffix of ['.br', '.gz']) {
      const res = await h.app.inject(`${entryScript}${suffix}`);
      assert.equal(res.statusCode, 404, `${entryScript}${suffix}`);
    }
  });
});

describe('citizen pages and the 404', { skip: built ? undefined : 'web/dist missing: run npm run build:web' }, () => {
  let h: Harness;
  before(async () => (h = await startHarness()));
  after(async () => h.close());
  const status = async (url: string) => (await h.app.inject({ url, headers: { accept: 'text/html' } })).statusCode;

  it('opens every page of the web client with 200', async () => {
    const { CITIZEN_PAGES } = await import('../contracts/citizen-pages.ts');
    for (const pattern of CITIZEN_PAGES) {
      const url = pattern.replace(':tenant', 'bari').replace(/:[a-zA-Z]+/g, 'x1');
      assert.equal(await status(url), 200, url);
    }
    assert.equal(await status('/bari/operatore/agenda'), 200, "the officers' console");
    assert.equal(await status('/bari/servizi/'), 200, 'a trailing slash');
  });

  it('answers an address that leads nowhere with the "page not found" page and status 404', async () => {
    for (const url of ['/bari/pagina-che-non-esiste', '/bari/servizi/a/b/c', '/nessuno', '/nessuno/faq', '/Bari']) {
      const res = await h.app.inject({ url, headers: { accept: 'text/html' } });
      assert.equal(res.statusCode, 404, url);
      assert.match(String(res.headers['content-type']), /^text\/html/, `${url}: the page that explains, not a JSON error`);
    }
  });
});
