// Documents in an S3-compatible object store (AWS S3, MinIO, Ceph, the Italian clouds qualified for
// the PA): what several server nodes share in production. An upload is first streamed to a local
// staging file (size limit, SHA-256 and the first bytes computed on the way, as on local disk), then
// sent with its length and its SHA-256 signed, so a broken upload never leaves half an object and
// the store refuses a body changed on the way. Signing (SigV4) is aws4fetch's, not ours.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { setTimeout as sleep } from 'node:timers/promises';
import { AwsV4Signer } from 'aws4fetch';
import { assertValidKey, LocalDiskStorage, StoredFileMissing, type FileSource, type FileStorage, type StoredFile } from './storage.ts';

export interface S3Settings {
  /** e.g. https://s3.eu-south-1.amazonaws.com or https://minio.comune.internal:9000 */
  endpoint: string;
  bucket: string;
  region: string;
  accessKey: string;
  secretKey: string;
  /** Temporary credentials (STS, an IAM role, Vault): sent as X-Amz-Security-Token and signed. */
  sessionToken?: string;
  /** endpoint/bucket/key (MinIO, Ceph and most S3-compatible stores); false: bucket.endpoint/key. */
  pathStyle: boolean;
  /** Key prefix inside the bucket (several installations in one bucket). */
  prefix?: string;
  /** How long one request waits for the store's answer to begin (for a PUT: sending the file too). */
  timeoutMs: number;
}

export interface S3Options {
  fetch?: typeof fetch;
  /** Further attempts after an answer or failure that may not repeat (5xx, 429, network, timeout). */
  retries?: number;
  /** The first back-off; it doubles with each attempt, and a random part of it is waited (jitter). */
  backoffMs?: number;
  /** Where an upload is staged: a folder of its own is made inside for it and removed after it. */
  stagingParent?: string;
}

export const DEFAULT_S3_TIMEOUT_MS = 30_000;
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const MAX_BACKOFF_MS = 5_000;

/** Every operation here may be repeated safely: GET, DELETE, and a PUT of a whole staged file. */
type Method = 'GET' | 'PUT' | 'DELETE';
interface StagedBody {
  file: string;
  size: number;
  sha256: string;
}

export class S3FileStorage implements FileStorage {
  private readonly fetchFn: typeof fetch;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly stagingParent: string;

  // Nothing is created here: a staging folder per process start would pile up empty in /tmp.
  constructor(
    private readonly s: S3Settings,
    opts: S3Options = {},
  ) {
    this.fetchFn = opts.fetch ?? fetch;
    this.retries = opts.retries ?? 2;
    this.backoffMs = opts.backoffMs ?? 200;
    this.stagingParent = opts.stagingParent ?? os.tmpdir();
  }

  private urlOf(key: string): URL {
    assertValidKey(key);
    const objectKey = `${this.s.prefix ? `${this.s.prefix}/` : ''}${key}`.split('/').map(encodeURIComponent).join('/');
    const base = new URL(this.s.endpoint);
    if (this.s.pathStyle) return new URL(`${base.origin}${base.pathname.replace(/\/$/, '')}/${this.s.bucket}/${objectKey}`);
    return new URL(`${base.protocol}//${this.s.bucket}.${base.host}/${objectKey}`);
  }

  /** Sends with retries; gives back the last answer, or throws the last failure. */
  private async send(method: Method, key: string, body?: StagedBody): Promise<Response> {
    const url = this.urlOf(key);
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= this.retries;
      try {
        const res = await this.attempt(method, url, body);
        if (last || !(res.status >= 500 || res.status === 429)) return res;
        await res.body?.cancel();
      } catch (err) {
        if (last) throw err;
      }
      // Full jitter: nodes that failed together do not come back together.
      await sleep(Math.random() * Math.min(MAX_BACKOFF_MS, this.backoffMs * 2 ** attempt));
    }
  }

  /** One signed request (signed anew: a retry gets a fresh date), bounded by the timeout. */
  private async attempt(method: Method, url: URL, body?: StagedBody): Promise<Response> {
    const signed = await new AwsV4Signer({
      method,
      url: url.toString(),
      headers: { 'x-amz-content-sha256': body?.sha256 ?? EMPTY_SHA256 },
      accessKeyId: this.s.accessKey,
      secretAccessKey: this.s.secretKey,
      sessionToken: this.s.sessionToken,
      service: 's3',
      region: this.s.region,
    }).sign();
    // The store wants the length up front (no chunked uploads); it is not part of the signature.
    if (body) signed.headers.set('content-length', String(body.size));
    const stream = body ? fs.createReadStream(body.file) : undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`object store ${method} timed out after ${this.s.timeoutMs} ms`)), this.s.timeoutMs);
    try {
      return await this.fetchFn(signed.url, {
        method,
        headers: signed.headers,
        signal: controller.signal,
        ...(stream ? { body: Readable.toWeb(stream) as ReadableStream, duplex: 'half' } : {}),
      } as RequestInit);
    } finally {
      // Once the answer begins the download is paced by the reader, not bounded by this timer.
      clearTimeout(timer);
      stream?.destroy();
    }
  }

  async put(key: string, source: FileSource, opts: { maxBytes: number }): Promise<StoredFile> {
    this.urlOf(key);
    const dir = await fs.promises.mkdtemp(path.join(this.stagingParent, 'sportello-s3-'));
    try {
      const stored = await new LocalDiskStorage(dir).put('upload', source, opts);
      const res = await this.send('PUT', key, { file: path.join(dir, 'upload'), size: stored.size, sha256: stored.sha256 });
      if (!res.ok) throw new Error(`object store refused the upload: HTTP ${res.status} ${await excerpt(res)}`);
      await res.body?.cancel();
      return stored;
    } finally {
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  }

  async get(key: string): Promise<Readable> {
    const res = await this.send('GET', key);
    if (res.status === 404) {
      await res.body?.cancel();
      throw new StoredFileMissing(key);
    }
    if (!res.ok || !res.body) throw new Error(`object store read failed: HTTP ${res.status} ${await excerpt(res)}`);
    return Readable.fromWeb(res.body as NodeWebStream);
  }

  async remove(key: string): Promise<void> {
    const res = await this.send('DELETE', key);
    if (!res.ok && res.status !== 404) throw new Error(`object store delete failed: HTTP ${res.status} ${await excerpt(res)}`);
    await res.body?.cancel();
  }
}

/** The start of the store's error document (its <Code> says why), for the log. */
async function excerpt(res: Response): Promise<string> {
  return (await res.text().catch(() => '')).slice(0, 200);
}
