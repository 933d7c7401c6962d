// Choosing a desk for a slot, inside the transaction that writes the booking. The exclusion
// constraint on bookings is what makes overbooking impossible; this code only picks well:
// candidates are the desks whose hours offer the slot, the least loaded free one (by the length of
// its day's spans in desk_days: one row per desk, where counting its bookings read them all) is
// locked with SKIP LOCKED so concurrent bookers spread over desks instead of queueing on one, and a
// transaction that still collides (its snapshot predates a concurrent commit) is retried with a
// fresh snapshot.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { AppContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { appError } from '../../platform/http/errors.ts';
import type { ServiceRow } from '../scheduling/index.ts';
import { bookableWindow, desksOffering } from '../scheduling/index.ts';
import { daysBetween, localDate } from '../../platform/time/zoned-time.ts';
import type { Tenant } from '../../platform/tenants/repository.ts';
import { loadScheduleInputs } from './availability.ts';

export interface ClaimedDesk {
  deskId: string;
  deskNum: number;
  start: Date;
  end: Date;
  blockEnd: Date;
}

export type ScheduleInputs = Awaited<ReturnType<typeof loadScheduleInputs>>;

/** What claimDesk needs of the schedule on the slot's date, read before the transaction opens. */
export function scheduleForClaim(db: Kysely<DB>, tenant: Tenant, service: ServiceRow, start: number): Promise<ScheduleInputs> {
  const date = localDate(start, tenant.time_zone);
  return loadScheduleInputs(db, tenant, service, date, date);
}

/** The columns that place a booking (or hold) on a claimed desk: desk id and number always together. */
export function placement(tenantId: string, service: { id: string; office_id: string }, claimed: ClaimedDesk) {
  return {
    tenant_id: tenantId,
    service_id: service.id,
    office_id: service.office_id,
    desk_id: claimed.deskId,
    desk_num: claimed.deskNum,
    start_at: claimed.start,
    end_at: claimed.end,
    block_end: claimed.blockEnd,
  };
}

export class SlotTaken extends Error {
  constructor() {
    super('slot taken');
  }
}

export const slotUnavailable = () => appError('SLOT_UNAVAILABLE');

export const slotNotOffered = () => appError('SLOT_NOT_OFFERED');

/** Picks and locks a free desk for the slot, or throws SlotTaken; the caller then writes the row. */
export async function claimDesk(
  trx: Transaction<DB>,
  args: { tenant: Tenant; service: ServiceRow; start: number; now: Date; excludeBookingId?: string; ignoreNotice?: boolean; inputs?: ScheduleInputs },
): Promise<ClaimedDesk> {
  const { tenant, service, start, now } = args;
  const tz = tenant.time_zone;
  const date = localDate(start, tz);
  // The desks' hours may be read before the transaction (scheduleForClaim): they only narrow the
  // candidates, the exclusion constraint is what refuses an overlap.
  const inputs = args.inputs ?? (await loadScheduleInputs(trx, tenant, service, date, date));
  const candidates = desksOffering({ ...inputs, now: now.getTime() }, start);
  if (!candidates.length) throw slotNotOffered();
  const window = bookableWindow(now.getTime(), tz, inputs.rules);
  const tooSoon = args.ignoreNotice ? start < now.getTime() : start < window.earliest;
  if (tooSoon || daysBetween(date, window.lastDate) < 0) throw slotUnavailable();

  const startAt = new Date(start);
  const end = new Date(start + service.duration_min * 60_000);
  const blockEnd = new Date(end.getTime() + service.buffer_min * 60_000);

  const exclude = args.excludeBookingId ?? '00000000-0000-0000-0000-000000000000';
  // Expired holds are removed lazily, where they are in the way, by the same statement (the pick
  // already ignores them; the delete is seen by the insert that follows).
  const pick = (mode: 'skip' | 'wait') =>
    sql<{ id: string; num: number }>`
    with expired as (
      delete from bookings where desk_id in (${sql.join(candidates)}) and status = 'held' and hold_expires_at <= ${now}
        and start_at < ${blockEnd} and block_end > ${startAt})
    select d.id, d.num from desks d
    left join desk_days dd on dd.desk_id = d.id and dd.day = ${startAt.toISOString().slice(0, 10)}::date
    where d.tenant_id = ${tenant.id} and d.id in (${sql.join(candidates)})
      and not exists (
        select 1 from bookings b
        where b.desk_id = d.id and b.status <> 'cancelled' and b.id <> ${exclude}
          and (b.status <> 'held' or b.hold_expires_at > ${now})
          and b.start_at < ${blockEnd} and b.block_end > ${startAt})
    order by coalesce(length(dd.spans), 0), d.num
    limit 1
    for update of d ${mode === 'skip' ? sql`skip locked` : sql``}`.execute(trx);

  let chosen = (await pick('skip')).rows[0];
  // Every free desk is being claimed by someone else right now: wait for one; if its holder
  // commits, the insert collides and the whole transaction is retried with fresh data.
  if (!chosen) chosen = (await pick('wait')).rows[0];
  if (!chosen) throw new SlotTaken();
  return { deskId: chosen.id, deskNum: chosen.num, start: startAt, end, blockEnd };
}

function isExclusionViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23P01';
}

/** Runs a claiming transaction, retrying when the exclusion constraint refused a concurrent overlap. */
export async function inClaimTransaction<T>(ctx: AppContext, fn: (trx: Transaction<DB>) => Promise<T>, maxAttempts = 25): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.bus.transaction(ctx.db, fn);
    } catch (err) {
      if (isExclusionViolation(err)) {
        if (attempt < maxAttempts) continue;
        throw new SlotTaken();
      }
      throw err;
    }
  }
}
