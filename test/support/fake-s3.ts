// An in-process S3-compatible object store for tests. It checks what a real store checks, with a
// signer that is not the application's: every request's Authorization header is recomputed with
// the AWS SDK's own SigV4 implementation (@smithy/signature-v4 over the pure-JS SHA-256 of
// @aws-crypto/sha256-js, not aws4fetch over WebCrypto) and a mismatch is refused with 403; a PUT's
// body must have the signed SHA-256 and a Content-Length. Faults can be queued to test retries.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

export interface FakeS3Credentials {
  region: string;
  accessKey: string;
  secretKey: string;
  /** When set, every request must carry this X-Amz-Security-Token, and sign it. */
  sessionToken?: string;
}

export interface FakeS3Request {
  method: string;
  path: string;
  status: number;
  /** Lower-case names from the Authorization header's SignedHeaders. */
  signedHeaders: string[];
  securityToken: string | undefined;
  contentLength: string | undefined;
}

export interface FakeS3 {
  endpoint: string;
  /** Stored objects by request path ("/bucket/prefix/key"); tests may delete behind the client's back. */
  objects: Map<string, Buffer>;
  requests: FakeS3Request[];
  /** What the next requests meet before any check, one each: a status to answer, or no answer at all. */
  faults: Array<number | 'hang'>;
  close(): Promise<void>;
}

const SKEW_MS = 15 * 60_000;

export async function startFakeS3(creds: FakeS3Credentials): Promise<FakeS3> {
  const objects = new Map<string, Buffer>();
  const requests: FakeS3Request[] = [];
  const faults: FakeS3['faults'] = [];
  const signer = new SignatureV4({
    service: 's3',
    region: creds.region,
    credentials: { accessKeyId: creds.accessKey, secretAccessKey: creds.secretKey, sessionToken: creds.sessionToken },
    sha256: Sha256,
    // S3 signs the path as sent, encoded once.
    uriEscapePath: false,
  });

  const server = http.createServer(async (req, res) => {
    const body = Buffer.concat(await req.toArray());
    const url = new URL(req.url!, 'http://store.invalid');
    const authorization = String(req.headers.authorization ?? '');
    const entry: FakeS3Request = {
      method: req.method!,
      path: url.pathname,
      status: 0,
      signedHeaders: /SignedHeaders=([^,\s]+)/.exec(authorization)?.[1]?.split(';') ?? [],
      securityToken: header(req, 'x-amz-security-token'),
      contentLength: header(req, 'content-length'),
    };
    requests.push(entry);
    const answer = (status: number, code?: string, payload?: Buffer) => {
      entry.status = status;
      if (code) return res.writeHead(status, { 'content-type': 'application/xml' }).end(`<Error><Code>${code}</Code></Error>`);
      return res.writeHead(status, payload ? { 'content-length': String(payload.length) } : {}).end(payload);
    };

    const fault = faults.shift();
    if (fault === 'hang') return; // the socket stays open until the client gives up or the store closes
    if (fault !== undefined) return answer(fault, fault === 503 ? 'SlowDown' : 'InternalError');

    const date = amzDate(header(req, 'x-amz-date'));
    if (!date) return answer(403, 'AccessDenied');
    if (Math.abs(date.getTime() - Date.now()) > SKEW_MS) return answer(403, 'RequestTimeTooSkewed');
    if (creds.sessionToken && entry.securityToken !== creds.sessionToken) return answer(403, 'InvalidToken');
    const payloadHash = header(req, 'x-amz-content-sha256');
    if (!payloadHash) return answer(400, 'MissingSecurityHeader');
    // Recomputed over the headers the client says it signed, plus those that must always be signed.
    const names = new Set([...entry.signedHeaders, 'host', 'x-amz-content-sha256']);
    names.delete('x-amz-date'); // set by the signer from signingDate
    names.delete('x-amz-security-token'); // set by the signer from the credentials
    const expected = await signer.sign(
      {
        method: req.method!,
        protocol: 'http:',
        hostname: url.hostname,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: Object.fromEntries([...names].map((n) => [n, header(req, n) ?? ''])),
      },
      { signingDate: date },
    );
    if (normalise(expected.headers.authorization) !== normalise(authorization)) return answer(403, 'SignatureDoesNotMatch');

    if (req.method === 'PUT') {
      if (entry.contentLength === undefined) return answer(411, 'MissingContentLength');
      // What real S3 answers when the body is not the one whose hash was signed.
      if (createHash('sha256').update(body).digest('hex') !== payloadHash) return answer(400, 'XAmzContentSHA256Mismatch');
      objects.set(url.pathname, body);
      return answer(200);
    }
    if (req.method === 'GET') {
      const o = objects.get(url.pathname);
      return o ? answer(200, undefined, o) : answer(404, 'NoSuchKey');
    }
    if (req.method === 'DELETE') {
      objects.delete(url.pathname);
      return answer(204);
    }
    return answer(405, 'MethodNotAllowed');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    objects,
    requests,
    faults,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return v === undefined ? undefined : String(v);
}

/** 20260302T070000Z → the instant. */
function amzDate(v: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(v ?? '');
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : undefined;
}

/** Signers differ only in the spaces after the commas of the Authorization header. */
function normalise(authorization: string | undefined): string {
  return String(authorization).replace(/,\s*/g, ',');
}
