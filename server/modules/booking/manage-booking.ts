// What a citizen does with the manage link: see, reschedule, cancel, until the service's cut-off.
import type { ManagedBooking } from '../../../contracts/booking.ts';
import { audit } from '../../platform/audit.ts';
import type { AppContext } from '../../platform/context.ts';
import { recordEvent } from '../../platform/events.ts';
import { findService } from '../scheduling/catalogue-repository.ts';
import { formatInstant } from '../scheduling/domain/zoned-time.ts';
import type { Tenant } from '../tenants/repository.ts';
import { findAlternatives } from './availability.ts';
import { parseInstant } from './create-booking.ts';
import { claimDesk, inClaimTransaction, SlotTaken } from './desk-claim.ts';
import { queueBookingEmail } from './emails.ts';
import { bookingNotFound, changeClosed, serviceNotFound, slotTakenError } from './errors.ts';
import { citizenVideoUrl } from './links.ts';
import { findBookingIdByToken, findBookingView, type BookingView } from './repository.ts';

const ACTIVE = new Set(['pending', 'confirmed']);

export function changeDeadline(b: Pick<BookingView, 'start_at' | 'cutoff_min'>): Date {
  return new Date(b.start_at.getTime() - b.cutoff_min * 60_000);
}

export function canChange(b: BookingView, now: Date): boolean {
  return ACTIVE.has(b.status) && now < changeDeadline(b);
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
    await inClaimTransaction(ctx.db, async (trx) => {
      const locked = await trx.selectFrom('bookings').select(['status', 'start_at']).where('id', '=', current.id).forUpdate().executeTakeFirstOrThrow();
      const fresh = { ...current, status: locked.status, start_at: locked.start_at };
      if (!canChange(fresh, now)) throw changeClosed();
      // Moving to the time it already has is not a change: nothing is written, nobody is emailed.
      if (locked.start_at.getTime() === newStart) return;
      const claimed = await claimDesk(trx, { tenant, service, start: newStart, now, excludeBookingId: current.id });
      await trx
        .updateTable('bookings')
        .set((eb) => ({
          start_at: claimed.start,
          end_at: claimed.end,
          block_end: claimed.blockEnd,
          desk_id: claimed.deskId,
          desk_num: claimed.deskNum,
          ics_sequence: eb('ics_sequence', '+', 1),
          reminder_sent: claimed.start.getTime() - now.getTime() < 24 * 3_600_000,
          updated_at: now,
        }))
        .where('id', '=', current.id)
        .execute();
      await audit(trx, {
        tenantId: tenant.id,
        actorType: 'citizen',
        actorId: current.applicant_email,
        action: 'booking.reschedule',
        entityType: 'booking',
        entityId: current.id,
        details: { from: locked.start_at.toISOString(), to: claimed.start.toISOString() },
      });
      await recordEvent(trx, tenant.id, 'booking.rescheduled', current.id, { officeId: current.office_id, from: locked.start_at.toISOString(), to: claimed.start.toISOString() });
      const view = (await findBookingView(trx, tenant.id, current.id))!;
      await queueBookingEmail(trx, ctx.config, 'reschedule', view, { now, token, previousStart: locked.start_at });
    });
  } catch (err) {
    if (err instanceof SlotTaken) throw slotTakenError(await findAlternatives(ctx.db, tenant, service, newStart, now));
    throw err;
  }
  return toManaged(ctx, (await findBookingView(ctx.db, tenant.id, current.id))!, token, now);
}

export async function cancelByToken(ctx: AppContext, tenant: Tenant, token: string, reason: string | undefined): Promise<ManagedBooking> {
  const current = await loadByToken(ctx, tenant, token);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('bookings').select(['status', 'start_at']).where('id', '=', current.id).forUpdate().executeTakeFirstOrThrow();
    if (locked.status === 'cancelled') return; // already cancelled: no second email
    if (!canChange({ ...current, status: locked.status, start_at: locked.start_at }, now)) throw changeClosed();
    await trx
      .updateTable('bookings')
      .set((eb) => ({
        status: 'cancelled',
        cancelled_by: 'citizen',
        cancel_reason: reason?.trim() || null,
        cancelled_at: now,
        ics_sequence: eb('ics_sequence', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', current.id)
      .execute();
    await audit(trx, {
      tenantId: tenant.id,
      actorType: 'citizen',
      actorId: current.applicant_email,
      action: 'booking.cancel',
      entityType: 'booking',
      entityId: current.id,
      details: { reason: reason ?? null },
    });
    await recordEvent(trx, tenant.id, 'booking.cancelled', current.id, { officeId: current.office_id, by: 'citizen' });
    const view = (await findBookingView(trx, tenant.id, current.id))!;
    await queueBookingEmail(trx, ctx.config, 'cancellation', view, { now });
  });
  return toManaged(ctx, (await findBookingView(ctx.db, tenant.id, current.id))!, token, now);
}
