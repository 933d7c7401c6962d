// What is kept, and for how long. An email delivered by SMTP leaves no working link in the outbox
// (the citizen got it; a backup or an administrator reading the table must not be able to act for
// them); the development mailbox, which is the delivery in demo and test modes, keeps its links.
// Finished jobs, events and old emails are purged after their periods; the audit log never is.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../server/config.ts';
import { purgeExpired } from '../server/platform/retention.ts';
import { book, findService, freeSlots, outbox, tokenOf } from './support/fixtures.ts';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';

/** Monday 2 March 2026, 09:30 in Rome: the URP takes numbers. */
const OPEN = '2026-03-02T08:30:00Z';
const SECRET_SHAPED = /[A-Za-z0-9_-]{43}/;

interface FakeSmtp {
  url: string;
  /** Each message as received, with quoted-printable soft line breaks joined. */
  messages: Array<{ to: string[]; raw: string }>;
  close(): Promise<void>;
}

async function startFakeSmtp(): Promise<FakeSmtp> {
  const messages: FakeSmtp['messages'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks)
            .toString('utf8')
            .replace(/=\r?\n/g, ''),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('retention configuration', () => {
  it('has documented defaults and takes other periods from the environment', () => {
    assert.deepEqual(loadConfig({}).retention, { jobsDays: 7, eventsDays: 30, mailDays: 90, draftDays: 90 });
    assert.deepEqual(loadConfig({ RETENTION_JOBS_DAYS: '2', RETENTION_EVENTS_DAYS: '14', RETENTION_MAIL_DAYS: '30', RETENTION_DRAFT_DAYS: '60' }).retention, {
      jobsDays: 2,
      eventsDays: 14,
      mailDays: 30,
      draftDays: 60,
    });
    assert.throws(() => loadConfig({ RETENTION_DRAFT_DAYS: '0' }), /RETENTION_DRAFT_DAYS/);
    assert.throws(() => loadConfig({ RETENTION_MAIL_DAYS: '0' }), /RETENTION_MAIL_DAYS/);
  });
});

for (const engine of ENGINES) {
  describe(`emails delivered by SMTP keep no working link (${engine.name})`, () => {
    let h: Harness;
    let smtp: FakeSmtp;
    before(async () => {
      smtp = await startFakeSmtp();
      h = await startHarness({ url: engine.url, env: { SMTP_URL: smtp.url } });
    });
    after(async () => {
      await h.close();
      await smtp.close();
    });

    it('a booking confirmation reaches the citizen whole; the outbox copy has no token, no .ics and no QR code', async () => {
      const { service } = await findService(h.app, 'bari', 'Ripartizione Tutela Ambiente', 'Autorizzazione scarico acque reflue domestiche e assimilate');
      const [slot] = await freeSlots(h.app, 'bari', service.id);
      const email = 'smtp-citizen@example.it';
      const res = await book(h.app, 'bari', { serviceId: service.id, start: slot!.start, applicant: { name: 'Ada', surname: 'Neri', email } });
      assert.equal(res.statusCode, 201, res.body);
      const token = tokenOf(res.json().manageUrl);
      // Before delivery the queued copy is what will be sent.
      const queued = await h.ctx.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', email).executeTakeFirstOrThrow();
      assert.ok(queued.text_body.includes(token));
      assert.deepEqual(
        queued.attachments.map((a) => a.filename),
        ['appuntamento.ics', 'arrivo-qr.png'],
      );

      await h.worker.drain();
      const delivered = smtp.messages.filter((m) => m.to.includes(email));
      assert.equal(delivered.length, 1, 'sent by SMTP once');
      assert.ok(delivered[0]!.raw.includes(`/bari/appuntamento/${token}`), 'the citizen got the manage link');
      assert.match(delivered[0]!.raw, /filename=appuntamento\.ics/);
      assert.match(delivered[0]!.raw, /filename=arrivo-qr\.png/);

      const row = await h.ctx.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', email).executeTakeFirstOrThrow();
      assert.equal(row.state, 'sent');
      const stored = JSON.stringify(row);
      assert.ok(!stored.includes(token), 'no token anywhere in the stored row');
      assert.doesNotMatch(stored, SECRET_SHAPED);
      assert.match(row.text_body, /\/bari\/appuntamento\/\[rimosso\]/);
      assert.match(row.text_body, /Codice prenotazione: /, 'the record of what was said stays');
      assert.ok(row.html_body?.includes('/bari/appuntamento/[rimosso]'));
      assert.deepEqual(row.attachments, [], 'the calendar file and the QR code carried the links');
      // The development mailbox (test mode) shows the scrubbed copy too.
      const [shown] = await outbox(h.app, email);
      assert.ok(!shown!.text.includes(token));
      // The manage link itself still works for the citizen who received it.
      assert.equal((await h.app.inject(`/api/v1/bari/bookings/manage/${token}`)).statusCode, 200);
    });

    it("a queue ticket's link (token in the query) is removed after delivery", async () => {
      h.clock.set(OPEN);
      const { office, service } = await findService(h.app, 'bari', 'URP', 'Informazioni generali');
      const email = 'smtp-ticket@example.it';
      const res = await h.app.inject({ method: 'POST', url: `/api/v1/bari/offices/${office.id}/tickets`, payload: { serviceId: service.id, email } });
      assert.equal(res.statusCode, 201, res.body);
      await h.worker.drain();
      assert.match(smtp.messages.find((m) => m.to.includes(email))!.raw, /\/bari\/biglietto\/[0-9a-f-]{36}\?token=[A-Za-z0-9_-]{43}/);
      const row = await h.ctx.db.selectFrom('mail_outbox').select(['text_body', 'html_body']).where('to_address', '=', email).executeTakeFirstOrThrow();
      assert.match(row.text_body, /\/bari\/biglietto\/[0-9a-f-]{36}\?token=\[rimosso\]/);
      assert.doesNotMatch(`${row.text_body}${row.html_body}`, SECRET_SHAPED);
    });
  });

  describe(`purge of old working rows (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());

    it('keeps the development mailbox links (it is the delivery there)', async () => {
      const { service } = await findService(h.app, 'bari', 'URP', 'Informazioni generali');
      const [slot] = await freeSlots(h.app, 'bari', service.id);
      const res = await book(h.app, 'bari', { serviceId: service.id, start: slot!.start, applicant: { name: 'Ada', surname: 'Neri', email: 'devbox@example.it' } });
      await h.worker.drain();
      const [mail] = await outbox(h.app, 'devbox@example.it');
      assert.equal(mail!.state, 'sent');
      assert.ok(mail!.text.includes(tokenOf(res.json().manageUrl)));
    });

    it('removes finished jobs, events and emails past their periods, in batches, and keeps the rest and the audit log', async () => {
      const db = h.ctx.db;
      const tenant = (await db.selectFrom('tenants').select('id').where('slug', '=', 'bari').executeTakeFirstOrThrow()).id;
      const ago = (days: number) => sql<Date>`now() - make_interval(days => ${days})`;
      const job = async (name: string, state: 'queued' | 'done' | 'failed', finishedDaysAgo: number | null, payload: Record<string, unknown> = {}) =>
        Number(
          (
            await db
              .insertInto('jobs')
              .values({ name, state, payload: JSON.stringify(payload), created_at: ago(200), finished_at: finishedDaysAgo === null ? null : ago(finishedDaysAgo) })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
        );
      const event = async (daysAgo: number) =>
        Number(
          (
            await db
              .insertInto('events')
              .values({ tenant_id: tenant, type: 'booking.created', entity_id: null, payload: '{}', created_at: ago(daysAgo) })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id,
        );
      const mail = async (state: 'queued' | 'sent', daysAgo: number) =>
        (
          await db
            .insertInto('mail_outbox')
            .values({
              tenant_id: tenant,
              to_address: `old-${state}-${daysAgo}@example.it`,
              subject: 's',
              text_body: 't',
              html_body: null,
              attachments: '[]',
              dedupe_key: null,
              last_error: null,
              sent_at: null,
              state,
              created_at: ago(daysAgo),
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;

      const oldDone = await Promise.all([1, 2, 3, 4, 5].map(() => job('test.old', 'done', 8)));
      const oldFailed = await job('test.old', 'failed', 10);
      const recentDone = await job('test.recent', 'done', 6);
      const oldQueued = await job('test.waiting', 'queued', null);
      const oldEvent = await event(31);
      const recentEvent = await event(29);
      const awaitedEvent = await event(40);
      const delivery = await job('bus.deliver', 'queued', null, { eventId: awaitedEvent, subscriber: 'x' });
      const oldSent = await mail('sent', 91);
      const recentSent = await mail('sent', 89);
      const oldRetrying = await mail('queued', 95);
      await job('mail.send', 'queued', null, { mailId: oldRetrying });
      const oldGivenUp = await mail('queued', 95);
      const audit = async () => Number((await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(db)).rows[0]!.n);
      const auditBefore = await audit();
      assert.ok(auditBefore > 0);

      const purged = await purgeExpired(h.ctx, { batch: 2 });
      assert.equal(purged, 6 + 1 + 2, 'six jobs, one event, two emails');

      const jobIds = (await db.selectFrom('jobs').select('id').execute()).map((r) => Number(r.id));
      for (const id of [...oldDone, oldFailed]) assert.ok(!jobIds.includes(id), `finished job ${id} purged`);
      for (const id of [recentDone, oldQueued, delivery]) assert.ok(jobIds.includes(id), `job ${id} kept`);
      const eventIds = (await db.selectFrom('events').select('id').execute()).map((r) => Number(r.id));
      assert.ok(!eventIds.includes(oldEvent));
      assert.ok(eventIds.includes(recentEvent));
      assert.ok(eventIds.includes(awaitedEvent), 'an event whose delivery is still queued stays');
      const mailIds = (await db.selectFrom('mail_outbox').select('id').execute()).map((r) => r.id);
      assert.ok(!mailIds.includes(oldSent) && !mailIds.includes(oldGivenUp));
      assert.ok(mailIds.includes(recentSent) && mailIds.includes(oldRetrying), 'recent and still-retrying emails stay');
      assert.equal(await audit(), auditBefore, 'the audit log is never purged');
      assert.equal(await purgeExpired(h.ctx), 0, 'nothing left to purge');
    });
  });
}
