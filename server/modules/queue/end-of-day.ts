// After the day: tickets still waiting or parked from an earlier day expire (they count as
// abandoned in the statistics); tickets left "called" or "in service" by an officer who never
// finished them are closed without a service time, so they do not skew the averages.
import { sql } from 'kysely';
import type { AppContext } from '../../platform/context.ts';

export async function closePastDays(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  // The service day is local to each comune; "yesterday or earlier" is safe everywhere with a day's margin.
  const res = await sql<{ n: number }>`
    with closed as (
      update tickets t set
        status = case when t.status in ('waiting', 'parked') then 'expired' else 'done' end,
        finished_at = coalesce(t.finished_at, ${now}),
        updated_at = ${now}
      from tenants n
      where n.id = t.tenant_id
        and t.status in ('waiting', 'parked', 'called', 'serving')
        and t.service_day < (${now}::timestamptz at time zone n.time_zone)::date
      returning t.id)
    select count(*)::int as n from closed`.execute(ctx.db);
  return res.rows[0]?.n ?? 0;
}
