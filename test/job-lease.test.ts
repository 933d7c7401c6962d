// A job claimed by a worker that dies goes to another worker once the short lease lapses (not after
// minutes); a worker whose handler runs long keeps its job by renewing the lease, and the job runs
// once; a worker that lost its lease cannot overwrite the outcome of the one that took over.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { enqueueJob, JobWorker, LEASE_SECONDS } from '../server/platform/jobs.ts';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const engine of ENGINES) {
  describe(`job leases (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());

    async function job(id: number) {
      return h.ctx.db.selectFrom('jobs').select(['state', 'attempts', 'locked_until']).where('id', '=', id).executeTakeFirstOrThrow();
    }

    async function enqueue(name: string): Promise<number> {
      await enqueueJob(h.ctx.db, name, {});
      const row = await h.ctx.db.selectFrom('jobs').select('id').where('name', '=', name).orderBy('id', 'desc').executeTakeFirstOrThrow();
      return Number(row.id);
    }

    it(`claims for ${LEASE_SECONDS} seconds, not five minutes`, async () => {
      const id = await enqueue('test.lease-length');
      const worker = new JobWorker(h.ctx, { 'test.lease-length': async () => undefined });
      const claimed = await worker.claim();
      assert.equal(claimed?.id, id);
      const left = await sql<{ s: number }>`select extract(epoch from locked_until - now())::float8 as s from jobs where id = ${id}`.execute(h.ctx.db);
      assert.ok(left.rows[0]!.s > LEASE_SECONDS - 5 && left.rows[0]!.s <= LEASE_SECONDS, `lease of ${left.rows[0]!.s} s`);
      assert.ok(LEASE_SECONDS <= 30);
      await h.ctx.db.updateTable('jobs').set({ state: 'done' }).where('id', '=', id).execute();
    });

    it('gives the job of a worker that died to another worker when its lease lapses', async () => {
      const id = await enqueue('test.orphan');
      let runs = 0;
      const handlers = { 'test.orphan': async () => void runs++ };
      // The first worker claims and then "dies": nothing runs the handler, nothing renews the lease.
      const dying = new JobWorker(h.ctx, handlers, { leaseSeconds: 1 });
      assert.equal((await dying.claim())?.id, id);
      const survivor = new JobWorker(h.ctx, handlers);
      assert.equal(await survivor.runOne(), false, 'leased: not taken at once');
      const started = Date.now();
      while (!(await survivor.runOne())) {
        assert.ok(Date.now() - started < 3000, 'taken within the lease (and a little)');
        await sleep(100);
      }
      assert.equal(runs, 1);
      const row = await job(id);
      assert.equal(row.state, 'done');
      assert.equal(row.attempts, 2, 'the dead claim counted as an attempt');
    });

    it('keeps the job of a long handler by renewing the lease: it runs once', async () => {
      const id = await enqueue('test.long');
      let runs = 0;
      const handlers = {
        'test.long': async () => {
          runs++;
          await sleep(2500); // two and a half leases
        },
      };
      const busy = new JobWorker(h.ctx, handlers, { leaseSeconds: 1 });
      const other = new JobWorker(h.ctx, handlers, { leaseSeconds: 1 });
      const running = busy.runOne();
      await sleep(50);
      let stolen = 0;
      const deadline = Date.now() + 2300;
      while (Date.now() < deadline) {
        if (await other.runOne()) stolen++;
        await sleep(100);
      }
      assert.equal(await running, true);
      assert.equal(stolen, 0, 'no other worker took it meanwhile');
      assert.equal(runs, 1);
      const row = await job(id);
      assert.equal(row.state, 'done');
      assert.equal(row.attempts, 1);
      assert.equal(row.locked_until, null);
    });

    it('ignores the outcome of a worker whose lease was taken over', async () => {
      const id = await enqueue('test.stalled');
      let fail!: (err: Error) => void;
      const stalled = new JobWorker(h.ctx, { 'test.stalled': () => new Promise<void>((_, reject) => (fail = reject)) }, { leaseSeconds: 1 });
      const running = stalled.runOne();
      await sleep(100);
      // A stall longer than the lease (the heartbeat could not reach the database): it lapses.
      await sql`update jobs set locked_until = now() - interval '1 second' where id = ${id}`.execute(h.ctx.db);
      const rescuer = new JobWorker(h.ctx, { 'test.stalled': async () => undefined });
      assert.equal(await rescuer.runOne(), true);
      assert.deepEqual({ ...(await job(id)), locked_until: null }, { state: 'done', attempts: 2, locked_until: null });
      // The late worker's handler fails: unfenced, it would put the job back in the queue for a retry.
      fail(new Error('too late'));
      await running;
      const row = await job(id);
      assert.equal(row.state, 'done', "the late worker did not write its outcome over the rescuer's");
      assert.equal(row.attempts, 2);
    });
  });
}
