// A booked citizen arrives: at the kiosk (booking reference typed, or the QR code of the
// confirmation email read by the kiosk's scanner), from their phone (the "I have arrived" link of the
// email), or at the desk (the officer's check-in in the agenda). The booking becomes "checked in"
// and, when its service has a queue at the office, a ticket joins the line: at the appointment's
// time it goes ahead of walk-ins; arriving after the late limit, it waits as a walk-in.
import type { Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { newSecret } from '../../platform/security/tokens.ts';
import { type BookingView, changeBooking, findBookingIdByToken, findBookingView } from '../booking/index.ts';
import { localDate } from '../../platform/time/zoned-time.ts';
import { ticketNumber } from './domain/ticket-status.ts';
import { alreadyCheckedIn, checkInNotFound, checkInNotPossible, checkInNotToday } from './errors.ts';
import { findOfficeSettings, findServiceQueue, insertTicketEvent, insertTicketToken, nextTicketSeq } from './repository.ts';
import { ticketNotice } from './ticket-emails.ts';

export interface CheckedIn {
  bookingId: string;
  /** The ticket in the line; null when the service has no queue at this office. */
  ticket: { id: string; token: string; number: string } | null;
}

/** Self check-in from the phone opens this long before the appointment (the kiosk: all day). */
export const SELF_CHECK_IN_BEFORE_MIN = 60;

/**
 * Writes the ticket of a booking checked in now, inside the caller's transaction (also used by the
 * agenda's check-in). The booking's row must already be locked by the caller.
 */
export async function createCheckInTicket(trx: Transaction<DB>, ctx: AppContext, b: BookingView, now: Date): Promise<CheckedIn['ticket']> {
  if (b.service_mode === 'video') return null;
  const q = await findServiceQueue(trx, b.tenant_id, b.service_id);
  if (!q?.queue_active || q.office_id !== b.office_id) return null;
  const office = (await findOfficeSettings(trx, b.tenant_id, b.office_id))!;
  const day = localDate(now.getTime(), b.time_zone);
  const late = now.getTime() > b.start_at.getTime() + office.queue_late_min * 60_000;
  const token = newSecret();
  const seq = await nextTicketSeq(trx, b.tenant_id, q.queue_id, day);
  const ticket = await trx
    .insertInto('tickets')
    .values({
      tenant_id: b.tenant_id,
      office_id: b.office_id,
      queue_id: q.queue_id,
      service_id: b.service_id,
      service_day: day,
      seq,
      number: ticketNumber(q.prefix, seq),
      source: 'booking',
      booking_id: b.id,
      booking_reference: b.reference,
      citizen_name: [b.applicant_name, b.applicant_surname].filter(Boolean).join(' ') || null,
      appointment_at: b.start_at,
      late,
      status: 'waiting',
      sort_at: now,
      email: b.applicant_email,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertTicketToken(trx, b.tenant_id, ticket.id, token);
  await insertTicketEvent(trx, { tenantId: b.tenant_id, ticketId: ticket.id, type: 'checked_in', details: { bookingId: b.id, late }, at: now });
  const notice = await ticketNotice(
    trx,
    ctx.config,
    {
      tenant: { id: b.tenant_id, slug: b.tenant_slug, name: b.tenant_name, branding: b.tenant_branding },
      officeName: b.office_name,
      officeAddress: b.office_address,
      queueKind: q.kind,
    },
    ticket,
    { kind: 'taken', token },
  );
  await ctx.bus.record(trx, {
    tenantId: b.tenant_id,
    actor: { type: 'system' },
    action: 'ticket.taken',
    entityId: ticket.id,
    details: { number: ticket.number, source: 'booking', bookingId: b.id, late },
    payload: { officeId: b.office_id, queueId: q.queue_id, number: ticket.number, status: ticket.status },
    notices: notice ? [notice] : [],
  });
  return { id: ticket.id, token, number: ticket.number };
}

/**
 * The booking a kiosk was given: the QR code's link (or its token), or the reference typed. `byToken`
 * says whether the secret link was shown (the reference alone is no proof of being the citizen).
 */
export async function findBookingForKiosk(
  ctx: AppContext,
  tenantId: string,
  officeId: string,
  input: { reference?: string; code?: string },
): Promise<{ booking: BookingView; byToken: boolean }> {
  let id: string | undefined;
  if (input.code) {
    const token = /\/appuntamento\/([A-Za-z0-9_-]{20,100})/.exec(input.code)?.[1] ?? (/^[A-Za-z0-9_-]{20,100}$/.test(input.code.trim()) ? input.code.trim() : undefined);
    if (token) id = await findBookingIdByToken(ctx.db, tenantId, token);
  } else if (input.reference) {
    const reference = input.reference.trim().toUpperCase().replace(/\s+/g, '');
    id = (await ctx.db.selectFrom('bookings').select('id').where('tenant_id', '=', tenantId).where('reference', '=', reference).executeTakeFirst())?.id;
  }
  const b = id ? await findBookingView(ctx.db, tenantId, id) : undefined;
  if (!b || b.office_id !== officeId) throw checkInNotFound();
  return { booking: b, byToken: Boolean(input.code) };
}

/** `byToken`: the citizen showed a secret link (QR code, manage link); only then does a second check-in hand out the ticket's page again. */
export async function checkIn(ctx: AppContext, b: BookingView, via: 'kiosk' | 'citizen', byToken = true): Promise<CheckedIn> {
  const now = ctx.clock.now();
  if (localDate(b.start_at.getTime(), b.time_zone) !== localDate(now.getTime(), b.time_zone)) throw checkInNotToday();
  if (via === 'citizen' && now.getTime() < b.start_at.getTime() - SELF_CHECK_IN_BEFORE_MIN * 60_000) throw checkInNotToday();
  return ctx.bus.transaction(ctx.db, async (trx) => {
    const locked = await trx.selectFrom('bookings').select('status').where('id', '=', b.id).forUpdate().executeTakeFirstOrThrow();
    if (locked.status === 'checked_in') {
      // Scanned twice: the same ticket, with a fresh link for this screen.
      const existing = await trx.selectFrom('tickets').select(['id', 'number']).where('booking_id', '=', b.id).executeTakeFirst();
      if (!existing) return { bookingId: b.id, ticket: null };
      // A reference typed twice gets the number, not a fresh secret for someone else's ticket.
      if (!byToken) throw alreadyCheckedIn(existing.number);
      const token = newSecret();
      await insertTicketToken(trx, b.tenant_id, existing.id, token);
      return { bookingId: b.id, ticket: { id: existing.id, token, number: existing.number } };
    }
    if (b.service_mode === 'video' || locked.status !== 'confirmed') throw checkInNotPossible(locked.status);
    const r = await changeBooking(trx, ctx, { tenantId: b.tenant_id, bookingId: b.id, change: { action: 'check-in', via }, actor: { type: 'citizen', id: null }, now });
    return { bookingId: b.id, ticket: await createCheckInTicket(trx, ctx, r.view, now) };
  });
}
