// The HTML part of a confirmation email in Chromium: axe-core finds no WCAG 2.1 AA violation, it reads
// on a phone, and the development mailbox shows it in its sandboxed frame (CSP intact), whose links
// open in a new tab.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { applicant, book, findService, freeSlots, outbox } from '../test/support/fixtures.ts';
import { ENGINES } from '../test/support/harness.ts';
import { axeViolations, browserSkipReason, launchBrowser } from './support/browser.ts';
import { fixBrowserClock, startPortal, type Portal } from './support/portal.ts';

const skip = browserSkipReason();

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe-core on ${where}:\n${violations.join('\n')}`);
}

for (const engine of ENGINES) {
  describe(`HTML email (${engine.name})`, { skip }, () => {
    let portal: Portal;
    let browser: Browser;
    const email = `html.${engine.name}@example.it`;
    let html: string;
    let manageUrl: string;

    before(async () => {
      portal = await startPortal({ url: engine.url });
      browser = await launchBrowser();
      const { service } = await findService(portal.app, 'bari', 'URP', 'Informazioni generali');
      const [slot] = await freeSlots(portal.app, 'bari', service.id);
      const res = await book(portal.app, 'bari', {
        serviceId: service.id,
        start: slot!.start,
        reason: 'Vedi <img src=x onerror="window.pwned=1"> https://example.org/info',
        applicant: { ...applicant(email), name: '<script>window.pwned=1</script>', surname: `D'Amico "Totò"` },
      });
      assert.equal(res.statusCode, 201, res.body);
      manageUrl = res.json().manageUrl;
      await portal.worker.drain();
      html = (await outbox(portal.app, email))[0]!.html!;
    });
    after(async () => {
      await browser?.close();
      await portal?.close();
    });

    it('has no WCAG 2.1 AA violations and runs nothing the applicant typed', async () => {
      const context = await browser.newContext({ locale: 'it-IT' });
      const page = await context.newPage();
      await page.setContent(html);
      assert.equal(await page.title(), (await page.locator('h1').innerText()).trim());
      assert.match(await page.locator('header').innerText(), /^Comune di Bari\s+Puglia$/);
      assert.equal(await page.getByRole('link', { name: "Gestisci l'appuntamento" }).getAttribute('href'), manageUrl);
      assert.equal(await page.getByRole('rowheader', { name: 'Richiedente' }).count(), 1);
      assert.match(await page.locator('main').innerText(), /Gentile <script>window\.pwned=1<\/script> D'Amico "Totò",/);
      assert.equal(await page.evaluate('window.pwned'), undefined);
      await expectAccessible(page, 'the HTML part');
      await context.close();
    });

    it('reads on a phone without horizontal scrolling', async () => {
      const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, locale: 'it-IT' });
      const page = await phone.newPage();
      await page.setContent(html);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `overflow ${overflow}px`);
      await phone.close();
    });

    it('is shown in the development mailbox next to the text, its links opening in a new tab', async () => {
      const context = await browser.newContext({ locale: 'it-IT', timezoneId: 'Europe/Rome' });
      await fixBrowserClock(context);
      const page = await context.newPage();
      const cspErrors: string[] = [];
      page.on('console', (m) => {
        if (/Content.Security.Policy/i.test(m.text())) cspErrors.push(m.text());
      });
      await page.goto(`${portal.url}/dev/mailbox`);
      const message = page.getByRole('article').filter({ hasText: email }).first();
      await message.waitFor();
      assert.ok(await message.getByRole('link', { name: /\/bari\/appuntamento\/[^/]+$/ }).count(), 'the text part with its link');
      const frame = page.frameLocator('iframe[title^="Versione HTML: Appuntamento confermato"]').first();
      const manage = frame.getByRole('link', { name: "Gestisci l'appuntamento" });
      await manage.waitFor();
      assert.match(await frame.locator('header').innerText(), /^Comune di Bari\s+Puglia$/);
      await expectAccessible(page, 'the development mailbox');
      const [popup] = await Promise.all([context.waitForEvent('page'), manage.click()]);
      await popup.getByRole('heading', { level: 1, name: 'Il tuo appuntamento' }).waitFor();
      assert.equal(popup.url(), manageUrl);
      assert.deepEqual(cspErrors, []);
      await context.close();
    });
  });
}
