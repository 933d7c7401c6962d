// The service catalogue in Chromium, as a citizen finds a service: from the comune's home, a search
// for "cambio di residenza" leads to its card; the card's index jumps to its sections; a category
// lists its services; "Prenota appuntamento" on the CIE card opens the booking with the service
// chosen. axe-core runs on every page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserSkipReason, clickLabel, expectAccessible, launchBrowser } from './support/browser.ts';
import { italianContext, startPortal, type Portal } from './support/portal.ts';

const skip = browserSkipReason();

describe('service catalogue', { skip }, () => {
  let portal: Portal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    portal = await startPortal();
    browser = await launchBrowser();
    context = await italianContext(browser);
    page = await context.newPage();
  });
  after(async () => {
    await browser?.close();
    await portal?.close();
  });

  it("finds 'cambio di residenza' from the comune's home and reads its card", async () => {
    await page.goto(`${portal.url}/bari`);
    await page.getByLabel('Cerca un servizio').fill('cambio di residenza');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Servizi' }).waitFor();
    await page.getByRole('heading', { name: 'Risultati per "cambio di residenza"' }).waitFor();
    await expectAccessible(page, 'the search results');
    const first = page.locator('[data-element="service-link"]').first();
    assert.equal(await first.innerText(), 'Dichiarazione di cambio di residenza');
    await first.click();

    await page.getByRole('heading', { level: 1, name: 'Dichiarazione di cambio di residenza' }).waitFor();
    await expectAccessible(page, 'the service card');
    const index = await page.locator('[data-element="page-index"] > li > a').allInnerTexts();
    for (const title of ['A chi è rivolto', 'Come fare', 'Cosa serve', 'Cosa si ottiene', 'Tempi e scadenze', 'Accedi al servizio', 'Condizioni di servizio', 'Contatti']) {
      assert.ok(index.includes(title), `the index has "${title}": ${index.join(', ')}`);
    }
    assert.match(await page.locator('[data-element="service-needed"]').innerText(), /titolo di occupazione/);
    assert.equal((await page.locator('[data-element="service-area"]').innerText()).trim(), 'Anagrafe - Servizi Demografici');
    assert.match(await page.locator('[data-element="breadcrumb"]').innerText(), /Servizi[\s\S]*Anagrafe e stato civile/);
    assert.match(await page.getByText(/^Pagina aggiornata il \d{2}\/\d{2}\/\d{4}$/).innerText(), /Pagina aggiornata/);
    const jsonLd = JSON.parse((await page.locator('script[data-element="metatag"]').textContent()) ?? '{}');
    assert.deepEqual([jsonLd['@type'], jsonLd.availableChannel.serviceLocation.address.postalCode], ['GovernmentService', '70122']);

    await page.getByRole('link', { name: 'Contatti', exact: true }).click();
    assert.match(page.url(), /#contatti$/);
  });

  it('lists a category of Bitonto and opens "Prenota appuntamento" from a card with the service chosen', async () => {
    await page.goto(`${portal.url}/bitonto/servizi`);
    await page.getByRole('heading', { level: 1, name: 'Servizi' }).waitFor();
    await page.getByRole('link', { name: 'Tributi, finanze e contravvenzioni' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tributi, finanze e contravvenzioni' }).waitFor();
    await expectAccessible(page, 'a category');
    assert.ok((await page.locator('[data-element="service-link"]').count()) >= 5);
    await page.getByRole('link', { name: 'IMU: assistenza al calcolo' }).click();
    await page.getByRole('heading', { level: 1, name: 'IMU: assistenza al calcolo' }).waitFor();
    await page.locator('[data-element="service-booking-access"]').click();
    await page.waitForURL(/\/bitonto\/prenota-appuntamento\?ufficio=.+&servizio=.+/);
    await page.getByText('IMU - assistenza al calcolo').first().waitFor();
  });

  it('lets an admin write a card, publish it and suspend it; citizens see each state', async () => {
    await page.goto(`${portal.url}/bari/operatore`);
    await page.getByLabel('Nome utente').fill('admin.bari');
    await page.getByLabel('Password').fill('sportello-demo');
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    await page.getByRole('link', { name: 'Schede servizio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Schede servizio' }).waitFor();
    await page.getByTestId('service-cards-table').locator('tr[data-card="accesso-agli-atti"]').waitFor();
    await expectAccessible(page, 'the list of cards');

    await page.getByRole('button', { name: 'Nuova scheda' }).click();
    await page.getByLabel('Titolo *').fill('Contributi alle associazioni sportive');
    await page.getByLabel('Descrizione breve *').fill('Chiedere un contributo per le attività sportive dilettantistiche.');
    await page.getByLabel('Categoria').selectOption('cultura-e-tempo-libero');
    await page.getByLabel('A chi è rivolto').fill('Associazioni sportive dilettantistiche con sede a Bari.');
    await page.getByLabel('Come fare').fill('Presenta la domanda entro il 31 marzo.');
    await page.getByLabel('Cosa serve').fill('- Statuto\n- Programma delle attività');
    await page.getByLabel('Cosa si ottiene').fill('Un contributo fino a 2.000 euro.');
    await page.getByLabel('Durata massima del procedimento (giorni)').fill('60');
    // Topics come from the Modello Comuni vocabulary: filtered as one types, ticked.
    await page.getByLabel('Filtra gli argomenti').fill('sport');
    await clickLabel(page, /^Sport$/, true);
    await page.getByLabel('Filtra gli argomenti').fill('assoc');
    await clickLabel(page, 'Associazioni', true);
    await page.getByText('Scelti: Sport, Associazioni.').waitFor();
    await expectAccessible(page, 'the card form');
    await page.getByRole('button', { name: 'Crea la scheda' }).click();
    await page.getByRole('status').getByText('Scheda "Contributi alle associazioni sportive" salvata (non pubblicata).').waitFor();

    const citizen = await context.newPage();
    await citizen.goto(`${portal.url}/bari/servizi/contributi-alle-associazioni-sportive`);
    await citizen.getByRole('heading', { level: 1, name: 'Servizio non trovato' }).waitFor();

    await page.getByRole('button', { name: 'Modifica Contributi alle associazioni sportive' }).click();
    await clickLabel(page, 'Pubblicata sul sito', true);
    await page.getByRole('button', { name: 'Salva le modifiche' }).click();
    await page.getByRole('status').getByText('salvata e pubblicata').waitFor();
    await citizen.reload();
    await citizen.getByRole('heading', { level: 1, name: 'Contributi alle associazioni sportive' }).waitFor();
    assert.deepEqual(await citizen.locator('[data-element="service-needed"] li').allInnerTexts(), ['Statuto', 'Programma delle attività']);
    assert.equal(await citizen.locator('[data-element="service-status"]').innerText(), 'Servizio attivo');

    await page.getByRole('button', { name: 'Modifica Contributi alle associazioni sportive' }).click();
    await clickLabel(page, 'Servizio attivo', false);
    await page.getByLabel('Perché non è attivo *').fill('Bando chiuso fino al 2027');
    await page.getByRole('button', { name: 'Salva le modifiche' }).click();
    await page.getByRole('status').getByText('salvata e pubblicata').waitFor();
    await citizen.reload();
    await citizen.getByText('Servizio non attivo').waitFor();
    assert.match(await citizen.locator('[data-element="service-status"]').innerText(), /Bando chiuso fino al 2027/);
    await citizen.close();
  });

  it('lets an admin build an online form with a live preview; the card then offers "Compila online"', async () => {
    await page.getByRole('button', { name: 'Crea modulo online: Pubblicazioni di matrimonio' }).click();
    await page.getByText('Modulo online: Pubblicazioni di matrimonio (nuovo)').waitFor();
    await page.getByLabel('Titolo del passo').fill('Gli sposi');
    await page.getByLabel('Nuovo campo').selectOption('fiscalCode');
    await page.getByRole('button', { name: 'Aggiungi campo' }).click();
    await page.getByLabel('Etichetta').fill('Codice fiscale del futuro coniuge');
    await clickLabel(page, 'Obbligatorio', true);
    const preview = page.getByRole('region', { name: 'Anteprima: Gli sposi' });
    await preview.getByLabel('Codice fiscale del futuro coniuge *').fill('RSSMRA85T10A562X');
    await preview.getByRole('button', { name: 'Prova la verifica' }).click();
    await preview.getByText('codice fiscale non valido').waitFor();
    await expectAccessible(page, 'the form editor');
    await page.getByRole('button', { name: 'Salva il modulo' }).click();
    await page.getByRole('status').getByText('Modulo salvato: versione 1.').waitFor();

    const citizen = await context.newPage();
    await citizen.goto(`${portal.url}/bari/servizi/pubblicazioni-di-matrimonio`);
    await citizen.locator('[data-element="service-online-access"]').waitFor();
    assert.equal(await citizen.locator('[data-element="service-online-access"]').innerText(), 'Compila online');
    await citizen.close();
  });
});
