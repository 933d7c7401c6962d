// Documents in an S3-compatible object store (AWS S3, MinIO, Ceph, the Italian clouds qualified for
// the PA): what several server nodes share in production. An upload is first streamed to a local
// staging file (size limit, SHA-256 and the first bytes computed on the way, as on local disk), then
// sent with its length and hash signed (SigV4), so a broken upload never leaves half an object.
import { createReadStream } from 'node:fs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { signRequest, uriEncode } from './sigv4.ts';
import { assertValidKey, LocalDiskStorage, type FileSource, type FileStorage, type StoredFile } from './storage.ts';

export interface S3Settings {
  /** e.g. https://s3.eu-south-1.amazonaws.com or https://minio.comune.internal:9000 */
  endpoint: string;
  bucket: string;
  region: string;
  accessKey: string;
  secretKey: string;
  /** endpoint/bucket/key (MinIO, Ceph and most S3-compatible stores); false: bucket.endpoint/key. */
  pathStyle: boolean;
  /** Key prefix inside the bucket (several installations in one bucket). */
  prefix?: string;
}

export class S3FileStorage implements FileStorage {
  private readonly staging: LocalDiskStorage;
  private readonly stagingDir: string;

  constructor(
    private readonly s: S3Settings,
    private readonly fetchFn: typeof fetch = fetch,
    stagingDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-s3-staging-')),
  ) {
    this.stagingDir = stagingDir;
    this.staging = new LocalDiskStorage(stagingDir);
  }

  private urlOf(key: string): URL {
    assertValidKey(key);
    const objectKey = uriEncode(`${this.s.prefix ? `${this.s.prefix}/` : ''}${key}`, true);
    const base = new URL(this.s.endpoint);
    if (this.s.pathStyle) return new URL(`${base.origin}${base.pathname.replace(/\/$/, '')}/${this.s.bucket}/${objectKey}`);
    return new URL(`${base.protocol}//${this.s.bucket}.${base.host}/${objectKey}`);
  }

  private async send(method: 'PUT' | 'GET' | 'DELETE', key: string, opts: { body?: Readable; length?: number; sha256?: string } = {}): Promise<Response> {
    const url = this.urlOf(key);
    const payloadHash = opts.sha256 ?? 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const headers = signRequest({
      method,
      url,
      headers: opts.length !== undefined ? { 'content-length': String(opts.length) } : {},
      payloadHash,
      region: this.s.region,
      accessKey: this.s.accessKey,
      secretKey: this.s.secretKey,
      now: new Date(),
    });
    return this.fetchFn(url, { method, headers, ...(opts.body ? { body: Readable.toWeb(opts.body) as ReadableStream, duplex: 'half' } : {}) } as RequestInit);
  }

  async put(key: string, source: FileSource, opts: { maxBytes: number }): Promise<StoredFile> {
    this.urlOf(key);
    const stagingKey = key.replace(/\//g, '_');
    const stored = await this.staging.put(stagingKey, source, opts);
    try {
      const res = await this.send('PUT', key, { body: createReadStream(path.join(this.stagingDir, stagingKey)), length: stored.size, sha256: stored.sha256 });
      if (!res.ok) throw new Error(`object store refused the upload: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
      return stored;
    } finally {
      await this.staging.remove(stagingKey);
    }
  }

  async get(key: string): Promise<Readable> {
    const res = await this.send('GET', key);
    if (res.status === 404) throw Object.assign(new Error(`no such object: ${key}`), { code: 'ENOENT' });
    if (!res.ok || !res.body) throw new Error(`object store read failed: HTTP ${res.status}`);
    return Readable.fromWeb(res.body as import('node:stream/web').ReadableStream);
  }

  async remove(key: string): Promise<void> {
    const res = await this.send('DELETE', key);
    if (!res.ok && res.status !== 404) throw new Error(`object store delete failed: HTTP ${res.status}`);
  }
}
