// An officer enters a room from the console: the session proves who they are, and they receive a
// fresh officer token for that room (audited), which the room page then uses like any party.
import type { AppContext } from '../../platform/context.ts';
import { newSecret } from '../../platform/security/tokens.ts';
import { loadVisibleBooking } from '../booking/index.ts';
import { assertOffice } from '../../platform/staff/policy.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { notVideoService, roomNotFound } from './errors.ts';
import { officerRoomUrl } from './links.ts';
import { ensureBookingRoom, findRoom, insertRoomToken } from './room-repository.ts';

export async function officerLinkForBooking(ctx: AppContext, tenant: Tenant, op: OperatorPrincipal, bookingId: string) {
  const booking = await loadVisibleBooking(ctx, op, bookingId);
  if (booking.service_mode !== 'video') throw notVideoService();
  const room = await ensureBookingRoom(ctx.db, tenant.id, booking.id, booking.office_id);
  return mint(ctx, tenant, op, room.id, booking.id);
}

export async function officerLinkForRoom(ctx: AppContext, tenant: Tenant, op: OperatorPrincipal, roomId: string) {
  const room = await findRoom(ctx.db, tenant.id, roomId);
  if (!room) throw roomNotFound();
  if (room.office_id) assertOffice(op, room.office_id);
  // A room without an office is visible to officers of every office and to the one who opened it.
  else if (op.officeIds !== null && room.created_by !== op.id) throw roomNotFound();
  return mint(ctx, tenant, op, room.id, room.booking_id);
}

async function mint(ctx: AppContext, tenant: Tenant, op: OperatorPrincipal, roomId: string, bookingId: string | null) {
  const token = newSecret();
  await ctx.bus.transaction(ctx.db, async (trx) => {
    await insertRoomToken(trx, { tenantId: tenant.id, roomId, party: 'officer', operatorId: op.id, token });
    await ctx.bus.record(trx, {
      actor: { type: 'operator', id: op.id },
      tenantId: tenant.id,
      action: 'video.room-entered',
      entityType: bookingId ? 'booking' : 'video_room',
      entityId: bookingId ?? roomId,
      details: { roomId },
    });
  });
  return { id: roomId, officerUrl: officerRoomUrl(ctx.config, tenant.slug, token), token };
}
