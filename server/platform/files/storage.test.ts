import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { FileTooLarge, HEAD_BYTES, LocalDiskStorage, StoredFileMissing } from './storage.ts';

describe('local disk storage', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-storage-'));
  const storage = new LocalDiskStorage(root);
  const files = () =>
    fs
      .readdirSync(root, { recursive: true })
      .map(String)
      .filter((f) => fs.statSync(path.join(root, f)).isFile());
  const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('stores a stream with its size, SHA-256 and first 64 KiB, and gives it back', async () => {
    const bytes = randomBytes(200_000);
    const stored = await storage.put('tenant-1/one', Readable.from([bytes.subarray(0, 70_000), bytes.subarray(70_000)]), { maxBytes: 1_000_000 });
    assert.equal(stored.size, bytes.length);
    assert.equal(stored.sha256, sha256(bytes));
    assert.deepEqual(Buffer.from(stored.head), bytes.subarray(0, HEAD_BYTES));
    const back = Buffer.concat(await (await storage.get('tenant-1/one')).toArray());
    assert.ok(back.equals(bytes));
    assert.deepEqual(files(), [path.join('tenant-1', 'one')]);
  });

  it('takes any async iterable of byte views, and small files whole as their head', async () => {
    const backing = Buffer.from('xxHello, Comune!yy');
    async function* chunks() {
      yield new Uint8Array(backing.buffer, backing.byteOffset + 2, 7);
      yield new Uint8Array(0);
      yield new Uint8Array(backing.buffer, backing.byteOffset + 9, 7);
    }
    const stored = await storage.put('tenant-1/two', chunks(), { maxBytes: 14 });
    assert.equal(Buffer.from(stored.head).toString(), 'Hello, Comune!');
    assert.equal(stored.size, 14);
    assert.equal(stored.sha256, sha256(Buffer.from('Hello, Comune!')));
  });

  it('stops reading as soon as the limit is passed and leaves nothing behind', async () => {
    const before = files();
    let pulled = 0;
    let closed = false;
    async function* endless() {
      try {
        for (;;) {
          pulled++;
          yield randomBytes(600);
        }
      } finally {
        closed = true;
      }
    }
    await assert.rejects(storage.put('tenant-1/big', endless(), { maxBytes: 1000 }), (err) => err instanceof FileTooLarge && err.maxBytes === 1000);
    assert.equal(pulled, 2);
    assert.ok(closed, 'the source is ended');
    assert.deepEqual(files(), before);
    await assert.rejects(storage.get('tenant-1/big'), StoredFileMissing);
  });

  it('keeps nothing when the upload breaks off', async () => {
    const before = files();
    async function* aborted() {
      yield randomBytes(100);
      throw new Error('client went away');
    }
    await assert.rejects(storage.put('tenant-1/cut', aborted(), { maxBytes: 1000 }), /client went away/);
    assert.deepEqual(files(), before);
  });

  it('removes files, and removing twice is fine', async () => {
    await storage.put('tenant-1/gone', Readable.from([Buffer.from('x')]), { maxBytes: 10 });
    await storage.remove('tenant-1/gone');
    await storage.remove('tenant-1/gone');
    await assert.rejects(storage.get('tenant-1/gone'), StoredFileMissing);
  });

  it('reports bytes deleted behind its back, or a tenant folder never made, as a missing file', async () => {
    await storage.put('tenant-1/lost', Readable.from([Buffer.from('x')]), { maxBytes: 10 });
    fs.rmSync(path.join(root, 'tenant-1', 'lost'));
    await assert.rejects(storage.get('tenant-1/lost'), (err) => err instanceof StoredFileMissing && err.key === 'tenant-1/lost');
    await assert.rejects(storage.get('tenant-9/never'), StoredFileMissing);
  });

  it('creates nothing on disk until a document arrives', () => {
    const fresh = path.join(root, 'not-yet');
    new LocalDiskStorage(fresh);
    assert.equal(fs.existsSync(fresh), false);
  });

  it('refuses keys that could leave its folder or name something else', async () => {
    const bad = ['', '../x', '/etc/passwd', 'a/../../b', 'a/./b', 'a\\b', 'a//b', 'a/', '.partial/x', 'a/b.txt', 'città/x', 'a b', 'x'.repeat(301)];
    for (const key of bad) {
      await assert.rejects(storage.put(key, Readable.from([Buffer.from('x')]), { maxBytes: 10 }), /invalid storage key/, key);
      await assert.rejects(storage.get(key), /invalid storage key/, key);
      await assert.rejects(storage.remove(key), /invalid storage key/, key);
    }
  });
});
