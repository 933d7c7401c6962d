// How many statements a booking and a hold send to the database (BEGIN and COMMIT come on top).
// Each one is a round trip, and those inside the transaction are time the desk's row lock is held:
// under a booking rush that is what bounds commits per second (bench/commits.ts). A count, not a
// timing: it moves only when the code does.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { createBooking } from '../server/modules/booking/create-booking.ts';
import { createHold } from '../server/modules/booking/holds.ts';
import type { AppContext } from '../server/platform/context.ts';
import { applicant, findService, freeSlots } from './support/fixtures.ts';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';

/** Counts executed statements: transformResult runs once per statement that reached the database. */
function counting(ctx: AppContext): { ctx: AppContext; count(): number } {
  let n = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      n++;
      return args.result;
    },
  };
  return { ctx: { ...ctx, db: ctx.db.withPlugin(plugin) }, count: () => n };
}

for (const engine of ENGINES) {
  describe(`booking round trips (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());

    it('a booking sends 7 statements (4 in its transaction), a hold 6 (3)', async () => {
      const { service } = await findService(h.app, 'bari', 'Anagrafe');
      const tenant = (await h.ctx.db.selectFrom('tenants').selectAll().where('slug', '=', 'bari').executeTakeFirstOrThrow()) as never;
      const [first, second] = await freeSlots(h.app, 'bari', service.id);

      const booking = counting(h.ctx);
      const created = await createBooking(booking.ctx, tenant, { serviceId: service.id, start: first!.start, applicant: applicant('giri@example.it') }, { channel: 'web' });
      assert.equal(created.booking.status, 'confirmed');
      // service; desks' hours and exceptions (2); locks, then idempotency + limit (one function);
      // desk pick; row + token + view; audit + event + email.
      assert.equal(booking.count(), 7);

      const hold = counting(h.ctx);
      await createHold(hold.ctx, tenant, { serviceId: service.id, start: second!.start });
      // service; hours and exceptions (2); desk pick; row; event.
      assert.equal(hold.count(), 6);
    });
  });
}
