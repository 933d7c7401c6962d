// The officer ends the meeting: the room closes for both and, for an appointment, the booking is
// marked done with the officer's note (booking's lifecycle), in one transaction with the audit entries.
import { CLOSE_CODES } from '../../../contracts/video.ts';
import type { BookingStatus, RoomPhase } from '../../../contracts/statuses.ts';
import type { AppContext } from '../../platform/context.ts';
import { changeBooking } from '../booking/index.ts';
import { officerOnly } from './errors.ts';
import { publish } from './relay.ts';
import { assertOpen, type RoomAccess } from './room-access.ts';

export async function endRoom(ctx: AppContext, access: RoomAccess, note: string | undefined): Promise<{ phase: RoomPhase; bookingStatus: BookingStatus | null }> {
  if (access.party !== 'officer') throw officerOnly();
  if (access.phase === 'ended') return { phase: 'ended', bookingStatus: access.booking?.status ?? null };
  assertOpen(access);
  const now = ctx.clock.now();
  const text = note?.trim() || null;
  const tenantId = access.tenant.id;
  const actor = { type: 'operator' as const, id: access.operatorId };
  const bookingStatus = await ctx.bus.transaction(ctx.db, async (trx) => {
    await trx.updateTable('video_rooms').set({ ended_at: now, end_note: text }).where('id', '=', access.room.id).where('ended_at', 'is', null).execute();
    await ctx.bus.record(trx, {
      tenantId,
      actor,
      action: 'video.room-ended',
      entityType: access.booking ? 'booking' : 'video_room',
      entityId: access.booking?.id ?? access.room.id,
      details: { roomId: access.room.id, ...(text ? { note: text } : {}) },
      payload: { roomId: access.room.id, bookingId: access.booking?.id ?? null },
    });
    if (!access.booking) return null;
    // Already closed elsewhere (done at the desk, cancelled): the room ends, the booking stays as it is.
    const r = await changeBooking(trx, ctx, { tenantId, bookingId: access.booking.id, change: { action: 'done', note: text, via: 'video' }, actor, now, whenNotAllowed: 'ignore' });
    return r.view.status;
  });
  await publish(ctx, { room: access.room.id, to: 'all', message: { type: 'ended', by: 'officer' } });
  await publish(ctx, { room: access.room.id, close: { code: CLOSE_CODES.ended, reason: 'ended' } });
  return { phase: 'ended', bookingStatus };
}
