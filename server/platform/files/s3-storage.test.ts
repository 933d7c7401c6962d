// The S3 storage against an in-process object store that checks every request as a real one does,
// with an independent SigV4 implementation (test/support/fake-s3.ts): signature, signed payload
// hash, Content-Length, session token. Faults queued on the store test the retries and the timeout.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { type FakeS3, startFakeS3 } from '../../../test/support/fake-s3.ts';
import { type S3Options, S3FileStorage, type S3Settings } from './s3-storage.ts';
import { FileTooLarge, StoredFileMissing } from './storage.ts';

const creds = { region: 'eu-south-1', accessKey: 'SPORTELLOTESTKEY', secretKey: 'sportello-test-secret-key-0123456789' };
const OBJECT = '/sportello-files/bari-prod/tenant-1/doc-1';

async function* chunks(buf: Buffer, size = 7000) {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}
const read = async (s: NodeJS.ReadableStream) => {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(parts);
};
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('S3-compatible storage', () => {
  let s3: FakeS3;
  let staging: string;
  let settings: S3Settings;
  const storage = (over: Partial<S3Settings> = {}, opts: S3Options = {}) => new S3FileStorage({ ...settings, ...over }, { backoffMs: 1, stagingParent: staging, ...opts });
  const stagingLeft = () => fs.readdirSync(staging);

  before(async () => {
    s3 = await startFakeS3(creds);
    staging = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-s3-test-'));
    settings = { endpoint: s3.endpoint, bucket: 'sportello-files', pathStyle: true, prefix: 'bari-prod', timeoutMs: 5_000, ...creds };
  });
  after(async () => {
    await s3.close();
    fs.rmSync(staging, { recursive: true, force: true });
  });
  beforeEach(() => {
    s3.objects.clear();
    s3.requests.length = 0;
    s3.faults.length = 0;
  });

  it('stores, reads back and removes a document, signed and checked, staging nothing for good', async () => {
    const store = storage();
    assert.deepEqual(stagingLeft(), [], 'nothing is made before an upload');
    const doc = randomBytes(150_000);
    const stored = await store.put('tenant-1/doc-1', chunks(doc), { maxBytes: 1_000_000 });
    assert.equal(stored.size, doc.length);
    assert.equal(stored.sha256, sha256(doc));
    assert.ok(s3.objects.get(OBJECT)?.equals(doc), 'path-style key under the prefix');
    assert.deepEqual(stagingLeft(), [], 'the staged copy is gone once sent');
    assert.ok((await read(await store.get('tenant-1/doc-1'))).equals(doc));
    await store.remove('tenant-1/doc-1');
    await assert.rejects(store.get('tenant-1/doc-1'), StoredFileMissing);
    await store.remove('tenant-1/doc-1'); // idempotent
    assert.deepEqual(
      s3.requests.map((r) => `${r.method} ${r.status}`),
      ['PUT 200', 'GET 200', 'DELETE 204', 'GET 404', 'DELETE 204'],
    );
    const put = s3.requests[0]!;
    assert.equal(put.contentLength, String(doc.length), 'sent with its length, not chunked');
    for (const h of ['host', 'x-amz-content-sha256', 'x-amz-date']) assert.ok(put.signedHeaders.includes(h), h);
    assert.equal(put.securityToken, undefined);
  });

  it('answers "missing" for an object deleted from the bucket behind its back', async () => {
    const store = storage();
    await store.put('tenant-1/doc-1', chunks(Buffer.from('%PDF-1.7 x')), { maxBytes: 1000 });
    s3.objects.delete(OBJECT);
    await assert.rejects(store.get('tenant-1/doc-1'), (err) => err instanceof StoredFileMissing && err.key === 'tenant-1/doc-1');
    assert.equal(s3.requests.at(-1)?.status, 404);
  });

  it('stops a file past the limit before anything reaches the store', async () => {
    await assert.rejects(storage().put('tenant-1/big', chunks(randomBytes(300_000)), { maxBytes: 100_000 }), FileTooLarge);
    assert.deepEqual(s3.requests, []);
    assert.deepEqual(stagingLeft(), []);
  });

  it('is refused, once and loudly, with a wrong secret key', async () => {
    await assert.rejects(storage({ secretKey: 'wrong' }).put('tenant-1/doc-1', chunks(Buffer.from('%PDF-1.7 x')), { maxBytes: 1000 }), /HTTP 403 .*SignatureDoesNotMatch/);
    assert.equal(s3.requests.length, 1, 'a refusal is not retried');
    assert.equal(s3.objects.size, 0);
    assert.deepEqual(stagingLeft(), []);
    await assert.rejects(storage({ secretKey: 'wrong' }).get('tenant-1/doc-1'), /HTTP 403/);
  });

  it('is refused when the body is changed on the way, with or without its hash header', async () => {
    const doc = Buffer.from('%PDF-1.7 the original document');
    // A man in the middle: flips one byte of the body, then optionally fixes up the hash header.
    const tampering =
      (fixHash: boolean): typeof fetch =>
      async (input, init) => {
        const body = Buffer.from(await new Response(init!.body).arrayBuffer());
        body[body.length - 1]! ^= 1;
        const headers = new Headers(init!.headers);
        if (fixHash) headers.set('x-amz-content-sha256', sha256(body));
        return fetch(input, { ...init, headers, body, duplex: 'half' } as RequestInit);
      };
    await assert.rejects(storage({}, { fetch: tampering(false) }).put('tenant-1/doc-1', chunks(doc), { maxBytes: 1000 }), /HTTP 400 .*XAmzContentSHA256Mismatch/);
    await assert.rejects(storage({}, { fetch: tampering(true) }).put('tenant-1/doc-1', chunks(doc), { maxBytes: 1000 }), /HTTP 403 .*SignatureDoesNotMatch/);
    assert.equal(s3.objects.size, 0);
  });

  describe('with temporary credentials', () => {
    let sts: FakeS3;
    before(async () => {
      sts = await startFakeS3({ ...creds, sessionToken: 'FwoGZXIvYXdzEJr//////////wEaDGV4YW1wbGUtdG9rZW4=' });
    });
    after(() => sts.close());

    it('sends the session token and signs it', async () => {
      const store = storage({ endpoint: sts.endpoint, sessionToken: 'FwoGZXIvYXdzEJr//////////wEaDGV4YW1wbGUtdG9rZW4=' });
      const doc = randomBytes(5000);
      await store.put('tenant-1/doc-1', chunks(doc), { maxBytes: 10_000 });
      assert.ok((await read(await store.get('tenant-1/doc-1'))).equals(doc));
      for (const r of sts.requests) {
        assert.equal(r.status, 200);
        assert.equal(r.securityToken, 'FwoGZXIvYXdzEJr//////////wEaDGV4YW1wbGUtdG9rZW4=');
        assert.ok(r.signedHeaders.includes('x-amz-security-token'), 'the token is covered by the signature');
      }
    });

    it('is refused without the token, with another one, or with one added outside the signature', async () => {
      await assert.rejects(storage({ endpoint: sts.endpoint }).get('tenant-1/doc-1'), /HTTP 403 .*InvalidToken/);
      await assert.rejects(storage({ endpoint: sts.endpoint, sessionToken: 'stale' }).get('tenant-1/doc-1'), /HTTP 403 .*InvalidToken/);
      const addingToken: typeof fetch = (input, init) => {
        const headers = new Headers(init!.headers);
        headers.set('x-amz-security-token', 'FwoGZXIvYXdzEJr//////////wEaDGV4YW1wbGUtdG9rZW4=');
        return fetch(input, { ...init, headers });
      };
      await assert.rejects(storage({ endpoint: sts.endpoint }, { fetch: addingToken }).get('tenant-1/doc-1'), /HTTP 403 .*SignatureDoesNotMatch/);
    });
  });

  it('retries a 503 and a 500, sending the staged file again, then succeeds', async () => {
    const store = storage();
    const doc = randomBytes(40_000);
    s3.faults.push(503);
    await store.put('tenant-1/doc-1', chunks(doc), { maxBytes: 100_000 });
    assert.ok(s3.objects.get(OBJECT)?.equals(doc), 'the whole body on the second attempt');
    s3.faults.push(503, 500);
    assert.ok((await read(await store.get('tenant-1/doc-1'))).equals(doc));
    assert.deepEqual(
      s3.requests.map((r) => `${r.method} ${r.status}`),
      ['PUT 503', 'PUT 200', 'GET 503', 'GET 500', 'GET 200'],
    );
    assert.deepEqual(stagingLeft(), []);
  });

  it('gives up after its retries with the last answer', async () => {
    s3.faults.push(503, 503, 503, 503);
    await assert.rejects(storage().get('tenant-1/doc-1'), /HTTP 503 .*SlowDown/);
    assert.equal(s3.requests.length, 3, 'the first attempt and two retries');
  });

  it('abandons a request that gets no answer in time, and retries it', { timeout: 10_000 }, async () => {
    s3.faults.push('hang');
    const started = Date.now();
    await assert.rejects(storage({ timeoutMs: 200 }, { retries: 0 }).get('tenant-1/doc-1'), /timed out after 200 ms/);
    assert.ok(Date.now() - started < 2_000, `gave up after ${Date.now() - started} ms`);

    const doc = randomBytes(1000);
    s3.faults.push('hang');
    await storage({ timeoutMs: 200 }).put('tenant-1/doc-1', chunks(doc), { maxBytes: 10_000 });
    assert.ok(s3.objects.get(OBJECT)?.equals(doc));
    assert.deepEqual(stagingLeft(), []);
  });

  it('addresses bucket.host/key when path style is off', async () => {
    const seen: string[] = [];
    const recording: typeof fetch = async (input) => {
      seen.push(String(input));
      return new Response(null, { status: 204 });
    };
    await storage({ endpoint: 'https://s3.eu-south-1.example.it', pathStyle: false }, { fetch: recording }).remove('tenant-1/doc-1');
    assert.deepEqual(seen, ['https://sportello-files.s3.eu-south-1.example.it/bari-prod/tenant-1/doc-1']);
  });
});
