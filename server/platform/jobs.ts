// A PostgreSQL-backed job queue. Jobs are inserted in the transaction of the change that causes
// them, so they exist exactly when the change does; workers claim them with FOR UPDATE SKIP LOCKED,
// so any number of worker processes share the queue without taking a job twice. A NOTIFY wakes
// workers at commit; polling (every second) covers a missed notification, and when the LISTEN
// connection comes back after an outage the worker looks for work at once rather than at its next
// poll.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AppContext } from './context.ts';
import type { DB } from './db/schema.ts';

const CHANNEL = 'sportello_jobs';
const LEASE_SECONDS = 300;

export type JobHandler = (payload: Record<string, unknown>, ctx: AppContext) => Promise<void>;

export async function enqueueJob(trx: Kysely<DB> | Transaction<DB>, name: string, payload: Record<string, unknown>, runAt?: Date): Promise<void> {
  await trx
    .insertInto('jobs')
    .values({ name, payload: JSON.stringify(payload), ...(runAt ? { run_at: runAt } : {}) })
    .execute();
  await sql`select pg_notify(${CHANNEL}, ${name})`.execute(trx);
}

function backoffSeconds(attempt: number): number {
  return Math.min(3600, 5 * 2 ** (attempt - 1));
}

export class JobWorker {
  private running = false;
  private wake: (() => void) | undefined;
  /** Woken while draining: look again before sleeping (the job may have committed after our look). */
  private woken = false;
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly handlers: Record<string, JobHandler>,
    private readonly pollMs = 1000,
  ) {}

  /** Claims and runs one ready job; false when none is ready. */
  async runOne(): Promise<boolean> {
    // Jobs run on the database's clock (real time), not the domain clock tests may move.
    const claimed = await sql<{ id: number; name: string; payload: Record<string, unknown>; attempts: number; max_attempts: number }>`
      update jobs set attempts = attempts + 1, locked_until = now() + make_interval(secs => ${LEASE_SECONDS})
      where id = (
        select id from jobs
        where state = 'queued' and run_at <= now() and (locked_until is null or locked_until < now())
          and name in (${sql.join(Object.keys(this.handlers))})
        order by run_at, id
        limit 1
        for update skip locked)
      returning id, name, payload, attempts, max_attempts`.execute(this.ctx.db);
    const job = claimed.rows[0];
    if (!job) return false;
    const handler = this.handlers[job.name]!;
    try {
      await handler(job.payload, this.ctx);
      await this.ctx.db.updateTable('jobs').set({ state: 'done', finished_at: sql`now()`, locked_until: null, last_error: null }).where('id', '=', job.id).execute();
      this.ctx.metrics.jobs.inc({ name: job.name, outcome: 'done' });
    } catch (err) {
      const failed = job.attempts >= job.max_attempts;
      const message = err instanceof Error ? err.message : String(err);
      this.ctx.log.warn({ job: job.id, name: job.name, attempt: job.attempts, err: message }, failed ? 'job failed for good' : 'job failed, will retry');
      await this.ctx.db
        .updateTable('jobs')
        .set({
          state: failed ? 'failed' : 'queued',
          last_error: message.slice(0, 2000),
          locked_until: null,
          run_at: sql`now() + make_interval(secs => ${backoffSeconds(job.attempts)})`,
          ...(failed ? { finished_at: sql`now()` } : {}),
        })
        .where('id', '=', job.id)
        .execute();
      this.ctx.metrics.jobs.inc({ name: job.name, outcome: failed ? 'failed' : 'retry' });
    }
    return true;
  }

  /** Runs jobs until none is ready (tests call this to flush the queue). */
  async drain(limit = 1000): Promise<number> {
    let n = 0;
    while (n < limit && (await this.runOne())) n++;
    return n;
  }

  async start(): Promise<void> {
    this.running = true;
    const poke = () => {
      this.woken = true;
      this.wake?.();
    };
    this.unlisten = await this.ctx.database.listen(CHANNEL, poke, { onReconnect: poke }).catch((err: unknown) => {
      this.ctx.log.warn({ err, pollMs: this.pollMs }, 'job worker: no LISTEN connection, polling only');
      return undefined;
    });
    this.loop = (async () => {
      while (this.running) {
        this.woken = false;
        try {
          await this.drain(100);
        } catch (err) {
          this.ctx.log.error({ err }, 'job loop error');
        }
        if (!this.running) break;
        if (this.woken) continue;
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          this.timer = setTimeout(resolve, this.pollMs);
        });
        clearTimeout(this.timer);
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    clearTimeout(this.timer);
    await this.loop;
    await this.unlisten?.();
  }
}
