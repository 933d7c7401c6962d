// Documents attached to an appointment or a video room (room_files): the SQL of the documents module.
import type { Kysely, Transaction } from 'kysely';
import type { DB, Party } from '../../platform/db/schema.ts';

type Q = Kysely<DB> | Transaction<DB>;

export type RoomFileRow = Awaited<ReturnType<typeof listRoomFiles>>[number];

const fileColumns = ['id', 'room_id', 'booking_id', 'uploaded_by', 'name', 'media_type', 'size', 'sha256', 'storage_key', 'created_at'] as const;

export async function insertRoomFile(
  db: Q,
  f: {
    id: string;
    tenantId: string;
    roomId: string;
    bookingId: string | null;
    party: Party;
    operatorId: string | null;
    name: string;
    mediaType: string;
    size: number;
    sha256: string;
    storageKey: string;
    at: Date;
  },
) {
  return db
    .insertInto('room_files')
    .values({
      id: f.id,
      tenant_id: f.tenantId,
      room_id: f.roomId,
      booking_id: f.bookingId,
      uploaded_by: f.party,
      operator_id: f.operatorId,
      name: f.name,
      media_type: f.mediaType,
      size: f.size,
      sha256: f.sha256,
      storage_key: f.storageKey,
      created_at: f.at,
    })
    .returning(fileColumns)
    .executeTakeFirstOrThrow();
}

export async function listRoomFiles(db: Q, tenantId: string, roomId: string) {
  return db.selectFrom('room_files').select(fileColumns).where('tenant_id', '=', tenantId).where('room_id', '=', roomId).orderBy('created_at').orderBy('id').execute();
}

export async function listBookingFiles(db: Q, tenantId: string, bookingId: string) {
  return db.selectFrom('room_files').select(fileColumns).where('tenant_id', '=', tenantId).where('booking_id', '=', bookingId).orderBy('created_at').orderBy('id').execute();
}

/** What a room's documents, and its appointment's, hold now: files and bytes. */
export async function documentUsage(db: Q, tenantId: string, roomId: string, bookingId: string | null) {
  const row = await db
    .selectFrom('room_files')
    .select((eb) => [
      eb.fn.count<string>('id').filterWhere('room_id', '=', roomId).as('room_files'),
      eb.fn.coalesce(eb.fn.sum<string>('size').filterWhere('room_id', '=', roomId), eb.lit(0)).as('room_bytes'),
      eb.fn.coalesce(bookingId ? eb.fn.sum<string>('size').filterWhere('booking_id', '=', bookingId) : eb.lit(0), eb.lit(0)).as('booking_bytes'),
    ])
    .where('tenant_id', '=', tenantId)
    .where((eb) => (bookingId ? eb.or([eb('room_id', '=', roomId), eb('booking_id', '=', bookingId)]) : eb('room_id', '=', roomId)))
    .executeTakeFirstOrThrow();
  return { roomFiles: Number(row.room_files), roomBytes: Number(row.room_bytes), bookingBytes: Number(row.booking_bytes) };
}

/** The document with this content already in the room, or in the appointment's documents. */
export async function findSameDocument(db: Q, tenantId: string, roomId: string, bookingId: string | null, sha256: string) {
  return db
    .selectFrom('room_files')
    .select(fileColumns)
    .where('tenant_id', '=', tenantId)
    .where('sha256', '=', sha256)
    .where((eb) => (bookingId ? eb.or([eb('room_id', '=', roomId), eb('booking_id', '=', bookingId)]) : eb('room_id', '=', roomId)))
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/** Holds the room's row until the end of the transaction: uploads to one room are decided one at a time. */
export async function lockRoom(db: Q, tenantId: string, roomId: string): Promise<void> {
  await db.selectFrom('video_rooms').select('id').where('tenant_id', '=', tenantId).where('id', '=', roomId).forUpdate().executeTakeFirstOrThrow();
}

export async function findRoomFile(db: Q, tenantId: string, fileId: string) {
  return db.selectFrom('room_files').select(fileColumns).where('tenant_id', '=', tenantId).where('id', '=', fileId).executeTakeFirst();
}
