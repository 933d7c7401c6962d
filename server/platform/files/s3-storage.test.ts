// The S3 storage against an in-process object store that checks every request's SigV4 signature
// and the body's SHA-256, as a real one does.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { S3FileStorage, type S3Settings } from './s3-storage.ts';
import { signRequest } from './sigv4.ts';
import { FileTooLarge } from './storage.ts';

const creds = { accessKey: 'SPORTELLOTESTKEY', secretKey: 'sportello-test-secret-key-0123456789' };

async function* chunks(buf: Buffer, size = 7000) {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}
const read = async (s: NodeJS.ReadableStream) => {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(parts);
};

describe('S3-compatible storage', () => {
  const objects = new Map<string, Buffer>();
  const refused: string[] = [];
  let server: http.Server;
  let settings: S3Settings;

  before(async () => {
    server = http.createServer(async (req, res) => {
      const body = await read(req);
      const url = new URL(req.url!, `http://${req.headers.host}`);
      const payloadHash = String(req.headers['x-amz-content-sha256']);
      const signed = String(req.headers.authorization)
        .match(/SignedHeaders=([^,]+)/)![1]!
        .split(';')
        .filter((h) => !['host', 'x-amz-date', 'x-amz-content-sha256'].includes(h));
      const expected = signRequest({
        method: req.method!,
        url,
        headers: Object.fromEntries(signed.map((h) => [h, String(req.headers[h])])),
        payloadHash,
        region: 'eu-south-1',
        ...creds,
        now: new Date(Date.parse(String(req.headers['x-amz-date']).replace(/(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/, '$1-$2-$3T$4:$5:$6Z'))),
      });
      if (expected.authorization !== req.headers.authorization || (req.method === 'PUT' && createHash('sha256').update(body).digest('hex') !== payloadHash)) {
        refused.push(`${req.method} ${url.pathname}`);
        return res.writeHead(403).end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
      }
      if (req.method === 'PUT') objects.set(url.pathname, body);
      if (req.method === 'DELETE') objects.delete(url.pathname);
      if (req.method === 'GET') {
        const o = objects.get(url.pathname);
        return o ? res.writeHead(200).end(o) : res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
      }
      res.writeHead(req.method === 'DELETE' ? 204 : 200).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    settings = {
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      bucket: 'sportello-files',
      region: 'eu-south-1',
      pathStyle: true,
      prefix: 'bari-prod',
      ...creds,
    };
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  it('stores, reads back and removes a document, signed and checked', async () => {
    const store = new S3FileStorage(settings);
    const doc = randomBytes(150_000);
    const stored = await store.put('tenant-1/doc-1', chunks(doc), { maxBytes: 1_000_000 });
    assert.equal(stored.size, doc.length);
    assert.equal(stored.sha256, createHash('sha256').update(doc).digest('hex'));
    assert.ok(objects.has('/sportello-files/bari-prod/tenant-1/doc-1'), 'path-style key under the prefix');
    assert.ok((await read(await store.get('tenant-1/doc-1'))).equals(doc));
    await store.remove('tenant-1/doc-1');
    await assert.rejects(store.get('tenant-1/doc-1'), (err: NodeJS.ErrnoException) => err.code === 'ENOENT');
    await store.remove('tenant-1/doc-1'); // idempotent
    assert.deepEqual(refused, []);
  });

  it('stops a file past the limit before anything reaches the store', async () => {
    const store = new S3FileStorage(settings);
    const before = objects.size;
    await assert.rejects(store.put('tenant-1/big', chunks(randomBytes(300_000)), { maxBytes: 100_000 }), FileTooLarge);
    assert.equal(objects.size, before);
  });

  it('fails loudly when the store refuses the credentials', async () => {
    const store = new S3FileStorage({ ...settings, secretKey: 'wrong' });
    await assert.rejects(store.put('tenant-1/doc-2', chunks(Buffer.from('%PDF-1.7 x')), { maxBytes: 1000 }), /HTTP 403/);
    assert.equal(objects.has('/sportello-files/bari-prod/tenant-1/doc-2'), false);
  });
});
