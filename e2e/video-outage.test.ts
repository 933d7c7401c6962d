// A video call in two Chromium contexts (fake camera and microphone), the citizen on node A and the
// officer on node B, while the database drops LISTEN connections: first node A's alone, then both
// nodes' at once (as a database restart would). Each time, once the nodes hear again, both browsers
// rebuild their peer connection (a new remote stream), video flows again both ways, and a chat line
// written while A was deaf is on the citizen's page. Prints how long each recovery took.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { applicant, book, findService, freeSlots, tokenOf } from '../test/support/fixtures.ts';
import { freshSchemaUrl } from '../test/support/harness.ts';
import { signIn } from '../test/support/operator.ts';
import { terminateBackends, waitUntil, withApplicationName } from '../test/support/outage.ts';
import { browserSkipReason, launchBrowser } from './support/browser.ts';
import { startPortal, type Portal } from './support/portal.ts';

const DB_URL = process.env.TEST_DATABASE_URL;
const skip = browserSkipReason() ?? (DB_URL ? false : 'needs TEST_DATABASE_URL (two nodes share one PostgreSQL)');

/** Remembers the remote stream the page shows now, to tell a rebuilt peer connection later. */
async function markRemoteStream(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __stream: unknown }).__stream = document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]')?.srcObject;
  });
}

/** A new remote stream (the peer connection was rebuilt) whose frames keep being decoded. */
async function expectNewRemoteVideoFlowing(page: Page, who: string): Promise<void> {
  await newRemoteVideo(page);
  const frames = () => page.evaluate(() => document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]')!.getVideoPlaybackQuality().totalVideoFrames);
  const first = await frames();
  await page.waitForTimeout(1500);
  const later = await frames();
  assert.ok(later > first, `${who}: remote frames keep being decoded after the renegotiation (${first} → ${later})`);
}

/** Resolves when the page shows a remote stream other than the marked one, with a picture. */
async function newRemoteVideo(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const v = document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]');
      return Boolean(v?.srcObject) && v!.srcObject !== (window as unknown as { __stream: unknown }).__stream && v!.videoWidth > 0;
    },
    undefined,
    { timeout: 30_000 },
  );
}

describe('a video call across two nodes while the database drops their LISTEN connections', { skip }, () => {
  const nameA = `sportello-e2e-a-${process.pid}`;
  const nameB = `sportello-e2e-b-${process.pid}`;
  let a: Portal;
  let b: Portal;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-e2e-files-'));

  before(async () => {
    const url = await freshSchemaUrl(DB_URL!);
    // A waits 2.5 s before reconnecting: long enough to write while it is deaf.
    a = await startPortal({ sharedUrl: withApplicationName(url, nameA), env: { FILES_DIR: filesDir }, listener: { minDelayMs: 2500 } });
    b = await startPortal({ sharedUrl: withApplicationName(url, nameB), env: { FILES_DIR: filesDir } });
    browser = await launchBrowser({ fakeMedia: true });
  });
  after(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await b?.close();
    await a?.close();
    fs.rmSync(filesDir, { recursive: true, force: true });
  });

  it('renegotiates after each outage and keeps the chat', async () => {
    const { service } = await findService(a.app, 'bari', 'URP', 'Informazioni generali in videochiamata');
    const [slot] = await freeSlots(a.app, 'bari', service.id);
    const booking = (await book(a.app, 'bari', { serviceId: service.id, start: slot!.start, applicant: applicant('rete@example.it') })).json();
    const now = new Date(Date.parse(slot!.start) - 5 * 60_000);
    for (const p of [a, b]) p.clock.set(now);
    const officerTok = (await (await signIn(b.app, 'bari', 'urp.bari')).request({ method: 'POST', url: `/api/v1/bari/operator/bookings/${booking.id}/room` })).json().token;
    const page = async (baseURL: string) => {
      const c = await browser.newContext({ locale: 'it-IT', timezoneId: 'Europe/Rome', baseURL, permissions: ['camera', 'microphone'] });
      c.setDefaultTimeout(15_000);
      await c.clock.setFixedTime(now);
      contexts.push(c);
      return c.newPage();
    };
    const citizen = await page(a.url);
    const officer = await page(b.url);
    const lines: string[] = [];
    for (const [who, p] of [
      ['citizen', citizen],
      ['officer', officer],
    ] as const) {
      p.on('console', (m) => lines.push(`${who} ${m.type()}: ${m.text()}`));
    }
    try {
      await citizen.goto(`/bari/appuntamento/${tokenOf(booking.manageUrl)}/video`);
      await citizen.getByRole('button', { name: 'Entra nella stanza' }).click();
      await officer.goto('/bari/operatore');
      await officer.getByLabel('Nome utente').fill('urp.bari');
      await officer.getByLabel('Password').fill('sportello-demo');
      await officer.getByRole('button', { name: 'Accedi' }).click();
      await officer.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
      await officer.goto(`/bari/operatore/video/${officerTok}`);
      await officer.getByRole('button', { name: 'Entra nella stanza' }).click();
      for (const p of [citizen, officer]) await markRemoteStream(p);
      await expectNewRemoteVideoFlowing(citizen, 'citizen');
      await expectNewRemoteVideoFlowing(officer, 'officer');

      // Node A alone: the officer writes while A is deaf.
      for (const p of [citizen, officer]) await markRemoteStream(p);
      assert.equal(await terminateBackends(DB_URL!, `${nameA}-listener`), 1);
      await waitUntil('A notices', () => a.ctx.database.listenerState() === 'reconnecting', 5000);
      await officer.getByLabel('Messaggio').fill('Mentre la rete del comune era interrotta');
      await officer.getByRole('button', { name: 'Invia' }).click();
      await officer.getByTestId('chat-log').getByText('Mentre la rete del comune era interrotta').waitFor();
      assert.equal(a.ctx.database.listenerState(), 'reconnecting', 'the outage lasted while the officer wrote');
      await waitUntil('A hears again', () => a.ctx.database.listenerState() === 'up', 10_000);
      let back = Date.now();
      await Promise.all([newRemoteVideo(citizen), newRemoteVideo(officer)]);
      console.log(`node A's listener: a new picture on both sides ${Date.now() - back} ms after A listened again`);
      await citizen.getByTestId('chat-log').getByText('Mentre la rete del comune era interrotta').waitFor();
      await expectNewRemoteVideoFlowing(citizen, 'citizen');
      await expectNewRemoteVideoFlowing(officer, 'officer');

      // Both nodes at once, as a database restart would: B comes back at once, A 2.5 s later.
      for (const p of [citizen, officer]) await markRemoteStream(p);
      assert.equal(await terminateBackends(DB_URL!, `${nameA}-listener`), 1);
      assert.equal(await terminateBackends(DB_URL!, `${nameB}-listener`), 1);
      await waitUntil('both hear again', () => a.ctx.database.listenerState() === 'up' && b.ctx.database.listenerState() === 'up', 10_000);
      back = Date.now();
      await Promise.all([newRemoteVideo(citizen), newRemoteVideo(officer)]);
      console.log(`both listeners: a new picture on both sides ${Date.now() - back} ms after the last one listened again`);
      await expectNewRemoteVideoFlowing(citizen, 'citizen');
      await expectNewRemoteVideoFlowing(officer, 'officer');

      await citizen.getByLabel('Messaggio').fill('Ora la vedo di nuovo');
      await citizen.getByRole('button', { name: 'Invia' }).click();
      await officer.getByTestId('chat-log').getByText('Ora la vedo di nuovo').waitFor();
    } catch (err) {
      console.error(`browser console:\n${lines.join('\n')}`);
      throw err;
    }
  });
});
