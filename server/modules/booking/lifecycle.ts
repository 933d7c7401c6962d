// The one owner of a booking's life after it is made: every change of status or time goes through
// `changeBooking`, whoever asks (the officer's agenda, a check-in at the kiosk or from the phone, the
// end of a video meeting, the citizen's manage link). It locks the row, applies the state rule
// (domain/status), writes the columns of the change, moves the calendar SEQUENCE on (every change
// of a booking is a new version of its .ics event), and records the audit entry, the domain event
// and the citizen's message in the caller's transaction.
import type { Transaction } from 'kysely';
import type { ActionName, EventName } from '../../../contracts/activity.ts';
import type { AppContext } from '../../platform/context.ts';
import type { BookingStatus, DB } from '../../platform/db/schema.ts';
import { appError } from '../../platform/http/errors.ts';
import { newSecret } from '../../platform/security/tokens.ts';
import type { Actor } from '../../platform/bus.ts';
import { assertOffice } from '../../platform/staff/policy.ts';
import type { OperatorPrincipal } from '../../platform/staff/sessions.ts';
import type { ClaimedDesk } from './desk-claim.ts';
import { BOOKING_STATUS_WORDS } from '../../../contracts/statuses.ts';
import { nextStatus, type BookingAction } from './domain/status.ts';
import { bookingNotice } from './emails.ts';
import { bookingNotFound } from './errors.ts';
import { findBookingView, insertBookingToken, type BookingView } from './repository.ts';

export type BookingActor = Actor;

export type BookingChange =
  | { action: 'confirm' }
  | { action: 'check-in'; via: 'desk' | 'kiosk' | 'citizen' }
  | { action: 'no-show' }
  | { action: 'done'; note?: string | null; via?: 'agenda' | 'video' }
  | { action: 'cancel'; reason?: string | null }
  /** `claim` runs after the lock and the guard: the new desk and times, or a SlotTaken throw. */
  | { action: 'reschedule'; claim: (trx: Transaction<DB>, locked: LockedBooking) => Promise<ClaimedDesk> };

export interface LockedBooking {
  status: BookingStatus;
  start_at: Date;
}

export interface ChangeRequest {
  tenantId: string;
  bookingId: string;
  change: BookingChange;
  actor: BookingActor;
  now: Date;
  /** Checked on the locked row before anything is written (e.g. the citizen's cut-off). */
  guard?: (locked: LockedBooking) => void;
  /**
   * `throw` (default): a change the status does not allow is a 409 INVALID_TRANSITION.
   * `ignore`: nothing happens (a video meeting ended after the booking was closed elsewhere).
   */
  whenNotAllowed?: 'throw' | 'ignore';
  /** The citizen's manage link in use, put in the email of a rescheduling. */
  token?: string;
}

export interface ChangeResult {
  changed: boolean;
  from: BookingStatus;
  view: BookingView;
}

const ACTION_NAMES: Record<BookingAction, ActionName & EventName> = {
  confirm: 'booking.confirmed',
  'check-in': 'booking.checked-in',
  'no-show': 'booking.missed',
  done: 'booking.completed',
  cancel: 'booking.cancelled',
  reschedule: 'booking.rescheduled',
};

export const invalidTransition = (status: BookingStatus) => appError('INVALID_TRANSITION', { params: { status: BOOKING_STATUS_WORDS[status] } });

/** Applies one change to one booking inside the caller's transaction. */
export async function changeBooking(trx: Transaction<DB>, ctx: AppContext, req: ChangeRequest): Promise<ChangeResult> {
  const { change, now } = req;
  const locked = await trx
    .selectFrom('bookings')
    .select(['status', 'start_at'])
    .where('id', '=', req.bookingId)
    .where('tenant_id', '=', req.tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!locked) throw bookingNotFound();
  req.guard?.(locked);
  const unchanged = async (): Promise<ChangeResult> => ({ changed: false, from: locked.status, view: (await findBookingView(trx, req.tenantId, req.bookingId))! });
  // A second cancellation by the citizen, or a move to the time it already has, changes nothing and
  // emails nobody.
  if (change.action === 'cancel' && locked.status === 'cancelled' && req.actor.type === 'citizen') return unchanged();
  const to = nextStatus(locked.status, change.action);
  if (!to) {
    if (req.whenNotAllowed === 'ignore') return unchanged();
    throw invalidTransition(locked.status);
  }
  const columns = await changeColumns(trx, change, locked, req.actor, now);
  if (!columns) return unchanged();
  await trx
    .updateTable('bookings')
    .set((eb) => ({ ...columns, status: to, updated_at: now, ics_sequence: eb('ics_sequence', '+', 1) }))
    .where('id', '=', req.bookingId)
    .execute();
  const view = (await findBookingView(trx, req.tenantId, req.bookingId))!;
  const details = changeDetails(change, locked, view, to);
  const notice = await citizenNotice(trx, ctx, req, view, locked);
  await ctx.bus.record(trx, {
    tenantId: req.tenantId,
    actor: req.actor,
    action: ACTION_NAMES[change.action],
    entityId: req.bookingId,
    details,
    payload: bookingEventPayload(view, req.actor, locked.status),
    notices: notice ? [notice] : [],
  });
  return { changed: true, from: locked.status, view };
}

async function changeColumns(trx: Transaction<DB>, change: BookingChange, locked: LockedBooking, actor: BookingActor, now: Date) {
  switch (change.action) {
    case 'confirm':
    case 'no-show':
      return {};
    case 'check-in':
      return { checked_in_at: now };
    case 'done':
      return { done_at: now, outcome_note: change.note?.trim() || null };
    case 'cancel':
      return { cancelled_at: now, cancelled_by: actor.type === 'citizen' ? ('citizen' as const) : ('operator' as const), cancel_reason: change.reason?.trim() || null };
    case 'reschedule': {
      const claimed = await change.claim(trx, locked);
      if (claimed.start.getTime() === locked.start_at.getTime()) return null;
      return {
        start_at: claimed.start,
        end_at: claimed.end,
        block_end: claimed.blockEnd,
        desk_id: claimed.deskId,
        desk_num: claimed.deskNum,
        // Moved to less than a day ahead: no "tomorrow" reminder any more.
        reminder_sent: claimed.start.getTime() - now.getTime() < 24 * 3_600_000,
      };
    }
  }
}

function changeDetails(change: BookingChange, locked: LockedBooking, view: BookingView, to: BookingStatus): Record<string, unknown> {
  switch (change.action) {
    case 'reschedule':
      return { from: locked.start_at.toISOString(), to: view.start_at.toISOString() };
    case 'cancel':
      return { from: locked.status, to, reason: view.cancel_reason };
    case 'done':
      return { from: locked.status, to, ...(view.outcome_note ? { note: view.outcome_note } : {}), ...(change.via ? { via: change.via } : {}) };
    case 'check-in':
      return { from: locked.status, to, via: change.via };
    default:
      return { from: locked.status, to };
  }
}

/** The payload of a booking's events: where, what, which status, who. */
export function bookingEventPayload(view: BookingView, actor: BookingActor, from?: BookingStatus) {
  return {
    officeId: view.office_id,
    serviceId: view.service_id,
    status: view.status,
    ...(from ? { from } : {}),
    start: view.start_at.toISOString(),
    by: actor.type,
  };
}

/** What the citizen is told: a cancellation, an approval (with a fresh link), a new time. */
async function citizenNotice(trx: Transaction<DB>, ctx: AppContext, req: ChangeRequest, view: BookingView, locked: LockedBooking) {
  switch (req.change.action) {
    case 'cancel':
      return bookingNotice(ctx.config, 'cancellation', view, { now: req.now, cancelledByOffice: req.actor.type === 'operator' });
    case 'confirm': {
      const token = newSecret();
      await insertBookingToken(trx, req.tenantId, view.id, token);
      return bookingNotice(ctx.config, 'confirmation', view, { now: req.now, token });
    }
    case 'reschedule':
      return bookingNotice(ctx.config, 'reschedule', view, { now: req.now, token: req.token, previousStart: locked.start_at });
    default:
      return null;
  }
}

/** A booking an officer may see: their comune's, in one of their offices; otherwise not found. */
export async function loadVisibleBooking(ctx: AppContext, op: OperatorPrincipal, bookingId: string): Promise<BookingView> {
  const b = await findBookingView(ctx.db, op.tenantId, bookingId);
  if (!b) throw bookingNotFound();
  assertOffice(op, b.office_id);
  return b;
}

/** An officer's action from the agenda, in a transaction of its own; `after` runs inside it (the queue's ticket of a check-in). */
export async function applyOfficerAction(
  ctx: AppContext,
  op: OperatorPrincipal,
  bookingId: string,
  change: Exclude<BookingChange, { action: 'reschedule' }>,
  after?: (trx: Transaction<DB>, result: ChangeResult) => Promise<void>,
): Promise<BookingView> {
  const visible = await loadVisibleBooking(ctx, op, bookingId);
  const now = ctx.clock.now();
  return ctx.bus.transaction(ctx.db, async (trx) => {
    const result = await changeBooking(trx, ctx, { tenantId: op.tenantId, bookingId: visible.id, change, actor: { type: 'operator', id: op.id }, now });
    await after?.(trx, result);
    return (await findBookingView(trx, op.tenantId, visible.id))!;
  });
}
