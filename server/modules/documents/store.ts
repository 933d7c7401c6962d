// Documents exchanged in a video room and kept with the appointment: streamed to storage under a
// size limit, typed by their content (the name and the browser's claimed type are ignored), renamed
// safely, recorded with an audit entry in one transaction. Downloads answer with the detected type
// and a safe name, never cached by shared caches.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { RoomFile } from '../../../contracts/video.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Party } from '../../platform/db/schema.ts';
import { ACCEPTED_LABELS, detectFileType } from '../../platform/files/content-type.ts';
import { contentDisposition, safeFileName } from '../../platform/files/safe-name.ts';
import { FileTooLarge, StoredFileMissing } from '../../platform/files/storage.ts';
import { fileNotFound, fileTooLarge, fileTypeNotAllowed } from './errors.ts';
import { toRoomFile } from './mappers.ts';
import { findRoomFile, insertRoomFile, type RoomFileRow } from './repository.ts';

export interface NewDocument {
  tenantId: string;
  roomId: string;
  /** The appointment the document stays attached to (null for an immediate room). */
  bookingId: string | null;
  party: Party;
  operatorId: string | null;
  /** Who the audit log names: the officer's id, or the citizen's email. */
  actorId: string | null;
  originalName: string;
  body: Readable;
  declaredLength: number | undefined;
}

export async function storeDocument(ctx: AppContext, d: NewDocument): Promise<RoomFile> {
  const max = ctx.config.uploadMaxBytes;
  if (d.declaredLength !== undefined && d.declaredLength > max) throw fileTooLarge(max);
  const id = randomUUID();
  const key = `${d.tenantId}/${id}`;
  let stored: Awaited<ReturnType<typeof ctx.storage.put>>;
  try {
    stored = await ctx.storage.put(key, d.body, { maxBytes: max });
  } catch (err) {
    if (err instanceof FileTooLarge) throw fileTooLarge(max);
    throw err;
  }
  const type = detectFileType(stored.head);
  if (!type) {
    await ctx.storage.remove(key);
    throw fileTypeNotAllowed(ACCEPTED_LABELS);
  }
  let row: RoomFileRow;
  try {
    row = await ctx.bus.transaction(ctx.db, async (trx) => {
      const inserted = await insertRoomFile(trx, {
        id,
        tenantId: d.tenantId,
        roomId: d.roomId,
        bookingId: d.bookingId,
        party: d.party,
        operatorId: d.operatorId,
        name: safeFileName(d.originalName, type),
        mediaType: type.mediaType,
        size: stored.size,
        sha256: stored.sha256,
        storageKey: key,
        at: ctx.clock.now(),
      });
      await ctx.bus.record(trx, {
        actor: { type: d.party === 'officer' ? 'operator' : 'citizen', id: d.actorId },
        tenantId: d.tenantId,
        action: 'file.uploaded',
        entityType: d.bookingId ? 'booking' : 'video_room',
        entityId: d.bookingId ?? d.roomId,
        details: { fileId: id, roomId: d.roomId, name: inserted.name, mediaType: inserted.media_type, size: stored.size, sha256: stored.sha256 },
      });
      return inserted;
    });
  } catch (err) {
    await ctx.storage.remove(key).catch(() => undefined);
    throw err;
  }
  return toRoomFile(row);
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
