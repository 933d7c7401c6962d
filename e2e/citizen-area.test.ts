// A citizen logs in with SPID from the header (the embedded test provider), finds the Scrivania with
// the comune's messages and a deadline, books with the identity's data already there, finds the
// appointment and its notice in the personal area, changes the email, and logs out. Another citizen
// logs in with CIE from the booking flow itself and comes back to the step they left. axe-core on
// every page and state, the test provider's page included.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { outbox } from '../test/support/fixtures.ts';
import { ENGINES } from '../test/support/harness.ts';
import { axeViolations, browserSkipReason, launchBrowser } from './support/browser.ts';
import { fixBrowserClock, startPortal, type Portal } from './support/portal.ts';
import { bookTuesdayUntilApplicant, logInAtTestProvider } from './support/citizen-steps.ts';

const skip = browserSkipReason();

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe-core on ${where}:\n${violations.join('\n')}`);
}

for (const engine of ENGINES) {
  describe(`citizen personal area journey (${engine.name})`, { skip }, () => {
    let portal: Portal;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    const header = () => page.getByRole('banner');

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

    it('explains a failed login in plain words and offers to try again', async () => {
      await page.goto(`${portal.url}/bari/accedi?errore=scaduto&returnTo=${encodeURIComponent('/bari/area-personale')}`);
      await page.getByRole('alert').filter({ hasText: 'Accesso non riuscito' }).waitFor();
      assert.match(await page.getByRole('alert').innerText(), /più di 10 minuti/);
      assert.match((await page.getByRole('link', { name: 'Entra con SPID' }).getAttribute('href'))!, /provider=spid&returnTo=%2Fbari%2Farea-personale$/);
      await expectAccessible(page, 'the login page after a failed login');
    });

    it('logs in with SPID from the header, as Mario Rossi', async () => {
      await page.goto(`${portal.url}/bari`);
      const access = header().getByRole('link', { name: "Accedi all'area personale" });
      await access.waitFor();
      assert.equal(await access.getAttribute('data-element'), 'personal-area-login');
      assert.equal(await page.getByRole('contentinfo').locator('[data-element="appointment-booking"]').count(), 1, 'the booking link in the footer, as the model has it');
      await expectAccessible(page, 'the home, logged out');
      await access.click();
      await page.getByRole('heading', { level: 1, name: "Accedi all'area personale" }).waitFor();
      await expectAccessible(page, 'the login page');
      await page.getByRole('link', { name: 'Entra con SPID' }).click();
      await logInAtTestProvider(page, 'Mario Rossi', { level: '2', check: (where) => expectAccessible(page, where) });
      // Back where the citizen was, logged in.
      await header()
        .getByRole('link', { name: /Area personale di Mario Rossi/ })
        .waitFor();
      assert.equal(new URL(page.url()).pathname, '/bari');
      assert.equal(await header().getByTestId('header-unread').innerText(), '2 messaggi non letti');
      assert.equal(await header().getByRole('button', { name: 'Esci' }).count(), 1);
      await expectAccessible(page, 'the home, logged in');
    });

    it('shows the Scrivania: the welcome, "Il Comune Ti Informa" and the identity card deadline', async () => {
      await header()
        .getByRole('link', { name: /Area personale di Mario Rossi/ })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Scrivania' }).waitFor();
      const messages = page.getByTestId('desk-messages');
      await messages.waitFor();
      assert.match(await messages.innerText(), /Benvenuto nella Scrivania virtuale del Comune di Bari/);
      assert.match(await messages.innerText(), /Il Comune Ti Informa: lavori stradali/);
      assert.match(await messages.innerText(), /non letto/);
      assert.match(await page.getByTestId('deadlines').innerText(), /La tua carta d'identità scade/);
      assert.match(await page.getByTestId('activities').innerText(), /Accesso all'area personale con SPID/);
      assert.ok(await page.getByRole('navigation', { name: "Sezioni dell'area personale" }).getByRole('link', { name: 'Scrivania' }).getAttribute('aria-current'));
      await expectAccessible(page, 'the Scrivania');
    });

    it('books an appointment with the identity data shown read-only, not asked', async () => {
      await page.goto(`${portal.url}/bari`);
      await page.getByRole('link', { name: 'Prenota: Informazioni generali', exact: true }).click();
      await bookTuesdayUntilApplicant(page, '10:20');
      const identity = page.getByTestId('applicant-identity');
      await identity.waitFor();
      const shown = await identity.innerText();
      for (const v of ['Mario', 'Rossi', 'RSSMRA85T10A562S', 'Via Sparano da Bari 1', 'dai tuoi dati SPID']) assert.ok(shown.includes(v), `${v} shown`);
      assert.equal(await page.getByRole('textbox', { name: /^Nome/ }).count(), 0, 'the name is not asked');
      assert.equal(await page.getByRole('textbox', { name: /^Cognome/ }).count(), 0, 'the surname is not asked');
      assert.equal(await page.getByLabel('Email *', { exact: true }).inputValue(), 'mario.rossi@example.it');
      assert.equal(await page.getByLabel('Conferma email *', { exact: true }).count(), 0, 'the confirmed email needs no retyping');
      assert.equal(await page.getByTestId('applicant-login').count(), 0);
      await expectAccessible(page, 'step 4 logged in');
      await page.getByRole('button', { name: /Avanti/ }).click();

      await page.getByRole('heading', { name: /Riepilogo/ }).waitFor();
      const summary = await page.locator('.steppers-content').innerText();
      assert.match(summary, /Mario Rossi/);
      assert.match(summary, /RSSMRA85T10A562S/);
      assert.match(summary, /dai tuoi dati SPID/);
      assert.match(summary, /mario\.rossi@example\.it/);
      await expectAccessible(page, 'step 5 logged in');
      await page.getByLabel(/Ho letto e compreso/).check({ force: true });
      await page.getByRole('button', { name: 'Conferma appuntamento' }).click();
      await page.getByRole('heading', { level: 1, name: 'Appuntamento confermato' }).waitFor();
      await page.getByRole('link', { name: "Vedi i tuoi appuntamenti nell'area personale" }).waitFor();
      // The confirmation is a new message: the header counts it.
      await header().getByText('3 messaggi non letti').waitFor();
      await expectAccessible(page, 'the confirmation, logged in');
    });

    it('finds the appointment in Appuntamenti, and opens its manage page', async () => {
      await page.getByRole('link', { name: "Vedi i tuoi appuntamenti nell'area personale" }).click();
      await page.getByRole('heading', { level: 1, name: 'I tuoi appuntamenti' }).waitFor();
      const upcoming = page.getByTestId('upcoming-appointments');
      await upcoming.waitFor();
      assert.match(await upcoming.innerText(), /Informazioni generali[\s\S]*martedì 3 marzo 2026, ore 10:20[\s\S]*Confermato/);
      await expectAccessible(page, 'Appuntamenti');
      await upcoming.getByRole('button', { name: 'Gestisci' }).click();
      await page.getByRole('heading', { level: 1, name: 'Il tuo appuntamento' }).waitFor();
      assert.match(await page.getByTestId('booking-when').innerText(), /martedì 3 marzo 2026, ore 10:20/);
      assert.match(await page.locator('main').innerText(), /Mario Rossi \(mario\.rossi@example\.it\)/);
    });

    it('finds the confirmation in Messaggi; opening a message marks it read', async () => {
      await page.goto(`${portal.url}/bari/area-personale/messaggi`);
      await page.getByRole('heading', { level: 1, name: 'Messaggi' }).waitFor();
      const count = page.getByTestId('inbox-count');
      await count.filter({ hasText: 'Hai 3 messaggi, di cui 3 non letti.' }).waitFor();
      const confirmation = page.getByTestId('inbox-message').filter({ hasText: 'Appuntamento confermato: Informazioni generali' });
      assert.equal(await confirmation.getAttribute('data-read'), 'false');
      assert.match(await confirmation.innerText(), /Non letto/);
      await expectAccessible(page, 'Messaggi');
      const opener = confirmation.getByRole('button');
      await opener.click();
      assert.equal(await opener.getAttribute('aria-expanded'), 'true');
      await confirmation.getByRole('region').getByText(/10:20/).first().waitFor();
      await page.waitForFunction(() => document.querySelector('[data-testid="inbox-message"][data-read="true"]') !== null);
      await count.filter({ hasText: 'di cui 2 non letti' }).waitFor();
      assert.match(await confirmation.innerText(), /Letto/);
      await header().getByText('2 messaggi non letti').waitFor();
      await expectAccessible(page, 'Messaggi with a message open');
      // Read on the server too: a fresh page says so.
      await page.reload();
      await page.getByTestId('inbox-count').filter({ hasText: 'di cui 2 non letti' }).waitFor();
    });

    it('lists activities with who did them, deadlines by date, and empty sections that say so', async () => {
      const nav = page.getByRole('navigation', { name: "Sezioni dell'area personale" });
      await nav.getByRole('link', { name: 'Attività' }).click();
      await page.getByRole('heading', { level: 1, name: 'Le tue attività' }).waitFor();
      const row = page.getByRole('row').filter({ hasText: 'Appuntamento prenotato: «Informazioni generali»' });
      await row.waitFor();
      assert.equal(await row.getByRole('cell').last().innerText(), 'tu');
      await expectAccessible(page, 'Attività');

      await nav.getByRole('link', { name: 'Scadenze' }).click();
      await page.getByRole('heading', { level: 1, name: 'Scadenze' }).waitFor();
      const list = await page.getByTestId('deadlines').innerText();
      assert.ok(list.indexOf('martedì 3 marzo 2026') < list.indexOf("carta d'identità"), 'by date: the appointment first');
      await expectAccessible(page, 'Scadenze');

      await nav.getByRole('link', { name: 'Pratiche' }).click();
      await page.getByText('Non hai ancora pratiche.').waitFor();
      await expectAccessible(page, 'Pratiche');
      await nav.getByRole('link', { name: 'Pagamenti' }).click();
      await page.getByText('Non hai pagamenti da fare.').waitFor();
      await expectAccessible(page, 'Pagamenti');
    });

    it('changes the email in Impostazioni: pending until the emailed link is opened', async () => {
      await page.getByRole('navigation', { name: "Sezioni dell'area personale" }).getByRole('link', { name: 'Impostazioni' }).click();
      await page.getByRole('heading', { level: 1, name: 'Impostazioni' }).waitFor();
      const identity = await page.getByTestId('identity-data').innerText();
      assert.match(identity, /RSSMRA85T10A562S/);
      assert.match(identity, /10 dicembre 1985/);
      await page.getByText('Dati dalla tua identità digitale, non modificabili qui.').waitFor();
      await expectAccessible(page, 'Impostazioni');

      await page.getByLabel('Email', { exact: true }).fill('mario.nuovo@example.it');
      await page.getByRole('button', { name: 'Salva i contatti' }).click();
      await page.getByTestId('contacts-saved').filter({ hasText: "Ti abbiamo inviato un'email a mario.nuovo@example.it" }).waitFor();
      assert.match(await page.getByTestId('pending-email').innerText(), /In attesa di conferma: mario\.nuovo@example\.it/);
      assert.equal(await page.getByLabel('Email', { exact: true }).inputValue(), 'mario.rossi@example.it', 'the confirmed address stays in use');
      await expectAccessible(page, 'Impostazioni with an email waiting');

      await portal.worker.drain();
      const [mail] = await outbox(portal.app, 'mario.nuovo@example.it');
      const link = /https?:\/\/\S+\/me\/email\/confirm\?token=\S+/.exec(mail!.text)![0];
      await page.goto(link);
      await page.getByTestId('email-outcome').filter({ hasText: 'Indirizzo email confermato: da ora ti scriviamo a mario.nuovo@example.it' }).waitFor();
      assert.equal(await page.getByTestId('pending-email').count(), 0);
      await expectAccessible(page, 'Impostazioni after confirming the email');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Scarica i miei dati' }).click()]);
      const data = JSON.parse(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString('utf8')));
      assert.ok(JSON.stringify(data).includes('RSSMRA85T10A562S'));

      await page.getByRole('link', { name: 'Informativa: Informazioni generali', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Informativa privacy: Informazioni generali' }).waitFor();
      assert.match(await page.getByTestId('privacy-notice').innerText(), /Titolare del trattamento: Comune di Bari/);
      await expectAccessible(page, 'a service privacy notice');
    });

    it('fits a phone screen', async () => {
      await page.setViewportSize({ width: 375, height: 740 });
      await page.goto(`${portal.url}/bari/area-personale`);
      await page.getByTestId('desk-messages').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling on a phone (overflow ${overflow}px)`);
      await expectAccessible(page, 'the Scrivania on a phone');
      await page.setViewportSize({ width: 1280, height: 720 });
    });

    it('logs out: the header offers "Accedi" again and the area asks to log in', async () => {
      await header().getByRole('button', { name: 'Esci' }).click();
      await page.waitForURL(`${portal.url}/bari`);
      await header().getByRole('link', { name: "Accedi all'area personale" }).waitFor();
      assert.equal(await header().getByText('Mario Rossi').count(), 0);
      await page.goto(`${portal.url}/bari/area-personale/messaggi`);
      await page.getByRole('heading', { level: 1, name: "Accedi all'area personale" }).waitFor();
      assert.equal(new URL(page.url()).searchParams.get('returnTo'), '/bari/area-personale/messaggi');
    });

    it('from the booking flow, logs in with CIE and comes back to the same step', async () => {
      const other = await browser.newContext({ locale: 'it-IT', timezoneId: 'Europe/Rome', reducedMotion: 'reduce' });
      await fixBrowserClock(other);
      const p = await other.newPage();
      await p.goto(`${portal.url}/bari`);
      await p.getByRole('link', { name: 'Prenota: Informazioni generali', exact: true }).click();
      await bookTuesdayUntilApplicant(p, '11:00');
      await p.getByLabel('Nome *', { exact: true }).waitFor();
      await p.getByRole('link', { name: 'Accedi con SPID o CIE per non inserire i tuoi dati' }).click();
      await p.getByRole('heading', { level: 1, name: "Accedi all'area personale" }).waitFor();
      await p.getByRole('link', { name: 'Entra con CIE' }).click();
      await logInAtTestProvider(p, 'Anna Esposito', { check: async (where) => assert.deepEqual(await axeViolations(p), [], where) });
      await p.getByRole('status').filter({ hasText: "Abbiamo ripreso la richiesta da dove l'avevi lasciata." }).waitFor();
      await p.getByRole('heading', { name: /Richiedente/ }).waitFor();
      assert.match(await p.getByTestId('applicant-identity').innerText(), /dai tuoi dati CIE[\s\S]*Esposito[\s\S]*SPSNNA90D55A662O/);
      assert.equal(await p.getByLabel('Email *', { exact: true }).inputValue(), 'anna.esposito@example.it');
      assert.deepEqual(await axeViolations(p), [], 'step 4 after logging in with CIE');
      await other.close();
    });
  });
}
