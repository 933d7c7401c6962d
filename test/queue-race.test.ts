// "Call next" is atomic across desks and server nodes: 18 desks of Bari's registry office call at
// once until the line of 2,000 tickets is empty, half of them through a second server node on the
// same PostgreSQL. Every ticket is called exactly once, by one desk. On PGlite (one connection, one
// node: transactions run one after the other) the same race runs on a shorter line.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashPassword } from '../server/modules/operators/passwords.ts';
import { findService } from './support/fixtures.ts';
import { startHarness, type Harness } from './support/harness.ts';
import { signIn } from './support/operator.ts';

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
      const { office, service } = await findService(a.app, 'bari', 'Anagrafe');
      // One officer per desk (a desk takes one officer): 18 registry officers.
      const tenant = await a.ctx.db.selectFrom('tenants').select('id').where('slug', '=', 'bari').executeTakeFirstOrThrow();
      const hash = await hashPassword('sportello-demo');
      for (let i = 1; i <= DESKS; i++) {
        const op = await a.ctx.db.insertInto('operators').values({ tenant_id: tenant.id, username: `cie${i}.bari`, display_name: `Operatore CIE ${i}`, password_hash: hash, role: 'operator' }).returning('id').executeTakeFirstOrThrow();
        await a.ctx.db.insertInto('operator_offices').values({ tenant_id: tenant.id, operator_id: op.id, office_id: office.id }).execute();
      }
      const desks = await a.ctx.db.selectFrom('desks').select('id').where('office_id', '=', office.id).orderBy('num').execute();
      assert.equal(desks.length, DESKS);

      // The line: 2,000 numbers taken through the public API, from many phones.
      const ids = new Set<string>();
      for (let i = 0; i < TICKETS; i += 50) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(50, TICKETS - i) }, (_, k) =>
            a.app.inject({ method: 'POST', url: `/api/v1/bari/offices/${office.id}/tickets`, payload: { serviceId: service.id }, headers: { 'x-forwarded-for': `10.9.${Math.floor((i + k) / 200)}.${(i + k) % 200}` } }),
          ),
        );
        for (const res of batch) {
          assert.equal(res.statusCode, 201, res.body);
          ids.add(res.json().id);
        }
      }
      assert.equal(ids.size, TICKETS);

      const calledBy = new Map<string, string[]>();
      await Promise.all(
        desks.map(async (desk, i) => {
          const node = i % 2 === 0 ? a : b;
          const op = await signIn(node.app, 'bari', `cie${i + 1}.bari`);
          const sat = await op.request({ method: 'POST', url: `/api/v1/bari/operator/desks/${desk.id}/session`, payload: {} });
          assert.equal(sat.statusCode, 200, sat.body);
          for (;;) {
            const res = await op.request({ method: 'POST', url: `/api/v1/bari/operator/desks/${desk.id}/call-next` });
            if (res.statusCode === 204) return;
            assert.equal(res.statusCode, 200, res.body);
            const id = res.json().ticket.id as string;
            calledBy.set(id, [...(calledBy.get(id) ?? []), desk.id]);
          }
        }),
      );

      const twice = [...calledBy].filter(([, by]) => by.length > 1);
      assert.deepEqual(twice, [], 'no ticket called by two desks');
      assert.equal(calledBy.size, TICKETS, 'every ticket called');
      assert.ok([...ids].every((id) => calledBy.has(id)));
      const events = await a.ctx.db.selectFrom('ticket_events').select((eb) => ['ticket_id', eb.fn.countAll<number>().as('n')]).where('type', '=', 'called').groupBy('ticket_id').execute();
      assert.equal(events.length, TICKETS);
      assert.ok(events.every((e) => Number(e.n) === 1), 'one "called" event per ticket in the database');
    });
  });
}

race('queue race on one node (pglite)', { twoNodes: false, tickets: 400 });
race('queue race on two server nodes (postgres)', { url: process.env.TEST_DATABASE_URL, twoNodes: true, tickets: 2000 });
