// Availability reads the per-day occupancy that triggers keep (migration 011, desk_days) instead of
// every booking. Property: after any random mix of inserts, status changes, moves between desks and
// times, and deletes, the occupations read through desk_days equal those read from bookings, and the
// availability the API serves equals the pure reference (computeAvailability over bookings).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { computeAvailability, loadOccupations, loadOccupationsByDay } from '../server/modules/scheduling/index.ts';
import { loadScheduleInputs, toSlotViews } from '../server/modules/booking/availability.ts';
import { findService as findServiceRow } from '../server/modules/scheduling/index.ts';
import { findService } from './support/fixtures.ts';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';

const STATUSES = ['held', 'pending', 'confirmed', 'checked_in', 'done', 'no_show', 'cancelled'] as const;
const BASE = Date.parse('2026-03-02T07:00:00Z');
const FROM = '2026-03-02';
const TO = '2026-03-06';

const op = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    desk: fc.nat(3),
    slot: fc.nat(400),
    len: fc.integer({ min: 1, max: 8 }),
    status: fc.constantFrom(...STATUSES),
    expired: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('status' as const), pick: fc.nat(), status: fc.constantFrom(...STATUSES) }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), desk: fc.nat(3), slot: fc.nat(400) }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
);

for (const engine of ENGINES) {
  describe(`per-day occupancy (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());

    it('desk_days follows every change of bookings, and availability equals the pure reference (property)', async () => {
      const { service } = await findService(h.app, 'bari', 'Anagrafe');
      const tenant = await h.ctx.db.selectFrom('tenants').selectAll().where('slug', '=', 'bari').executeTakeFirstOrThrow();
      const svc = (await findServiceRow(h.ctx.db, tenant.id, service.id))!;
      const desks = (
        await sql<{
          id: string;
          num: number;
        }>`select d.id, d.num from desks d join desk_services ds on ds.desk_id = d.id where ds.service_id = ${service.id} order by d.num limit 4`.execute(h.ctx.db)
      ).rows;
      const now = h.clock.now();
      let seq = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 15 }), async (ops) => {
          await sql`delete from bookings where service_id = ${service.id}`.execute(h.ctx.db);
          for (const o of ops) {
            const ids = (await sql<{ id: string }>`select id from bookings where service_id = ${service.id} order by id`.execute(h.ctx.db)).rows.map((r) => r.id);
            const target = 'pick' in o && ids.length ? ids[o.pick % ids.length] : undefined;
            // Writes that collide on the exclusion constraint are simply refused: skipped here.
            const attempt = (q: { execute(db: typeof h.ctx.db): Promise<unknown> }) =>
              h.ctx.db
                .transaction()
                .execute((trx) => q.execute(trx))
                .catch(() => undefined);
            if (o.kind === 'insert') {
              const d = desks[o.desk]!;
              const start = new Date(BASE + o.slot * 15 * 60_000);
              const end = new Date(start.getTime() + o.len * 5 * 60_000);
              const expires = new Date(now.getTime() + (o.expired ? -60_000 : 600_000));
              await attempt(sql`insert into bookings (tenant_id, service_id, office_id, desk_id, desk_num, reference, start_at, end_at, block_end, status, hold_expires_at)
                values (${tenant.id}, ${service.id}, ${svc.office_id}, ${d.id}, ${d.num}, ${`P-${++seq}`}, ${start}, ${end}, ${end}, ${o.status}, ${expires})`);
            } else if (o.kind === 'status' && target) {
              await attempt(sql`update bookings set status = ${o.status} where id = ${target}`);
            } else if (o.kind === 'move' && target) {
              const d = desks[o.desk]!;
              await attempt(sql`update bookings set desk_id = ${d.id}, desk_num = ${d.num}, start_at = ${new Date(BASE + o.slot * 15 * 60_000)},
                end_at = ${new Date(BASE + o.slot * 15 * 60_000)} + (end_at - start_at), block_end = ${new Date(BASE + o.slot * 15 * 60_000)} + (block_end - start_at) where id = ${target}`);
            } else if (o.kind === 'delete' && target) {
              await attempt(sql`delete from bookings where id = ${target}`);
            }
          }
          const deskIds = desks.map((d) => d.id);
          const from = new Date(BASE - 86_400_000);
          const to = new Date(BASE + 6 * 86_400_000);
          const key = (x: { deskId: string; start: number; end: number }) => `${x.deskId} ${x.start} ${x.end}`;
          const direct = (await loadOccupations(h.ctx.db, tenant.id, deskIds, from, to, now)).map(key).sort();
          const byDay = (await loadOccupationsByDay(h.ctx.db, tenant.id, deskIds, from, to, now)).map(key).sort();
          assert.deepEqual(byDay, direct);

          const inputs = await loadScheduleInputs(h.ctx.db, tenant as never, svc, FROM, TO);
          const allDesks = inputs.desks.map((d) => d.deskId);
          const occupations = await loadOccupations(h.ctx.db, tenant.id, allDesks, from, to, now);
          const reference = toSlotViews(computeAvailability({ ...inputs, from: FROM, to: TO, now: now.getTime(), occupations }), tenant.time_zone);
          h.ctx.readCache.clear();
          const res = await h.app.inject(`/api/v1/bari/services/${service.id}/availability?from=${FROM}&to=${TO}`);
          assert.deepEqual(res.json().days, reference);
        }),
        { numRuns: 25 },
      );
    });
  });
}
