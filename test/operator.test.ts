import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { applicant, book, findService, freeSlots, outbox } from './support/fixtures.ts';
import { DEFAULT_NOW, ENGINES, startHarness, type Harness } from './support/harness.ts';
import { signIn } from './support/operator.ts';

for (const engine of ENGINES) {
  describe(`officer console (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());
    beforeEach(() => h.clock.set(DEFAULT_NOW));

    it('signs in with a fresh HttpOnly, SameSite session cookie and refuses wrong passwords', async () => {
      const bad = await h.app.inject({ method: 'POST', url: '/api/v1/bari/operator/session', payload: { username: 'urp.bari', password: 'wrong' } });
      assert.equal(bad.statusCode, 401);
      assert.equal(bad.json().code, 'INVALID_CREDENTIALS');
      const unknown = await h.app.inject({ method: 'POST', url: '/api/v1/bari/operator/session', payload: { username: 'nobody', password: 'x' } });
      assert.equal(unknown.statusCode, 401);
      const a = await signIn(h.app, 'bari', 'urp.bari');
      assert.equal(a.cookie.httpOnly, true);
      assert.equal(a.cookie.sameSite, 'Strict');
      assert.equal(a.cookie.path, '/api/v1/bari/operator');
      assert.ok(a.cookie.value.length >= 43);
      assert.equal(a.body.operator.role, 'operator');
      const b = await signIn(h.app, 'bari', 'urp.bari');
      assert.notEqual(a.cookie.value, b.cookie.value, 'a new session id at every login');
      const me = await b.request({ method: 'GET', url: '/api/v1/bari/operator/session' });
      assert.equal(me.json().operator.username, 'urp.bari');
      const out = await b.request({ method: 'DELETE', url: '/api/v1/bari/operator/session' });
      assert.equal(out.statusCode, 204);
      assert.equal((await b.request({ method: 'GET', url: '/api/v1/bari/operator/session' })).statusCode, 401);
    });

    it('makes the failing address wait after five failed attempts, never the account', async () => {
      const attempt = (password: string, remoteAddress = '127.0.0.1') =>
        h.app.inject({ method: 'POST', url: '/api/v1/bitonto/operator/session', remoteAddress, payload: { username: 'suap.bitonto', password } });
      for (let i = 0; i < 4; i++) assert.equal((await attempt('nope')).statusCode, 401);
      const fifth = await attempt('nope');
      assert.equal(fifth.statusCode, 429);
      assert.equal(fifth.json().code, 'LOGIN_THROTTLED');
      assert.equal(fifth.headers['retry-after'], '30');
      assert.match(fifth.json().message, /riprova tra 30 secondi/);
      assert.equal((await attempt('sportello-demo')).statusCode, 429, 'this address waits, even with the right password');
      assert.equal((await attempt('sportello-demo', '203.0.113.50')).statusCode, 200, 'from elsewhere the officer signs in');
      h.clock.advance(31_000);
      assert.equal((await attempt('sportello-demo')).statusCode, 200, 'and here once the wait is over');
    });

    it('requires a session and the CSRF token on writes', async () => {
      assert.equal((await h.app.inject('/api/v1/bari/operator/offices')).statusCode, 401);
      const op = await signIn(h.app, 'bari', 'admin.bari');
      const offices = (await op.request({ method: 'GET', url: '/api/v1/bari/operator/offices' })).json().offices;
      const noCsrf = await op.request({
        method: 'POST',
        url: '/api/v1/bari/operator/admin/exceptions',
        payload: { officeId: offices[0].id, day: '2026-03-20', kind: 'closed' },
        csrf: false,
      });
      assert.equal(noCsrf.statusCode, 403);
      assert.equal(noCsrf.json().code, 'CSRF');
      assert.equal((await h.ctx.db.selectFrom('schedule_exceptions').selectAll().execute()).length, 0);
    });

    it('runs the desk workflow: agenda, detail, check-in, done; cancel emails the citizen', async () => {
      const { office, service } = await findService(h.app, 'bari', 'URP', 'Informazioni generali');
      const [s1, s2] = await freeSlots(h.app, 'bari', service.id, '2026-03-03', '2026-03-03');
      const first = (await book(h.app, 'bari', { serviceId: service.id, start: s1!.start, reason: 'Residenza', applicant: applicant('agenda1@example.it') })).json();
      const second = (await book(h.app, 'bari', { serviceId: service.id, start: s2!.start, applicant: applicant('agenda2@example.it') })).json();
      const op = await signIn(h.app, 'bari', 'urp.bari');
      const agenda = await op.request({ method: 'GET', url: `/api/v1/bari/operator/agenda?officeId=${office.id}&from=2026-03-03&to=2026-03-03` });
      assert.equal(agenda.statusCode, 200);
      const refs = agenda.json().bookings.map((b: { reference: string }) => b.reference);
      assert.ok(refs.includes(first.reference) && refs.includes(second.reference));
      const detail = (await op.request({ method: 'GET', url: `/api/v1/bari/operator/bookings/${first.id}` })).json();
      assert.equal(detail.applicant.email, 'agenda1@example.it');
      assert.equal(detail.reason, 'Residenza');
      assert.equal(detail.history[0].action, 'booking.created');

      const checkedIn = await op.request({ method: 'POST', url: `/api/v1/bari/operator/bookings/${first.id}/check-in` });
      assert.equal(checkedIn.json().status, 'checked_in');
      assert.ok(checkedIn.json().checkedInAt);
      const again = await op.request({ method: 'POST', url: `/api/v1/bari/operator/bookings/${first.id}/check-in` });
      assert.equal(again.statusCode, 409);
      const done = await op.request({ method: 'POST', url: `/api/v1/bari/operator/bookings/${first.id}/done`, payload: { note: 'Pratica avviata' } });
      assert.equal(done.json().status, 'done');
      assert.equal(done.json().outcomeNote, 'Pratica avviata');

      const noReason = await op.request({ method: 'POST', url: `/api/v1/bari/operator/bookings/${second.id}/cancel`, payload: {} });
      assert.equal(noReason.statusCode, 400);
      const cancelled = await op.request({ method: 'POST', url: `/api/v1/bari/operator/bookings/${second.id}/cancel`, payload: { reason: 'Ufficio chiuso per assemblea' } });
      assert.equal(cancelled.json().status, 'cancelled');
      assert.equal(cancelled.json().cancelledBy, 'operator');
      await h.worker.drain();
      const [mail] = await outbox(h.app, 'agenda2@example.it');
      assert.match(mail!.subject, /^Appuntamento annullato/);
      assert.match(mail!.text, /l'ufficio ha annullato/);
      assert.match(mail!.text, /Ufficio chiuso per assemblea/);
      const actions = await h.ctx.db.selectFrom('audit_log').select('action').where('actor_type', '=', 'operator').where('entity_type', '=', 'booking').execute();
      for (const a of ['booking.checked-in', 'booking.completed', 'booking.cancelled'])
        assert.ok(
          actions.some((x) => x.action === a),
          a,
        );
    });

    it('books on behalf of a citizen on the phone', async () => {
      const { service } = await findService(h.app, 'bari', 'Anagrafe');
      const [slot] = await freeSlots(h.app, 'bari', service.id, '2026-03-04', '2026-03-04');
      const op = await signIn(h.app, 'bari', 'anagrafe.bari');
      const res = await op.request({
        method: 'POST',
        url: '/api/v1/bari/operator/bookings',
        payload: { serviceId: service.id, start: slot!.start, applicant: applicant('telefono@example.it') },
      });
      assert.equal(res.statusCode, 201, res.body);
      const row = await h.ctx.db.selectFrom('bookings').select(['channel', 'created_by']).where('id', '=', res.json().id).executeTakeFirstOrThrow();
      assert.equal(row.channel, 'operator');
      await h.worker.drain();
      assert.equal((await outbox(h.app, 'telefono@example.it')).length, 1);
      // urp.bari works only for URP: Anagrafe's services are out of its reach
      const urp = await signIn(h.app, 'bari', 'urp.bari');
      const refused = await urp.request({
        method: 'POST',
        url: '/api/v1/bari/operator/bookings',
        payload: { serviceId: service.id, start: slot!.start, applicant: applicant('x@example.it') },
      });
      assert.equal(refused.statusCode, 404);
    });

    it('keeps officers inside their comune and their offices', async () => {
      const urp = await signIn(h.app, 'bari', 'urp.bari');
      const offices = (await urp.request({ method: 'GET', url: '/api/v1/bari/operator/offices' })).json().offices;
      assert.deepEqual(
        offices.map((o: { name: string }) => o.name),
        ['URP - Ufficio Relazioni con il Pubblico'],
      );
      const { office: anagrafe, service } = await findService(h.app, 'bari', 'Anagrafe');
      assert.equal((await urp.request({ method: 'GET', url: `/api/v1/bari/operator/agenda?officeId=${anagrafe.id}&from=2026-03-02&to=2026-03-08` })).statusCode, 404);
      const [slot] = await freeSlots(h.app, 'bari', service.id, '2026-03-05', '2026-03-05');
      const booking = (await book(h.app, 'bari', { serviceId: service.id, start: slot!.start, applicant: applicant('scope@example.it') })).json();
      assert.equal((await urp.request({ method: 'GET', url: `/api/v1/bari/operator/bookings/${booking.id}` })).statusCode, 404);
      assert.equal((await urp.request({ method: 'POST', url: `/api/v1/bari/operator/bookings/${booking.id}/check-in` })).statusCode, 404);
      // A Bitonto officer sees nothing of Bari, and a Bari session is not valid in Bitonto
      const bitonto = await signIn(h.app, 'bitonto', 'admin.bitonto');
      assert.equal((await bitonto.request({ method: 'GET', url: `/api/v1/bitonto/operator/bookings/${booking.id}` })).statusCode, 404);
      assert.equal((await bitonto.request({ method: 'GET', url: `/api/v1/bitonto/operator/agenda?officeId=${anagrafe.id}&from=2026-03-02&to=2026-03-08` })).statusCode, 404);
      assert.equal((await urp.request({ method: 'GET', url: '/api/v1/bitonto/operator/offices' })).statusCode, 401);
      const bitontoOffices = (await bitonto.request({ method: 'GET', url: '/api/v1/bitonto/operator/offices' })).json().offices;
      assert.ok(bitontoOffices.length > 0 && bitontoOffices.every((o: { name: string }) => !o.name.startsWith('Anagrafe - Servizi')));
    });

    it('lets an admin configure services, desks, hours and closures, and an operator not', async () => {
      const urp = await signIn(h.app, 'bari', 'urp.bari');
      const { office } = await findService(h.app, 'bari', 'URP');
      const refused = await urp.request({ method: 'POST', url: '/api/v1/bari/operator/admin/services', payload: { officeId: office.id, name: 'Nuovo', durationMinutes: 15 } });
      assert.equal(refused.statusCode, 403);

      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const created = await admin.request({
        method: 'POST',
        url: '/api/v1/bari/operator/admin/services',
        payload: { officeId: office.id, name: 'Accesso agli atti', durationMinutes: 15, mode: 'video', minNoticeMinutes: 0 },
      });
      assert.equal(created.statusCode, 201, created.body);
      const service = created.json().services.find((s: { name: string }) => s.name === 'Accesso agli atti');
      const desk = await admin.request({
        method: 'POST',
        url: '/api/v1/bari/operator/admin/desks',
        payload: { officeId: office.id, name: 'Sportello atti', serviceIds: [service.id] },
      });
      assert.equal(desk.statusCode, 201);
      const deskId = desk.json().desks.find((d: { name: string }) => d.name === 'Sportello atti').id;
      const overlapping = await admin.request({
        method: 'PUT',
        url: `/api/v1/bari/operator/admin/desks/${deskId}/hours`,
        payload: {
          hours: [
            { weekday: 1, start: '09:00', end: '11:00' },
            { weekday: 1, start: '10:00', end: '12:00' },
          ],
        },
      });
      assert.equal(overlapping.statusCode, 400);
      assert.equal(overlapping.json().code, 'INVALID_HOURS');
      const hours = await admin.request({
        method: 'PUT',
        url: `/api/v1/bari/operator/admin/desks/${deskId}/hours`,
        payload: {
          hours: [
            { weekday: 5, start: '09:00', end: '10:00' },
            { weekday: 5, start: '11:00', end: '12:00' },
          ],
        },
      });
      assert.equal(hours.statusCode, 200);
      let slots = await freeSlots(h.app, 'bari', service.id, '2026-03-06', '2026-03-06');
      assert.deepEqual(
        slots.map((s) => s.start.slice(11, 16)),
        ['09:00', '09:15', '09:30', '09:45', '11:00', '11:15', '11:30', '11:45'],
      );
      const closure = await admin.request({
        method: 'POST',
        url: '/api/v1/bari/operator/admin/exceptions',
        payload: { officeId: office.id, day: '2026-03-06', kind: 'closed', start: '11:00', end: '12:00', note: 'Assemblea' },
      });
      assert.equal(closure.statusCode, 201);
      slots = await freeSlots(h.app, 'bari', service.id, '2026-03-06', '2026-03-06');
      assert.equal(slots.length, 4);
      const removed = await admin.request({ method: 'DELETE', url: `/api/v1/bari/operator/admin/exceptions/${closure.json().id}` });
      assert.equal(removed.statusCode, 204);
      assert.equal((await freeSlots(h.app, 'bari', service.id, '2026-03-06', '2026-03-06')).length, 8);
      const off = await admin.request({ method: 'PATCH', url: `/api/v1/bari/operator/admin/desks/${deskId}`, payload: { active: false } });
      assert.equal(off.statusCode, 200);
      assert.equal((await freeSlots(h.app, 'bari', service.id, '2026-03-06', '2026-03-06')).length, 0);
      const audit = await h.ctx.db.selectFrom('audit_log').select('action').where('actor_type', '=', 'operator').execute();
      for (const a of ['service.created', 'desk.created', 'desk.hours-changed', 'exception.created', 'exception.deleted', 'desk.updated'])
        assert.ok(
          audit.some((x) => x.action === a),
          a,
        );
      // Bitonto's admin cannot touch Bari's office
      const bitonto = await signIn(h.app, 'bitonto', 'admin.bitonto');
      assert.equal((await bitonto.request({ method: 'PATCH', url: `/api/v1/bitonto/operator/admin/desks/${deskId}`, payload: { active: true } })).statusCode, 404);
    });
  });
}
