// "Call next" is atomic across desks and server nodes: 18 desks of Bari's registry office call at
// once until the line of 2,000 tickets is empty, half of them through a second server node on the
// same PostgreSQL. Every ticket is called exactly once, by one desk. On PGlite (one connection, one
// node: transactions run one after the other) the same race runs on a shorter line.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startHarness, type Harness } from './support/harness.ts';
import { registryOffice, registryOfficers, seatOfficer, takeTickets } from './support/queue.ts';

const DESKS = 18;
/** Monday 2 March 2026, 09:00 in Rome: the registry office is open. */
const OPEN = '2026-03-02T08:00:00Z';

function race(name: string, opts: { url?: string; twoNodes: boolean; tickets: number }) {
  const TICKETS = opts.tickets;
  describe(name, { skip: opts.twoNodes && !opts.url ? 'needs TEST_DATABASE_URL (two nodes share one PostgreSQL)' : false }, () => {
    let a: Harness;
    let b: Harness;

    before(async () => {
      a = await startHarness({ url: opts.url, now: OPEN });
      b = opts.twoNodes ? await startHarness({ sharedUrl: a.ctx.config.databaseUrl, now: OPEN }) : a;
    });
    after(async () => {
      if (b !== a) await b?.close();
      await a?.close();
    });

    it(`calls each of ${TICKETS} tickets exactly once with ${DESKS} desks calling at once`, async () => {
      const { officeId, serviceId } = await registryOffice(a);
      const officers = await registryOfficers(a, DESKS);
      assert.equal(officers.length, DESKS);
      // The line: numbers taken through the public API, from many phones.
      const ids = new Set((await takeTickets(a, officeId, serviceId, TICKETS)).map((t) => t.id));
      assert.equal(ids.size, TICKETS);

      const calledBy = new Map<string, string[]>();
      await Promise.all(
        officers.map(async ({ deskId, username }, i) => {
          const act = await seatOfficer(i % 2 === 0 ? a : b, deskId, username);
          for (;;) {
            const res = await act('call-next');
            if (res.statusCode === 204) return;
            assert.equal(res.statusCode, 200, res.body);
            const id = res.json().ticket.id as string;
            calledBy.set(id, [...(calledBy.get(id) ?? []), deskId]);
          }
        }),
      );

      const twice = [...calledBy].filter(([, by]) => by.length > 1);
      assert.deepEqual(twice, [], 'no ticket called by two desks');
      assert.equal(calledBy.size, TICKETS, 'every ticket called');
      assert.ok([...ids].every((id) => calledBy.has(id)));
      const events = await a.ctx.db
        .selectFrom('ticket_events')
        .select((eb) => ['ticket_id', eb.fn.countAll<number>().as('n')])
        .where('type', '=', 'called')
        .groupBy('ticket_id')
        .execute();
      assert.equal(events.length, TICKETS);
      assert.ok(
        events.every((e) => Number(e.n) === 1),
        'one "called" event per ticket in the database',
      );
    });
  });
}

race('queue race on one node (pglite)', { twoNodes: false, tickets: 400 });
race('queue race on two server nodes (postgres)', { url: process.env.TEST_DATABASE_URL, twoNodes: true, tickets: 2000 });
