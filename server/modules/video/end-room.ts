// The officer ends the meeting: the room closes for both, and a booking's appointment is marked done
// with the officer's note, in one transaction with its audit entries.
import type { AppContext } from '../../platform/context.ts';
import { CLOSE_CODES, type RoomPhase } from '../../../contracts/video.ts';
import { audit } from '../../platform/audit.ts';
import { recordEvent } from '../../platform/events.ts';
import { nextStatus } from '../booking/status.ts';
import { officerOnly } from './errors.ts';
import { publish } from './relay.ts';
import { assertOpen, type RoomAccess } from './room-access.ts';

export async function endRoom(ctx: AppContext, access: RoomAccess, note: string | undefined): Promise<{ phase: RoomPhase; bookingStatus: string | null }> {
  if (access.party !== 'officer') throw officerOnly();
  if (access.phase === 'ended') return { phase: 'ended', bookingStatus: access.booking?.status ?? null };
  assertOpen(access);
  const now = ctx.clock.now();
  const text = note?.trim() || null;
  const tenantId = access.tenant.id;
  const bookingStatus = await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('video_rooms').set({ ended_at: now, end_note: text }).where('id', '=', access.room.id).where('ended_at', 'is', null).execute();
    await audit(trx, {
      tenantId,
      actorType: 'operator',
      actorId: access.operatorId,
      action: 'video.end',
      entityType: access.booking ? 'booking' : 'video_room',
      entityId: access.booking?.id ?? access.room.id,
      details: { roomId: access.room.id, ...(text ? { note: text } : {}) },
    });
    if (!access.booking) return null;
    const locked = await trx.selectFrom('bookings').select('status').where('id', '=', access.booking.id).forUpdate().executeTakeFirstOrThrow();
    const to = nextStatus(locked.status, 'done');
    if (!to) return locked.status;
    await trx.updateTable('bookings').set({ status: to, done_at: now, outcome_note: text, updated_at: now }).where('id', '=', access.booking.id).execute();
    await audit(trx, {
      tenantId,
      actorType: 'operator',
      actorId: access.operatorId,
      action: 'booking.done',
      entityType: 'booking',
      entityId: access.booking.id,
      details: { from: locked.status, to, ...(text ? { note: text } : {}) },
    });
    await recordEvent(trx, tenantId, 'booking.done', access.booking.id, { officeId: access.booking.office_id, by: access.operatorId });
    return to;
  });
  await publish(ctx, { room: access.room.id, to: 'all', message: { type: 'ended', by: 'officer' } });
  await publish(ctx, { room: access.room.id, close: { code: CLOSE_CODES.ended, reason: 'ended' } });
  return { phase: 'ended', bookingStatus };
}
