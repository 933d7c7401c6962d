// Officer actions on a booking, each one transaction with its audit entry and event; a
// cancellation or approval emails the citizen.
import type { AppContext } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { recordEvent } from '../../platform/events.ts';
import { AppError } from '../../platform/http/errors.ts';
import { newSecret } from '../../platform/security/tokens.ts';
import { queueBookingEmail } from '../booking/emails.ts';
import { bookingNotFound } from '../booking/errors.ts';
import { findBookingView, insertBookingToken, type BookingView } from '../booking/repository.ts';
import { nextStatus, STATUS_LABELS, type OfficerAction } from '../booking/status.ts';
import { assertOffice } from '../operators/policy.ts';
import { createCheckInTicket } from '../queue/check-in.ts';
import type { OperatorPrincipal } from '../operators/sessions.ts';

export async function loadVisibleBooking(ctx: AppContext, op: OperatorPrincipal, bookingId: string): Promise<BookingView> {
  const b = await findBookingView(ctx.db, op.tenantId, bookingId);
  if (!b) throw bookingNotFound();
  assertOffice(op, b.office_id);
  return b;
}

export async function applyOfficerAction(ctx: AppContext, op: OperatorPrincipal, bookingId: string, action: OfficerAction, text?: string): Promise<BookingView> {
  const visible = await loadVisibleBooking(ctx, op, bookingId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('bookings').select(['status']).where('id', '=', visible.id).forUpdate().executeTakeFirstOrThrow();
    const to = nextStatus(locked.status, action);
    if (!to) {
      throw new AppError(
        409,
        'INVALID_TRANSITION',
        `Operazione non possibile: l'appuntamento è ${STATUS_LABELS[locked.status]}.`,
        `Not possible: the booking is ${locked.status}.`,
      );
    }
    const changes =
      action === 'check-in'
        ? { checked_in_at: now }
        : action === 'done'
          ? { done_at: now, outcome_note: text?.trim() || null }
          : action === 'cancel'
            ? { cancelled_at: now, cancelled_by: 'operator' as const, cancel_reason: text?.trim() || null }
            : {};
    await trx
      .updateTable('bookings')
      .set((eb) => ({ status: to, updated_at: now, ...changes, ...(action === 'cancel' || action === 'confirm' ? { ics_sequence: eb('ics_sequence', '+', 1) } : {}) }))
      .where('id', '=', visible.id)
      .execute();
    await audit(trx, {
      tenantId: op.tenantId,
      actorType: 'operator',
      actorId: op.id,
      action: `booking.${action}`,
      entityType: 'booking',
      entityId: visible.id,
      details: { from: locked.status, to, ...(text ? { note: text } : {}) },
    });
    await recordEvent(trx, op.tenantId, `booking.${to}`, visible.id, { officeId: visible.office_id, by: op.id });
    const view = (await findBookingView(trx, op.tenantId, visible.id))!;
    // Checked in at the desk: the citizen joins the office's line like one checked in at the kiosk.
    if (action === 'check-in') await createCheckInTicket(trx, ctx, view, now);
    if (action === 'cancel') await queueBookingEmail(trx, ctx.config, 'cancellation', view, { now, cancelledByOffice: true });
    if (action === 'confirm') {
      const token = newSecret();
      await insertBookingToken(trx, op.tenantId, visible.id, token);
      await queueBookingEmail(trx, ctx.config, 'confirmation', view, { now, token });
    }
  });
  return (await findBookingView(ctx.db, op.tenantId, visible.id))!;
}
