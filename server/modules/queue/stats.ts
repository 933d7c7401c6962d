// Figures for managers: today at a glance, and per day, service and desk over a period (waits,
// service times, no-shows, abandoned tickets), with a CSV export that opens in an Italian
// spreadsheet (semicolons, decimal commas). Waits count from arrival, or from the appointment's
// time for a booked citizen who came early.
import { sql } from 'kysely';
import type { StatsRow, TodayFigures } from '../../../contracts/queue.ts';
import type { AppContext } from '../../platform/context.ts';
import { csvDocument } from '../../platform/csv.ts';

const round1 = (n: number | null) => (n === null || n === undefined ? null : Math.round(Number(n) * 10) / 10);

export async function statsRows(ctx: AppContext, tenantId: string, officeId: string, from: string, to: string, today: string): Promise<StatsRow[]> {
  const res = await sql<{
    day: string;
    service: string;
    desk: string;
    tickets: number;
    served: number;
    no_shows: number;
    abandoned: number;
    avg_wait: number | null;
    max_wait: number | null;
    avg_service: number | null;
  }>`
    select t.service_day::text as day, s.name as service, coalesce(d.name, '—') as desk,
      count(*)::int as tickets,
      (count(*) filter (where t.status = 'done'))::int as served,
      (count(*) filter (where t.status = 'no_show'))::int as no_shows,
      (count(*) filter (where t.status in ('left', 'expired') or (t.status = 'waiting' and t.service_day < ${today}::date)))::int as abandoned,
      avg(greatest(0, extract(epoch from t.called_at - greatest(t.created_at, coalesce(t.appointment_at, t.created_at)))) / 60) filter (where t.called_at is not null) as avg_wait,
      max(greatest(0, extract(epoch from t.called_at - greatest(t.created_at, coalesce(t.appointment_at, t.created_at)))) / 60) filter (where t.called_at is not null) as max_wait,
      avg(t.served_seconds / 60.0) filter (where t.status = 'done' and t.served_seconds > 0) as avg_service
    from tickets t
    join services s on s.id = t.service_id
    left join desks d on d.id = t.desk_id
    where t.tenant_id = ${tenantId} and t.office_id = ${officeId} and t.service_day between ${from}::date and ${to}::date
    group by 1, 2, 3
    order by 1, 2, 3`.execute(ctx.db);
  return res.rows.map((r) => ({
    day: r.day,
    service: r.service,
    desk: r.desk,
    tickets: r.tickets,
    served: r.served,
    noShows: r.no_shows,
    abandoned: r.abandoned,
    avgWaitMinutes: round1(r.avg_wait),
    maxWaitMinutes: round1(r.max_wait),
    avgServiceMinutes: round1(r.avg_service),
  }));
}

export async function todayFigures(ctx: AppContext, tenantId: string, officeId: string, today: string): Promise<TodayFigures> {
  const res = await sql<{
    taken: number;
    waiting: number;
    in_service: number;
    served: number;
    no_shows: number;
    abandoned: number;
    avg_wait: number | null;
    avg_service: number | null;
    open_desks: number;
  }>`
    select
      count(*)::int as taken,
      (count(*) filter (where t.status = 'waiting'))::int as waiting,
      (count(*) filter (where t.status in ('called', 'serving')))::int as in_service,
      (count(*) filter (where t.status = 'done'))::int as served,
      (count(*) filter (where t.status = 'no_show'))::int as no_shows,
      (count(*) filter (where t.status in ('left', 'expired')))::int as abandoned,
      avg(greatest(0, extract(epoch from t.called_at - greatest(t.created_at, coalesce(t.appointment_at, t.created_at)))) / 60) filter (where t.called_at is not null) as avg_wait,
      avg(t.served_seconds / 60.0) filter (where t.status = 'done' and t.served_seconds > 0) as avg_service,
      (select count(*)::int from desk_sessions ds join desks d on d.id = ds.desk_id where d.office_id = ${officeId} and ds.ended_at is null) as open_desks
    from tickets t
    where t.tenant_id = ${tenantId} and t.office_id = ${officeId} and t.service_day = ${today}::date`.execute(ctx.db);
  const r = res.rows[0]!;
  return {
    taken: r.taken,
    waiting: r.waiting,
    inService: r.in_service,
    served: r.served,
    noShows: r.no_shows,
    abandoned: r.abandoned,
    avgWaitMinutes: round1(r.avg_wait),
    avgServiceMinutes: round1(r.avg_service),
    openDesks: r.open_desks,
  };
}

/** A spreadsheet cell: quoted when needed, and never read as a formula (CSV injection). */
export function statsCsv(rows: StatsRow[]): string {
  const header = ['Giorno', 'Servizio', 'Sportello', 'Numeri', 'Serviti', 'Non presentati', 'Abbandonati', 'Attesa media (min)', 'Attesa massima (min)', 'Servizio medio (min)'];
  return csvDocument(
    header,
    rows.map((r) => [r.day, r.service, r.desk, r.tickets, r.served, r.noShows, r.abandoned, r.avgWaitMinutes, r.maxWaitMinutes, r.avgServiceMinutes]),
  );
}
