import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { BoardMessage, DeskLine, OfficeQueueInfo, TicketCreated, TicketMessage, TicketView } from '../contracts/queue.ts';
import { applicant, book, findService, freeSlots, outbox } from './support/fixtures.ts';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';
import { connectJsonSocket } from './support/json-socket.ts';
import { signIn } from './support/operator.ts';

/** Monday 2 March 2026, 09:30 in Rome: the URP (9:00-12:30) is open. */
const OPEN = '2026-03-02T08:30:00Z';
const MIN = 60_000;

for (const engine of ENGINES) {
  describe(`virtual queue (${engine.name})`, () => {
    let h: Harness;
    let base: string;
    let ip = 0;
    const from = () => ({ 'x-forwarded-for': `10.4.${Math.floor(++ip / 250)}.${ip % 250}` });
    let urp: { officeId: string; infoService: string; videoService: string };

    before(async () => {
      h = await startHarness({ url: engine.url, now: OPEN });
      base = await h.app.listen({ port: 0, host: '127.0.0.1' });
      const info = await findService(h.app, 'bari', 'URP', 'Informazioni generali');
      const video = await findService(h.app, 'bari', 'URP', 'Informazioni generali in videochiamata');
      urp = { officeId: info.office.id, infoService: info.service.id, videoService: video.service.id };
    });
    after(async () => h.close());
    beforeEach(async () => {
      h.clock.set(OPEN);
      // Every test starts with an empty line and free desks.
      await h.ctx.db
        .updateTable('desk_sessions')
        .set({ ended_at: new Date(OPEN) })
        .where('ended_at', 'is', null)
        .execute();
      await h.ctx.db.updateTable('tickets').set({ status: 'expired' }).where('status', 'in', ['waiting', 'called', 'serving', 'parked']).execute();
    });

    const take = (body: Record<string, unknown>, officeId = urp.officeId) =>
      h.app.inject({ method: 'POST', url: `/api/v1/bari/offices/${officeId}/tickets`, payload: body, headers: from() });
    async function ticket(body: Record<string, unknown> = { serviceId: urp.infoService }): Promise<TicketCreated> {
      const res = await take(body);
      assert.equal(res.statusCode, 201, res.body);
      return res.json();
    }
    const view = async (t: TicketCreated): Promise<TicketView> => (await h.app.inject(`/api/v1/bari/tickets/${t.id}?token=${t.token}`)).json();
    async function deskOf(op: Awaited<ReturnType<typeof signIn>>, name: string) {
      const desks = (await op.request({ method: 'GET', url: '/api/v1/bari/operator/desks' })).json().desks as Array<{ id: string; name: string }>;
      const d = desks.find((x) => x.name === name);
      assert.ok(d, `desk ${name} among ${desks.map((x) => x.name).join(', ')}`);
      return d.id;
    }
    async function atDesk(username: string, deskName: string) {
      const op = await signIn(h.app, 'bari', username);
      const deskId = await deskOf(op, deskName);
      const res = await op.request({ method: 'POST', url: `/api/v1/bari/operator/desks/${deskId}/session`, payload: {} });
      assert.equal(res.statusCode, 200, res.body);
      const act = (action: string, payload?: unknown) =>
        op.request({ method: 'POST', url: `/api/v1/bari/operator/desks/${deskId}/${action}`, ...(payload !== undefined ? { payload: payload as object } : {}) });
      return { op, deskId, act, line: async (): Promise<DeskLine> => (await op.request({ method: 'GET', url: `/api/v1/bari/operator/desks/${deskId}/line` })).json() };
    }

    it('tells when numbers can be taken, and refuses them before the office opens', async () => {
      h.clock.set('2026-03-02T07:00:00Z'); // 08:00 in Rome; numbers from 08:30
      const info = (await h.app.inject(`/api/v1/bari/offices/${urp.officeId}/queue`)).json() as OfficeQueueInfo;
      assert.equal(info.open, false);
      assert.match(info.closedReason!, /dalle 08:30/);
      assert.deepEqual(
        info.queues.map((q) => q.prefix),
        ['A', 'V'],
      );
      const refused = await take({ serviceId: urp.infoService });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().code, 'QUEUE_CLOSED');
      h.clock.set('2026-03-02T07:30:00Z');
      assert.equal((await take({ serviceId: urp.infoService })).statusCode, 201);
      // Sunday: closed all day.
      h.clock.set('2026-03-08T09:00:00Z');
      const sunday = (await h.app.inject(`/api/v1/bari/offices/${urp.officeId}/queue`)).json() as OfficeQueueInfo;
      assert.equal(sunday.open, false);
      assert.match(sunday.closedReason!, /chiuso/);
    });

    it('numbers tickets per queue without gaps, with position, estimate and a live page link', async () => {
      const a = await ticket();
      const b = await ticket({ serviceId: urp.infoService, email: 'coda@example.it' });
      assert.match(a.number, /^A\d{3}$/);
      assert.equal(Number(b.number.slice(1)), Number(a.number.slice(1)) + 1);
      assert.equal(a.position, 1);
      assert.equal(b.position, 2);
      assert.ok(b.estimatedWait.minMinutes <= b.estimatedWait.maxMinutes && b.estimatedWait.maxMinutes > 0);
      assert.match(b.trackUrl, new RegExp(`/bari/biglietto/${b.id}\\?token=[A-Za-z0-9_-]{43}$`));
      const v = await view(b);
      assert.equal(v.status, 'waiting');
      assert.equal(v.position, 2);
      assert.equal(v.serviceName, 'Informazioni generali');
      assert.equal(v.officeName, 'URP - Ufficio Relazioni con il Pubblico');
      // The email carries the live page.
      await h.worker.drain();
      const [mail] = await outbox(h.app, 'coda@example.it');
      assert.match(mail!.subject, new RegExp(`il tuo numero è ${b.number}`));
      assert.ok(mail!.text.includes('/bari/biglietto/'));
      // Concurrent tickets: still consecutive, never repeated.
      const many = await Promise.all(Array.from({ length: 12 }, () => ticket()));
      const seqs = many.map((t) => Number(t.number.slice(1))).sort((x, y) => x - y);
      assert.deepEqual(
        seqs,
        Array.from({ length: 12 }, (_, i) => Number(b.number.slice(1)) + 1 + i),
      );
    });

    it('refuses bad input with a clear 4xx and writes nothing', async () => {
      const before = await h.ctx.db
        .selectFrom('tickets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const cases: Array<[Record<string, unknown>, number, string]> = [
        [{ serviceId: 'nope' }, 400, 'VALIDATION'],
        [{ serviceId: urp.infoService, email: 'not-an-email' }, 400, 'VALIDATION'],
        [{ serviceId: urp.infoService, priority: 'vip' }, 400, 'UNKNOWN_PRIORITY'],
        [{ serviceId: urp.infoService, extra: 1 }, 400, 'VALIDATION'],
        [{ serviceId: '00000000-0000-4000-8000-000000000000' }, 404, 'SERVICE_NOT_QUEUED'],
      ];
      for (const [body, status, code] of cases) {
        const res = await take(body);
        assert.equal(res.statusCode, status, `${JSON.stringify(body)}: ${res.body}`);
        assert.equal(res.json().code, code);
      }
      // A Bitonto service at a Bari office, and an unknown office.
      const bitonto = await findService(h.app, 'bitonto', 'URP');
      assert.equal((await take({ serviceId: bitonto.service.id })).statusCode, 404);
      assert.equal((await take({ serviceId: urp.infoService }, '00000000-0000-4000-8000-000000000000')).statusCode, 404);
      const t = await ticket();
      assert.equal((await h.app.inject(`/api/v1/bari/tickets/${t.id}?token=${'x'.repeat(43)}`)).statusCode, 404);
      assert.equal((await h.app.inject(`/api/v1/bari/tickets/${t.id}`)).statusCode, 400);
      assert.equal((await h.app.inject(`/api/v1/bitonto/tickets/${t.id}?token=${t.token}`)).statusCode, 404);
      const afterCount = await h.ctx.db
        .selectFrom('tickets')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(afterCount.n), Number(before.n) + 1);
    });

    it('lets desks call the line in order, each ticket once, with recall, no-show, park, resume and transfer', async () => {
      const [t1, t2, t3] = [await ticket({ serviceId: urp.infoService, email: 'primo@example.it' }), await ticket(), await ticket()];
      const op = await signIn(h.app, 'bari', 'urp.bari');
      const desk1 = await deskOf(op, 'Sportello URP 1');
      const refused = await op.request({ method: 'POST', url: `/api/v1/bari/operator/desks/${desk1}/call-next` });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().code, 'NOT_AT_DESK');

      const d1 = await atDesk('urp.bari', 'Sportello URP 1');
      const d2 = await atDesk('admin.bari', 'Sportello URP 2');
      const c1 = await d1.act('call-next');
      assert.equal(c1.statusCode, 200, c1.body);
      assert.equal(c1.json().ticket.number, t1.number);
      const c2 = await d2.act('call-next');
      assert.equal(c2.json().ticket.number, t2.number);
      const v1 = await view(t1);
      assert.equal(v1.status, 'called');
      assert.equal(v1.desk?.name, 'Sportello URP 1');
      assert.equal((await view(t3)).position, 1);

      assert.equal((await d1.act('recall')).json().ticket.callCount, 2);
      await h.worker.drain();
      const calls = (await outbox(h.app, 'primo@example.it')).filter((m) => m.subject.startsWith('È il tuo turno'));
      assert.equal(calls.length, 2, 'one email per call');
      assert.match(calls[0]!.text, /Recati a: Sportello URP 1/);

      assert.equal((await d1.act('start')).json().ticket.status, 'serving');
      assert.equal((await d1.act('park')).json().ticket.status, 'parked');
      assert.equal((await d1.line()).parked.length, 1);
      // The desk calls the next while the first citizen fetches a document, then resumes them.
      assert.equal((await d1.act('call-next')).json().ticket.number, t3.number);
      const resumed = await d1.act(`resume/${t1.id}`);
      assert.equal(resumed.json().ticket.number, t1.number);
      assert.equal(resumed.json().ticket.status, 'called');
      const t3Now = await h.ctx.db.selectFrom('tickets').select(['status', 'served_seconds']).where('id', '=', t3.id).executeTakeFirstOrThrow();
      assert.equal(t3Now.status, 'done', 'resuming finishes what the desk had in hand');
      const finished = await d1.act('finish', { note: 'Informazioni fornite' });
      assert.equal(finished.json().ticket.status, 'done');

      // No-show at desk 2, then an empty line.
      assert.equal((await d2.act('no-show')).json().ticket.status, 'no_show');
      assert.equal((await d2.act('call-next')).statusCode, 204);
      assert.equal((await d2.act('recall')).json().code, 'NO_CURRENT_TICKET');

      // Transfer to the other desk: only that desk calls it.
      const t4 = await ticket();
      await d1.act('call-next');
      const tr = await d1.act('transfer', { deskId: d2.deskId });
      assert.equal(tr.statusCode, 200, tr.body);
      assert.equal(tr.json().ticket.status, 'waiting');
      assert.equal((await d1.act('call-next')).statusCode, 204);
      const d2Line = await d2.line();
      assert.deepEqual(
        d2Line.waiting.map((w) => [w.number, w.lane]),
        [[t4.number, 'desk']],
      );
      const byD2 = await d2.act('call-next');
      assert.equal(byD2.json().ticket.number, t4.number);
      assert.equal((await d2.act('transfer', {})).json().code, 'BAD_TRANSFER');

      // Every action is in the audit log with its officer.
      const actions = await h.ctx.db.selectFrom('audit_log').select(['action']).where('entity_type', '=', 'ticket').where('entity_id', '=', t1.id).orderBy('id').execute();
      assert.deepEqual(
        actions.map((a) => a.action),
        ['ticket.taken', 'ticket.called', 'ticket.recalled', 'ticket.started', 'ticket.parked', 'ticket.resumed', 'ticket.finished'],
      );
    });

    it('serves a booked citizen who checks in at the kiosk before an earlier walk-in; a late one waits as a walk-in', async () => {
      // Tomorrow 10:00: book, then live the morning.
      const { service } = await findService(h.app, 'bari', 'URP', 'Informazioni generali');
      const slots = await freeSlots(h.app, 'bari', service.id, '2026-03-03', '2026-03-03');
      const at10 = slots.find((s) => s.start.includes('T10:00'))!;
      const at930 = slots.find((s) => s.start.includes('T09:20'))!;
      const onTime = (await book(h.app, 'bari', { serviceId: service.id, start: at10.start, applicant: applicant('puntuale@example.it') }, from())).json();
      const _late = (await book(h.app, 'bari', { serviceId: service.id, start: at930.start, applicant: applicant('ritardo@example.it') }, from())).json();

      h.clock.set('2026-03-03T08:40:00Z'); // 09:40
      const walkIn = await ticket();
      h.clock.set('2026-03-03T08:46:00Z'); // 09:46: within 15 minutes of 10:00
      const kiosk = await h.app.inject({
        method: 'POST',
        url: `/api/v1/bari/offices/${urp.officeId}/check-in`,
        payload: { reference: onTime.reference.toLowerCase() },
        headers: from(),
      });
      assert.equal(kiosk.statusCode, 201, kiosk.body);
      const booked = kiosk.json().ticket as TicketCreated;
      assert.equal(booked.position, 1, 'the booked citizen is next');
      // The late one (09:20 appointment, arriving 09:46) joins the walk-in line behind the walk-in.
      await h.worker.drain();
      const lateMail = (await outbox(h.app, 'ritardo@example.it')).find((m) => m.subject.startsWith('Appuntamento confermato'))!;
      const code = /https?:\/\/\S+\/arrivo/.exec(lateMail.text)![0];
      const scanned = await h.app.inject({ method: 'POST', url: `/api/v1/bari/offices/${urp.officeId}/check-in`, payload: { code }, headers: from() });
      assert.equal(scanned.statusCode, 201, scanned.body);
      const lateTicket = scanned.json().ticket as TicketCreated;
      assert.equal((await view(lateTicket)).appointment?.late, true);
      assert.equal(lateTicket.position, 3, 'behind the booked citizen and the earlier walk-in');
      // Scanned twice: the same ticket. Typed twice: the number only, no new link to someone's ticket.
      const again = await h.app.inject({ method: 'POST', url: `/api/v1/bari/offices/${urp.officeId}/check-in`, payload: { code }, headers: from() });
      assert.equal(again.json().ticket.number, lateTicket.number);
      const retyped = await h.app.inject({ method: 'POST', url: `/api/v1/bari/offices/${urp.officeId}/check-in`, payload: { reference: onTime.reference }, headers: from() });
      assert.equal(retyped.statusCode, 409);
      assert.equal(retyped.json().code, 'ALREADY_CHECKED_IN');
      assert.equal(retyped.json().number, booked.number);
      assert.equal(retyped.json().ticket, undefined);

      const d = await atDesk('urp.bari', 'Sportello URP 1');
      const order = [];
      for (let i = 0; i < 3; i++) order.push((await d.act('call-next')).json().ticket);
      assert.deepEqual(
        order.map((t) => t.number),
        [booked.number, walkIn.number, lateTicket.number],
      );
      assert.equal(order[0].lane, 'appointment');
      const bookingNow = await h.ctx.db.selectFrom('bookings').select('status').where('id', '=', onTime.id).executeTakeFirstOrThrow();
      assert.equal(bookingNow.status, 'checked_in');
      // A reference of another office or day is refused.
      const wrong = await h.app.inject({ method: 'POST', url: `/api/v1/bari/offices/${urp.officeId}/check-in`, payload: { reference: 'BA-ZZZZ-ZZZZ' }, headers: from() });
      assert.equal(wrong.statusCode, 404);
    });

    it('puts priority walk-ins first, and the officer’s check-in from the agenda joins the line too', async () => {
      const plain = await ticket();
      const priority = await ticket({ serviceId: urp.infoService, priority: 'gravidanza' });
      assert.equal(priority.position, 1);
      assert.equal((await view(priority)).priority, 'Donna in gravidanza');
      assert.equal((await view(plain)).position, 2);

      const { service } = await findService(h.app, 'bari', 'URP', 'Informazioni generali');
      const slot = (await freeSlots(h.app, 'bari', service.id, '2026-03-04', '2026-03-04'))[3]!;
      const b = (await book(h.app, 'bari', { serviceId: service.id, start: slot.start, applicant: applicant('agenda@example.it') }, from())).json();
      h.clock.set(new Date(Date.parse(b.start) - 5 * MIN));
      const op = await signIn(h.app, 'bari', 'urp.bari');
      const res = await op.request({ method: 'POST', url: `/api/v1/bari/operator/bookings/${b.id}/check-in` });
      assert.equal(res.statusCode, 200, res.body);
      const t = await h.ctx.db.selectFrom('tickets').select(['number', 'status', 'booking_reference']).where('booking_id', '=', b.id).executeTakeFirstOrThrow();
      assert.equal(t.status, 'waiting');
      assert.equal(t.booking_reference, b.reference);
    });

    it('lets a citizen leave the line, and alerts by email when few are ahead', async () => {
      const first = await ticket();
      const leaver = await ticket();
      const waiting = [await ticket(), await ticket(), await ticket()];
      const watcher = await ticket({ serviceId: urp.infoService, email: 'attesa@example.it' });
      assert.equal(watcher.position, 6);
      const left = await h.app.inject({ method: 'POST', url: `/api/v1/bari/tickets/${leaver.id}/leave?token=${leaver.token}`, headers: from() });
      assert.equal(left.statusCode, 200, left.body);
      assert.equal(left.json().status, 'left');
      assert.equal((await view(watcher)).position, 5);
      assert.equal((await view(watcher)).almostYourTurn, false);
      const d = await atDesk('urp.bari', 'Sportello URP 1');
      await d.act('call-next'); // first: three left ahead of the watcher
      const v = await view(watcher);
      assert.equal(v.position, 4);
      assert.equal(v.almostYourTurn, true);
      await h.worker.drain();
      const almost = (await outbox(h.app, 'attesa@example.it')).filter((m) => m.subject.startsWith('Manca poco'));
      assert.equal(almost.length, 1);
      assert.match(almost[0]!.text, /ci sono ancora 3 persone/);
      await d.act('call-next');
      assert.equal((await view(watcher)).position, 3);
      await h.worker.drain();
      assert.equal((await outbox(h.app, 'attesa@example.it')).filter((m) => m.subject.startsWith('Manca poco')).length, 1, 'alerted once');
      // Leaving once called is refused.
      const gone = await h.app.inject({ method: 'POST', url: `/api/v1/bari/tickets/${first.id}/leave?token=${first.token}`, headers: from() });
      assert.equal(gone.statusCode, 409);
      assert.equal(waiting.length, 3);
    });

    it('pushes calls to the board and to the citizen’s page live', async () => {
      const t = await ticket();
      const board = await connectJsonSocket<BoardMessage>(base, `/api/v1/bari/offices/${urp.officeId}/board/live`);
      const page = await connectJsonSocket<TicketMessage>(base, `/api/v1/bari/tickets/${t.id}/live?token=${t.token}`);
      await board.next('board');
      const firstView = await page.next('ticket');
      assert.equal(firstView.ticket.status, 'waiting');
      const d = await atDesk('urp.bari', 'Sportello URP 2');
      await d.act('call-next');
      const called = await page.next('ticket', (m) => m.ticket.status === 'called');
      assert.equal(called.ticket.desk?.name, 'Sportello URP 2');
      const shown = await board.next('board', (m) => m.board.calls.some((c) => c.ticketId === t.id));
      assert.equal(shown.board.calls[0]!.number, t.number);
      assert.equal(shown.board.calls[0]!.deskName, 'Sportello URP 2');
      await d.act('recall');
      const recalled = await board.next('board', (m) => m.board.calls[0]?.callCount === 2);
      assert.equal(recalled.board.calls[0]!.ticketId, t.id);
      await assert.rejects(connectJsonSocket(base, `/api/v1/bari/tickets/${t.id}/live?token=${'y'.repeat(43)}`), /404/);
      board.close();
      page.close();
    });

    it('opens a video room when a "talk to an officer now" ticket is called', async () => {
      const t = await ticket({ serviceId: urp.videoService, email: 'subito@example.it' });
      assert.match(t.number, /^V/);
      const d1 = await atDesk('urp.bari', 'Sportello URP 1');
      assert.equal((await d1.act('call-next')).statusCode, 204, 'desk 1 takes no video');
      const d2 = await atDesk('admin.bari', 'Sportello URP 2');
      const called = await d2.act('call-next');
      assert.equal(called.statusCode, 200, called.body);
      assert.match(called.json().officerVideoUrl, /\/bari\/operatore\/video\/[A-Za-z0-9_-]{43}$/);
      const v = await view(t);
      assert.equal(v.videoUrl, `http://localhost:3000/bari/video/${t.token}`);
      const room = await h.app.inject(`/api/v1/bari/video/${t.token}`);
      assert.equal(room.statusCode, 200, room.body);
      assert.equal(room.json().phase, 'open');
      assert.equal(room.json().party, 'citizen');
      await h.worker.drain();
      const mail = (await outbox(h.app, 'subito@example.it')).find((m) => m.subject.startsWith('È il tuo turno'))!;
      assert.match(mail.text, /\/bari\/video\/[A-Za-z0-9_-]{43}/);
      // Finishing the ticket ends the room.
      await d2.act('finish');
      assert.equal((await h.app.inject(`/api/v1/bari/video/${t.token}`)).json().phase, 'ended');
    });

    it("never serves one comune's office under another's name, nor lets the attempt spoil it", async () => {
      const asBari = await h.app.inject(`/api/v1/bari/offices/${urp.officeId}/queue`);
      assert.equal(asBari.statusCode, 200);
      // Cached for Bari: still not found under Bitonto…
      assert.equal((await h.app.inject(`/api/v1/bitonto/offices/${urp.officeId}/queue`)).statusCode, 404);
      assert.equal((await h.app.inject(`/api/v1/bitonto/offices/${urp.officeId}/board`)).statusCode, 404);
      // …and asked under Bitonto first, Bari's office keeps working.
      assert.equal((await h.app.inject(`/api/v1/bari/offices/${urp.officeId}/board`)).statusCode, 200);
      const t = await ticket();
      assert.equal((await view(t)).status, 'waiting');
      const d = await atDesk('urp.bari', 'Sportello URP 1');
      assert.equal((await h.app.inject(`/api/v1/bitonto/offices/${urp.officeId}/board`)).statusCode, 404);
      assert.equal((await d.act('call-next')).statusCode, 200);
    });

    it('keeps officers to their comune and offices; operators see no statistics', async () => {
      const bitonto = await signIn(h.app, 'bitonto', 'admin.bitonto');
      const bariDesk = await deskOf(await signIn(h.app, 'bari', 'urp.bari'), 'Sportello URP 1');
      assert.equal((await bitonto.request({ method: 'POST', url: `/api/v1/bitonto/operator/desks/${bariDesk}/session`, payload: {} })).statusCode, 404);
      const anagrafe = await signIn(h.app, 'bari', 'anagrafe.bari');
      assert.equal((await anagrafe.request({ method: 'POST', url: `/api/v1/bari/operator/desks/${bariDesk}/session`, payload: {} })).statusCode, 404);
      const names = ((await anagrafe.request({ method: 'GET', url: '/api/v1/bari/operator/desks' })).json().desks as Array<{ name: string }>).map((d) => d.name);
      assert.equal(names.length, 18);
      assert.ok(names.every((n) => n.startsWith('Postazione CIE')));
      const stats = await anagrafe.request({ method: 'GET', url: `/api/v1/bari/operator/queue/stats?officeId=${urp.officeId}&from=2026-03-02&to=2026-03-02` });
      assert.equal(stats.statusCode, 404);
      // One desk per officer, one officer per desk.
      await atDesk('urp.bari', 'Sportello URP 1');
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const taken = await admin.request({ method: 'POST', url: `/api/v1/bari/operator/desks/${bariDesk}/session`, payload: {} });
      assert.equal(taken.statusCode, 409);
      assert.equal(taken.json().code, 'DESK_TAKEN');
      assert.equal((await admin.request({ method: 'POST', url: `/api/v1/bari/operator/desks/${bariDesk}/session`, payload: { takeOver: true } })).statusCode, 200);
    });

    it("lets admins change the comune's priority classes; operators may not", async () => {
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const classes = {
        classes: [
          { code: 'anziani', label: 'Persona con più di 70 anni' },
          { code: 'fragili', label: 'Persona fragile o accompagnatore' },
        ],
      };
      const saved = await admin.request({ method: 'PUT', url: '/api/v1/bari/operator/admin/priority-classes', payload: classes });
      assert.equal(saved.statusCode, 200, saved.body);
      const info = (await h.app.inject(`/api/v1/bari/offices/${urp.officeId}/queue`)).json() as OfficeQueueInfo;
      assert.deepEqual(info.priorityClasses, classes.classes);
      assert.equal((await take({ serviceId: urp.infoService, priority: 'fragili' })).statusCode, 201);
      assert.equal((await take({ serviceId: urp.infoService, priority: 'gravidanza' })).json().code, 'UNKNOWN_PRIORITY');
      const dup = await admin.request({ method: 'PUT', url: '/api/v1/bari/operator/admin/priority-classes', payload: { classes: [classes.classes[0], classes.classes[0]] } });
      assert.equal(dup.statusCode, 400);
      const op = await signIn(h.app, 'bari', 'urp.bari');
      assert.equal((await op.request({ method: 'PUT', url: '/api/v1/bari/operator/admin/priority-classes', payload: classes })).statusCode, 403);
      // Back to the demo's classes for the other tests.
      await admin.request({
        method: 'PUT',
        url: '/api/v1/bari/operator/admin/priority-classes',
        payload: {
          classes: [
            { code: 'disabilita', label: 'Persona con disabilità o accompagnatore' },
            { code: 'gravidanza', label: 'Donna in gravidanza' },
            { code: 'anziani', label: 'Persona con più di 75 anni' },
          ],
        },
      });
    });

    it('gives managers the figures per day, service and desk, with a CSV export', async () => {
      const d = await atDesk('urp.bari', 'Sportello URP 1');
      await ticket();
      await ticket();
      h.clock.set('2026-03-02T08:40:00Z');
      await d.act('call-next');
      h.clock.set('2026-03-02T08:46:00Z');
      await d.act('finish');
      await d.act('call-next');
      await d.act('no-show');
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const res = await admin.request({ method: 'GET', url: `/api/v1/bari/operator/queue/stats?officeId=${urp.officeId}&from=2026-03-02&to=2026-03-02` });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.ok(body.today.served >= 1 && body.today.noShows >= 1);
      const row = body.rows.find((r: { desk: string; service: string }) => r.desk === 'Sportello URP 1' && r.service === 'Informazioni generali');
      assert.ok(row.served >= 1);
      assert.ok(row.avgServiceMinutes > 0);
      const csv = await admin.request({ method: 'GET', url: `/api/v1/bari/operator/queue/stats.csv?officeId=${urp.officeId}&from=2026-03-02&to=2026-03-02` });
      assert.equal(csv.statusCode, 200);
      assert.match(csv.headers['content-type'] as string, /text\/csv/);
      assert.match(csv.body, /^\uFEFFGiorno;Servizio;Sportello;Numeri;Serviti/);
      assert.match(csv.body, /2026-03-02;Informazioni generali;Sportello URP 1;/);
    });
  });
}
