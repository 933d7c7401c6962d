// A document sent in the room: stored and kept with the appointment (documents module), then
// announced to both parties (unless it was there already: the same content is stored once).
import type { Readable } from 'node:stream';
import type { AppContext } from '../../platform/context.ts';
import { type StoredDocument, storeDocument } from '../documents/index.ts';
import { publish } from './relay.ts';
import { assertOpen, type RoomAccess } from './room-access.ts';

export async function uploadRoomFile(ctx: AppContext, access: RoomAccess, originalName: string, body: Readable, declaredLength: number | undefined): Promise<StoredDocument> {
  assertOpen(access);
  const { room, booking } = access;
  const stored = await storeDocument(ctx, {
    tenantId: access.tenant.id,
    roomId: room.id,
    bookingId: room.booking_id,
    party: access.party,
    operatorId: access.operatorId,
    actorId: access.operatorId ?? booking?.applicant_email ?? room.citizen_email,
    originalName,
    body,
    declaredLength,
  });
  if (stored.created) await publish(ctx, { room: room.id, to: 'all', message: { type: 'file', file: stored.file } });
  return stored;
}
