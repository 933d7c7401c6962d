// What a citizen does with the manage link: see, reschedule, cancel, until the service's cut-off.
import type { ManagedBooking } from '../../../contracts/booking.ts';
import type { AppContext } from '../../platform/context.ts';
import { findService } from '../scheduling/index.ts';
import { formatInstant } from '../../platform/time/zoned-time.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { findAlternatives } from './availability.ts';
import { parseInstant } from './create-booking.ts';
import { claimDesk, inClaimTransaction, SlotTaken } from './desk-claim.ts';
import { ACTIVE_STATUSES } from './domain/status.ts';
import { changeBooking } from './lifecycle.ts';
import { bookingNotFound, changeClosed, serviceNotFound, slotTakenError } from './errors.ts';
import { citizenVideoUrl } from './links.ts';
import { findBookingIdByToken, findBookingView, type BookingView } from './repository.ts';

export function changeDeadline(b: Pick<BookingView, 'start_at' | 'cutoff_min'>): Date {
  return new Date(b.start_at.getTime() - b.cutoff_min * 60_000);
}

export function canChange(b: BookingView, now: Date): boolean {
  return ACTIVE_STATUSES.includes(b.status) && now < changeDeadline(b);
}

export function toManaged(ctx: AppContext, b: BookingView, token: string, now: Date): ManagedBooking {
  const tz = b.time_zone;
  return {
    id: b.id,
    reference: b.reference!,
    status: b.status,
    start: formatInstant(b.start_at.getTime(), tz),
    end: formatInstant(b.end_at.getTime(), tz),
    service: { id: b.service_id, name: b.service_name, mode: b.service_mode, durationMinutes: b.duration_min, whatToBring: b.what_to_bring, horizonDays: b.horizon_days },
    office: { id: b.office_id, name: b.office_name, address: b.office_address, phone: b.office_phone, email: b.office_email },
    applicant: { name: b.applicant_name ?? '', surname: b.applicant_surname ?? '', email: b.applicant_email ?? '', address: b.applicant_address },
    reason: b.reason,
    details: b.details,
    canChange: canChange(b, now),
    changeDeadline: formatInstant(changeDeadline(b).getTime(), tz),
    cancelReason: b.cancel_reason,
    cancelledBy: b.cancelled_by,
    ...(b.service_mode === 'video' && b.status !== 'cancelled' ? { videoUrl: citizenVideoUrl(ctx.config, b.tenant_slug, token) } : {}),
  };
}

export async function loadByToken(ctx: AppContext, tenant: Tenant, token: string): Promise<BookingView> {
  const id = await findBookingIdByToken(ctx.db, tenant.id, token);
  const view = id && (await findBookingView(ctx.db, tenant.id, id));
  if (!view) throw bookingNotFound();
  return view;
}

export async function rescheduleByToken(ctx: AppContext, tenant: Tenant, token: string, newStartIso: string): Promise<ManagedBooking> {
  const current = await loadByToken(ctx, tenant, token);
  const service = await findService(ctx.db, tenant.id, current.service_id);
  if (!service) throw serviceNotFound();
  const newStart = parseInstant(newStartIso);
  const now = ctx.clock.now();
  try {
    await inClaimTransaction(ctx, async (trx) => {
      await changeBooking(trx, ctx, {
        tenantId: tenant.id,
        bookingId: current.id,
        actor: { type: 'citizen', id: current.applicant_email },
        now,
        token,
        guard: (locked) => {
          if (!canChange({ ...current, ...locked }, now)) throw changeClosed();
        },
        // Moving to the time it already has is not a change: nothing is written, nobody is emailed.
        change: {
          action: 'reschedule',
          claim: async (t, locked) =>
            locked.start_at.getTime() === newStart
              ? { deskId: current.desk_id, deskNum: current.desk_num, start: locked.start_at, end: current.end_at, blockEnd: current.block_end }
              : claimDesk(t, { tenant, service, start: newStart, now, excludeBookingId: current.id }),
        },
      });
    });
  } catch (err) {
    if (err instanceof SlotTaken) throw slotTakenError(await findAlternatives(ctx, tenant, service, newStart, now));
    throw err;
  }
  return toManaged(ctx, (await findBookingView(ctx.db, tenant.id, current.id))!, token, now);
}

export async function cancelByToken(ctx: AppContext, tenant: Tenant, token: string, reason: string | undefined): Promise<ManagedBooking> {
  const current = await loadByToken(ctx, tenant, token);
  const now = ctx.clock.now();
  await ctx.bus.transaction(ctx.db, async (trx) => {
    await changeBooking(trx, ctx, {
      tenantId: tenant.id,
      bookingId: current.id,
      actor: { type: 'citizen', id: current.applicant_email },
      now,
      // Already cancelled: the lifecycle changes nothing and sends no second email.
      guard: (locked) => {
        if (locked.status !== 'cancelled' && !canChange({ ...current, ...locked }, now)) throw changeClosed();
      },
      change: { action: 'cancel', reason },
    });
  });
  return toManaged(ctx, (await findBookingView(ctx.db, tenant.id, current.id))!, token, now);
}
