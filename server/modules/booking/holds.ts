// Short holds on a slot while the citizen fills in the form. A hold is a row of bookings in status
// 'held': it occupies the desk under the same exclusion constraint as a booking, and expires by
// itself (expired holds are ignored by availability and removed when in the way).
import type { AppContext } from '../../platform/context.ts';
import { findService } from '../scheduling/catalogue-repository.ts';
import { formatInstant } from '../scheduling/domain/zoned-time.ts';
import type { Tenant } from '../tenants/repository.ts';
import { findAlternatives } from './availability.ts';
import { parseInstant } from './create-booking.ts';
import { claimDesk, inClaimTransaction, placement, SlotTaken } from './desk-claim.ts';
import { serviceNotFound, slotTakenError } from './errors.ts';

export async function createHold(ctx: AppContext, tenant: Tenant, input: { serviceId: string; start: string }): Promise<{ id: string; expiresAt: string }> {
  const service = await findService(ctx.db, tenant.id, input.serviceId);
  if (!service) throw serviceNotFound();
  const start = parseInstant(input.start);
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + ctx.config.holdMinutes * 60_000);
  try {
    const id = await inClaimTransaction(ctx.db, async (trx) => {
      const claimed = await claimDesk(trx, { tenant, service, start, now });
      const row = await trx
        .insertInto('bookings')
        .values({
          ...placement(tenant.id, service, claimed),
          status: 'held',
          hold_expires_at: expiresAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    });
    return { id, expiresAt: formatInstant(expiresAt.getTime(), tenant.time_zone) };
  } catch (err) {
    if (err instanceof SlotTaken) throw slotTakenError(await findAlternatives(ctx.db, tenant, service, start, now));
    throw err;
  }
}

/** Releases a hold the citizen no longer needs (they picked another time). */
export async function releaseHold(ctx: AppContext, tenant: Tenant, holdId: string): Promise<boolean> {
  const res = await ctx.db.deleteFrom('bookings').where('id', '=', holdId).where('tenant_id', '=', tenant.id).where('status', '=', 'held').executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
