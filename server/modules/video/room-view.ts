// What a participant's page needs to show the room: its phase and window, who they are, and, only
// while the room is open, how to connect (ICE servers with fresh TURN credentials, signalling path).
import type { RoomView } from '../../../contracts/video.ts';
import type { AppContext } from '../../platform/context.ts';
import { manageUrl } from '../booking/index.ts';
import { formatInstant } from '../../platform/time/zoned-time.ts';
import { signalPath } from './links.ts';
import type { RoomAccess } from './room-access.ts';
import { iceServers } from './turn-credentials.ts';

export async function toRoomView(ctx: AppContext, access: RoomAccess, token: string): Promise<RoomView> {
  const { room, booking, tenant } = access;
  const tz = tenant.time_zone;
  const at = (d: Date) => formatInstant(d.getTime(), tz);
  const officeName =
    booking?.office_name ?? (room.office_id ? ((await ctx.db.selectFrom('offices').select('name').where('id', '=', room.office_id).executeTakeFirst())?.name ?? null) : null);
  const open = access.phase === 'open';
  const ttlSeconds = Math.max(60, Math.ceil((access.closesAt.getTime() - ctx.clock.now().getTime()) / 1000));
  return {
    id: room.id,
    party: access.party,
    kind: room.kind,
    phase: access.phase,
    opensAt: at(access.opensAt),
    closesAt: at(access.closesAt),
    timeZone: tz,
    title: booking?.service_name ?? 'Videochiamata con il Comune',
    officeName,
    tenantName: tenant.name,
    booking: booking ? { id: booking.id, reference: booking.reference ?? '', start: at(booking.start_at), end: at(booking.end_at), status: booking.status } : null,
    citizenName: booking ? `${booking.applicant_name ?? ''} ${booking.applicant_surname ?? ''}`.trim() || null : room.citizen_name,
    ...(open ? { iceServers: iceServers(ctx.config.video, `${tenant.slug}-${room.id}`, ctx.clock.now().getTime(), ttlSeconds), signalPath: signalPath(tenant.slug, token) } : {}),
    maxUploadBytes: ctx.config.uploadMaxBytes,
    backUrl:
      access.party === 'officer'
        ? `/${tenant.slug}/operatore/videochiamate`
        : booking && room.kind === 'booking' && access.operatorId === null
          ? backToManage(ctx, tenant.slug, token)
          : null,
  };
}

function backToManage(ctx: AppContext, slug: string, token: string): string {
  // The citizen of a booking came in with the manage token: the manage page is theirs.
  return new URL(manageUrl(ctx.config, slug, token)).pathname;
}
