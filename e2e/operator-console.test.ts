// The officer console in Chromium: login (wrong password, locked account), the day agenda with a
// citizen's booking, its detail and check-in, a phone booking, office scoping, and an administrator
// changing a service and adding a closure. axe-core runs on every page along the way.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { applicant, book, findService, freeSlots, outbox } from '../test/support/fixtures.ts';
import { axeViolations, browserSkipReason, launchBrowser } from './support/browser.ts';
import { fixBrowserClock, startPortal, type Portal } from './support/portal.ts';

const skip = browserSkipReason();

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe-core on ${where}:\n${violations.join('\n')}`);
}

async function signIn(page: Page, url: string, username: string, password = 'sportello-demo'): Promise<void> {
  await page.goto(`${url}/bari/operatore`);
  await page.getByRole('heading', { level: 1, name: 'Accesso area operatori' }).waitFor();
  await page.getByLabel('Nome utente').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
}

/**
 * The server sets the session cookie with an absolute Expires computed from its clock, which the tests
 * fix at 2 March 2026; Chromium's cookie jar runs on the real clock (only page scripts see the fixed
 * time), so once that date has passed it drops the cookie at once. Re-store it without an expiry.
 */

async function focusedHeading(page: Page): Promise<string | null> {
  return page.evaluate(() => (document.activeElement?.tagName === 'H1' ? document.activeElement.textContent : null));
}

describe('officer console', { skip }, () => {
  let portal: Portal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let booking: { id: string; reference: string };

  before(async () => {
    portal = await startPortal();
    // A citizen booked the identity card for Tuesday 3 March through the public API.
    const { service } = await findService(portal.app, 'bari', 'Anagrafe');
    const slots = await freeSlots(portal.app, 'bari', service.id, '2026-03-03', '2026-03-03');
    const res = await book(portal.app, 'bari', {
      serviceId: service.id,
      start: slots[2]!.start,
      applicant: { ...applicant('lucia.ferri@example.it'), name: 'Lucia', surname: 'Ferri' },
    });
    assert.equal(res.statusCode, 201, res.body);
    booking = res.json();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'it-IT', timezoneId: 'Europe/Rome' });
    context.setDefaultTimeout(10_000);
    await fixBrowserClock(context);
    page = await context.newPage();
  });
  after(async () => {
    await browser?.close();
    await portal?.close();
  });

  it('shows the login page and rejects a wrong password', async () => {
    await page.goto(`${portal.url}/bari/operatore`);
    await page.getByRole('heading', { level: 1, name: 'Accesso area operatori' }).waitFor();
    assert.match(await page.locator('.it-brand-title').innerText(), /Comune di Bari/);
    assert.equal(await page.getByText('sportello-demo').count(), 0, 'no demo credentials on the login page');
    await expectAccessible(page, 'the login page');
    await page.getByLabel('Nome utente').fill('anagrafe.bari');
    await page.getByLabel('Password').fill('password-sbagliata');
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('alert').filter({ hasText: 'Nome utente o password non corretti' }).waitFor();
    await expectAccessible(page, 'the login page with an error');
  });

  it('tells the officer how long this network waits after failed attempts, and offers the way in with a code', async () => {
    // Five failures from the browser's own address (the portal listens on 127.0.0.1).
    for (let i = 0; i < 5; i++) {
      await portal.app.inject({ method: 'POST', url: '/api/v1/bari/operator/session', remoteAddress: '127.0.0.1', payload: { username: 'ambiente.bari', password: 'no' } });
    }
    await page.getByLabel('Nome utente').fill('ambiente.bari');
    await page.getByLabel('Password').fill('sportello-demo');
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('alert').filter({ hasText: 'Troppi tentativi non riusciti da questa rete: riprova tra 30 secondi' }).waitFor();
    await page.getByRole('button', { name: 'Ho la verifica in due passaggi: inserisco il codice' }).click();
    await page.getByLabel('Codice di verifica').waitFor();
    await expectAccessible(page, 'the login page while this network waits');
    await page.getByRole('button', { name: 'Indietro' }).click();
  });

  it("signs in and finds the citizen's booking in the day agenda", async () => {
    await signIn(page, portal.url, 'anagrafe.bari');
    await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    assert.match(await page.getByTestId('operator-user').innerText(), /Giuseppe De Santis/);
    assert.equal(await page.getByRole('link', { name: 'Configurazione' }).count(), 0, 'operators do not configure');
    await page.getByRole('heading', { name: /lunedì 2 marzo 2026/ }).waitFor();
    await page
      .getByTestId('agenda-summary')
      .filter({ hasText: /appuntament/ })
      .waitFor();
    await expectAccessible(page, 'the agenda (empty day)');

    await page.getByRole('button', { name: 'Giorno successivo' }).click();
    await page.getByRole('heading', { name: /martedì 3 marzo 2026/ }).waitFor();
    const row = page.locator(`tr[data-booking="${booking.reference}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), /Lucia Ferri/);
    assert.match(await row.innerText(), /Confermato/);
    assert.match(await page.getByTestId('agenda-summary').innerText(), /^1 appuntamento/);
    await expectAccessible(page, 'the day agenda with a booking');

    await page.getByLabel('Vista').selectOption('settimana');
    await page.getByRole('heading', { name: /settimana da lunedì 2 marzo 2026 a domenica 8 marzo 2026/ }).waitFor();
    await row.waitFor();
    await expectAccessible(page, 'the week agenda');
    await page.getByLabel('Vista').selectOption('giorno');
  });

  it('opens the detail and registers the arrival', async () => {
    await page.getByRole('link', { name: /Lucia Ferri/ }).click();
    await page.getByRole('heading', { level: 1, name: `Prenotazione ${booking.reference}` }).waitFor();
    assert.equal(await focusedHeading(page), `Prenotazione ${booking.reference}`, 'focus moves to the new heading');
    const data = await page.locator('dl').innerText();
    assert.match(data, /martedì 3 marzo 2026, ore/);
    assert.match(data, /lucia\.ferri@example\.it/);
    assert.match(await page.getByRole('table', { name: /Storico/ }).innerText(), /Prenotazione creata/);
    await expectAccessible(page, 'the booking detail');

    await page.getByRole('button', { name: 'Annulla appuntamento' }).click();
    await page.getByText("riceverà un'email").waitFor();
    await expectAccessible(page, 'the cancel form');
    await page.getByRole('button', { name: 'Non annullare' }).click();

    await page.getByRole('button', { name: 'Registra arrivo' }).click();
    await page.getByRole('status').filter({ hasText: 'Arrivo registrato' }).waitFor();
    await page.locator('.badge[data-status="checked_in"]').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Registra arrivo' }).count(), 0);
    await page
      .getByRole('table', { name: /Storico/ })
      .getByText('Arrivo registrato')
      .waitFor();
    const row = await portal.ctx.db.selectFrom('bookings').select(['status', 'checked_in_at']).where('id', '=', booking.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'checked_in');
    assert.ok(row.checked_in_at);
    await expectAccessible(page, 'the booking detail after check-in');

    await page.getByRole('link', { name: /Torna all'agenda/ }).click();
    await page.getByRole('heading', { name: /martedì 3 marzo 2026/ }).waitFor();
    await page.locator(`tr[data-booking="${booking.reference}"]`).getByText('Presente').waitFor();
  });

  it('books on behalf of a citizen on the phone', async () => {
    await page.getByRole('link', { name: 'Nuova prenotazione' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nuova prenotazione' }).waitFor();
    assert.equal(await focusedHeading(page), 'Nuova prenotazione');
    await page.getByRole('radio', { name: '10:00' }).waitFor();
    assert.equal(await page.getByRole('radio', { name: '10:00' }).isChecked(), false, 'the time is the officer’s choice');
    await page.getByText('Il primo orario libero è lunedì 2 marzo 2026 alle 10:00.').waitFor();
    await expectAccessible(page, 'the phone booking form');
    assert.ok(await page.getByRole('button', { name: 'Conferma prenotazione' }).isDisabled(), 'nothing to confirm before a time is chosen');
    await page.getByRole('radio', { name: '10:30' }).check({ force: true });
    await page.getByRole('button', { name: 'Conferma prenotazione' }).click();
    await page.getByText('Inserisci il nome.').waitFor();
    await page.getByLabel('Nome *', { exact: true }).fill('Paolo');
    await page.getByLabel('Cognome *', { exact: true }).fill('Greco');
    await page.getByLabel('Email *', { exact: true }).fill('paolo.greco@example.it');
    await page.getByRole('button', { name: 'Conferma prenotazione' }).click();
    await page.getByRole('heading', { level: 1, name: 'Prenotazione registrata' }).waitFor();
    const reference = await page.getByTestId('booking-reference').innerText();
    assert.match(reference, /^[A-Z]{2}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expectAccessible(page, 'the phone booking confirmation');
    const created = await portal.ctx.db.selectFrom('bookings').select(['channel', 'applicant_email']).where('reference', '=', reference).executeTakeFirstOrThrow();
    assert.equal(created.channel, 'operator');
    assert.equal(created.applicant_email, 'paolo.greco@example.it');
  });

  it('cancels a booking with a reason, which is emailed to the citizen', async () => {
    await page.getByRole('link', { name: 'Apri la prenotazione' }).click();
    await page.getByRole('heading', { level: 1, name: /^Prenotazione [A-Z]{2}-/ }).waitFor();
    await page.getByRole('button', { name: 'Annulla appuntamento' }).click();
    await page.getByRole('button', { name: 'Conferma annullamento' }).click();
    await page.getByRole('alert').filter({ hasText: 'almeno 3 caratteri' }).waitFor();
    await page.getByLabel("Motivo dell'annullamento *").fill('Sportello chiuso per guasto informatico');
    await page.getByRole('button', { name: 'Conferma annullamento' }).click();
    await page.getByRole('status').filter({ hasText: 'Appuntamento annullato' }).waitFor();
    await page.locator('.badge[data-status="cancelled"]').waitFor();
    assert.match(await page.locator('dl').innerText(), /Sportello chiuso per guasto informatico/);
    await expectAccessible(page, 'the cancelled booking');
    await portal.worker.drain();
    const mails = await outbox(portal.app, 'paolo.greco@example.it');
    assert.equal(mails.length, 2, 'confirmation, then cancellation');
    assert.match(mails[0]!.subject, /^Appuntamento annullato/);
    assert.match(mails[0]!.text, /Sportello chiuso per guasto informatico/);
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Esci' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accesso area operatori' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Accesso area operatori' }).waitFor();
  });

  it("hides another office's bookings from a scoped officer", async () => {
    await signIn(page, portal.url, 'urp.bari');
    await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    const offices = await page.getByLabel('Ufficio').locator('option').allTextContents();
    assert.deepEqual(offices, ['URP - Ufficio Relazioni con il Pubblico']);
    await page.goto(`${portal.url}/bari/operatore/prenotazioni/${booking.id}`);
    await page.getByRole('heading', { level: 1, name: 'Prenotazione non trovata' }).waitFor();
    assert.equal(await page.getByText('Lucia Ferri').count(), 0);
    await page.getByRole('button', { name: 'Esci' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accesso area operatori' }).waitFor();
  });

  it("lets an administrator change a service's duration and add a closure", async () => {
    await signIn(page, portal.url, 'admin.bari');
    await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    await page.getByRole('link', { name: 'Configurazione' }).click();
    await page.getByRole('heading', { level: 1, name: 'Configurazione' }).waitFor();
    await page.getByRole('link', { name: 'Anagrafe - Servizi Demografici' }).waitFor();
    // Where citizens log in: the comune's SPID gateway (CIE left to the test provider). Its discovery
    // document is read before saving: first it does not answer, then it does (a fake internet).
    const issuer = 'https://spid-proxy.comune.bari.it/oidc/op';
    const document = {
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      code_challenge_methods_supported: ['S256'],
    };
    let gatewayUp = false;
    portal.ctx.fetch = async () => {
      if (!gatewayUp) throw new TypeError('fetch failed');
      return new Response(JSON.stringify(document), { headers: { 'content-type': 'application/json' } });
    };
    const login = page.getByRole('form', { name: 'Accesso dei cittadini con SPID e CIE' });
    await login.getByLabel('SPID: indirizzo del gestore (issuer)').fill(issuer);
    await login.getByLabel('SPID: client id').fill('https://sportello.comune.bari.it/bari');
    await login.getByRole('button', { name: 'Salva accesso' }).click();
    await login.getByText(/SPID: il gestore di identità https:\/\/spid-proxy\.comune\.bari\.it\/oidc\/op non risponde/).waitFor();
    gatewayUp = true;
    await login.getByRole('button', { name: 'Salva accesso' }).click();
    await login.getByText('Configurazione dell’accesso salvata.').waitFor();
    delete portal.ctx.fetch;
    await expectAccessible(page, 'the configuration office list');
    const saved = await portal.ctx.db.selectFrom('tenants').select('identity_providers').where('slug', '=', 'bari').executeTakeFirstOrThrow();
    assert.deepEqual(saved.identity_providers, { spid: { issuer: 'https://spid-proxy.comune.bari.it/oidc/op', clientId: 'https://sportello.comune.bari.it/bari' } });
    await portal.ctx.db.updateTable('tenants').set({ identity_providers: '{}' }).where('slug', '=', 'bari').execute();
    await page.getByRole('link', { name: 'Anagrafe - Servizi Demografici' }).click();
    await page.getByRole('heading', { level: 1, name: /Configurazione: Anagrafe/ }).waitFor();
    await page
      .getByRole('table', { name: /Chiusure e aperture/ })
      .or(page.getByText('Nessuna chiusura o apertura straordinaria'))
      .waitFor();
    await expectAccessible(page, 'the office configuration');

    // The service: 15 → 25 minutes.
    await page.getByRole('button', { name: "Modifica Carta d'identità elettronica" }).click();
    await page.getByRole('heading', { name: "Modifica: Carta d'identità elettronica" }).waitFor();
    await expectAccessible(page, 'the service form');
    await page.getByLabel('Durata *').fill('25');
    await page.getByRole('button', { name: 'Salva servizio' }).click();
    await page.getByRole('status').filter({ hasText: "Servizio «Carta d'identità elettronica» salvato." }).waitFor();
    assert.equal(await page.getByTestId('service-duration').first().innerText(), '25 minuti');
    const { service } = await findService(portal.app, 'bari', 'Anagrafe');
    assert.equal(service.durationMinutes, 25);

    // The weekly hours of a desk open in an editor.
    await page
      .getByRole('button', { name: /^Orari di / })
      .first()
      .click();
    await page.getByRole('heading', { name: /Orari settimanali/ }).waitFor();
    await page.getByRole('button', { name: 'Salva orari' }).waitFor();
    await expectAccessible(page, 'the weekly hours editor');
    await page.getByRole('button', { name: 'Chiudi', exact: true }).click();

    // A whole-day closure on Monday 9 March removes that day's slots.
    assert.ok((await freeSlots(portal.app, 'bari', service.id, '2026-03-09', '2026-03-09')).length > 0);
    await page.getByLabel('Giorno *').fill('2026-03-09');
    await page.getByLabel('Nota (facoltativa)').fill('Inventario');
    await page.getByRole('button', { name: 'Aggiungi', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Chiusura di lunedì 9 marzo 2026 aggiunta.' }).waitFor();
    const table = page.getByTestId('exceptions-table');
    await table.getByRole('rowheader', { name: 'lunedì 9 marzo 2026' }).waitFor();
    assert.match(await table.innerText(), /Inventario/);
    assert.equal((await freeSlots(portal.app, 'bari', service.id, '2026-03-09', '2026-03-09')).length, 0);
    await expectAccessible(page, 'the office configuration after saving');
  });
});
