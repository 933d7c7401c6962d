import type { AgendaBooking } from '../../../contracts/operator.ts';
import type { Config } from '../../config.ts';
import type { BookingView } from '../booking/index.ts';
import { formatInstant } from '../../platform/time/zoned-time.ts';
import { consoleRoomUrl } from '../video/index.ts';

/** `videoWaiting`: whether the citizen is in the video room now (known only where presence was read). */
export function toAgendaBooking(b: BookingView, config: Config, videoWaiting?: boolean): AgendaBooking {
  const tz = b.time_zone;
  const iso = (d: Date | null) => (d ? formatInstant(d.getTime(), tz) : null);
  return {
    id: b.id,
    reference: b.reference ?? '',
    status: b.status,
    start: formatInstant(b.start_at.getTime(), tz),
    end: formatInstant(b.end_at.getTime(), tz),
    serviceId: b.service_id,
    serviceName: b.service_name,
    mode: b.service_mode,
    officeId: b.office_id,
    deskId: b.desk_id,
    deskName: b.desk_name,
    applicant: { name: b.applicant_name ?? '', surname: b.applicant_surname ?? '', email: b.applicant_email ?? '', address: b.applicant_address },
    reason: b.reason,
    details: b.details,
    channel: b.channel,
    checkedInAt: iso(b.checked_in_at),
    doneAt: iso(b.done_at),
    outcomeNote: b.outcome_note,
    cancelReason: b.cancel_reason,
    cancelledBy: b.cancelled_by,
    ...(b.service_mode === 'video' && b.status !== 'cancelled'
      ? { videoUrl: new URL(consoleRoomUrl(config, b.tenant_slug, b.id)).pathname, ...(videoWaiting !== undefined ? { videoWaiting } : {}) }
      : {}),
  };
}
