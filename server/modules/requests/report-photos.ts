// The photos of a report (at most 3, each ≤ 5 MB, JPEG, PNG or WebP by content) follow it within an
// hour, authorised by the secret given with its number. Each photo loses its metadata (where and when
// it was taken, the phone) before it is stored; the report's lock holds the count against parallel
// uploads.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { REPORT_PHOTOS } from '../../../contracts/requests.ts';
import type { AppContext } from '../../platform/context.ts';
import { detectFileType } from '../../platform/files/content-type.ts';
import { fileTooLarge, fileTypeNotAllowed } from '../../platform/files/errors.ts';
import { type ImageType, stripImageMetadata } from '../../platform/files/image-metadata.ts';
import { appError, invalidField } from '../../platform/http/errors.ts';
import { hashSecret, safeEqual } from '../../platform/security/tokens.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { type PhotoRow, requestNumber } from './repository.ts';

const ACCEPTED = 'JPEG, PNG, WebP';
const photosClosed = () => appError('REPORT_PHOTOS_CLOSED');

/** Reads a multipart upload: the `token` part first, then the `file`, whole (it is small). */
export async function readPhotoUpload(req: FastifyRequest, maxBytes: number): Promise<{ token: string; bytes: Buffer }> {
  let token: string | undefined;
  for await (const part of req.parts()) {
    if (part.type === 'field') {
      if (part.fieldname !== 'token' || typeof part.value !== 'string' || token !== undefined) throw appError('BAD_REQUEST');
      token = part.value.trim();
      continue;
    }
    if (part.fieldname !== 'file' || token === undefined) {
      part.file.resume();
      throw invalidField('token', 'indica prima il codice ricevuto con la segnalazione, poi il file');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of part.file) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        part.file.resume();
        throw fileTooLarge(maxBytes);
      }
      chunks.push(chunk as Buffer);
    }
    if (part.file.truncated) throw fileTooLarge(maxBytes);
    return { token, bytes: Buffer.concat(chunks) };
  }
  throw invalidField('file', 'campo obbligatorio');
}

export async function addReportPhoto(ctx: AppContext, tenant: Tenant, reportId: string, upload: { token: string; bytes: Buffer }): Promise<{ photo: PhotoRow; count: number }> {
  const tokenHash = hashSecret(upload.token);
  const type = detectFileType(upload.bytes.subarray(0, 64));
  if (!type || !(REPORT_PHOTOS.types as readonly string[]).includes(type.mediaType)) throw fileTypeNotAllowed(ACCEPTED);
  const mediaType = type.mediaType as ImageType;
  const clean = stripImageMetadata(upload.bytes, mediaType);
  if (!clean) throw fileTypeNotAllowed(ACCEPTED);
  const key = `${tenant.id}/reports/${randomUUID()}`;
  const stored = await ctx.storage.put(key, Readable.from([clean]), { maxBytes: REPORT_PHOTOS.maxBytes });
  try {
    return await ctx.bus.transaction(ctx.db, async (trx) => {
      const row = await trx
        .selectFrom('citizen_requests')
        .select(['id', 'seq', 'year', 'photo_token_hash', 'photo_token_expires_at', 'fiscal_code', 'email'])
        .where('tenant_id', '=', tenant.id)
        .where('id', '=', reportId)
        .where('kind', '=', 'inefficiency')
        .forUpdate()
        .executeTakeFirst();
      // A wrong report and a wrong secret answer alike: nothing tells whether the report exists.
      if (!row?.photo_token_hash || !safeEqual(row.photo_token_hash, tokenHash)) throw photosClosed();
      if (!row.photo_token_expires_at || row.photo_token_expires_at.getTime() <= ctx.clock.now().getTime()) throw photosClosed();
      const { n } = await trx
        .selectFrom('citizen_request_photos')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('request_id', '=', row.id)
        .executeTakeFirstOrThrow();
      if (Number(n) >= REPORT_PHOTOS.max) throw appError('REPORT_PHOTOS_FULL', { params: { max: REPORT_PHOTOS.max } });
      const photo = await trx
        .insertInto('citizen_request_photos')
        .values({ tenant_id: tenant.id, request_id: row.id, media_type: mediaType, size: stored.size, sha256: stored.sha256, storage_key: key, created_at: ctx.clock.now() })
        .returningAll()
        .executeTakeFirstOrThrow();
      await ctx.bus.record(trx, {
        tenantId: tenant.id,
        actor: { type: 'citizen', id: row.email },
        action: 'report.photo-added',
        entityId: row.id,
        details: { number: requestNumber(row), photoId: photo.id, mediaType, size: stored.size },
      });
      return { photo, count: Number(n) + 1 };
    });
  } catch (err) {
    await ctx.storage.remove(key).catch(() => undefined);
    throw err;
  }
}
