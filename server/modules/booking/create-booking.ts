// Booking creation: the hold (if any) becomes the booking, or a desk is claimed, in one transaction
// that also writes the manage token, the idempotency key, the audit entry, the event and the email.
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { BookingCreated, BookingRequest } from '../../../contracts/booking.ts';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { appError } from '../../platform/http/errors.ts';
import { newSecret } from '../../platform/security/tokens.ts';
import { findService, type ServiceRow } from '../scheduling/index.ts';
import { formatInstant } from '../../platform/time/zoned-time.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { findAlternatives } from './availability.ts';
import { claimDesk, inClaimTransaction, placement, SlotTaken, type ClaimedDesk } from './desk-claim.ts';
import { bookingNotice } from './emails.ts';
import { bookingEventPayload } from './lifecycle.ts';
import { idempotencyMismatch, limitReached, serviceNotFound, slotTakenError } from './errors.ts';
import { citizenVideoUrl, manageUrl } from './links.ts';
import { newReference } from './reference.ts';
import { findBookingView, insertBookingToken } from './repository.ts';

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

async function lock(trx: Transaction<DB>, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/** Active bookings per citizen and service are limited; the advisory lock makes count-and-insert atomic per citizen. */
async function enforceCitizenLimit(trx: Transaction<DB>, tenant: Tenant, service: ServiceRow, email: string, fiscalCode: string | undefined, now: Date): Promise<void> {
  const who = fiscalCode ? `cf:${fiscalCode.toUpperCase()}` : `email:${email.toLowerCase()}`;
  await lock(trx, `limit:${tenant.id}:${service.id}:${who}`);
  const row = await trx
    .selectFrom('bookings')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('tenant_id', '=', tenant.id)
    .where('service_id', '=', service.id)
    .where('status', 'in', ['pending', 'confirmed'])
    .where('start_at', '>', now)
    .where((eb) => (fiscalCode ? eb('fiscal_code', '=', fiscalCode.toUpperCase()) : eb(sql`lower(applicant_email)`, '=', email.toLowerCase())))
    .executeTakeFirstOrThrow();
  if (row.n >= service.max_active_per_citizen) throw limitReached(service.max_active_per_citizen);
}

async function takeHold(trx: Transaction<DB>, tenant: Tenant, service: ServiceRow, holdId: string, start: number, now: Date): Promise<ClaimedDesk | null> {
  const hold = await trx
    .selectFrom('bookings')
    .select(['id', 'desk_id', 'desk_num', 'start_at', 'end_at', 'block_end'])
    .where('id', '=', holdId)
    .where('tenant_id', '=', tenant.id)
    .where('service_id', '=', service.id)
    .where('status', '=', 'held')
    .where('hold_expires_at', '>', now)
    .where('start_at', '=', new Date(start))
    .forUpdate()
    .executeTakeFirst();
  if (!hold) return null;
  // The hold's row is reused: it already occupies the desk, so it cannot be lost in between.
  await trx.deleteFrom('bookings').where('id', '=', hold.id).execute();
  return { deskId: hold.desk_id, deskNum: hold.desk_num, start: hold.start_at, end: hold.end_at, blockEnd: hold.block_end };
}

export async function createBooking(ctx: AppContext, tenant: Tenant, input: BookingRequest, opts: CreateOptions): Promise<{ booking: BookingCreated; replayed: boolean }> {
  const service = await findService(ctx.db, tenant.id, input.serviceId);
  if (!service) throw serviceNotFound();
  const start = parseInstant(input.start);
  const now = ctx.clock.now();
  const requestHash = createHash('sha256')
    .update(JSON.stringify({ ...input, holdId: undefined }))
    .digest('hex');
  const token = newSecret();

  let result: { bookingId: string; replayed: boolean };
  try {
    result = await inClaimTransaction(ctx, async (trx) => {
      if (opts.idempotencyKey) {
        await lock(trx, `idem:${tenant.id}:${opts.idempotencyKey}`);
        const existing = await trx
          .selectFrom('idempotency_keys')
          .select(['booking_id', 'request_hash'])
          .where('tenant_id', '=', tenant.id)
          .where('key', '=', opts.idempotencyKey)
          .executeTakeFirst();
        if (existing) {
          if (existing.request_hash !== requestHash) throw idempotencyMismatch();
          // The first response's token is not stored in clear; the replay gets a fresh link to the same booking.
          await insertBookingToken(trx, tenant.id, existing.booking_id, token);
          return { bookingId: existing.booking_id, replayed: true };
        }
      }
      await enforceCitizenLimit(trx, tenant, service, input.applicant.email, opts.fiscalCode, now);
      const claimed =
        (input.holdId && (await takeHold(trx, tenant, service, input.holdId, start, now))) ||
        (await claimDesk(trx, { tenant, service, start, now, ignoreNotice: opts.channel === 'operator' }));
      const status = service.requires_approval && opts.channel === 'web' ? 'pending' : 'confirmed';
      const row = await trx
        .insertInto('bookings')
        .values({
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
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertBookingToken(trx, tenant.id, row.id, token);
      if (opts.idempotencyKey) {
        await trx.insertInto('idempotency_keys').values({ tenant_id: tenant.id, key: opts.idempotencyKey, request_hash: requestHash, booking_id: row.id }).execute();
      }
      const view = (await findBookingView(trx, tenant.id, row.id))!;
      const actor = { type: opts.channel === 'operator' ? ('operator' as const) : ('citizen' as const), id: opts.operatorId ?? opts.citizenId ?? input.applicant.email };
      const notice = await bookingNotice(ctx.config, status === 'pending' ? 'request' : 'confirmation', view, { now, token });
      await ctx.bus.record(trx, {
        tenantId: tenant.id,
        actor,
        action: 'booking.created',
        entityId: row.id,
        details: { serviceId: service.id, start: claimed.start.toISOString(), channel: opts.channel, deskId: claimed.deskId },
        payload: bookingEventPayload(view, actor),
        notices: notice ? [notice] : [],
      });
      return { bookingId: row.id, replayed: false };
    });
  } catch (err) {
    if (err instanceof SlotTaken) {
      ctx.metrics.bookings.inc({ outcome: 'slot_taken' });
      throw slotTakenError(await findAlternatives(ctx.db, tenant, service, start, now));
    }
    throw err;
  }
  ctx.metrics.bookings.inc({ outcome: result.replayed ? 'replayed' : 'created' });
  const view = (await findBookingView(ctx.db, tenant.id, result.bookingId))!;
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
