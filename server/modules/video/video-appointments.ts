// The officer's "today's video appointments": video bookings of the day in the offices they see, and
// the immediate rooms still open, each with who is connected right now (the citizen waiting).
import type { VideoAppointment } from '../../../contracts/video.ts';
import type { AppContext } from '../../platform/context.ts';
import { listBookingViews } from '../booking/index.ts';
import { canSeeOffice } from '../../platform/staff/policy.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import { addDays, formatInstant, localToInstant } from '../../platform/time/zoned-time.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { consoleRoomUrl } from './links.ts';
import { presenceByRoom } from './room-repository.ts';
import { bookingRoomPhase, immediatePhase, roomPhase } from './room-window.ts';

export async function listVideoAppointments(ctx: AppContext, tenant: Tenant, op: OperatorPrincipal, date: string): Promise<VideoAppointment[]> {
  const tz = tenant.time_zone;
  const from = new Date(localToInstant(date, 0, tz)!);
  const to = new Date(localToInstant(addDays(date, 1), 0, tz)!);
  const now = ctx.clock.now();
  const bookings = (await listBookingViews(ctx.db, tenant.id, { officeIds: op.officeIds, from, to })).filter((b) => b.service_mode === 'video' && b.status !== 'cancelled');
  const rooms = await ctx.db
    .selectFrom('video_rooms as r')
    .leftJoin('offices as o', 'o.id', 'r.office_id')
    .select(['r.id', 'r.kind', 'r.booking_id', 'r.office_id', 'r.opens_at', 'r.closes_at', 'r.ended_at', 'r.citizen_name', 'r.created_by', 'o.name as office_name'])
    .where('r.tenant_id', '=', tenant.id)
    .where((eb) =>
      eb.or([
        eb('r.booking_id', 'in', bookings.length ? bookings.map((b) => b.id) : ['00000000-0000-0000-0000-000000000000']),
        eb.and([eb('r.kind', '=', 'immediate'), eb('r.opens_at', '<', to), eb('r.closes_at', '>', from)]),
      ]),
    )
    .execute();
  const roomOfBooking = new Map(rooms.filter((r) => r.booking_id).map((r) => [r.booking_id!, r]));
  const immediate = rooms.filter((r) => r.kind === 'immediate' && (r.office_id ? canSeeOffice(op, r.office_id) : op.officeIds === null || r.created_by === op.id));
  const presence = await presenceByRoom(
    ctx.db,
    rooms.map((r) => r.id),
    now,
  );
  const at = (d: Date) => formatInstant(d.getTime(), tz);

  const fromBookings: VideoAppointment[] = bookings.map((b) => {
    const room = roomOfBooking.get(b.id);
    const present = room ? presence.get(room.id) : undefined;
    const byClock = roomPhase(b.start_at.getTime(), b.end_at.getTime(), now.getTime(), {
      opensBeforeMin: b.video_opens_before_min,
      closesAfterMin: b.video_closes_after_min,
    }).phase;
    return {
      roomId: room?.id ?? null,
      bookingId: b.id,
      reference: b.reference,
      kind: 'booking',
      start: at(b.start_at),
      end: at(b.end_at),
      status: b.status,
      phase: bookingRoomPhase(b.status, Boolean(room?.ended_at), byClock),
      serviceName: b.service_name,
      officeId: b.office_id,
      officeName: b.office_name,
      citizenName: `${b.applicant_name ?? ''} ${b.applicant_surname ?? ''}`.trim() || null,
      citizenWaiting: present?.has('citizen') ?? false,
      officerPresent: present?.has('officer') ?? false,
      consoleUrl: new URL(consoleRoomUrl(ctx.config, tenant.slug, b.id)).pathname,
    };
  });
  const fromImmediate: VideoAppointment[] = immediate.map((r) => {
    const present = presence.get(r.id);
    return {
      roomId: r.id,
      bookingId: null,
      reference: null,
      kind: 'immediate',
      start: at(r.opens_at!),
      end: at(r.closes_at!),
      status: r.ended_at ? 'done' : 'open',
      phase: immediatePhase(r, now),
      serviceName: 'Videochiamata immediata',
      officeId: r.office_id,
      officeName: r.office_name,
      citizenName: r.citizen_name,
      citizenWaiting: present?.has('citizen') ?? false,
      officerPresent: present?.has('officer') ?? false,
      // An immediate room is re-entered from the console through a fresh officer token.
      consoleUrl: `/${tenant.slug}/operatore/stanze/${r.id}/video`,
    };
  });
  return [...fromBookings, ...fromImmediate].sort((a, b) => a.start.localeCompare(b.start));
}
