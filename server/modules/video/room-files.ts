// A document sent in the room: stored and kept with the appointment (documents module), then
// announced to both parties.
import type { Readable } from 'node:stream';
import type { RoomFile } from '../../../contracts/video.ts';
import type { AppContext } from '../../platform/context.ts';
import { storeDocument } from '../documents/index.ts';
import { publish } from './relay.ts';
import { assertOpen, type RoomAccess } from './room-access.ts';

export async function uploadRoomFile(ctx: AppContext, access: RoomAccess, originalName: string, body: Readable, declaredLength: number | undefined): Promise<RoomFile> {
  assertOpen(access);
  const { room, booking } = access;
  const file = await storeDocument(ctx, {
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
  await publish(ctx, { room: room.id, to: 'all', message: { type: 'file', file } });
  return file;
}
