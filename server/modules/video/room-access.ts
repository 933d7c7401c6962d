// Who is asking for a room, and may they be in it now. A credential is either a booking's manage
// token (the citizen of that booking) or a per-party room token; each opens exactly one room, and
// only inside the room's window. Everything else is "not found".
import type { RoomPhase } from '../../../contracts/video.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Party } from '../../platform/db/schema.ts';
import { findBookingIdByToken, findBookingView, type BookingView } from '../booking/index.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { roomNotFound, roomNotOpen } from './errors.ts';
import { ensureBookingRoom, findRoom, findRoomIdByTicketToken, findRoomToken, type RoomRow } from './room-repository.ts';
import { bookingRoomPhase, immediatePhase, roomPhase } from './room-window.ts';

export interface RoomAccess {
  tenant: Tenant;
  room: RoomRow;
  party: Party;
  /** The officer who holds an officer token; null for citizens. */
  operatorId: string | null;
  booking: BookingView | null;
  opensAt: Date;
  closesAt: Date;
  phase: RoomPhase;
}

export async function resolveRoomAccess(ctx: AppContext, tenant: Tenant, token: string): Promise<RoomAccess> {
  const now = ctx.clock.now();
  const roomToken = await findRoomToken(ctx.db, tenant.id, token);
  if (roomToken) {
    const room = await findRoom(ctx.db, tenant.id, roomToken.room_id);
    if (!room) throw roomNotFound();
    const booking = room.booking_id ? ((await findBookingView(ctx.db, tenant.id, room.booking_id)) ?? null) : null;
    return { tenant, room, party: roomToken.party, operatorId: roomToken.operator_id, booking, ...windowOf(room, booking, now) };
  }
  // A called video ticket of the virtual queue: the ticket's token is the citizen's credential.
  const ticketRoomId = await findRoomIdByTicketToken(ctx.db, tenant.id, token);
  if (ticketRoomId) {
    const room = await findRoom(ctx.db, tenant.id, ticketRoomId);
    if (!room) throw roomNotFound();
    return { tenant, room, party: 'citizen', operatorId: null, booking: null, ...windowOf(room, null, now) };
  }
  const bookingId = await findBookingIdByToken(ctx.db, tenant.id, token);
  const booking = bookingId ? await findBookingView(ctx.db, tenant.id, bookingId) : undefined;
  if (booking?.service_mode !== 'video') throw roomNotFound();
  const room = await ensureBookingRoom(ctx.db, tenant.id, booking.id, booking.office_id);
  return { tenant, room, party: 'citizen', operatorId: null, booking, ...windowOf(room, booking, now) };
}

/** The room of a booking for an officer (who reaches it from the console, not from a token). */
export async function bookingRoomAccess(ctx: AppContext, tenant: Tenant, booking: BookingView, operatorId: string): Promise<RoomAccess> {
  const room = await ensureBookingRoom(ctx.db, tenant.id, booking.id, booking.office_id);
  return { tenant, room, party: 'officer', operatorId, booking, ...windowOf(room, booking, ctx.clock.now()) };
}

export function assertOpen(access: RoomAccess): void {
  if (access.phase !== 'open') throw roomNotOpen(access.phase);
}

function windowOf(room: RoomRow, booking: BookingView | null, now: Date): { opensAt: Date; closesAt: Date; phase: RoomPhase } {
  if (room.kind === 'immediate') {
    const opensAt = room.opens_at!;
    const closesAt = room.closes_at!;
    return { opensAt, closesAt, phase: immediatePhase(room, now) };
  }
  if (!booking) throw roomNotFound();
  const rules = { opensBeforeMin: booking.video_opens_before_min, closesAfterMin: booking.video_closes_after_min };
  const p = roomPhase(booking.start_at.getTime(), booking.end_at.getTime(), now.getTime(), rules);
  const opensAt = new Date(booking.start_at.getTime() - rules.opensBeforeMin * 60_000);
  const closesAt = new Date(booking.end_at.getTime() + rules.closesAfterMin * 60_000);
  return { opensAt, closesAt, phase: bookingRoomPhase(booking.status, room.ended_at !== null, p.phase) };
}
