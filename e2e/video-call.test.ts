// A video appointment in two Chromium contexts with a fake camera and microphone: the citizen opens
// the room from the confirmation email, the officer from the console's list of today's video
// appointments; both see the other's video (frames decoded, bytes growing), a chat line crosses, a
// PDF sent by the citizen reaches the officer byte for byte, and the officer ends the meeting,
// which marks the booking done. Then the same with the two parties on two server nodes.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { applicant, book, findService, freeSlots, outbox } from '../test/support/fixtures.ts';
import { axeViolations, browserSkipReason, launchBrowser } from './support/browser.ts';
import { startPortal, type Portal } from './support/portal.ts';

const skip = browserSkipReason();
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), randomBytes(50_000), Buffer.from('\n%%EOF\n')]);

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe-core on ${where}:\n${violations.join('\n')}`);
}

/** Frames decoded by the remote <video> and bytes received by the peer connection, as the page sees them. */
async function remoteMedia(page: Page): Promise<{ frames: number; width: number; bytes: number }> {
  return page.evaluate(() => {
    const v = document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]');
    const q = document.querySelector('[data-testid="connection-quality"]');
    return { frames: v?.getVideoPlaybackQuality().totalVideoFrames ?? 0, width: v?.videoWidth ?? 0, bytes: Number(q?.getAttribute('data-bytes-received') ?? 0) };
  });
}

async function expectRemoteVideoFlowing(page: Page, who: string): Promise<void> {
  await page.waitForFunction(() => (document.querySelector<HTMLVideoElement>('[data-testid="remote-video"]')?.videoWidth ?? 0) > 0, undefined, { timeout: 20_000 });
  const first = await remoteMedia(page);
  await page.waitForTimeout(2500);
  const later = await remoteMedia(page);
  assert.ok(later.frames > first.frames, `${who}: remote frames keep being decoded (${first.frames} → ${later.frames})`);
  assert.ok(later.bytes > first.bytes && first.bytes >= 0, `${who}: bytes received grow (${first.bytes} → ${later.bytes})`);
}

async function officerSignIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/bari/operatore`);
  await page.getByLabel('Nome utente').fill('urp.bari');
  await page.getByLabel('Password').fill('sportello-demo');
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
}

async function joinFromDeviceCheck(page: Page, who: string): Promise<void> {
  await page.getByRole('button', { name: 'Entra nella stanza' }).waitFor();
  await page.getByTestId('local-video').waitFor();
  await expectAccessible(page, `${who}'s device check`);
  await page.getByRole('button', { name: 'Entra nella stanza' }).click();
}

function journey(name: string, opts: { twoNodes: boolean }) {
  describe(name, { skip: skip ?? (opts.twoNodes && !process.env.TEST_DATABASE_URL ? 'needs TEST_DATABASE_URL (two nodes share one PostgreSQL)' : false) }, () => {
    let citizenNode: Portal;
    let officerNode: Portal;
    let browser: Browser;
    const contexts: BrowserContext[] = [];
    let booking: { id: string; reference: string; start: string };
    const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-e2e-files-'));

    before(async () => {
      citizenNode = await startPortal({ url: process.env.TEST_DATABASE_URL && opts.twoNodes ? process.env.TEST_DATABASE_URL : undefined, env: { FILES_DIR: filesDir } });
      officerNode = opts.twoNodes ? await startPortal({ sharedUrl: citizenNode.ctx.config.databaseUrl, env: { FILES_DIR: filesDir } }) : citizenNode;
      const { service } = await findService(citizenNode.app, 'bari', 'URP', 'Informazioni generali in videochiamata');
      const [slot] = await freeSlots(citizenNode.app, 'bari', service.id);
      const res = await book(citizenNode.app, 'bari', {
        serviceId: service.id,
        start: slot!.start,
        applicant: { ...applicant('videochiamata@example.it'), name: 'Chiara', surname: 'Lopez' },
      });
      assert.equal(res.statusCode, 201, res.body);
      booking = res.json();
      // Five minutes before the appointment: the room is open.
      const now = new Date(Date.parse(booking.start) - 5 * 60_000);
      for (const p of new Set([citizenNode, officerNode])) p.clock.set(now);
      browser = await launchBrowser({ fakeMedia: true });
    });
    after(async () => {
      await browser?.close();
      if (officerNode !== citizenNode) await officerNode?.close();
      await citizenNode?.close();
      fs.rmSync(filesDir, { recursive: true, force: true });
    });

    it('connects the citizen from the email and the officer from the console, with chat, a document and the end of the meeting', async () => {
      const newContext = async (baseURL: string) => {
        const c = await browser.newContext({
          locale: 'it-IT',
          timezoneId: 'Europe/Rome',
          baseURL,
          acceptDownloads: true,
          reducedMotion: 'reduce',
          permissions: ['camera', 'microphone'],
        });
        c.setDefaultTimeout(15_000);
        await c.clock.setFixedTime(new Date(Date.parse(booking.start) - 5 * 60_000));
        contexts.push(c);
        return c;
      };
      const citizen = await (await newContext(citizenNode.url)).newPage();
      const officer = await (await newContext(officerNode.url)).newPage();
      // What the pages printed (warnings of the peer connection and signalling), shown when a step fails.
      const consoleLines: string[] = [];
      for (const [who, page] of [
        ['citizen', citizen],
        ['officer', officer],
      ] as const) {
        page.on('console', (m) => consoleLines.push(`${who} ${m.type()}: ${m.text()}`));
        page.on('pageerror', (e) => consoleLines.push(`${who} pageerror: ${e.message}`));
      }
      try {
        // The citizen follows the link of the confirmation email.
        await citizenNode.worker.drain();
        const [mail] = await outbox(citizenNode.app, 'videochiamata@example.it');
        const link = mail!.text.match(/https?:\/\/\S+\/video/)![0];
        await citizen.goto(link);
        await joinFromDeviceCheck(citizen, 'the citizen');
        await citizen.getByTestId('lobby').waitFor();
        await expectAccessible(citizen, "the citizen's lobby");

        // The officer sees the citizen waiting and opens the room.
        await officerSignIn(officer, officerNode.url);
        await officer.goto(`${officerNode.url}/bari/operatore/videochiamate`);
        const row = officer.locator(`[data-booking="${booking.reference}"]`);
        await row.getByText('Cittadino in attesa').waitFor();
        await expectAccessible(officer, "today's video appointments");
        await row.getByRole('link', { name: /Apri stanza/ }).click();
        await joinFromDeviceCheck(officer, 'the officer');

        await expectRemoteVideoFlowing(citizen, 'citizen');
        await expectRemoteVideoFlowing(officer, 'officer');
        await expectAccessible(citizen, "the citizen's call");
        await expectAccessible(officer, "the officer's call");

        await officer.getByLabel('Messaggio').fill('Buongiorno signora Lopez, mi sente bene?');
        await officer.getByRole('button', { name: 'Invia' }).click();
        await citizen.getByTestId('chat-log').getByText('Buongiorno signora Lopez, mi sente bene?').waitFor();

        await citizen.getByLabel('Carica un documento').setInputFiles({ name: 'planimetria.pdf', mimeType: 'application/pdf', buffer: PDF });
        const fileLink = officer.getByTestId('files-list').getByRole('link', { name: /planimetria\.pdf/ });
        await fileLink.waitFor();
        const [download] = await Promise.all([officer.waitForEvent('download'), fileLink.click()]);
        const saved = path.join(filesDir, `downloaded-${Date.now()}.pdf`);
        await download.saveAs(saved);
        assert.equal(sha256(fs.readFileSync(saved)), sha256(PDF), 'the officer receives the very bytes the citizen sent');

        await officer.getByRole('button', { name: 'Termina appuntamento' }).click();
        await officer.getByLabel('Esito / nota').fill('Chiarimenti forniti, nessun seguito.');
        await officer.getByRole('button', { name: 'Conferma e chiudi' }).click();
        await officer.getByText('Appuntamento concluso').waitFor();
        await citizen
          .getByText(/concluso/)
          .first()
          .waitFor();

        const detail = await citizenNode.ctx.db.selectFrom('bookings').select(['status', 'outcome_note']).where('id', '=', booking.id).executeTakeFirstOrThrow();
        assert.deepEqual(detail, { status: 'done', outcome_note: 'Chiarimenti forniti, nessun seguito.' });
      } catch (err) {
        console.error(`browser console:\n${consoleLines.join('\n')}`);
        throw err;
      }
      for (const c of contexts) await c.close();
    });
  });
}

journey('video appointment in the browser (one server node)', { twoNodes: false });
journey('video appointment in the browser (citizen and officer on two server nodes)', { twoNodes: true });
