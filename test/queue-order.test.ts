// The call-next query orders the line in SQL; the citizens' positions come from the pure ordering
// code. They must agree: random lines (walk-ins, priority, on-time, early and late appointments,
// transfers to this desk and to another) are written to the database; each citizen's position (counted
// in SQL for the API) must be the pure code's, and a desk calling them all must get the pure order.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { deskLine, ticketsAhead, type LineTicket } from '../server/modules/queue/domain/line-order.ts';
import { insertTicketToken } from '../server/modules/queue/repository.ts';
import { findService } from './support/fixtures.ts';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';
import { signIn } from './support/operator.ts';

const NOW = Date.parse('2026-03-02T09:00:00Z'); // 10:00 in Rome
const DAY = '2026-03-02';
const MIN = 60_000;

for (const engine of ENGINES) {
  describe(`line order in SQL equals the pure order (${engine.name})`, () => {
    let h: Harness;
    let officeId: string;
    let queueId: string;
    let serviceId: string;
    let tenantId: string;
    let desk: { id: string; other: string; act: (path: string) => Promise<{ statusCode: number; json(): { ticket: { id: string } } }> };

    before(async () => {
      h = await startHarness({ url: engine.url, now: new Date(NOW).toISOString() });
      const { office, service } = await findService(h.app, 'bari', 'URP', 'Informazioni generali');
      officeId = office.id;
      serviceId = service.id;
      const q = await h.ctx.db.selectFrom('queue_services').select(['queue_id', 'tenant_id']).where('service_id', '=', serviceId).executeTakeFirstOrThrow();
      queueId = q.queue_id;
      tenantId = q.tenant_id;
      const desks = await h.ctx.db.selectFrom('desks').select(['id', 'name']).where('office_id', '=', officeId).orderBy('num').execute();
      const op = await signIn(h.app, 'bari', 'urp.bari');
      await op.request({ method: 'POST', url: `/api/v1/bari/operator/desks/${desks[0]!.id}/session`, payload: {} });
      desk = { id: desks[0]!.id, other: desks[1]!.id, act: (path) => op.request({ method: 'POST', url: `/api/v1/bari/operator/desks/${desks[0]!.id}/${path}` }) };
    });
    after(async () => h.close());

    const ticketArb = fc.record({
      sortOffsetMin: fc.integer({ min: -120, max: 0 }),
      appointmentOffsetMin: fc.option(fc.integer({ min: -40, max: 60 }), { nil: null }),
      late: fc.boolean(),
      priority: fc.boolean(),
      target: fc.constantFrom(null, null, null, 'this', 'other'),
    });

    it('for random lines', async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(ticketArb, { minLength: 1, maxLength: 14 }), async (specs) => {
          run++;
          await h.ctx.db.updateTable('tickets').set({ status: 'expired' }).where('status', 'in', ['waiting', 'called', 'serving']).execute();
          const rows = [];
          for (const [i, s] of specs.entries()) {
            const seq = run * 100 + i + 1;
            const row = await h.ctx.db
              .insertInto('tickets')
              .values({
                tenant_id: tenantId,
                office_id: officeId,
                queue_id: queueId,
                service_id: serviceId,
                service_day: DAY,
                seq,
                number: `T${seq}`,
                source: s.appointmentOffsetMin === null ? 'web' : 'booking',
                appointment_at: s.appointmentOffsetMin === null ? null : new Date(NOW + s.appointmentOffsetMin * MIN),
                late: s.appointmentOffsetMin !== null && s.late,
                priority_class: s.priority ? 'anziani' : null,
                status: 'waiting',
                sort_at: new Date(NOW + s.sortOffsetMin * MIN),
                target_desk_id: s.target === 'this' ? desk.id : s.target === 'other' ? desk.other : null,
                created_at: new Date(NOW),
                updated_at: new Date(NOW),
              })
              .returningAll()
              .executeTakeFirstOrThrow();
            await insertTicketToken(h.ctx.db, tenantId, row.id, `token-of-${row.id}`);
            rows.push(row);
          }
          const pure: LineTicket[] = rows.map((t) => ({
            id: t.id,
            queueId: t.queue_id,
            sortAt: t.sort_at.getTime(),
            appointmentAt: t.appointment_at ? t.appointment_at.getTime() : null,
            late: t.late,
            priority: t.priority_class !== null,
            targetDeskId: t.target_desk_id,
            arrival: t.arrival,
          }));
          for (const [i, t] of pure.entries()) {
            // Each citizen reads from their own phone (reads are rate-limited per address).
            const res = await h.app.inject({ url: `/api/v1/bari/tickets/${t.id}?token=token-of-${t.id}`, headers: { 'x-forwarded-for': `10.7.${run % 250}.${i}` } });
            assert.equal(res.statusCode, 200, res.body);
            const v = res.json() as { position: number };
            assert.equal(v.position, ticketsAhead(t, pure, NOW, { earlyMin: 15 }).length + 1, `position of ${t.id}`);
          }
          const expected = deskLine(pure, desk.id, new Set([queueId]), NOW, { earlyMin: 15 }).map((t) => t.id);
          const got: string[] = [];
          for (;;) {
            const res = await desk.act('call-next');
            if (res.statusCode === 204) break;
            assert.equal(res.statusCode, 200);
            got.push(res.json().ticket.id);
          }
          assert.deepEqual(got, expected);
        }),
        { numRuns: 25 },
      );
    });
  });
}
