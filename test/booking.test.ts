import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { queueDueReminders } from '../server/modules/booking/reminders.ts';
import { applicant, book, findService, freeSlots, outbox, tokenOf } from './support/fixtures.ts';
import { DEFAULT_NOW, ENGINES, startHarness, type Harness } from './support/harness.ts';

for (const engine of ENGINES) {
  describe(`booking (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());
    beforeEach(() => h.clock.set(DEFAULT_NOW));

    const countBookings = async () =>
      Number(
        (
          await h.ctx.db
            .selectFrom('bookings')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('status', '<>', 'held')
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('shows free slots in Rome time, after the minimum notice, with the number of free desks', async () => {
      const { service } = await findService(h.app, 'bari', 'Anagrafe');
      const res = await h.app.inject(`/api/v1/bari/services/${service.id}/availability?from=2026-03-02&to=2026-03-08`);
      assert.equal(res.statusCode, 200);
      const { days, timeZone } = res.json();
      assert.equal(timeZone, 'Europe/Rome');
      assert.deepEqual(
        days.map((d: { date: string }) => d.date),
        ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'],
      );
      // now is 08:00 in Rome with 120 minutes of notice: the first slot is 10:00
      assert.equal(days[0].slots[0].start, '2026-03-02T10:00:00+01:00');
      assert.equal(days[0].slots[0].end, '2026-03-02T10:15:00+01:00');
      assert.equal(days[0].slots[0].available, 18);
      // Tuesday has afternoon hours too
      assert.ok(days[1].slots.some((s: { start: string }) => s.start === '2026-03-03T15:00:00+01:00'));
    });

    it('books with a hold, emails a confirmation with summary, manage link and .ics', async () => {
      const { service } = await findService(h.app, 'bari', 'URP', 'Informazioni generali');
      const [slot] = await freeSlots(h.app, 'bari', service.id);
      const hold = await h.app.inject({ method: 'POST', url: '/api/v1/bari/holds', payload: { serviceId: service.id, start: slot!.start } });
      assert.equal(hold.statusCode, 201);
      const email = 'conferma@example.it';
      const res = await book(h.app, 'bari', { serviceId: service.id, start: slot!.start, holdId: hold.json().id, reason: 'Informazioni TARI', applicant: applicant(email) });
      assert.equal(res.statusCode, 201, res.body);
      const b = res.json();
      assert.match(b.reference, /^BA-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      assert.equal(b.status, 'confirmed');
      assert.equal(b.start, slot!.start);
      assert.ok(b.manageUrl.startsWith('http://localhost:3000/bari/appuntamento/'));
      assert.ok(tokenOf(b.manageUrl).length >= 43, 'manage token carries at least 256 bits');
      assert.equal(b.videoUrl, undefined);

      await h.worker.drain();
      const [mail] = await outbox(h.app, email);
      assert.ok(mail, 'confirmation queued');
      assert.equal(mail.state, 'sent');
      assert.match(mail.subject, /Appuntamento confermato: Informazioni generali/);
      assert.match(mail.text, new RegExp(b.reference));
      assert.match(mail.text, /lunedì 2 marzo 2026, ore 10:00/);
      assert.match(mail.text, /Corso Vittorio Emanuele II 84/);
      assert.ok(mail.text.includes(b.manageUrl));
      const ics = mail.attachments[0]!;
      assert.equal(ics.filename, 'appuntamento.ics');
      assert.match(ics.contentType, /text\/calendar/);
      assert.match(ics.content!, /METHOD:REQUEST/);
      assert.match(ics.content!, new RegExp(`UID:${b.id}@sportello`));
      assert.match(ics.content!, /SEQUENCE:0/);
      assert.match(ics.content!, /DTSTART:20260302T090000Z/);
    });

    it('gives 409 SLOT_TAKEN with fresh alternatives when the only desk is taken', async () => {
      const { service } = await findService(h.app, 'bitonto', 'URP');
      const [slot, next] = await freeSlots(h.app, 'bitonto', service.id);
      const first = await book(h.app, 'bitonto', { serviceId: service.id, start: slot!.start, applicant: applicant('primo@example.it') });
      assert.equal(first.statusCode, 201);
      const before = await countBookings();
      const second = await book(h.app, 'bitonto', { serviceId: service.id, start: slot!.start, applicant: applicant('secondo@example.it') });
      assert.equal(second.statusCode, 409);
      const body = second.json();
      assert.equal(body.code, 'SLOT_TAKEN');
      assert.match(body.message, /appena prenotato/);
      assert.equal(body.alternatives[0].start, next!.start);
      assert.ok(body.alternatives.every((a: { start: string }) => a.start !== slot!.start));
      assert.equal(await countBookings(), before);
      const hold = await h.app.inject({ method: 'POST', url: '/api/v1/bitonto/holds', payload: { serviceId: service.id, start: slot!.start } });
      assert.equal(hold.statusCode, 409);
    });

    it('a hold keeps the slot for its holder until it expires', async () => {
      const { service } = await findService(h.app, 'bitonto', 'URP');
      const slots = await freeSlots(h.app, 'bitonto', service.id, '2026-03-04', '2026-03-04');
      const slot = slots[0]!;
      const hold = await h.app.inject({ method: 'POST', url: '/api/v1/bitonto/holds', payload: { serviceId: service.id, start: slot.start } });
      assert.equal(hold.statusCode, 201);
      assert.ok(!(await freeSlots(h.app, 'bitonto', service.id, '2026-03-04', '2026-03-04')).some((s) => s.start === slot.start));
      const other = await book(h.app, 'bitonto', { serviceId: service.id, start: slot.start, applicant: applicant('altro@example.it') });
      assert.equal(other.statusCode, 409);
      h.clock.advance(11 * 60_000);
      assert.ok((await freeSlots(h.app, 'bitonto', service.id, '2026-03-04', '2026-03-04')).some((s) => s.start === slot.start));
      const late = await book(h.app, 'bitonto', { serviceId: service.id, start: slot.start, holdId: hold.json().id, applicant: applicant('ritardo@example.it') });
      assert.equal(late.statusCode, 201, 'an expired hold falls back to a normal booking when the slot is still free');
    });

    it('returns the same booking for a retried Idempotency-Key and refuses a key reused for another request', async () => {
      const { service } = await findService(h.app, 'bari', 'Anagrafe');
      const [slot] = await freeSlots(h.app, 'bari', service.id, '2026-03-05', '2026-03-05');
      const body = { serviceId: service.id, start: slot!.start, applicant: applicant('idem@example.it') };
      const headers = { 'idempotency-key': 'retry-key-0001' };
      const [a, b] = await Promise.all([book(h.app, 'bari', body, headers), book(h.app, 'bari', body, headers)]);
      assert.equal(a.statusCode, 201);
      assert.equal(b.statusCode, 201);
      assert.equal(a.json().id, b.json().id);
      assert.equal(a.json().reference, b.json().reference);
      const c = await book(h.app, 'bari', body, headers);
      assert.equal(c.json().id, a.json().id);
      assert.equal(c.headers['idempotent-replayed'], 'true');
      const rows = await h.ctx.db.selectFrom('bookings').select('id').where('applicant_email', '=', 'idem@example.it').execute();
      assert.equal(rows.length, 1);
      const other = await book(h.app, 'bari', { ...body, applicant: applicant('idem2@example.it') }, headers);
      assert.equal(other.statusCode, 422);
      assert.equal(other.json().code, 'IDEMPOTENCY_KEY_REUSED');
    });

    it('limits active bookings per citizen and service', async () => {
      const { service } = await findService(h.app, 'bari', 'Anagrafe');
      const slots = await freeSlots(h.app, 'bari', service.id, '2026-03-06', '2026-03-06');
      const first = await book(h.app, 'bari', { serviceId: service.id, start: slots[0]!.start, applicant: applicant('limite@example.it') });
      assert.equal(first.statusCode, 201);
      const second = await book(h.app, 'bari', { serviceId: service.id, start: slots[3]!.start, applicant: applicant('LIMITE@example.it') });
      assert.equal(second.statusCode, 409);
      assert.equal(second.json().code, 'BOOKING_LIMIT_REACHED');
      const { service: urp } = await findService(h.app, 'bari', 'URP', 'Informazioni generali');
      const [u] = await freeSlots(h.app, 'bari', urp.id, '2026-03-06', '2026-03-06');
      assert.equal((await book(h.app, 'bari', { serviceId: urp.id, start: u!.start, applicant: applicant('limite@example.it') })).statusCode, 201);
    });

    it('manages a booking from its link: view, reschedule (emails only on a real change), cancel with reason', async () => {
      const { service } = await findService(h.app, 'bari', 'Ripartizione Urbanistica', 'Piani di lottizzazione');
      const slots = await freeSlots(h.app, 'bari', service.id, '2026-03-09', '2026-03-13');
      const email = 'gestione@example.it';
      const created = (await book(h.app, 'bari', { serviceId: service.id, start: slots[0]!.start, applicant: applicant(email) })).json();
      const token = tokenOf(created.manageUrl);
      const view = await h.app.inject(`/api/v1/bari/bookings/manage/${token}`);
      assert.equal(view.statusCode, 200);
      assert.equal(view.json().reference, created.reference);
      assert.equal(view.json().canChange, true);
      assert.equal(view.json().applicant.email, email);

      const moved = await h.app.inject({ method: 'POST', url: `/api/v1/bari/bookings/manage/${token}/reschedule`, payload: { start: slots[2]!.start } });
      assert.equal(moved.statusCode, 200, moved.body);
      assert.equal(moved.json().start, slots[2]!.start);
      const same = await h.app.inject({ method: 'POST', url: `/api/v1/bari/bookings/manage/${token}/reschedule`, payload: { start: slots[2]!.start } });
      assert.equal(same.statusCode, 200);
      await h.worker.drain();
      let mails = await outbox(h.app, email);
      assert.deepEqual(
        mails.map((m) => m.subject.split(':')[0]),
        ['Appuntamento spostato', 'Appuntamento confermato'],
      );
      assert.match(mails[0]!.attachments[0]!.content!, /SEQUENCE:1/);
      assert.match(mails[0]!.attachments[0]!.content!, new RegExp(`UID:${created.id}@sportello`));
      // the old slot is free again
      assert.ok((await freeSlots(h.app, 'bari', service.id, '2026-03-09', '2026-03-13')).some((s) => s.start === slots[0]!.start));

      const cancelled = await h.app.inject({ method: 'POST', url: `/api/v1/bari/bookings/manage/${token}/cancel`, payload: { reason: 'Non posso più venire' } });
      assert.equal(cancelled.statusCode, 200);
      assert.equal(cancelled.json().status, 'cancelled');
      assert.equal(cancelled.json().cancelledBy, 'citizen');
      assert.equal(cancelled.json().cancelReason, 'Non posso più venire');
      const again = await h.app.inject({ method: 'POST', url: `/api/v1/bari/bookings/manage/${token}/cancel`, payload: {} });
      assert.equal(again.statusCode, 200);
      await h.worker.drain();
      mails = await outbox(h.app, email);
      assert.equal(mails.length, 3, 'one cancellation email, not two');
      assert.match(mails[0]!.subject, /^Appuntamento annullato/);
      assert.match(mails[0]!.attachments[0]!.content!, /METHOD:CANCEL/);
      assert.match(mails[0]!.attachments[0]!.content!, /SEQUENCE:2/);
      const audit = await h.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', created.id).orderBy('id').execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['booking.created', 'booking.rescheduled', 'booking.cancelled'],
      );
    });

    it('closes changes at the cut-off', async () => {
      const { service } = await findService(h.app, 'bari', 'Ripartizione Urbanistica', 'Paesaggio');
      const [slot] = await freeSlots(h.app, 'bari', service.id, '2026-03-10', '2026-03-10');
      const created = (await book(h.app, 'bari', { serviceId: service.id, start: slot!.start, applicant: applicant('cutoff@example.it') })).json();
      assert.ok(created.videoUrl?.endsWith('/video'), 'a video service has a video link');
      h.clock.set(new Date(Date.parse(slot!.start) - 23 * 3_600_000));
      const token = tokenOf(created.manageUrl);
      assert.equal((await h.app.inject(`/api/v1/bari/bookings/manage/${token}`)).json().canChange, false);
      const res = await h.app.inject({ method: 'POST', url: `/api/v1/bari/bookings/manage/${token}/cancel`, payload: {} });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().code, 'CHANGE_CLOSED');
    });

    it('sends the reminder the day before, once', async () => {
      const { service } = await findService(h.app, 'bari', 'Ripartizione Tutela', 'Autorizzazione scarico acque reflue domestiche e assimilate');
      const [slot] = await freeSlots(h.app, 'bari', service.id, '2026-03-11', '2026-03-11');
      const email = 'promemoria@example.it';
      assert.equal((await book(h.app, 'bari', { serviceId: service.id, start: slot!.start, applicant: applicant(email) })).statusCode, 201);
      assert.equal(await queueDueReminders(h.ctx), 0);
      h.clock.set(new Date(Date.parse(slot!.start) - 20 * 3_600_000));
      assert.ok((await queueDueReminders(h.ctx)) >= 1);
      assert.equal(await queueDueReminders(h.ctx), 0);
      await h.worker.drain();
      const mails = await outbox(h.app, email);
      assert.equal(mails.filter((m) => m.subject.startsWith('Promemoria')).length, 1);
      assert.match(mails[0]!.text, /bari\/appuntamento\//);
    });

    it('refuses bad input with a clear 4xx and changes nothing', async () => {
      const { service } = await findService(h.app, 'bari', 'Anagrafe');
      const [slot] = await freeSlots(h.app, 'bari', service.id, '2026-03-12', '2026-03-12');
      const before = await countBookings();
      const cases: Array<[unknown, number, string]> = [
        [{ serviceId: service.id, start: slot!.start, applicant: { name: 'A', surname: 'B' } }, 400, 'VALIDATION'],
        [{ serviceId: service.id, start: slot!.start, applicant: { ...applicant(), email: 'not-an-email' } }, 400, 'VALIDATION'],
        [{ serviceId: service.id, start: slot!.start, applicant: { ...applicant(), name: '   ' } }, 400, 'VALIDATION'],
        [{ serviceId: service.id, start: 'tomorrow', applicant: applicant() }, 400, 'VALIDATION'],
        [{ serviceId: service.id, start: '2026-03-12T10:07:00+01:00', applicant: applicant('grid@example.it') }, 400, 'SLOT_NOT_OFFERED'],
        [{ serviceId: service.id, start: '2026-03-02T08:30:00+01:00', applicant: applicant('past@example.it') }, 409, 'SLOT_UNAVAILABLE'],
        [{ serviceId: '00000000-0000-4000-8000-000000000000', start: slot!.start, applicant: applicant() }, 404, 'SERVICE_NOT_FOUND'],
        [{ serviceId: service.id, start: slot!.start, applicant: applicant(), extra: 1 }, 400, 'VALIDATION'],
        [{ serviceId: service.id, start: slot!.start, applicant: { ...applicant(), name: 'x'.repeat(81) } }, 400, 'VALIDATION'],
      ];
      for (const [payload, status, code] of cases) {
        const res = await book(h.app, 'bari', payload as Record<string, unknown>);
        assert.equal(res.statusCode, status, `${JSON.stringify(payload)} → ${res.body}`);
        assert.equal(res.json().code, code);
        assert.ok(res.json().message.length > 0);
      }
      const broken = await h.app.inject({ method: 'POST', url: '/api/v1/bari/bookings', payload: '{"serviceId":', headers: { 'content-type': 'application/json' } });
      assert.equal(broken.statusCode, 400);
      const range = await h.app.inject(`/api/v1/bari/services/${service.id}/availability?from=2026-03-02&to=2026-12-31`);
      assert.equal(range.json().code, 'RANGE_TOO_LONG');
      const badDate = await h.app.inject(`/api/v1/bari/services/${service.id}/availability?from=2026-02-30&to=2026-03-01`);
      assert.equal(badDate.statusCode, 400);
      const badToken = await h.app.inject('/api/v1/bari/bookings/manage/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      assert.equal(badToken.statusCode, 404);
      const badEmail = await book(h.app, 'bari', { serviceId: service.id, start: slot!.start, applicant: { ...applicant(), email: 'mario@' } });
      assert.deepEqual(badEmail.json().fields, [{ field: 'applicant.email', message: 'indirizzo email non valido' }]);
      const english = await book(h.app, 'bari', { serviceId: service.id }, { 'accept-language': 'en-GB,en;q=0.9' });
      assert.match(english.json().message, /Some data is not valid/);
      assert.equal(await countBookings(), before);
    });

    it("keeps comuni apart: no booking of Bari's service through Bitonto, no manage link across comuni", async () => {
      const { service } = await findService(h.app, 'bari', 'Anagrafe');
      const [slot] = await freeSlots(h.app, 'bari', service.id, '2026-03-13', '2026-03-13');
      const res = await book(h.app, 'bitonto', { serviceId: service.id, start: slot!.start, applicant: applicant('cross@example.it') });
      assert.equal(res.statusCode, 404);
      assert.equal((await h.app.inject(`/api/v1/bitonto/services/${service.id}/availability?from=2026-03-13&to=2026-03-13`)).statusCode, 404);
      const created = (await book(h.app, 'bari', { serviceId: service.id, start: slot!.start, applicant: applicant('cross@example.it') })).json();
      assert.equal((await h.app.inject(`/api/v1/bitonto/bookings/manage/${tokenOf(created.manageUrl)}`)).statusCode, 404);
    });
    it('offers the booking as a calendar file from its link, the same event as the email', async () => {
      const { service } = await findService(h.app, 'bari', 'URP', 'Informazioni generali');
      const [slot] = await freeSlots(h.app, 'bari', service.id, '2026-03-04', '2026-03-04');
      const created = (await book(h.app, 'bari', { serviceId: service.id, start: slot!.start, applicant: applicant('calendar@example.it') })).json();
      const token = tokenOf(created.manageUrl);
      const res = await h.app.inject(`/api/v1/bari/bookings/manage/${token}/calendar.ics`);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/calendar/);
      assert.match(String(res.headers['content-disposition']), new RegExp(`attachment; filename="appuntamento-${created.reference}.ics"`));
      assert.match(res.body, new RegExp(`UID:${created.id}@sportello`));
      assert.match(res.body, /METHOD:REQUEST/);
      assert.match(res.body, /SEQUENCE:0/);
      await h.app.inject({ method: 'POST', url: `/api/v1/bari/bookings/manage/${token}/cancel`, payload: {} });
      assert.match((await h.app.inject(`/api/v1/bari/bookings/manage/${token}/calendar.ics`)).body, /METHOD:CANCEL/);
      assert.equal((await h.app.inject(`/api/v1/bari/bookings/manage/${'x'.repeat(43)}/calendar.ics`)).statusCode, 404);
    });
    it('serves repeated availability reads from the short-lived cache, and any write refreshes them at once', async () => {
      const { service } = await findService(h.app, 'bari', 'Anagrafe');
      const url = `/api/v1/bari/services/${service.id}/availability?from=2026-03-05&to=2026-03-05`;
      const freeAt = async (start: string) =>
        ((await h.app.inject(url)).json().days[0].slots as Array<{ start: string; available: number }>).find((s) => s.start === start)!.available;
      const start = '2026-03-05T10:00:00+01:00';
      assert.equal(await freeAt(start), 18);
      assert.equal(await freeAt(start), 18); // the cached copy
      // A booking through the API is reflected in the very next read, and so is a hold.
      assert.equal((await book(h.app, 'bari', { serviceId: service.id, start, applicant: applicant('cache@example.it') }, { 'x-forwarded-for': '10.9.9.9' })).statusCode, 201);
      assert.equal(await freeAt(start), 17);
      const hold = await h.app.inject({ method: 'POST', url: '/api/v1/bari/holds', payload: { serviceId: service.id, start }, headers: { 'x-forwarded-for': '10.9.9.9' } });
      assert.equal(hold.statusCode, 201);
      assert.equal(await freeAt(start), 16);
    });
  });
}
