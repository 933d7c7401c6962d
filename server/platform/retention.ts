// Retention of the platform's working rows (see "Retention" in docs/ARCHITECTURE.md, for the privacy
// notice): finished jobs after RETENTION_JOBS_DAYS, domain events after RETENTION_EVENTS_DAYS, emails
// of the outbox (addresses, texts) after RETENTION_MAIL_DAYS. Deleted in small batches, each its own
// statement, so a first run over a large backlog never holds locks for long; a run stops after a
// bounded number of batches and the next one goes on. Never the audit log (append-only: its
// triggers refuse deletes), nor bookings, tickets or citizens' messages, which follow their own rules.
// Ages are measured on the database's clock, which wrote the rows.
import { sql } from 'kysely';
import { DELIVER_JOB } from './bus.ts';
import type { AppContext } from './context.ts';
import type { ScheduledTask } from './module.ts';

const BATCH = 1000;
const MAX_BATCHES = 50;

type Table = 'jobs' | 'events' | 'mail_outbox';

function statement(table: Table, days: number, batch: number) {
  const cutoff = sql`now() - make_interval(days => ${days})`;
  switch (table) {
    case 'jobs':
      // Finished ones only: a queued job is work still to do, however old.
      return sql`delete from jobs where id in (
        select id from jobs where state in ('done', 'failed') and finished_at < ${cutoff}
        order by id limit ${batch} for update skip locked)`;
    case 'events':
      // Not while a durable subscriber's delivery is still queued (it reads the event back).
      return sql`delete from events where id in (
        select e.id from events e where e.created_at < ${cutoff}
          and not exists (select 1 from jobs j where j.state = 'queued' and j.name = ${DELIVER_JOB} and (j.payload->>'eventId')::bigint = e.id)
        order by e.id limit ${batch} for update skip locked)`;
    case 'mail_outbox':
      // Sent or given up (no send job queued any more); a message still being retried stays.
      return sql`delete from mail_outbox where id in (
        select m.id from mail_outbox m where m.created_at < ${cutoff}
          and (m.state <> 'queued' or not exists (select 1 from jobs j where j.state = 'queued' and j.name = 'mail.send' and j.payload->>'mailId' = m.id::text))
        order by m.created_at limit ${batch} for update skip locked)`;
  }
}

/** Deletes what has outlived its period; returns the number of rows deleted. */
export async function purgeExpired(ctx: AppContext, opts: { batch?: number; maxBatches?: number } = {}): Promise<number> {
  const batch = opts.batch ?? BATCH;
  const periods: Record<Table, number> = { jobs: ctx.config.retention.jobsDays, events: ctx.config.retention.eventsDays, mail_outbox: ctx.config.retention.mailDays };
  let total = 0;
  for (const table of Object.keys(periods) as Table[]) {
    for (let round = 0; round < (opts.maxBatches ?? MAX_BATCHES); round++) {
      const res = await statement(table, periods[table], batch).execute(ctx.db);
      const n = Number(res.numAffectedRows ?? 0);
      if (n) ctx.metrics.retentionPurged.inc({ table }, n);
      total += n;
      if (n < batch) break;
    }
  }
  return total;
}

export const retentionTask: ScheduledTask = { name: 'platform.retention', everyMs: 3_600_000, run: (ctx) => purgeExpired(ctx) };
