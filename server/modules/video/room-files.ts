// Documents exchanged in a room: streamed to storage under a size limit, typed by their content (the
// name and the browser's claimed type are ignored), renamed safely, recorded with an audit entry and
// announced to both parties. They stay attached to the booking after the call.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { RoomFile } from '../../../contracts/video.ts';
import { audit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { ACCEPTED_LABELS, detectFileType } from '../../platform/files/content-type.ts';
import { contentDisposition, safeFileName } from '../../platform/files/safe-name.ts';
import { FileTooLarge, StoredFileMissing } from '../../platform/files/storage.ts';
import { fileNotFound, fileTooLarge, fileTypeNotAllowed } from './errors.ts';
import { toRoomFile } from './mappers.ts';
import { publish } from './relay.ts';
import { assertOpen, type RoomAccess } from './room-access.ts';
import { findRoomFile, insertRoomFile, type RoomFileRow } from './room-repository.ts';

export async function uploadRoomFile(ctx: AppContext, access: RoomAccess, originalName: string, body: Readable, declaredLength: number | undefined): Promise<RoomFile> {
  assertOpen(access);
  const max = ctx.config.uploadMaxBytes;
  if (declaredLength !== undefined && declaredLength > max) throw fileTooLarge(max);
  const id = randomUUID();
  const key = `${access.tenant.id}/${id}`;
  let stored: Awaited<ReturnType<typeof ctx.storage.put>>;
  try {
    stored = await ctx.storage.put(key, body, { maxBytes: max });
  } catch (err) {
    if (err instanceof FileTooLarge) throw fileTooLarge(max);
    throw err;
  }
  const type = detectFileType(stored.head);
  if (!type) {
    await ctx.storage.remove(key);
    throw fileTypeNotAllowed(ACCEPTED_LABELS);
  }
  const { room, booking } = access;
  let row: RoomFileRow;
  try {
    row = await ctx.db.transaction().execute(async (trx) => {
      const inserted = await insertRoomFile(trx, {
        id,
        tenantId: access.tenant.id,
        roomId: room.id,
        bookingId: room.booking_id,
        party: access.party,
        operatorId: access.operatorId,
        name: safeFileName(originalName, type),
        mediaType: type.mediaType,
        size: stored.size,
        sha256: stored.sha256,
        storageKey: key,
        at: ctx.clock.now(),
      });
      await audit(trx, {
        tenantId: access.tenant.id,
        actorType: access.party === 'officer' ? 'operator' : 'citizen',
        actorId: access.operatorId ?? booking?.applicant_email ?? room.citizen_email,
        action: 'file.upload',
        entityType: booking ? 'booking' : 'video_room',
        entityId: booking?.id ?? room.id,
        details: { fileId: id, roomId: room.id, name: inserted.name, mediaType: inserted.media_type, size: stored.size, sha256: stored.sha256 },
      });
      return inserted;
    });
  } catch (err) {
    await ctx.storage.remove(key).catch(() => undefined);
    throw err;
  }
  const file = toRoomFile(row);
  await publish(ctx, { room: room.id, to: 'all', message: { type: 'file', file } });
  return file;
}

/** A stored document, if `mayRead` accepts its row; otherwise "not found" (nothing revealed). */
export async function openStoredFile(ctx: AppContext, tenantId: string, fileId: string, mayRead: (row: RoomFileRow) => boolean): Promise<{ row: RoomFileRow; stream: Readable }> {
  const row = await findRoomFile(ctx.db, tenantId, fileId);
  if (!row || !mayRead(row)) throw fileNotFound();
  try {
    return { row, stream: await ctx.storage.get(row.storage_key) };
  } catch (err) {
    if (!(err instanceof StoredFileMissing)) throw err;
    // Recorded but its bytes are gone (removed from the disk or the bucket by hand, a restore
    // without the files): the reader gets "not found", the operators a warning to look into.
    ctx.log.warn({ fileId: row.id, storageKey: row.storage_key }, 'document recorded but missing from storage');
    throw fileNotFound();
  }
}

/** The document as a download: its detected type, a safe name, never cached by shared caches. */
export function sendStoredFile(reply: FastifyReply, file: { row: RoomFileRow; stream: Readable }) {
  return reply
    .type(file.row.media_type)
    .header('content-length', String(file.row.size))
    .header('content-disposition', contentDisposition(file.row.name))
    .header('cache-control', 'private, no-store')
    .send(file.stream);
}
