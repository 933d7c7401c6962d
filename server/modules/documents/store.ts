// Documents exchanged in a video room and kept with the appointment: streamed to storage under a
// size limit, typed by their content (the name and the browser's claimed type are ignored), renamed
// safely, recorded with an audit entry in one transaction — which also holds the room's (and its
// appointment's) quota and recognises a document already there by its SHA-256. Downloads answer with the detected type
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
import { fileNotFound, fileTooLarge, fileTypeNotAllowed, quotaExceeded } from './errors.ts';
import { toRoomFile } from './mappers.ts';
import { documentUsage, findRoomFile, findSameDocument, insertRoomFile, lockRoom, type RoomFileRow } from './repository.ts';

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

/** The document as stored; `created` is false when the same content was already there (nothing new stored). */
export interface StoredDocument {
  file: RoomFile;
  created: boolean;
}

type Usage = Awaited<ReturnType<typeof documentUsage>>;

/** The limit `adding` more bytes (and one more file) would break, if any. */
function brokenLimit(ctx: AppContext, usage: Usage, adding: number, hasBooking: boolean) {
  const q = ctx.config.uploadQuota;
  if (usage.roomFiles + 1 > q.roomFiles) return quotaExceeded({ kind: 'files', files: q.roomFiles });
  if (usage.roomBytes + adding > q.roomBytes) return quotaExceeded({ kind: 'room', bytes: q.roomBytes });
  if (hasBooking && usage.bookingBytes + adding > q.bookingBytes) return quotaExceeded({ kind: 'booking', bytes: q.bookingBytes });
  return null;
}

export async function storeDocument(ctx: AppContext, d: NewDocument): Promise<StoredDocument> {
  const max = ctx.config.uploadMaxBytes;
  if (d.declaredLength !== undefined && d.declaredLength > max) throw fileTooLarge(max);
  // A room already full, or a declared length that cannot fit, is refused before the body is read.
  // The decision that counts is the one at commit, below, under the room's lock.
  const early = brokenLimit(ctx, await documentUsage(ctx.db, d.tenantId, d.roomId, d.bookingId), d.declaredLength ?? 0, d.bookingId !== null);
  if (early) throw early;
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
  let outcome: { row: RoomFileRow; created: boolean };
  try {
    outcome = await ctx.bus.transaction(ctx.db, async (trx) => {
      // One upload to a room at a time (a booking has one room, so its documents are covered too):
      // two uploads racing cannot both fit in the space left, nor store the same content twice.
      await lockRoom(trx, d.tenantId, d.roomId);
      const same = await findSameDocument(trx, d.tenantId, d.roomId, d.bookingId, stored.sha256);
      if (same) return { row: same, created: false };
      const refusal = brokenLimit(ctx, await documentUsage(trx, d.tenantId, d.roomId, d.bookingId), stored.size, d.bookingId !== null);
      if (refusal) throw refusal;
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
      return { row: inserted, created: true };
    });
  } catch (err) {
    await ctx.storage.remove(key).catch(() => undefined);
    throw err;
  }
  // The same content sent again: the bytes just received are a second copy, not kept.
  if (!outcome.created) await ctx.storage.remove(key).catch((err: unknown) => ctx.log.warn({ err, storageKey: key }, 'duplicate upload: staged copy not removed'));
  return { file: toRoomFile(outcome.row), created: outcome.created };
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
