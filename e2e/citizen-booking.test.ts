// A citizen books through the five steps, receives the email, reschedules and cancels from its link:
// the whole journey in Chromium, with axe-core on every page along the way.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { outbox } from '../test/support/fixtures.ts';
import { ENGINES } from '../test/support/harness.ts';
import { axeViolations, browserSkipReason, launchBrowser } from './support/browser.ts';
import { fixBrowserClock, startPortal, type Portal } from './support/portal.ts';

const skip = browserSkipReason();

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe-core on ${where}:\n${violations.join('\n')}`);
}

for (const engine of ENGINES) {
  describe(`citizen booking journey (${engine.name})`, { skip }, () => {
    let portal: Portal;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const email = `giulia.bianchi.${engine.name}@example.it`;

    before(async () => {
      portal = await startPortal({ url: engine.url });
      browser = await launchBrowser();
      context = await browser.newContext({ locale: 'it-IT', timezoneId: 'Europe/Rome', acceptDownloads: true, reducedMotion: 'reduce' });
      await fixBrowserClock(context);
      page = await context.newPage();
    });
    after(async () => {
      await browser?.close();
      await portal?.close();
    });

    it('books an appointment from a service of the comune home page, through the five steps', async () => {
      await page.goto(`${portal.url}/bari`);
      await page.getByRole('heading', { level: 1, name: /Comune di Bari/ }).waitFor();
      assert.ok(await page.locator('[data-element="appointment-booking"]').count(), 'site-wide booking link');
      await page.locator('[data-element="service-booking-access"]').first().waitFor();
      await expectAccessible(page, 'the comune home');

      await page.getByRole('link', { name: 'Prenota: Informazioni generali', exact: true }).click();
      // Step 1, Luogo: started from a service, office and service are already chosen.
      await page.getByRole('heading', { level: 1, name: 'Prenotazione appuntamento' }).waitFor();
      assert.equal(await page.getByText('1/5').textContent(), '1/5');
      assert.ok(await page.getByRole('radio', { name: /URP/ }).isChecked());
      assert.ok(await page.getByRole('radio', { name: /^Informazioni generali Durata/ }).isChecked());
      await expectAccessible(page, 'step 1 (Luogo)');
      await page.getByRole('button', { name: /Avanti/ }).click();

      // Step 2, Data e orario: only days with free slots; the first free one offered, not chosen.
      await page.getByRole('heading', { name: /Data e orario/ }).waitFor();
      await page.getByRole('radio', { name: '10:00' }).waitFor();
      assert.equal(await page.getByRole('radio', { checked: true }).count(), 0, 'no time chosen for the citizen');
      await page.getByText('Il primo orario libero è lunedì 2 marzo 2026 alle 10:00.').waitFor(); // 08:00 + 2 h notice
      await page.getByRole('button', { name: /Avanti/ }).click();
      await page.getByText('Seleziona un giorno e un orario.').waitFor();
      const days = await page.getByLabel('Giorno', { exact: true }).locator('option').allTextContents();
      assert.match(days[0]!, /^lunedì 2 marzo 2026/);
      assert.ok(!days.some((d) => /sabato|domenica/.test(d)), 'no closed days listed');
      await expectAccessible(page, 'step 2 (Data e orario)');
      // Tuesday, so the change cut-off (24 hours) leaves time to reschedule and cancel online.
      await page.getByLabel('Giorno', { exact: true }).selectOption({ index: 1 });
      await page.getByRole('group', { name: /martedì 3 marzo 2026/ }).waitFor();
      await page.getByRole('radio', { name: '10:20' }).check({ force: true });
      await page.getByRole('button', { name: /Avanti/ }).click();

      // Step 3, Dettagli appuntamento.
      await page.getByRole('heading', { name: /Dettagli appuntamento/ }).waitFor();
      await page.getByLabel('Motivo (facoltativo)').fill('Informazioni sulla TARI');
      await expectAccessible(page, 'step 3 (Dettagli)');
      await page.getByRole('button', { name: /Avanti/ }).click();

      // Step 4, Richiedente: errors are shown and announced before going on.
      await page.getByRole('heading', { name: /Richiedente/ }).waitFor();
      await page.getByRole('button', { name: /Avanti/ }).click();
      await page.getByRole('alert').filter({ hasText: 'Inserisci il nome.' }).waitFor();
      await expectAccessible(page, 'step 4 with errors');
      await page.getByLabel('Nome *', { exact: true }).fill('Giulia');
      await page.getByLabel('Cognome *', { exact: true }).fill('Bianchi');
      await page.getByLabel('Email *', { exact: true }).fill(email);
      await page.getByLabel('Conferma email *', { exact: true }).fill(email);
      await page.getByRole('button', { name: /Avanti/ }).click();

      // Step 5, Riepilogo: a textual summary, then confirmation.
      await page.getByRole('heading', { name: /Riepilogo/ }).waitFor();
      const summary = await page.locator('.steppers-content').innerText();
      assert.match(summary, /martedì 3 marzo 2026, ore 10:20/);
      assert.match(summary, /Giulia Bianchi/);
      assert.match(summary, /Informazioni sulla TARI/);
      await expectAccessible(page, 'step 5 (Riepilogo)');
      await page.getByRole('button', { name: 'Conferma appuntamento' }).click();
      await page.getByRole('alert').filter({ hasText: 'informativa' }).waitFor();
      await page.getByLabel(/Ho letto e compreso/).check({ force: true });
      await page.getByRole('button', { name: 'Conferma appuntamento' }).click();

      await page.getByRole('heading', { level: 1, name: 'Appuntamento confermato' }).waitFor();
      assert.match(await page.getByTestId('booking-reference').innerText(), /^[A-Z]{2}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
      const calendar = page.getByRole('link', { name: 'Aggiungi al tuo calendario' });
      const download = await Promise.all([page.waitForEvent('download'), calendar.click()]).then(([d]) => d);
      const ics = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
      assert.match(ics, /BEGIN:VEVENT/);
      assert.match(ics, /DTSTART:20260303T092000Z/);
      await expectAccessible(page, 'the confirmation page');
    });

    it('delivers the confirmation email with the manage link and the .ics', async () => {
      await portal.worker.drain();
      const mails = await outbox(portal.app, email);
      assert.equal(mails.length, 1);
      assert.match(mails[0]!.subject, /^Appuntamento confermato: Informazioni generali/);
      // The calendar file, and the QR code the office's kiosk reads on arrival.
      assert.deepEqual(
        mails[0]!.attachments.map((a) => a.filename),
        ['appuntamento.ics', 'arrivo-qr.png'],
      );

      await page.goto(`${portal.url}/dev/mailbox`);
      const message = page.getByRole('article').filter({ hasText: email }).first();
      await message.waitFor();
      await expectAccessible(page, 'the development mailbox');
      await message.getByRole('link', { name: /\/bari\/appuntamento\/[^/]+$/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Il tuo appuntamento' }).waitFor();
    });

    it('reschedules from the manage link, and the citizen is told by email', async () => {
      assert.match(await page.getByTestId('booking-when').innerText(), /martedì 3 marzo 2026, ore 10:20/);
      await expectAccessible(page, 'the manage page');
      await page.getByRole('button', { name: 'Sposta appuntamento' }).click();
      await page.getByLabel('Giorno', { exact: true }).selectOption({ index: 1 });
      await page.getByRole('group', { name: /martedì 3 marzo 2026/ }).waitFor();
      assert.equal(await page.getByRole('radio', { name: '10:20' }).count(), 0, 'the current slot is not offered');
      await page.getByRole('radio', { name: '11:00' }).check({ force: true });
      await expectAccessible(page, 'the reschedule picker');
      await page.getByRole('button', { name: 'Conferma nuovo orario' }).click();
      await page.getByRole('status').filter({ hasText: 'Appuntamento spostato' }).waitFor();
      assert.match(await page.getByTestId('booking-when').innerText(), /martedì 3 marzo 2026, ore 11:00/);
      await portal.worker.drain();
      const mails = await outbox(portal.app, email);
      assert.equal(mails.length, 2);
      assert.match(mails[0]!.subject, /^Appuntamento spostato: .*ore 11:00/);
      assert.match(mails[0]!.attachments[0]!.content ?? '', /SEQUENCE:1/);
    });

    it('cancels from the manage link with a reason, and the citizen is told by email', async () => {
      await page.getByRole('button', { name: 'Annulla appuntamento' }).click();
      await page.getByLabel('Motivo (facoltativo)').fill('Ho risolto per email');
      await page.getByRole('button', { name: 'Conferma annullamento' }).click();
      await page.getByRole('status').filter({ hasText: 'Appuntamento annullato' }).waitFor();
      assert.equal(await page.getByText('Annullato', { exact: true }).count(), 1);
      assert.equal(await page.getByRole('button', { name: 'Sposta appuntamento' }).count(), 0);
      await expectAccessible(page, 'the cancelled booking');
      await portal.worker.drain();
      const mails = await outbox(portal.app, email);
      assert.equal(mails.length, 3);
      assert.match(mails[0]!.subject, /^Appuntamento annullato/);
      assert.match(mails[0]!.attachments[0]!.content ?? '', /METHOD:CANCEL/);
    });

    it('works on a phone-sized screen', async () => {
      const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true, locale: 'it-IT' });
      await fixBrowserClock(phone);
      const p = await phone.newPage();
      await p.goto(`${portal.url}/bari/prenota-appuntamento`);
      await p.getByRole('heading', { name: /Luogo/ }).waitFor();
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling on a phone (overflow ${overflow}px)`);
      await expectAccessible(p, 'step 1 on a phone');
      await phone.close();
    });
  });
}
