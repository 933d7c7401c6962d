// A PostgreSQL-backed job queue. Jobs are inserted in the transaction of the change that causes
// them, so they exist exactly when the change does; workers claim them with FOR UPDATE SKIP LOCKED,
// so any number of worker processes share the queue without taking a job twice. A NOTIFY wakes
// workers at commit; polling (every second) covers a missed notification, and when the LISTEN
// connection comes back after an outage the worker looks for work at once rather than at its next
// poll.
//
// A claim is a short lease (30 s) that the worker renews while the handler runs (a heartbeat every
// third of it): a node that dies holding a job — a confirmation email — lets it go to another worker
// within the lease, not minutes later, and a long handler keeps its job. The claim's attempt number
// fences the worker: a heartbeat or an outcome written after the job was taken by someone else (a
// stall longer than the lease) changes nothing.
import { sql, type Kysely, type Transaction } from 'kysely';
import { DELIVER_JOB } from './bus.ts';
import type { AppContext } from './context.ts';
import type { DB } from './db/schema.ts';
import type { JobBacklogRow } from './metrics.ts';

const CHANNEL = 'sportello_jobs';
export const LEASE_SECONDS = 30;

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

interface ClaimedJob {
  id: number;
  name: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/** Queued jobs by name and state, for /metrics: reads the partial index of queued jobs only. */
export async function jobBacklog(db: Kysely<DB>): Promise<{ rows: JobBacklogRow[]; oldestReadySeconds: number }> {
  const res = await sql<{ name: string; ready: number; scheduled: number; running: number; oldest: number | null }>`
    select name,
      count(*) filter (where run_at <= now() and (locked_until is null or locked_until < now()))::int as ready,
      count(*) filter (where run_at > now() and (locked_until is null or locked_until < now()))::int as scheduled,
      count(*) filter (where locked_until >= now())::int as running,
      extract(epoch from now() - min(run_at) filter (where run_at <= now() and (locked_until is null or locked_until < now())))::float8 as oldest
    from jobs where state = 'queued' group by name`.execute(db);
  const rows: JobBacklogRow[] = [];
  let oldestReadySeconds = 0;
  // The platform's own jobs always have their series (0 is an answer; an absent series is not).
  const names = new Set(res.rows.map((r) => r.name));
  for (const name of ['mail.send', DELIVER_JOB]) if (!names.has(name)) res.rows.push({ name, ready: 0, scheduled: 0, running: 0, oldest: null });
  for (const r of res.rows) {
    for (const state of ['ready', 'scheduled', 'running'] as const) rows.push({ name: r.name, state, count: Number(r[state]) });
    oldestReadySeconds = Math.max(oldestReadySeconds, Number(r.oldest ?? 0));
  }
  return { rows, oldestReadySeconds };
}

export class JobWorker {
  private running = false;
  private wake: (() => void) | undefined;
  /** Woken while draining: look again before sleeping (the job may have committed after our look). */
  private woken = false;
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;
  private loop: Promise<void> | undefined;

  private readonly pollMs: number;
  private readonly leaseSeconds: number;

  constructor(
    private readonly ctx: AppContext,
    private readonly handlers: Record<string, JobHandler>,
    opts: { pollMs?: number; leaseSeconds?: number } = {},
  ) {
    this.pollMs = opts.pollMs ?? 1000;
    this.leaseSeconds = opts.leaseSeconds ?? LEASE_SECONDS;
  }

  /**
   * Takes the next ready job under a lease, without running it (runOne runs it). A claim that is
   * never finished nor renewed — its node died — lapses after the lease.
   */
  async claim(): Promise<ClaimedJob | undefined> {
    // Jobs run on the database's clock (real time), not the domain clock tests may move.
    const claimed = await sql<ClaimedJob>`
      update jobs set attempts = attempts + 1, locked_until = now() + make_interval(secs => ${this.leaseSeconds})
      where id = (
        select id from jobs
        where state = 'queued' and run_at <= now() and (locked_until is null or locked_until < now())
          and name in (${sql.join(Object.keys(this.handlers))})
        order by run_at, id
        limit 1
        for update skip locked)
      returning id, name, payload, attempts, max_attempts`.execute(this.ctx.db);
    return claimed.rows[0];
  }

  /** Claims and runs one ready job; false when none is ready. */
  async runOne(): Promise<boolean> {
    const job = await this.claim();
    if (!job) return false;
    const handler = this.handlers[job.name]!;
    const heartbeat = this.heartbeat(job);
    let outcome: 'done' | 'failed' | 'retry';
    let message: string | null = null;
    try {
      await handler(job.payload, this.ctx);
      outcome = 'done';
    } catch (err) {
      outcome = job.attempts >= job.max_attempts ? 'failed' : 'retry';
      message = err instanceof Error ? err.message : String(err);
      this.ctx.log.warn({ job: job.id, name: job.name, attempt: job.attempts, err: message }, outcome === 'failed' ? 'job failed for good' : 'job failed, will retry');
    }
    await heartbeat.stop();
    const finished = await this.ctx.db
      .updateTable('jobs')
      .set(
        outcome === 'done'
          ? { state: 'done', finished_at: sql`now()`, locked_until: null, last_error: null }
          : {
              state: outcome === 'failed' ? 'failed' : 'queued',
              last_error: message!.slice(0, 2000),
              locked_until: null,
              run_at: sql`now() + make_interval(secs => ${backoffSeconds(job.attempts)})`,
              ...(outcome === 'failed' ? { finished_at: sql`now()` } : {}),
            },
      )
      .where('id', '=', job.id)
      .where('attempts', '=', job.attempts)
      .where('state', '=', 'queued')
      .executeTakeFirst();
    if (!Number(finished.numUpdatedRows)) this.ctx.log.warn({ job: job.id, name: job.name, attempt: job.attempts }, 'job lease lost before its outcome was written');
    this.ctx.metrics.jobs.inc({ name: job.name, outcome });
    return true;
  }

  /** Renews the claim's lease every third of it while the handler runs. */
  private heartbeat(job: ClaimedJob): { stop(): Promise<void> } {
    let beat: Promise<void> = Promise.resolve();
    const renew = async () => {
      try {
        const res = await sql`update jobs set locked_until = now() + make_interval(secs => ${this.leaseSeconds})
          where id = ${job.id} and attempts = ${job.attempts} and state = 'queued'`.execute(this.ctx.db);
        if (!Number(res.numAffectedRows)) this.ctx.log.warn({ job: job.id, name: job.name }, 'job lease lost: another worker may run it');
      } catch (err) {
        this.ctx.log.warn({ err, job: job.id }, 'job lease not renewed');
      }
    };
    const timer = setInterval(
      () => {
        beat = beat.then(renew);
      },
      (this.leaseSeconds * 1000) / 3,
    );
    return {
      // A renewal under way finishes before the outcome is written: it cannot re-lease a finished job.
      async stop() {
        clearInterval(timer);
        await beat;
      },
    };
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
