// Rooms for "talk to an officer now" tickets of the virtual queue: opened when a desk calls the
// ticket, like an immediate room (open at once, for VIDEO_IMMEDIATE_MINUTES). The officer gets a
// room token; the citizen enters with the ticket's own token (room-access.ts), so the live ticket
// page and the "it's your turn" email lead straight in. Ended when the desk finishes the ticket.
import type { Transaction } from 'kysely';
import { CLOSE_CODES } from '../../../contracts/video.ts';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { newSecret } from '../../platform/security/tokens.ts';
import { officerRoomUrl } from './links.ts';
import { publish } from './relay.ts';
import { insertRoomToken } from './room-repository.ts';

export async function openQueueRoom(
  trx: Transaction<DB>,
  ctx: AppContext,
  args: { tenantId: string; tenantSlug: string; officeId: string; operatorId: string; citizenName: string | null; now: Date },
): Promise<{ roomId: string; officerUrl: string }> {
  const closesAt = new Date(args.now.getTime() + ctx.config.video.immediateRoomMinutes * 60_000);
  const room = await trx
    .insertInto('video_rooms')
    .values({
      tenant_id: args.tenantId,
      kind: 'immediate',
      office_id: args.officeId,
      opens_at: args.now,
      closes_at: closesAt,
      citizen_name: args.citizenName,
      created_by: args.operatorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const token = newSecret();
  await insertRoomToken(trx, { tenantId: args.tenantId, roomId: room.id, party: 'officer', operatorId: args.operatorId, token });
  return { roomId: room.id, officerUrl: officerRoomUrl(ctx.config, args.tenantSlug, token) };
}

/** Marks a queue room ended (in the caller's transaction); then call announceRoomEnded after commit. */
export async function endQueueRoom(trx: Transaction<DB>, roomId: string, now: Date): Promise<boolean> {
  const res = await trx.updateTable('video_rooms').set({ ended_at: now }).where('id', '=', roomId).where('ended_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** Tells both parties' pages the meeting is over and closes their sockets, on every node. */
export async function announceRoomEnded(ctx: AppContext, roomId: string): Promise<void> {
  await publish(ctx, { room: roomId, to: 'all', message: { type: 'ended', by: 'officer' } });
  await publish(ctx, { room: roomId, close: { code: CLOSE_CODES.ended, reason: 'ended' } });
}
