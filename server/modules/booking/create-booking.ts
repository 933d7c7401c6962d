// Booking creation: the hold (if any) becomes the booking, or a desk is claimed, in one transaction
// that also writes the manage token, the idempotency key, the audit entry, the event and the email.
import { createHash, randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { BookingCreated, BookingRequest } from '../../../contracts/booking.ts';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { appError } from '../../platform/http/errors.ts';
import { hashSecret, newSecret } from '../../platform/security/tokens.ts';
import { findService, type ServiceRow } from '../scheduling/index.ts';
import { formatInstant, localDate } from '../../platform/time/zoned-time.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { findAlternatives } from './availability.ts';
import { claimDesk, inClaimTransaction, placement, scheduleForClaim, SlotTaken, type ClaimedDesk, type ScheduleInputs } from './desk-claim.ts';
import { bookingNotice } from './emails.ts';
import { bookingEventPayload } from './lifecycle.ts';
import { idempotencyMismatch, limitReached, serviceNotFound, slotTakenError } from './errors.ts';
import { citizenVideoUrl, manageUrl } from './links.ts';
import { newReference } from './reference.ts';
import { scheduleCache } from './schedule-cache.ts';
import { type BookingView, findBookingView, insertBookingToken, NEW_BOOKING, newBookingView } from './repository.ts';

export interface CreateOptions {
  idempotencyKey?: string;
  channel: 'web' | 'operator';
  operatorId?: string;
  fiscalCode?: string;
  /** The logged-in citizen (their personal area lists what they did). */
  citizenId?: string;
}

export function parseInstant(value: string, field = 'start'): number {
  const t = Date.parse(value);
  if (!Number.isFinite(t) || !/(Z|[+-]\d{2}:\d{2})$/i.test(value)) {
    throw appError('INVALID_START', {
      extra: {
        fields: [{ field, message: 'ISO 8601 with offset' }],
      },
    });
  }
  return t;
}

/**
 * The citizen's advisory locks (idempotency key, per-citizen limit), then the earlier request with
 * the same key and the citizen's active bookings, read after the locks are held: one round trip
 * (booking_guard, migration 013, says why the reads need statements of their own).
 */
async function lockAndCheck(
  trx: Transaction<DB>,
  tenant: Tenant,
  service: ServiceRow,
  opts: CreateOptions,
  email: string,
  now: Date,
): Promise<{ existing?: { booking_id: string; request_hash: string }; active: number }> {
  const fiscalCode = opts.fiscalCode?.toUpperCase() ?? null;
  const who = fiscalCode ? `cf:${fiscalCode}` : `email:${email}`;
  const idemLock = opts.idempotencyKey ? `idem:${tenant.id}:${opts.idempotencyKey}` : null;
  const { rows } = await sql<{ booking_id: string | null; request_hash: string | null; active: number }>`
    select booking_id, request_hash, active from booking_guard(${idemLock}, ${`limit:${tenant.id}:${service.id}:${who}`}, ${tenant.id}, ${service.id},
      ${opts.idempotencyKey ?? null}, ${fiscalCode}, ${email}, ${now})`.execute(trx);
  const row = rows[0]!;
  return { existing: row.booking_id && row.request_hash ? { booking_id: row.booking_id, request_hash: row.request_hash } : undefined, active: row.active };
}

/** The hold's row is reused: it already occupies the desk, so it cannot be lost in between. Deleting it locks and returns it. */
async function takeHold(trx: Transaction<DB>, tenant: Tenant, service: ServiceRow, holdId: string, start: number, now: Date): Promise<ClaimedDesk | null> {
  const hold = await trx
    .deleteFrom('bookings')
    .where('id', '=', holdId)
    .where('tenant_id', '=', tenant.id)
    .where('service_id', '=', service.id)
    .where('status', '=', 'held')
    .where('hold_expires_at', '>', now)
    .where('start_at', '=', new Date(start))
    .returning(['desk_id', 'desk_num', 'start_at', 'end_at', 'block_end'])
    .executeTakeFirst();
  if (!hold) return null;
  return { deskId: hold.desk_id, deskNum: hold.desk_num, start: hold.start_at, end: hold.end_at, blockEnd: hold.block_end };
}

export async function createBooking(ctx: AppContext, tenant: Tenant, input: BookingRequest, opts: CreateOptions): Promise<{ booking: BookingCreated; replayed: boolean }> {
  const start = parseInstant(input.start);
  // The service and that day's hours come from this node's short-lived cache when a booking of the
  // same day read them a moment ago (schedule-cache.ts): read before the transaction either way.
  const cache = scheduleCache(ctx);
  const cacheKey = `${tenant.id}:${input.serviceId}:${localDate(start, tenant.time_zone)}`;
  const cached = cache.get<{ service: ServiceRow; schedule: ScheduleInputs }>(cacheKey);
  const service = cached?.service ?? (await findService(ctx.db, tenant.id, input.serviceId));
  if (!service) throw serviceNotFound();
  const now = ctx.clock.now();
  const requestHash = createHash('sha256')
    .update(JSON.stringify({ ...input, holdId: undefined }))
    .digest('hex');
  const token = newSecret();
  // Read before the transaction, so its locks are held for the writes only: the desks' hours that day.
  const schedule = cached?.schedule ?? (await scheduleForClaim(ctx.db, tenant, service, start));
  if (!cached) cache.set(cacheKey, { service, schedule });

  let result: { bookingId: string; replayed: boolean; view?: BookingView };
  try {
    result = await inClaimTransaction(ctx, async (trx) => {
      const check = await lockAndCheck(trx, tenant, service, opts, input.applicant.email.toLowerCase(), now);
      if (check.existing) {
        if (check.existing.request_hash !== requestHash) throw idempotencyMismatch();
        // The first response's token is not stored in clear; the replay gets a fresh link to the same booking.
        await insertBookingToken(trx, tenant.id, check.existing.booking_id, token);
        return { bookingId: check.existing.booking_id, replayed: true };
      }
      if (check.active >= service.max_active_per_citizen) throw limitReached(service.max_active_per_citizen);
      const claimed =
        (input.holdId && (await takeHold(trx, tenant, service, input.holdId, start, now))) ||
        (await claimDesk(trx, { tenant, service, start, now, ignoreNotice: opts.channel === 'operator', inputs: schedule }));
      const status = service.requires_approval && opts.channel === 'web' ? 'pending' : 'confirmed';
      // The row, its manage token and the idempotency key, and the booking as every view reads it,
      // in one statement (the id is made here so the inserts need not wait for each other).
      const id = randomUUID();
      const booking = trx
        .insertInto('bookings')
        .values({
          id,
          ...placement(tenant.id, service, claimed),
          reference: newReference(tenant.reference_prefix),
          status,
          applicant_name: input.applicant.name.trim(),
          applicant_surname: input.applicant.surname.trim(),
          applicant_email: input.applicant.email.trim(),
          applicant_address: input.applicant.address?.trim() || null,
          fiscal_code: opts.fiscalCode?.toUpperCase() ?? null,
          reason: input.reason?.trim() || null,
          details: input.details?.trim() || null,
          channel: opts.channel,
          created_by: opts.operatorId ?? null,
          // A booking made less than a day ahead gets no "tomorrow" reminder.
          reminder_sent: claimed.start.getTime() - now.getTime() < 24 * 3_600_000,
        })
        .returningAll();
      const tokenRow = trx.insertInto('booking_tokens').values({ token_hash: hashSecret(token), tenant_id: tenant.id, booking_id: id });
      const idem = opts.idempotencyKey
        ? sql`, k as (${trx.insertInto('idempotency_keys').values({ tenant_id: tenant.id, key: opts.idempotencyKey, request_hash: requestHash, booking_id: id })})`
        : sql``;
      const { rows } = await sql<BookingView>`with ${sql.table(NEW_BOOKING)} as (${booking}), t as (${tokenRow}) ${idem} ${newBookingView(trx, id)}`.execute(trx);
      const view = rows[0]!;
      const actor = { type: opts.channel === 'operator' ? ('operator' as const) : ('citizen' as const), id: opts.operatorId ?? opts.citizenId ?? input.applicant.email };
      const notice = await bookingNotice(ctx.config, status === 'pending' ? 'request' : 'confirmation', view, { now, token });
      await ctx.bus.record(trx, {
        tenantId: tenant.id,
        actor,
        action: 'booking.created',
        entityId: id,
        details: { serviceId: service.id, start: claimed.start.toISOString(), channel: opts.channel, deskId: claimed.deskId },
        payload: bookingEventPayload(view, actor),
        notices: notice ? [notice] : [],
      });
      return { bookingId: id, replayed: false, view };
    });
  } catch (err) {
    if (err instanceof SlotTaken) {
      ctx.metrics.bookings.inc({ outcome: 'slot_taken' });
      throw slotTakenError(await findAlternatives(ctx, tenant, service, start, now));
    }
    throw err;
  }
  ctx.metrics.bookings.inc({ outcome: result.replayed ? 'replayed' : 'created' });
  // A new booking answers with what it wrote; a replay reads the booking made the first time.
  const view = result.view ?? (await findBookingView(ctx.db, tenant.id, result.bookingId))!;
  return { booking: toCreated(ctx, view, token), replayed: result.replayed };
}

export function toCreated(ctx: AppContext, view: NonNullable<Awaited<ReturnType<typeof findBookingView>>>, token: string): BookingCreated {
  return {
    id: view.id,
    reference: view.reference!,
    start: formatInstant(view.start_at.getTime(), view.time_zone),
    end: formatInstant(view.end_at.getTime(), view.time_zone),
    status: view.status,
    manageUrl: manageUrl(ctx.config, view.tenant_slug, token),
    ...(view.service_mode === 'video' ? { videoUrl: citizenVideoUrl(ctx.config, view.tenant_slug, token) } : {}),
  };
}
