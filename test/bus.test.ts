// The event bus and the booking lifecycle, seen from the outside: one call leaves the audit entry,
// the event, the delivery jobs and the citizen's notices, or nothing at all; subscribers hear about
// commits on this node at once and on other nodes through NOTIFY; every change of a booking is a
// new version of its calendar event, whichever path made it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { BusEvent } from '../contracts/events.ts';
import { applicant, book, findService, freeSlots, outbox, tokenOf } from './support/fixtures.ts';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';
import { signIn } from './support/operator.ts';

const count = async (h: Harness, table: 'audit_log' | 'events' | 'mail_outbox' | 'citizen_messages' | 'jobs') =>
  Number((await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(h.ctx.db)).rows[0]!.n);

const icsSequence = async (h: Harness, token: string) => {
  const ics = (await h.app.inject(`/api/v1/bari/bookings/manage/${token}/calendar.ics`)).body;
  return Number(/SEQUENCE:(\d+)/.exec(ics)?.[1]);
};

for (const engine of ENGINES) {
  describe(`event bus and booking lifecycle (${engine.name})`, () => {
    let h: Harness;
    let bari: string;
    before(async () => {
      h = await startHarness({ url: engine.url });
      bari = (await h.ctx.db.selectFrom('tenants').select('id').where('slug', '=', 'bari').executeTakeFirstOrThrow()).id;
    });
    after(async () => h.close());

    it('writes audit entry, event, delivery job and notices together, and a rolled-back change leaves none of them', async () => {
      const before = { audit: await count(h, 'audit_log'), events: await count(h, 'events'), mail: await count(h, 'mail_outbox'), inbox: await count(h, 'citizen_messages') };
      const notice = {
        dedupeKey: `test:bus:${Date.now()}`,
        subject: 'Prova',
        lines: ['Riga con il segreto abc123segreto', 'Riga pubblica'],
        email: { to: 'bus@example.it', brand: { name: 'Comune di Bari' } },
        inbox: { fiscalCode: 'RSSMRA85T10A562S', at: h.clock.now() },
        secrets: ['abc123segreto'],
      };
      const office = (await h.ctx.db.selectFrom('offices').select('id').where('tenant_id', '=', bari).executeTakeFirstOrThrow()).id;
      await assert.rejects(
        h.ctx.bus.transaction(h.ctx.db, async (trx) => {
          await h.ctx.bus.record(trx, {
            tenantId: bari,
            actor: { type: 'system' },
            action: 'office.updated',
            entityId: office,
            details: {},
            payload: { officeId: office },
            notices: [notice],
          });
          throw new Error('changed my mind');
        }),
        /changed my mind/,
      );
      assert.deepEqual(
        { audit: await count(h, 'audit_log'), events: await count(h, 'events'), mail: await count(h, 'mail_outbox'), inbox: await count(h, 'citizen_messages') },
        before,
        'nothing of a rolled-back change',
      );

      const heard: BusEvent[] = [];
      const unsubscribe = h.ctx.bus.subscribe({ name: 'test', events: ['office.updated'], handle: (e) => void heard.push(e) });
      await h.ctx.bus.transaction(h.ctx.db, async (trx) => {
        await h.ctx.bus.record(trx, {
          tenantId: bari,
          actor: { type: 'system' },
          action: 'office.updated',
          entityId: office,
          details: { why: 'test' },
          payload: { officeId: office },
          notices: [notice],
        });
        assert.equal(heard.length, 0, 'nobody hears of it before the commit');
      });
      assert.equal(heard.length, 1, 'this node hears of it as soon as it commits');
      assert.equal(heard[0]!.name, 'office.updated');
      assert.deepEqual(heard[0]!.payload, { officeId: office });
      // The NOTIFY echo of the same event is not handed over a second time.
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(heard.length, 1);
      unsubscribe();

      assert.equal(await count(h, 'audit_log'), before.audit + 1);
      assert.equal(await count(h, 'events'), before.events + 1);
      await h.worker.drain();
      const [mail] = await outbox(h.app, 'bus@example.it');
      assert.ok(mail?.text.includes('abc123segreto'), 'the email carries the link');
      assert.match(mail!.html ?? '', /Comune di Bari/);
      const inbox = await h.ctx.db.selectFrom('citizen_messages').select('body').where('dedupe_key', '=', notice.dedupeKey).executeTakeFirstOrThrow();
      assert.ok(!inbox.body.includes('abc123segreto') && inbox.body.includes('Riga pubblica'), 'the inbox copy has no secret');
    });

    it('delivers an event to a durable subscriber through the job queue (a video call ends when the office cancels)', async () => {
      const jobs = await count(h, 'jobs');
      const { service } = await findService(h.app, 'bari', 'URP', 'Informazioni generali in videochiamata');
      const [slot] = await freeSlots(h.app, 'bari', service.id, '2026-03-05', '2026-03-05');
      const created = (await book(h.app, 'bari', { serviceId: service.id, start: slot!.start, applicant: applicant('durable@example.it') })).json();
      const op = await signIn(h.app, 'bari', 'urp.bari');
      assert.equal((await op.request({ method: 'POST', url: `/api/v1/bari/operator/bookings/${created.id}/cancel`, payload: { reason: 'Prova' } })).statusCode, 200);
      const deliveries = await h.ctx.db.selectFrom('jobs').select(['payload']).where('name', '=', 'bus.deliver').orderBy('id', 'desc').limit(1).execute();
      assert.equal((deliveries[0]!.payload as { subscriber: string }).subscriber, 'video.close-cancelled-rooms');
      assert.ok((await count(h, 'jobs')) > jobs);
    });

    it('moves the calendar sequence on at check-in and at done too, and refuses a repeated action without a change', async () => {
      const { service } = await findService(h.app, 'bari', 'URP', 'Informazioni generali');
      const slots = await freeSlots(h.app, 'bari', service.id, '2026-03-02', '2026-03-02');
      const created = (await book(h.app, 'bari', { serviceId: service.id, start: slots[0]!.start, applicant: applicant('sequenza@example.it') })).json();
      const token = tokenOf(created.manageUrl);
      const s0 = await icsSequence(h, token);
      h.clock.set(new Date(Date.parse(slots[0]!.start) - 5 * 60_000));
      const op = await signIn(h.app, 'bari', 'urp.bari');
      assert.equal((await op.request({ method: 'POST', url: `/api/v1/bari/operator/bookings/${created.id}/check-in` })).statusCode, 200);
      const s1 = await icsSequence(h, token);
      assert.ok(s1 > s0, `check-in: ${s0} → ${s1}`);
      assert.equal((await op.request({ method: 'POST', url: `/api/v1/bari/operator/bookings/${created.id}/done`, payload: { note: 'Fatto' } })).statusCode, 200);
      const s2 = await icsSequence(h, token);
      assert.ok(s2 > s1, `done: ${s1} → ${s2}`);
      // A repeated action is refused and changes nothing.
      assert.equal((await op.request({ method: 'POST', url: `/api/v1/bari/operator/bookings/${created.id}/done`, payload: {} })).json().code, 'INVALID_TRANSITION');
      assert.equal(await icsSequence(h, token), s2);
      const history = (await op.request({ method: 'GET', url: `/api/v1/bari/operator/bookings/${created.id}` })).json().history as Array<{ action: string }>;
      assert.deepEqual(
        history.map((e) => e.action),
        ['booking.created', 'booking.checked-in', 'booking.completed'],
      );
    });
  });
}
