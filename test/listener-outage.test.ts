// Two server nodes on one PostgreSQL; node A's LISTEN connection is terminated (pg_terminate_backend,
// as a failover or an administrator would) in the middle of a video call, of a queue day and of
// the job queue's work. While it is down /readyz says so and A hears nothing from B; when it is
// back the video room starts again with a fresh welcome on both sides (carrying the chat lines
// sent meanwhile), the board and the ticket page show the calls made meanwhile, the job worker
// takes the job queued meanwhile at once, and everything flows live again.
//
// A's listener waits 2.5 s (±25 %) before its first reconnection attempt, so the outage lasts long
// enough to act during it; each test checks it was still on after acting.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { enqueueJob, JobWorker } from '../server/platform/jobs.ts';
import { applicant, book, findService, freeSlots, tokenOf } from './support/fixtures.ts';
import { freshSchemaUrl, startHarness, type Harness } from './support/harness.ts';
import { connectJsonSocket } from './support/json-socket.ts';
import { signIn } from './support/operator.ts';
import { terminateBackends, waitUntil, withApplicationName } from './support/outage.ts';
import { registryOffice, registryOfficers, seatOfficer, takeTickets } from './support/queue.ts';
import { connectSignalling, type SignallingClient } from './support/signalling-client.ts';
import type { BoardMessage, TicketMessage } from '../contracts/queue.ts';
import { CLOSE_CODES } from '../contracts/video.ts';

const DB_URL = process.env.TEST_DATABASE_URL;
const MIN = 60_000;
/** Monday 2 March 2026, 09:00 in Rome: the registry office is open. */
const OPEN = '2026-03-02T08:00:00Z';

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms))]);
}

describe('a server node that loses its LISTEN connection', { skip: DB_URL ? false : 'needs TEST_DATABASE_URL (PostgreSQL): PGlite has no connection to lose' }, () => {
  const nameA = `sportello-a-${process.pid}`;
  let a: Harness;
  let b: Harness;
  let baseA: string;
  let baseB: string;
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-outage-files-'));

  before(async () => {
    const url = await freshSchemaUrl(DB_URL!);
    a = await startHarness({ sharedUrl: withApplicationName(url, nameA), listener: { minDelayMs: 2500 }, env: { FILES_DIR: filesDir } });
    b = await startHarness({ sharedUrl: withApplicationName(url, `sportello-b-${process.pid}`), env: { FILES_DIR: filesDir } });
    baseA = await a.app.listen({ port: 0, host: '127.0.0.1' });
    baseB = await b.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await a?.close();
    await b?.close();
    fs.rmSync(filesDir, { recursive: true, force: true });
  });

  /** Terminates A's listener backend and checks what /readyz says on both nodes meanwhile. */
  async function dropListenerOfA(): Promise<void> {
    assert.equal(a.ctx.database.listenerState(), 'up');
    assert.equal(await terminateBackends(DB_URL!, `${nameA}-listener`), 1, "A's listener found by its application_name");
    await waitUntil('A notices the drop', () => a.ctx.database.listenerState() === 'reconnecting', 5000);
    const readyA = await a.app.inject('/readyz');
    assert.equal(readyA.statusCode, 503);
    assert.deepEqual(readyA.json(), { status: 'degraded', database: 'postgres', listener: 'reconnecting' });
    assert.equal((await b.app.inject('/readyz')).statusCode, 200, 'B is unaffected');
  }

  async function listenerOfABack(): Promise<void> {
    assert.equal(a.ctx.database.listenerState(), 'reconnecting', 'the outage lasted while the test acted (a slow machine would end it early)');
    await waitUntil('A is back', () => a.ctx.database.listenerState() === 'up', 10_000);
    const readyA = await a.app.inject('/readyz');
    assert.equal(readyA.statusCode, 200);
    assert.deepEqual(readyA.json(), { status: 'ready', database: 'postgres', listener: 'up' });
  }

  it('renegotiates a video call between a citizen on A and an officer on B, and loses no chat line', async () => {
    const { service } = await findService(a.app, 'bari', 'URP', 'Informazioni generali in videochiamata');
    const [slot] = await freeSlots(a.app, 'bari', service.id);
    const created = (await book(a.app, 'bari', { serviceId: service.id, start: slot!.start, applicant: applicant('interruzione@example.it') })).json();
    for (const h of [a, b]) h.clock.set(new Date(Date.parse(slot!.start) - 5 * MIN));
    const op = await signIn(b.app, 'bari', 'urp.bari');
    const officerTok = (await op.request({ method: 'POST', url: `/api/v1/bari/operator/bookings/${created.id}/room` })).json().token;

    const citizen = await connectSignalling(baseA, `/api/v1/bari/video/${tokenOf(created.manageUrl)}/signal`);
    const officer = await connectSignalling(baseB, `/api/v1/bari/video/${officerTok}/signal`);
    try {
      await citizen.next('welcome');
      assert.deepEqual((await officer.next('welcome')).present, ['citizen']);
      await citizen.next('peer-joined', (m) => m.party === 'officer');
      officer.send({ type: 'signal', data: { description: { type: 'offer', sdp: 'v=0 first offer' } } });
      await citizen.next('signal', (m) => 'description' in m.data && m.data.description.sdp === 'v=0 first offer');
      citizen.send({ type: 'signal', data: { description: { type: 'answer', sdp: 'v=0 first answer' } } });
      await officer.next('signal', (m) => 'description' in m.data && m.data.description.sdp === 'v=0 first answer');

      await dropListenerOfA();
      // The officer (B) writes and restarts ICE; the citizen (A) writes: B hears both, A neither.
      officer.send({ type: 'chat', text: 'Mi sente ancora?' });
      officer.send({ type: 'signal', data: { description: { type: 'offer', sdp: 'v=0 lost offer' } } });
      citizen.send({ type: 'chat', text: 'La sento a tratti' });
      await officer.next('chat', (m) => m.message.text === 'Mi sente ancora?');
      await officer.next('chat', (m) => m.message.text === 'La sento a tratti');
      const heardByCitizen = () =>
        citizen.received.flatMap((m) => (m.type === 'chat' ? [m.message.text] : m.type === 'signal' && 'description' in m.data ? [m.data.description.sdp] : []));
      assert.ok(!heardByCitizen().includes('Mi sente ancora?') && !heardByCitizen().includes('v=0 lost offer'), 'A is deaf meanwhile');
      await listenerOfABack();

      // Both parties are welcomed again (and so rebuild their peer connection), with the whole chat.
      const again = await citizen.next('welcome', undefined, 10_000);
      assert.deepEqual(again.present, ['officer']);
      // (Both lines carry the same instant: the test's clock stands still.)
      assert.deepEqual(again.chat.map((c) => `${c.from}: ${c.text}`).sort(), ['citizen: La sento a tratti', 'officer: Mi sente ancora?']);
      const officerAgain = await officer.next('welcome', undefined, 10_000);
      assert.deepEqual(officerAgain.present, ['citizen']);
      assert.equal(officerAgain.chat.length, 2);
      assert.ok(!heardByCitizen().includes('v=0 lost offer'), 'signals are not replayed: the call is negotiated again instead');

      // Signalling and chat flow both ways again, live.
      officer.send({ type: 'signal', data: { description: { type: 'offer', sdp: 'v=0 new offer' } } });
      await citizen.next('signal', (m) => 'description' in m.data && m.data.description.sdp === 'v=0 new offer');
      citizen.send({ type: 'signal', data: { description: { type: 'answer', sdp: 'v=0 new answer' } } });
      await officer.next('signal', (m) => 'description' in m.data && m.data.description.sdp === 'v=0 new answer');
      citizen.send({ type: 'chat', text: 'Ora la sento bene' });
      await officer.next('chat', (m) => m.message.text === 'Ora la sento bene');
      officer.send({ type: 'chat', text: 'Perfetto' });
      await citizen.next('chat', (m) => m.message.text === 'Perfetto');
      // One renegotiation for one outage.
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(citizen.received.filter((m) => m.type === 'welcome').length, 2);
      assert.equal(officer.received.filter((m) => m.type === 'welcome').length, 2);
    } finally {
      citizen.close();
      officer.close();
    }
  });

  it('closes, once A hears again, its sockets of a room ended meanwhile and of a tab taken over elsewhere', async () => {
    const { service } = await findService(a.app, 'bari', 'URP', 'Informazioni generali in videochiamata');
    // Two appointments at once (two desks), so that both rooms are open together.
    const slot = (await freeSlots(a.app, 'bari', service.id)).find((s) => s.available >= 2);
    const kept = (await book(a.app, 'bari', { serviceId: service.id, start: slot!.start, applicant: applicant('due-schede@example.it') })).json();
    const ended = (await book(a.app, 'bari', { serviceId: service.id, start: slot!.start, applicant: applicant('chiusa@example.it') })).json();
    for (const h of [a, b]) h.clock.set(new Date(Date.parse(slot!.start) - 5 * MIN));
    const op = await signIn(b.app, 'bari', 'urp.bari');
    const officerTok = (await op.request({ method: 'POST', url: `/api/v1/bari/operator/bookings/${ended.id}/room` })).json().token;
    const firstTab = await connectSignalling(baseA, `/api/v1/bari/video/${tokenOf(kept.manageUrl)}/signal`);
    const inEnded = await connectSignalling(baseA, `/api/v1/bari/video/${tokenOf(ended.manageUrl)}/signal`);
    let secondTab: SignallingClient | undefined;
    try {
      await firstTab.next('welcome');
      await inEnded.next('welcome');

      await dropListenerOfA();
      secondTab = await connectSignalling(baseB, `/api/v1/bari/video/${tokenOf(kept.manageUrl)}/signal`);
      await secondTab.next('welcome');
      const end = await b.app.inject({ method: 'POST', url: `/api/v1/bari/video/${officerTok}/end`, payload: {} });
      assert.equal(end.statusCode, 200, end.body);
      await new Promise((r) => setTimeout(r, 200));
      assert.ok(!firstTab.received.some((m) => m.type === 'closed') && !inEnded.received.some((m) => m.type === 'ended'), 'A is deaf meanwhile');
      await listenerOfABack();

      assert.deepEqual(await within(firstTab.closed, 5000, 'the replaced tab is closed'), { code: CLOSE_CODES.replaced, reason: 'replaced' });
      assert.equal((await inEnded.next('ended', undefined, 5000)).by, 'officer');
      assert.deepEqual(await within(inEnded.closed, 5000, 'the ended room is closed'), { code: CLOSE_CODES.ended, reason: 'ended' });
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal(secondTab.received.filter((m) => m.type === 'welcome').length, 1, 'the tab that took over is left alone');
    } finally {
      firstTab.close();
      inEnded.close();
      secondTab?.close();
    }
  });

  it('brings the board and the ticket page on A up to date with the calls made on B meanwhile, then live', async () => {
    for (const h of [a, b]) h.clock.set(new Date(OPEN));
    const { officeId, serviceId } = await registryOffice(a);
    const [desk] = await registryOfficers(a, 1);
    const act = await seatOfficer(b, desk!.deskId, desk!.username);
    // Taken at once: the line's order is the numbers', not the answers'.
    const [t0, t1, t2] = (await takeTickets(a, officeId, serviceId, 3)).sort((x, y) => x.number.localeCompare(y.number));
    const board = await connectJsonSocket<BoardMessage>(baseA, `/api/v1/bari/offices/${officeId}/board/live`);
    const page = await connectJsonSocket<TicketMessage>(baseA, `/api/v1/bari/tickets/${t1!.id}/live?token=${t1!.token}`);
    const calledOnBoard = (id: string) => (m: BoardMessage) => m.type === 'board' && m.board.calls.some((c) => c.ticketId === id);
    try {
      await board.next('board');
      assert.equal((await page.next('ticket')).ticket.status, 'waiting');
      assert.equal((await act('call-next')).json().ticket.id, t0!.id);
      await board.next('board', calledOnBoard(t0!.id));

      await dropListenerOfA();
      const during = await act('call-next');
      assert.equal(during.statusCode, 200, during.body);
      assert.equal(during.json().ticket.id, t1!.id);
      await listenerOfABack();
      // The resync reads the office again at once; the board's own 30-second refresh would come
      // too late for these timeouts most of the time.
      const shown = await board.next('board', calledOnBoard(t1!.id), 3000);
      assert.equal(shown.board.calls[0]!.ticketId, t1!.id);
      assert.equal((await page.next('ticket', (m) => m.ticket.status === 'called', 3000)).ticket.status, 'called');

      assert.equal((await act('call-next')).json().ticket.id, t2!.id);
      await board.next('board', calledOnBoard(t2!.id), 3000);
    } finally {
      board.close();
      page.close();
    }
  });

  it('has the job worker look for work as soon as it hears again', async () => {
    const ran: number[] = [];
    // Polling once a minute: only the catch-up can run the job within the seconds allowed below.
    const worker = new JobWorker(a.ctx, { 'test.outage': async () => void ran.push(Date.now()) }, { pollMs: 60_000 });
    await worker.start();
    try {
      await dropListenerOfA();
      await enqueueJob(b.ctx.db, 'test.outage', {});
      await listenerOfABack();
      const back = Date.now();
      await waitUntil('the job queued during the outage ran', () => ran.length === 1, 3000);
      assert.ok(ran[0]! - back < 3000);
    } finally {
      await worker.stop();
    }
  });
});
