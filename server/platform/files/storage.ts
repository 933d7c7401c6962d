// Where documents live. Modules use the FileStorage interface; LocalDiskStorage (under FILES_DIR) is
// the default; S3FileStorage (s3-storage.ts, FILES_S3_*) is what several nodes share in production.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface StoredFile {
  size: number;
  /** Hex SHA-256 of the whole content. */
  sha256: string;
  /** The first bytes (up to 64 KiB), for deciding the type by content. */
  head: Uint8Array;
}

export type FileSource = AsyncIterable<Uint8Array> | NodeJS.ReadableStream;

export interface FileStorage {
  /**
   * Streams `source` in, never holding the whole file in memory. Past `maxBytes` it stops reading,
   * keeps nothing and throws FileTooLarge. Keys look like "<tenantId>/<uuid>": [A-Za-z0-9_-] segments.
   */
  put(key: string, source: FileSource, opts: { maxBytes: number }): Promise<StoredFile>;
  /** Rejects with StoredFileMissing when there is no such file (whatever the storage). */
  get(key: string): Promise<Readable>;
  /** Idempotent. */
  remove(key: string): Promise<void>;
}

export class FileTooLarge extends Error {
  override readonly name = 'FileTooLarge';
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
  }
}

/**
 * No bytes under this key: never stored, removed, or lost behind the application's back (a bucket
 * emptied by hand, a restored backup without the files). One type for every storage, so callers can
 * answer "not found" instead of an internal error.
 */
export class StoredFileMissing extends Error {
  override readonly name = 'StoredFileMissing';
  constructor(readonly key: string) {
    super(`no stored file under ${key}`);
  }
}

export const HEAD_BYTES = 64 * 1024;
const KEY = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;
const MAX_KEY_LENGTH = 300;

export function assertValidKey(key: string): void {
  if (key.length > MAX_KEY_LENGTH || !KEY.test(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
}

export class LocalDiskStorage implements FileStorage {
  // Uploads in progress. Keys cannot start with a dot, so this never meets a stored file; anything
  // found here after a crash is an unfinished upload and can be deleted.
  private readonly partial: string;

  constructor(private readonly root: string) {
    this.partial = path.join(root, '.partial');
  }

  private pathOf(key: string): string {
    assertValidKey(key);
    return path.join(this.root, key);
  }

  async put(key: string, source: FileSource, opts: { maxBytes: number }): Promise<StoredFile> {
    const target = this.pathOf(key);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.mkdir(this.partial, { recursive: true });
    // Written aside and renamed at the end (same file system, so atomic): a reader never sees half a file.
    const temp = path.join(this.partial, randomUUID());
    const out = await fs.promises.open(temp, 'wx');
    const hash = createHash('sha256');
    const head = Buffer.alloc(HEAD_BYTES);
    let headSize = 0;
    let size = 0;
    let renamed = false;
    try {
      // Leaving this loop early (too large) ends the source stream too.
      for await (const chunk of source) {
        const buf = toBuffer(chunk);
        size += buf.length;
        if (size > opts.maxBytes) throw new FileTooLarge(opts.maxBytes);
        hash.update(buf);
        if (headSize < HEAD_BYTES) headSize += buf.copy(head, headSize);
        await writeAll(out, buf);
      }
      await out.sync();
      await out.close();
      await fs.promises.rename(temp, target);
      renamed = true;
      await syncDirectory(path.dirname(target));
    } catch (err) {
      await out.close().catch(() => undefined);
      await fs.promises.rm(renamed ? target : temp, { force: true });
      throw err;
    }
    return { size, sha256: hash.digest('hex'), head: new Uint8Array(head.subarray(0, headSize)) };
  }

  async get(key: string): Promise<Readable> {
    // Opened here so that a missing file rejects now rather than as a stream error mid-response.
    const file = this.pathOf(key);
    try {
      const handle = await fs.promises.open(file, 'r');
      return handle.createReadStream();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredFileMissing(key);
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true });
  }
}

function toBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk);
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

/** A single write may be partial (full disk, signals); loop until every byte is down. */
async function writeAll(out: fs.promises.FileHandle, buf: Buffer): Promise<void> {
  for (let written = 0; written < buf.length; ) written += (await out.write(buf, written)).bytesWritten;
}

/** Makes the rename itself survive a power cut; Windows cannot open a directory for this. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.promises.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
