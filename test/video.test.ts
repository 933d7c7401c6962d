import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { after, before, beforeEach, describe, it } from 'node:test';
import { CLOSE_CODES, type RoomView } from '../contracts/video.ts';
import { applicant, book, findService, freeSlots, outbox, tokenOf } from './support/fixtures.ts';
import { DEFAULT_NOW, ENGINES, startHarness, type Harness } from './support/harness.ts';
import { signIn } from './support/operator.ts';
import { connectSignalling, type SignallingClient } from './support/signalling-client.ts';

const MIN = 60_000;
// A minimal real PDF: what a citizen's scanner or word processor produces starts like this.
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), randomBytes(2048), Buffer.from('\n%%EOF\n')]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

for (const engine of ENGINES) {
  describe(`video appointments (${engine.name})`, () => {
    let h: Harness;
    let base: string;
    let ip = 0;
    // Public writes are rate-limited per address: each booking comes from its own.
    const from = () => ({ 'x-forwarded-for': `10.3.0.${++ip}` });

    before(async () => {
      h = await startHarness({ url: engine.url, env: { UPLOAD_MAX_MB: '1' } });
      base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    });
    after(async () => h.close());
    beforeEach(() => h.clock.set(DEFAULT_NOW));

    /** A video booking on the `slotIndex`-th free slot from `day` on. */
    async function bookVideo(email: string, slotIndex = 0, day = '2026-03-02') {
      const { service } = await findService(h.app, 'bari', 'URP', 'Informazioni generali in videochiamata');
      const slot = (await freeSlots(h.app, 'bari', service.id, day, '2026-03-13'))[slotIndex]!;
      const res = await book(h.app, 'bari', { serviceId: service.id, start: slot.start, applicant: applicant(email) }, from());
      assert.equal(res.statusCode, 201, res.body);
      const b = res.json();
      return { booking: b, token: tokenOf(b.manageUrl), start: Date.parse(b.start), end: Date.parse(b.end), serviceId: service.id };
    }
    const room = async (token: string) => h.app.inject(`/api/v1/bari/video/${token}`);
    const upload = (token: string, name: string, body: Buffer, contentType = 'application/octet-stream') =>
      h.app.inject({ method: 'POST', url: `/api/v1/bari/video/${token}/files?name=${encodeURIComponent(name)}`, payload: body, headers: { 'content-type': contentType } });
    const officer = () => signIn(h.app, 'bari', 'urp.bari');
    async function officerToken(bookingId: string) {
      const op = await officer();
      const res = await op.request({ method: 'POST', url: `/api/v1/bari/operator/bookings/${bookingId}/room` });
      assert.equal(res.statusCode, 200, res.body);
      assert.match(res.json().officerUrl, /\/bari\/operatore\/video\/[A-Za-z0-9_-]{43}$/);
      return { op, token: res.json().token as string };
    }

    it('gives every video booking a room link; the room opens 15 minutes before and closes 30 minutes after', async () => {
      const { booking, token, start, end } = await bookVideo('finestra@example.it');
      assert.equal(booking.videoUrl, `http://localhost:3000/bari/appuntamento/${token}/video`);
      const managed = (await h.app.inject(`/api/v1/bari/bookings/manage/${token}`)).json();
      assert.equal(managed.videoUrl, booking.videoUrl);
      await h.worker.drain();
      const [mail] = await outbox(h.app, 'finestra@example.it');
      assert.ok(mail!.text.includes(booking.videoUrl), 'the confirmation email carries the room link');

      h.clock.set(new Date(start - 16 * MIN));
      let view: RoomView = (await room(token)).json();
      assert.equal(view.phase, 'not_yet');
      assert.equal(Date.parse(view.opensAt), start - 15 * MIN);
      assert.equal(view.signalPath, undefined, 'no way in before the window');
      await assert.rejects(connectSignalling(base, `/api/v1/bari/video/${token}/signal`), { status: 403 });

      h.clock.set(new Date(start - 15 * MIN));
      view = (await room(token)).json();
      assert.equal(view.phase, 'open');
      assert.equal(view.party, 'citizen');
      assert.equal(view.title, 'Informazioni generali in videochiamata');
      assert.equal(view.citizenName, 'Mario Rossi');
      assert.deepEqual(view.iceServers, [], 'no STUN/TURN configured: nothing goes to a third party');
      assert.equal(view.signalPath, `/api/v1/bari/video/${token}/signal`);

      h.clock.set(new Date(end + 30 * MIN));
      view = (await room(token)).json();
      assert.equal(view.phase, 'closed');
      assert.equal(view.signalPath, undefined);
      assert.equal((await h.app.inject(`/api/v1/bari/video/${token}/files`)).statusCode, 403);
    });

    it('follows the window configured for the service, and a cancelled booking has no room', async () => {
      // Far enough ahead to be cancelled online (the cut-off is 24 hours before).
      const { token, start, serviceId, booking } = await bookVideo('config@example.it', 0, '2026-03-05');
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const patched = await admin.request({ method: 'PATCH', url: `/api/v1/bari/operator/admin/services/${serviceId}`, payload: { videoOpensBeforeMinutes: 60 } });
      assert.equal(patched.statusCode, 200, patched.body);
      h.clock.set(new Date(start - 59 * MIN));
      assert.equal((await room(token)).json().phase, 'open');
      await admin.request({ method: 'PATCH', url: `/api/v1/bari/operator/admin/services/${serviceId}`, payload: { videoOpensBeforeMinutes: 15 } });

      h.clock.set(DEFAULT_NOW);
      const cancelled = await h.app.inject({ method: 'POST', url: `/api/v1/bari/bookings/manage/${token}/cancel`, payload: {}, headers: from() });
      assert.equal(cancelled.statusCode, 200);
      h.clock.set(new Date(start));
      assert.equal((await room(token)).json().phase, 'cancelled');
      assert.equal(booking.status, 'confirmed');
    });

    it('puts the citizen in a lobby, relays signalling both ways (large SDP too) and keeps the chat across a reconnect', async () => {
      const { booking, token, start } = await bookVideo('incontro@example.it', 2);
      h.clock.set(new Date(start - 5 * MIN));
      const sockets: SignallingClient[] = [];
      try {
        const citizen = await connectSignalling(base, `/api/v1/bari/video/${token}/signal`);
        sockets.push(citizen);
        const welcome = await citizen.next('welcome');
        assert.equal(welcome.party, 'citizen');
        assert.deepEqual(welcome.present, [], 'the citizen waits alone');

        // The officer sees the citizen waiting, in the day list and in the agenda.
        const { op, token: officerTok } = await officerToken(booking.id);
        const today = (await op.request({ method: 'GET', url: '/api/v1/bari/operator/video/appointments?date=2026-03-02' })).json();
        const item = today.appointments.find((a: { bookingId: string }) => a.bookingId === booking.id);
        assert.equal(item.citizenWaiting, true);
        assert.equal(item.phase, 'open');
        assert.equal(item.consoleUrl, `/bari/operatore/appuntamenti/${booking.id}/video`);
        const offices = (await op.request({ method: 'GET', url: '/api/v1/bari/operator/offices' })).json().offices;
        const agenda = (await op.request({ method: 'GET', url: `/api/v1/bari/operator/agenda?officeId=${offices[0].id}&from=2026-03-02&to=2026-03-02` })).json();
        const row = agenda.bookings.find((b: { id: string }) => b.id === booking.id);
        assert.equal(row.videoWaiting, true);
        assert.equal(row.videoUrl, `/bari/operatore/appuntamenti/${booking.id}/video`);

        const off = await connectSignalling(base, `/api/v1/bari/video/${officerTok}/signal`);
        sockets.push(off);
        assert.deepEqual((await off.next('welcome')).present, ['citizen']);
        assert.equal((await citizen.next('peer-joined')).party, 'officer');

        const sdp = `v=0\r\n${'a=candidate:x '.repeat(900)}\r\n`; // > 8000 bytes: goes through the relay table
        citizen.send({ type: 'signal', data: { description: { type: 'offer', sdp } } });
        citizen.send({ type: 'signal', data: { candidate: { candidate: 'candidate:1 1 udp 2122260223 192.168.1.2 54321 typ host', sdpMid: '0', sdpMLineIndex: 0 } } });
        const offer = await off.next('signal');
        assert.equal(offer.from, 'citizen');
        assert.deepEqual(offer.data, { description: { type: 'offer', sdp } });
        const cand = await off.next('signal');
        assert.ok('candidate' in cand.data, 'the candidate arrives after the offer it follows');
        off.send({ type: 'signal', data: { description: { type: 'answer', sdp: 'v=0\r\n' } } });
        assert.deepEqual((await citizen.next('signal')).data, { description: { type: 'answer', sdp: 'v=0\r\n' } });

        off.send({ type: 'chat', text: 'Buongiorno, mi sente?' });
        const seen = await citizen.next('chat');
        assert.equal(seen.message.text, 'Buongiorno, mi sente?');
        assert.equal(seen.message.from, 'officer');
        await off.next('chat');

        // Garbage is answered, never relayed.
        citizen.send('{not json');
        citizen.send({ type: 'signal', data: { sdp: 'no description' } });
        assert.equal((await citizen.next('error')).code, 'INVALID_MESSAGE');
        await citizen.next('error');

        // The citizen's network drops; they come back and find the conversation.
        citizen.close();
        assert.equal((await off.next('peer-left')).party, 'citizen');
        const again = await connectSignalling(base, `/api/v1/bari/video/${token}/signal`);
        sockets.push(again);
        const back = await again.next('welcome');
        assert.deepEqual(back.present, ['officer']);
        assert.deepEqual(
          back.chat.map((m) => m.text),
          ['Buongiorno, mi sente?'],
        );
        assert.equal((await off.next('peer-joined')).party, 'citizen');

        // A second tab of the same party replaces the first.
        const tab = await connectSignalling(base, `/api/v1/bari/video/${token}/signal`);
        sockets.push(tab);
        assert.equal((await again.closed).code, CLOSE_CODES.replaced);
        await tab.next('welcome');
      } finally {
        for (const s of sockets) s.close();
      }
    });

    it('exchanges documents typed by content, with safe names and a size limit; both parties and the office read them', async () => {
      const { booking, token, start } = await bookVideo('documenti@example.it', 3);
      h.clock.set(new Date(start));
      const officerRoom = await officerToken(booking.id);
      let op = officerRoom.op;
      const officerTok = officerRoom.token;
      const off = await connectSignalling(base, `/api/v1/bari/video/${officerTok}/signal`);
      try {
        await off.next('welcome');
        const res = await upload(token, '../../etc/Carta d’identità.pdf', PDF, 'text/plain');
        assert.equal(res.statusCode, 201, res.body);
        const file = res.json();
        assert.equal(file.name, 'Carta d’identità.pdf');
        assert.equal(file.mediaType, 'application/pdf');
        assert.equal(file.size, PDF.length);
        assert.equal(file.sha256, sha256(PDF));
        assert.equal(file.uploadedBy, 'citizen');
        assert.equal((await off.next('file')).file.id, file.id, 'the officer sees the document at once');

        const got = await h.app.inject(`/api/v1/bari/video/${officerTok}/files/${file.id}`);
        assert.equal(got.statusCode, 200);
        assert.equal(got.headers['content-type'], 'application/pdf');
        assert.match(String(got.headers['content-disposition']), /^attachment; filename=".+\.pdf"; filename\*=UTF-8''Carta%20d%E2%80%99identit%C3%A0\.pdf$/);
        assert.equal(sha256(got.rawPayload), sha256(PDF));

        // After the call: the officer finds it in the booking, the citizen on the manage page.
        h.clock.set(new Date(start + 3 * 3_600_000));
        assert.equal((await op.request({ method: 'GET', url: '/api/v1/bari/operator/session' })).statusCode, 401, 'three idle hours end the session');
        op = await officer();
        const detail = (await op.request({ method: 'GET', url: `/api/v1/bari/operator/bookings/${booking.id}` })).json();
        assert.deepEqual(
          detail.files.map((f: { id: string }) => f.id),
          [file.id],
        );
        const staff = await op.request({ method: 'GET', url: `/api/v1/bari/operator/bookings/${booking.id}/files/${file.id}` });
        assert.equal(sha256(staff.rawPayload), sha256(PDF));
        const managed = (await h.app.inject(`/api/v1/bari/bookings/manage/${token}`)).json();
        assert.deepEqual(
          managed.files.map((f: { id: string }) => f.id),
          [file.id],
        );
        const mine = await h.app.inject(`/api/v1/bari/bookings/manage/${token}/files/${file.id}`);
        assert.equal(sha256(mine.rawPayload), sha256(PDF));
        assert.equal((await h.app.inject(`/api/v1/bari/video/${token}/files/${file.id}`)).statusCode, 403, 'the room itself is closed');

        const audit = await h.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('entity_id', '=', booking.id).where('action', 'like', 'file.%').execute();
        assert.deepEqual(audit.map((a) => a.action).sort(), ['file.downloaded', 'file.uploaded']);
      } finally {
        off.close();
      }
    });

    it('refuses executables, renamed files, empty and oversized uploads, leaving nothing behind', async () => {
      const { token, start } = await bookVideo('rifiuti@example.it', 4);
      h.clock.set(new Date(start));
      const count = async () =>
        Number(
          (
            await h.ctx.db
              .selectFrom('room_files')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const stored = () => fs.readdirSync(h.ctx.config.filesDir, { recursive: true }).filter((f) => fs.statSync(`${h.ctx.config.filesDir}/${f}`).isFile()).length;
      const before = [await count(), stored()];

      const exe = await upload(token, 'fattura.pdf', Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), randomBytes(1000)]));
      assert.equal(exe.statusCode, 415);
      assert.equal(exe.json().code, 'FILE_TYPE_NOT_ALLOWED');
      assert.match(exe.json().message, /PDF/);
      assert.equal((await upload(token, 'pagina.pdf', Buffer.from('<html><script>alert(1)</script></html>'))).statusCode, 415);
      assert.equal((await upload(token, 'vuoto.pdf', Buffer.alloc(0))).statusCode, 415);
      const big = await upload(token, 'grande.pdf', Buffer.concat([PDF, randomBytes(1024 * 1024)]));
      assert.equal(big.statusCode, 413);
      assert.equal(big.json().code, 'FILE_TOO_LARGE');
      assert.match(big.json().message, /1 MB/);
      assert.equal(
        (await h.app.inject({ method: 'POST', url: `/api/v1/bari/video/${token}/files`, payload: PDF, headers: { 'content-type': 'application/pdf' } })).statusCode,
        400,
        'a name is required',
      );

      assert.deepEqual([await count(), stored()], before);
    });

    it('lets no third party in: not with the room id, another booking, another office, or outside the window', async () => {
      const a = await bookVideo('parte-a@example.it', 5);
      const b = await bookVideo('parte-b@example.it', 6);
      h.clock.set(new Date(a.start));
      const file = (await upload(a.token, 'a.pdf', PDF)).json();
      const roomId = (await room(a.token)).json().id;

      assert.equal((await room(roomId.replace(/-/g, ''))).statusCode, 404);
      assert.equal((await room(randomBytes(32).toString('base64url'))).statusCode, 404);
      assert.equal((await room('short')).statusCode, 400);
      await assert.rejects(connectSignalling(base, `/api/v1/bari/video/${randomBytes(32).toString('base64url')}/signal`), { status: 404 });
      // The other citizen's link opens their own room (open now too), never this one's documents.
      h.clock.set(new Date(b.start));
      assert.equal((await room(b.token)).json().phase, 'open');
      assert.equal((await h.app.inject(`/api/v1/bari/video/${b.token}/files/${file.id}`)).statusCode, 404);
      h.clock.set(new Date(a.start));
      assert.equal((await h.app.inject(`/api/v1/bari/bookings/manage/${b.token}/files/${file.id}`)).statusCode, 404);
      // The same token on another comune is unknown there.
      assert.equal((await h.app.inject(`/api/v1/bitonto/video/${a.token}`)).statusCode, 404);
      // An officer of another office cannot get into the room, nor one of another comune.
      const anagrafe = await signIn(h.app, 'bari', 'anagrafe.bari');
      assert.equal((await anagrafe.request({ method: 'POST', url: `/api/v1/bari/operator/bookings/${a.booking.id}/room` })).statusCode, 404);
      assert.equal((await anagrafe.request({ method: 'GET', url: `/api/v1/bari/operator/bookings/${a.booking.id}/files/${file.id}` })).statusCode, 404);
      const bitonto = await signIn(h.app, 'bitonto', 'admin.bitonto');
      assert.equal((await bitonto.request({ method: 'POST', url: `/api/v1/bitonto/operator/bookings/${a.booking.id}/room` })).statusCode, 404);
      // The citizen cannot end the meeting.
      assert.equal((await h.app.inject({ method: 'POST', url: `/api/v1/bari/video/${a.token}/end`, payload: {} })).statusCode, 403);
      // A booking that is not by video has no room.
      const { service } = await findService(h.app, 'bari', 'URP', 'Informazioni generali');
      const [slot] = await freeSlots(h.app, 'bari', service.id);
      const inPerson = (await book(h.app, 'bari', { serviceId: service.id, start: slot!.start, applicant: applicant('presenza@example.it') }, from())).json();
      assert.equal((await room(tokenOf(inPerson.manageUrl))).statusCode, 404);
    });

    it('ends with the officer: the room closes for both and the booking is done with the note', async () => {
      const { booking, token, start } = await bookVideo('fine@example.it', 7);
      h.clock.set(new Date(start + MIN));
      const { op, token: officerTok } = await officerToken(booking.id);
      const citizen = await connectSignalling(base, `/api/v1/bari/video/${token}/signal`);
      const off = await connectSignalling(base, `/api/v1/bari/video/${officerTok}/signal`);
      await citizen.next('welcome');
      await off.next('welcome');
      const res = await h.app.inject({ method: 'POST', url: `/api/v1/bari/video/${officerTok}/end`, payload: { note: 'Pratica TARI chiarita, inviata la rettifica.' } });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { phase: 'ended', bookingStatus: 'done' });
      assert.equal((await citizen.next('ended')).by, 'officer');
      assert.equal((await citizen.closed).code, CLOSE_CODES.ended);
      assert.equal((await off.closed).code, CLOSE_CODES.ended);
      const detail = (await op.request({ method: 'GET', url: `/api/v1/bari/operator/bookings/${booking.id}` })).json();
      assert.equal(detail.status, 'done');
      assert.equal(detail.outcomeNote, 'Pratica TARI chiarita, inviata la rettifica.');
      assert.ok(detail.history.some((e: { action: string }) => e.action === 'video.room-ended'));
      assert.equal((await room(token)).json().phase, 'ended');
      await assert.rejects(connectSignalling(base, `/api/v1/bari/video/${token}/signal`), { status: 403 });
    });

    it('closes the call for both when the office cancels the appointment during it', async () => {
      const { booking, token, start } = await bookVideo('annullata@example.it', 8);
      h.clock.set(new Date(start + MIN));
      const { op, token: officerTok } = await officerToken(booking.id);
      const citizen = await connectSignalling(base, `/api/v1/bari/video/${token}/signal`);
      const off = await connectSignalling(base, `/api/v1/bari/video/${officerTok}/signal`);
      await citizen.next('welcome');
      await off.next('welcome');
      const res = await op.request({ method: 'POST', url: `/api/v1/bari/operator/bookings/${booking.id}/cancel`, payload: { reason: 'Ufficio chiuso per guasto.' } });
      assert.equal(res.statusCode, 200, res.body);
      // The room's sockets are closed by the bus's durable subscriber, from the job queue.
      await h.worker.drain();
      assert.equal((await citizen.next('closed')).reason, 'cancelled');
      assert.equal((await citizen.closed).code, CLOSE_CODES.notOpen);
      assert.equal((await off.closed).code, CLOSE_CODES.notOpen);
      assert.equal((await room(token)).json().phase, 'cancelled');
      await assert.rejects(connectSignalling(base, `/api/v1/bari/video/${token}/signal`), { status: 403 });
    });

    it('opens an immediate room for a citizen on the phone, emails the link, and closes it after the configured time', async () => {
      const op = await officer();
      const res = await op.request({ method: 'POST', url: '/api/v1/bari/operator/rooms', payload: { email: 'subito@example.it', citizenName: 'Lucia Bianchi' } });
      assert.equal(res.statusCode, 201, res.body);
      const created = res.json();
      assert.match(created.citizenUrl, /^http:\/\/localhost:3000\/bari\/video\/[A-Za-z0-9_-]{43}$/);
      assert.equal(created.emailed, true);
      await h.worker.drain();
      const [mail] = await outbox(h.app, 'subito@example.it');
      assert.ok(mail!.text.includes(created.citizenUrl));

      const citizenTok = created.citizenUrl.split('/video/')[1];
      const officerTok = created.officerUrl.split('/video/')[1];
      const view = (await room(citizenTok)).json();
      assert.equal(view.phase, 'open');
      assert.equal(view.kind, 'immediate');
      assert.equal(view.citizenName, 'Lucia Bianchi');
      assert.equal((await room(officerTok)).json().party, 'officer');
      const today = (await op.request({ method: 'GET', url: '/api/v1/bari/operator/video/appointments' })).json();
      assert.ok(today.appointments.some((a: { roomId: string; kind: string }) => a.roomId === created.id && a.kind === 'immediate'));
      assert.equal((await op.request({ method: 'POST', url: '/api/v1/bari/operator/rooms', payload: { email: 'non-una-email' } })).statusCode, 400);

      h.clock.set(new Date(Date.parse(DEFAULT_NOW) + 60 * MIN));
      assert.equal((await room(citizenTok)).json().phase, 'closed');
    });
  });
}

// Two server nodes on one PostgreSQL: a citizen on one, the officer on the other.
describe('video signalling across two server nodes', { skip: process.env.TEST_DATABASE_URL ? false : 'needs TEST_DATABASE_URL (PostgreSQL)' }, () => {
  let a: Harness;
  let b: Harness;
  let baseA: string;
  let baseB: string;
  before(async () => {
    const filesDir = fs.mkdtempSync('/tmp/sportello-shared-files-');
    a = await startHarness({ url: process.env.TEST_DATABASE_URL, env: { FILES_DIR: filesDir } });
    b = await startHarness({ sharedUrl: a.ctx.config.databaseUrl, env: { FILES_DIR: filesDir } });
    baseA = await a.app.listen({ port: 0, host: '127.0.0.1' });
    baseB = await b.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await a.close();
    await b.close();
  });

  it('relays signals, chat, presence and documents between the nodes', async () => {
    const { service } = await findService(a.app, 'bari', 'URP', 'Informazioni generali in videochiamata');
    const [slot] = await freeSlots(a.app, 'bari', service.id);
    const created = (await book(a.app, 'bari', { serviceId: service.id, start: slot!.start, applicant: applicant('due-nodi@example.it') })).json();
    const token = tokenOf(created.manageUrl);
    for (const h of [a, b]) h.clock.set(new Date(Date.parse(slot!.start) - 5 * MIN));
    const op = await signIn(b.app, 'bari', 'urp.bari');
    const officerTok = (await op.request({ method: 'POST', url: `/api/v1/bari/operator/bookings/${created.id}/room` })).json().token;

    const citizen = await connectSignalling(baseA, `/api/v1/bari/video/${token}/signal`);
    await citizen.next('welcome');
    const waiting = (await op.request({ method: 'GET', url: '/api/v1/bari/operator/video/appointments?date=2026-03-02' })).json();
    assert.equal(waiting.appointments.find((x: { bookingId: string }) => x.bookingId === created.id).citizenWaiting, true, 'node B sees the citizen connected to node A');
    const off = await connectSignalling(baseB, `/api/v1/bari/video/${officerTok}/signal`);
    try {
      assert.deepEqual((await off.next('welcome')).present, ['citizen']);
      assert.equal((await citizen.next('peer-joined')).party, 'officer');
      const sdp = `v=0\r\n${'a=x '.repeat(3000)}`;
      off.send({ type: 'signal', data: { description: { type: 'offer', sdp } } });
      assert.deepEqual((await citizen.next('signal')).data, { description: { type: 'offer', sdp } });
      citizen.send({ type: 'chat', text: 'Eccomi' });
      assert.equal((await off.next('chat')).message.text, 'Eccomi');
      const up = await a.app.inject({
        method: 'POST',
        url: `/api/v1/bari/video/${token}/files?name=documento.pdf`,
        payload: PDF,
        headers: { 'content-type': 'application/octet-stream' },
      });
      assert.equal(up.statusCode, 201, up.body);
      assert.equal((await off.next('file')).file.sha256, sha256(PDF));
      const got = await b.app.inject(`/api/v1/bari/video/${officerTok}/files/${up.json().id}`);
      assert.equal(sha256(got.rawPayload), sha256(PDF));
    } finally {
      citizen.close();
      off.close();
    }
  });
});
