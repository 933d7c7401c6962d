// Short holds on a slot while the citizen fills in the form. A hold is a row of bookings in status
// 'held': it occupies the desk under the same exclusion constraint as a booking, and expires by
// itself (expired holds are ignored by availability and removed when in the way).
import type { AppContext } from '../../platform/context.ts';
import { findService } from '../scheduling/index.ts';
import { formatInstant } from '../../platform/time/zoned-time.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { findAlternatives } from './availability.ts';
import { parseInstant } from './create-booking.ts';
import { claimDesk, inClaimTransaction, placement, scheduleForClaim, SlotTaken } from './desk-claim.ts';
import { serviceNotFound, slotTakenError } from './errors.ts';

export async function createHold(ctx: AppContext, tenant: Tenant, input: { serviceId: string; start: string }): Promise<{ id: string; expiresAt: string }> {
  const service = await findService(ctx.db, tenant.id, input.serviceId);
  if (!service) throw serviceNotFound();
  const start = parseInstant(input.start);
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + ctx.config.holdMinutes * 60_000);
  // The desks' hours are read before the transaction: its locks are held for the writes only.
  const schedule = await scheduleForClaim(ctx.db, tenant, service, start);
  try {
    const id = await inClaimTransaction(ctx, async (trx) => {
      const claimed = await claimDesk(trx, { tenant, service, start, now, inputs: schedule });
      const row = await trx
        .insertInto('bookings')
        .values({
          ...placement(tenant.id, service, claimed),
          status: 'held',
          hold_expires_at: expiresAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Not audited (an anonymous visitor's few minutes), but announced: cached availabilities drop it.
      await ctx.bus.record(trx, {
        tenantId: tenant.id,
        actor: { type: 'citizen' },
        action: 'booking.held',
        entityId: row.id,
        payload: { officeId: service.office_id, serviceId: service.id, start: claimed.start.toISOString() },
      });
      return row.id;
    });
    return { id, expiresAt: formatInstant(expiresAt.getTime(), tenant.time_zone) };
  } catch (err) {
    if (err instanceof SlotTaken) throw slotTakenError(await findAlternatives(ctx, tenant, service, start, now));
    throw err;
  }
}

/** Releases a hold the citizen no longer needs (they picked another time). */
export async function releaseHold(ctx: AppContext, tenant: Tenant, holdId: string): Promise<boolean> {
  return ctx.bus.transaction(ctx.db, async (trx) => {
    const gone = await trx
      .deleteFrom('bookings')
      .where('id', '=', holdId)
      .where('tenant_id', '=', tenant.id)
      .where('status', '=', 'held')
      .returning(['office_id', 'service_id', 'start_at'])
      .executeTakeFirst();
    if (!gone) return false;
    await ctx.bus.record(trx, {
      tenantId: tenant.id,
      actor: { type: 'citizen' },
      action: 'booking.hold-released',
      entityId: holdId,
      payload: { officeId: gone.office_id, serviceId: gone.service_id, start: gone.start_at.toISOString() },
    });
    return true;
  });
}
