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

export async function findRoomFile(db: Q, tenantId: string, fileId: string) {
  return db.selectFrom('room_files').select(fileColumns).where('tenant_id', '=', tenantId).where('id', '=', fileId).executeTakeFirst();
}
