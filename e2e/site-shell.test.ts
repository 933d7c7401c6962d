// The comune's site shell in Chromium, as a citizen moves around it: the first-level menu and a
// second-level page that leads to the institutional site, the FAQ found from the footer and searched,
// the site search, the legal notes with the content licence, and the page rating at the end of a
// service card (a low rating asks what was hard, and the answer reaches the admins' summary), the
// assistance request and the inefficiency report with a photo (public list, console, personal area).
// axe-core runs on every page.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserSkipReason, clickLabel, expectAccessible, launchBrowser } from './support/browser.ts';
import { outbox } from '../test/support/fixtures.ts';
import { italianContext, startPortal, type Portal } from './support/portal.ts';
import { logInAtTestProvider } from './support/citizen-steps.ts';
import { photoWithLocation } from '../test/support/photo.ts';
import { signIn } from '../test/support/operator.ts';

// A 1×1 PNG: the test's tile server answers every tile with it.
const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const skip = browserSkipReason();

describe('site shell', { skip }, () => {
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

  it('shows the first-level menu in the model\'s order and reaches "Uffici" on the institutional site', async () => {
    await page.goto(`${portal.url}/bari`);
    const menu = page.getByRole('navigation', { name: 'Menu principale' });
    // The menu is drawn once the comune's data arrive.
    await menu.getByRole('link', { name: 'Vivere Bari' }).waitFor();
    assert.deepEqual(await menu.getByRole('link').allInnerTexts(), ['Amministrazione', 'Novità', 'Servizi', 'Vivere Bari']);
    await menu.getByRole('link', { name: 'Amministrazione' }).click();
    await page.getByRole('heading', { level: 1, name: 'Amministrazione' }).waitFor();
    await expectAccessible(page, 'Amministrazione');
    await page.getByRole('link', { name: 'Uffici', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Uffici' }).waitFor();
    const out = page.getByRole('link', { name: 'Vai a Uffici sul sito istituzionale' });
    assert.equal(await out.getAttribute('href'), 'https://www.comune.bari.it/web/egov/uffici');
    assert.equal((await page.getByRole('navigation', { name: 'Percorso di navigazione' }).innerText()).replace(/\s+/g, ''), 'Home/Amministrazione/Uffici');
    await expectAccessible(page, 'a second-level page');
  });

  it('finds an answer in the FAQ from the footer, searching as one types', async () => {
    await page.getByRole('contentinfo').getByRole('link', { name: 'Leggi le FAQ' }).click();
    await page.getByRole('heading', { level: 1, name: 'Domande frequenti (FAQ)' }).waitFor();
    await expectAccessible(page, 'the FAQ');
    await page.getByLabel('Cerca tra le domande frequenti').fill('spostare');
    await page.getByRole('status').filter({ hasText: '1 domanda trovata' }).waitFor({ state: 'attached' });
    await page.getByText('Posso spostare o annullare un appuntamento?').click();
    await page.getByText("apri il link nell'email di conferma").waitFor();
    await page.getByLabel('Cerca tra le domande frequenti').fill('zzzz');
    await page.getByText('Nessuna domanda corrisponde a «zzzz»').waitFor();
    await expectAccessible(page, 'the FAQ with no result');
  });

  it('searches services, offices and pages from the header', async () => {
    await page.getByRole('link', { name: 'Cerca nel sito' }).click();
    await page.getByLabel('Cerca servizi, uffici, domande frequenti e pagine').fill('anagrafe');
    await page.getByRole('heading', { level: 2, name: 'Servizi' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Uffici' }).waitFor();
    assert.ok(await page.getByRole('link', { name: 'Anagrafe - Servizi Demografici' }).isVisible());
    assert.match(page.url(), /\/bari\/cerca\?q=anagrafe$/);
    await expectAccessible(page, 'the search');
  });

  it('suggests as one types; the arrow keys and Enter open a suggestion', async () => {
    const box = page.getByRole('combobox', { name: 'Cerca servizi, uffici, domande frequenti e pagine' });
    await box.fill("carta d'identità");
    const first = page.getByRole('listbox', { name: 'Suggerimenti' }).getByRole('option').first();
    await first.waitFor();
    assert.match(await first.innerText(), /Carta d'identità elettronica \(Servizio\)/);
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    await expectAccessible(page, 'the search with its suggestions');
    await box.press('ArrowDown');
    assert.equal(await box.getAttribute('aria-activedescendant'), await first.getAttribute('id'));
    assert.equal(await first.getAttribute('aria-selected'), 'true');
    await box.press('Enter');
    await page.getByRole('heading', { level: 1, name: "Carta d'identità elettronica" }).waitFor();
  });

  it('answers an address that leads nowhere with status 404, an explanation, a search and the way home', async () => {
    const res = await page.goto(`${portal.url}/bari/pagina-che-non-esiste`);
    assert.equal(res?.status(), 404);
    await page.getByRole('heading', { level: 1, name: 'Pagina non trovata' }).waitFor();
    assert.equal(await page.title(), 'Pagina non trovata — Comune di Bari');
    await expectAccessible(page, 'the 404 page');
    await page.getByRole('searchbox', { name: 'Cerca nel sito' }).fill('residenza');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Cerca nel sito' }).waitFor();
    await page.getByRole('link', { name: 'Dichiarazione di cambio di residenza' }).waitFor();
    await page.goBack();
    await page.getByRole('link', { name: 'Torna alla home' }).click();
    await page.getByRole('heading', { level: 1, name: 'Prenota un appuntamento con il Comune di Bari' }).waitFor();
  });

  it('shows the content licence in the legal notes', async () => {
    await page.getByRole('contentinfo').getByRole('link', { name: 'Note legali' }).click();
    await page.getByRole('heading', { level: 2, name: 'Licenza dei contenuti' }).waitFor();
    assert.ok(await page.getByText('sono rilasciati con licenza CC-BY 4.0').isVisible());
    await expectAccessible(page, 'the legal notes');
  });

  it('rates a service card: two stars ask what was hard, and the answer reaches the admins', async () => {
    await page.goto(`${portal.url}/bari/servizi/carta-di-identita-elettronica`);
    const rating = page.locator('[data-element="feedback"]');
    await rating.getByRole('heading', { name: 'Quanto sono chiare le informazioni su questa pagina?' }).waitFor();
    assert.equal(await rating.getByText('Dove hai incontrato le maggiori difficoltà?').isVisible(), false, 'no follow-up before rating');
    await clickLabel(page, '2 stelle', true);
    await rating.getByText('Dove hai incontrato le maggiori difficoltà?').waitFor();
    assert.equal(await rating.getByText('Quali sono stati gli aspetti che hai preferito?').isVisible(), false);
    await expectAccessible(page, 'the rating with its follow-up');
    await clickLabel(page, /^Ho avuto problemi tecnici$/, true);
    await rating.getByLabel(/Vuoi aggiungere altri dettagli/).fill('Il link non si apriva');
    await rating.getByRole('button', { name: 'Invia' }).click();
    await rating.getByText('Grazie, il tuo parere ci aiuterà a migliorare il servizio!').waitFor();
    const saved = await portal.ctx.db.selectFrom('page_ratings').selectAll().where('comment', '=', 'Il link non si apriva').executeTakeFirstOrThrow();
    assert.deepEqual([saved.page, saved.rating, saved.aspect], ['/bari/servizi/carta-di-identita-elettronica', 2, 'Ho avuto problemi tecnici']);
  });

  it("lets Bari's admin add a FAQ entry citizens then find, change the footer's phone, and read the ratings", async () => {
    await page.goto(`${portal.url}/bari/operatore`);
    await page.getByRole('heading', { level: 1, name: 'Accesso area operatori' }).waitFor();
    await page.getByLabel('Nome utente').fill('admin.bari');
    await page.getByLabel('Password').fill('sportello-demo');
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('link', { name: 'Sito del Comune' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sito del Comune' }).waitFor();
    await expectAccessible(page, "the console's site page");

    await page.getByRole('button', { name: 'Nuova domanda' }).click();
    await page.getByLabel('Argomento *').fill('Tributi');
    await page.getByLabel('Domanda *').fill('Quando si paga la TARI?');
    await page.getByLabel('Risposta *').fill('In tre rate: aprile, luglio e ottobre.');
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await page.getByText('Domanda "Quando si paga la TARI?" salvata.').waitFor();

    await page.getByLabel('Telefono').fill('080 123 4567');
    await page.getByRole('button', { name: 'Salva le impostazioni' }).click();
    await page.getByText('Impostazioni del sito salvate.').waitFor();

    const row = page.getByRole('row', { name: /\/bari\/servizi\/carta-di-identita-elettronica/ });
    assert.equal(await row.getByRole('cell').nth(0).innerText(), '1');
    await row.getByText(/1 risposte, 1 commenti/).click();
    await row.getByText('«Il link non si apriva» (2/5', { exact: false }).waitFor();
    await expectAccessible(page, 'the ratings with a comment open');

    await page.goto(`${portal.url}/bari/faq`);
    await page.getByLabel('Cerca tra le domande frequenti').fill('TARI');
    await page.getByText('Quando si paga la TARI?').click();
    await page.getByText('In tre rate: aprile, luglio e ottobre.').waitFor();
    assert.ok(await page.getByRole('contentinfo').getByRole('link', { name: '080 123 4567' }).isVisible(), "the footer's new phone");
  });

  it("sends a request for assistance from the footer, gets its number, and the office's answer by email", async () => {
    await page.goto(`${portal.url}/bari`);
    await page.getByRole('contentinfo').getByRole('link', { name: "Richiesta d'assistenza" }).click();
    await page.getByRole('heading', { level: 1, name: "Richiesta d'assistenza" }).waitFor();
    await page.getByRole('button', { name: 'Invia la richiesta' }).click();
    await page.getByText("Scegli l'argomento.").waitFor();
    await expectAccessible(page, 'the assistance form with its errors');
    await page.getByLabel('Argomento').selectOption('Problemi con un appuntamento');
    await page.getByLabel('Servizio (facoltativo)').selectOption({ label: "Carta d'identità elettronica" });
    await page.getByLabel('Descrivi la richiesta').fill('Non trovo orari liberi per la CIE prima di giugno: ci sono altre possibilità?');
    await page.getByLabel('Nome', { exact: true }).fill('Lucia');
    await page.getByLabel('Cognome').fill('Ferri');
    await page.getByLabel('Email').fill('lucia.ferri@example.it');
    await page.getByRole('button', { name: 'Invia la richiesta' }).click();
    const number = (await page.getByTestId('request-number').innerText()).replace('n. ', '');
    assert.match(number, /^\d+\/\d{4}$/);
    await expectAccessible(page, 'the request sent');

    // Bari's admin (signed in above) answers it from the console.
    await page.goto(`${portal.url}/bari/operatore/richieste`);
    await page.getByRole('heading', { level: 1, name: "Richieste d'assistenza" }).waitFor();
    await expectAccessible(page, "the console's requests");
    await page.getByLabel(`Risposta per Lucia Ferri (n. ${number})`).fill('Ogni mattina alle 8 liberiamo gli orari annullati: riprova domani.');
    await page.getByRole('button', { name: `Invia la risposta alla richiesta n. ${number}` }).click();
    await page.getByText(`Risposta alla richiesta n. ${number} inviata a lucia.ferri@example.it.`).waitFor();
    const mail = (await outbox(portal.app, 'lucia.ferri@example.it')).find((m) => m.subject === `Risposta alla tua richiesta d'assistenza n. ${number}`);
    assert.ok(mail?.text.includes('Ogni mattina alle 8'), 'the answer by email');
  });

  it('reports a pothole with a photo from the footer; the front desk assigns it, the office closes it', async () => {
    await page.goto(`${portal.url}/bari`);
    await page.getByRole('contentinfo').getByRole('link', { name: 'Segnalazione disservizio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Segnalazione disservizio' }).waitFor();
    await page.getByRole('button', { name: 'Invia la segnalazione' }).click();
    await page.getByText("Indica l'indirizzo o un punto di riferimento.").waitFor();
    assert.equal(await page.getByText("Per inviare la segnalazione devi dichiarare di aver letto l'informativa.").count(), 1);
    await expectAccessible(page, 'the report form with its errors');
    await page.getByLabel('Indirizzo o luogo').fill('Corso Vittorio Emanuele II 40');
    await page.getByLabel('Tipo di disservizio').selectOption('Strade e marciapiedi');
    await page.getByLabel('Descrivi il problema').fill('Buca larga mezzo metro sulla corsia di destra, pericolosa per gli scooter.');
    await page.getByLabel('Foto (facoltative)').setInputFiles({ name: 'buca.jpg', mimeType: 'image/jpeg', buffer: photoWithLocation() });
    await page.getByRole('img', { name: 'Anteprima di buca.jpg' }).waitFor();
    await page.getByLabel('Nome', { exact: true }).fill('Paolo');
    await page.getByLabel('Cognome').fill('Greco');
    await page.getByLabel('Email').fill('paolo.greco@example.it');
    await clickLabel(page, /Ho letto e compreso/, true);
    await expectAccessible(page, 'the report form filled in');
    await page.getByRole('button', { name: 'Invia la segnalazione' }).click();
    const sent = page.getByTestId('report-number');
    await sent.waitFor();
    const number = (await sent.innerText()).replace('n. ', '');
    assert.match(await page.getByRole('status').first().innerText(), /con una foto/);
    await expectAccessible(page, 'the report sent');

    // Everyone sees it among the open reports: what and where, not who.
    await page.getByRole('link', { name: 'Le segnalazioni aperte' }).click();
    const row = page.getByTestId('open-reports').getByRole('row').filter({ hasText: number });
    await row.waitFor();
    assert.match(await row.innerText(), /Strade e marciapiedi\s+Corso Vittorio Emanuele II 40[\s\S]*Ricevuta/);
    assert.equal(await page.getByText('Greco').count(), 0, 'no name in the public list');
    await expectAccessible(page, 'the open reports');

    // Bari's admin (signed in above) sees the photo, passes the report to the environment office, and closes it.
    await page.goto(`${portal.url}/bari/operatore/segnalazioni`);
    await page.getByRole('heading', { level: 1, name: 'Segnalazioni' }).waitFor();
    const card = page.getByRole('article', { name: new RegExp(`n. ${number.replace('/', '\\/')}`) });
    const photo = card.getByRole('img', { name: `Foto 1 della segnalazione n. ${number}` });
    await photo.waitFor();
    await page.waitForFunction((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 24, await photo.elementHandle());
    await expectAccessible(page, "the console's reports");
    await card.getByLabel('Ufficio competente').selectOption({ label: 'Ripartizione Tutela Ambiente, Sanità e Igiene' });
    await card.getByLabel('Operatore (facoltativo)').selectOption({ label: 'Francesca Amoruso (Ambiente)' });
    await card.getByRole('button', { name: `Assegna la segnalazione n. ${number}` }).click();
    await page.getByText(`Segnalazione n. ${number} assegnata.`).waitFor();
    await card.getByText(/assegnata a Francesca Amoruso/).waitFor();
    assert.match(await card.innerText(), /In lavorazione/);
    await card.getByLabel(`Esito, per Paolo Greco (n. ${number})`).fill('Buca riparata il 4 marzo dalla squadra manutenzione strade.');
    await card.getByRole('button', { name: `Rispondi e chiudi la segnalazione n. ${number}` }).click();
    await page.getByText(`Segnalazione n. ${number} chiusa: risposta inviata a paolo.greco@example.it.`).waitFor();
    const mails = await outbox(portal.app, 'paolo.greco@example.it');
    assert.ok(mails.some((m) => m.subject === `Segnalazione n. ${number} presa in carico` && m.text.includes('Ripartizione Tutela Ambiente')));
    assert.ok(mails.some((m) => m.subject === `Risposta alla tua segnalazione n. ${number}` && m.text.includes('Buca riparata')));
  });

  it('lets a logged-in citizen report under their identity and follow the report in the personal area', async () => {
    const citizen = await italianContext(browser);
    const mine = await citizen.newPage();
    await mine.goto(`${portal.url}/bari/accedi`);
    await mine.getByRole('link', { name: 'Entra con SPID' }).click();
    await logInAtTestProvider(mine, 'Mario Rossi', { level: '2' });
    await mine
      .getByRole('link', { name: /Area personale di Mario Rossi/ })
      .first()
      .waitFor();
    await mine.goto(`${portal.url}/bari/segnalazione-disservizio`);
    await mine.getByText('Scrivi come').waitFor();
    assert.match(await mine.getByText('Scrivi come').innerText(), /Mario Rossi/);
    await mine.getByLabel('Indirizzo o luogo').fill('Via Calefati 12');
    await mine.getByLabel('Tipo di disservizio').selectOption('Illuminazione pubblica');
    await mine.getByLabel('Descrivi il problema').fill('Lampione spento davanti al portone da tre sere.');
    await clickLabel(mine, /Ho letto e compreso/, true);
    await mine.getByRole('button', { name: 'Invia la segnalazione' }).click();
    const number = (await mine.getByTestId('report-number').innerText()).replace('n. ', '');
    await mine.getByRole('link', { name: 'Segui la segnalazione nella tua area personale' }).click();
    const entry = mine
      .getByTestId('my-requests')
      .getByRole('listitem')
      .filter({ hasText: `Segnalazione disservizio n. ${number}` });
    await entry.waitFor();
    assert.match(await entry.innerText(), /Ricevuta[\s\S]*Illuminazione pubblica — Via Calefati 12/);
    await expectAccessible(mine, "the personal area's requests");
    await citizen.close();
  });

  it("marks the report's point on the comune's map, by tap and by keyboard, with tiles served by Sportello", async () => {
    const tiles = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(TILE));
    await new Promise<void>((ok) => tiles.listen(0, '127.0.0.1', ok));
    try {
      const admin = await signIn(portal.app, 'bari', 'admin.bari');
      const current = (await admin.request({ method: 'GET', url: '/api/v1/bari/operator/admin/site' })).json();
      const tilesUrl = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}/{z}/{x}/{y}.png`;
      const map = { tilesUrl, attribution: '© Tessere di prova', latitude: 41.1171, longitude: 16.8719, zoom: 16 };
      assert.equal((await admin.request({ method: 'PUT', url: '/api/v1/bari/operator/admin/site', payload: { ...current, map } })).statusCode, 200);
      const requested: string[] = [];
      page.on('request', (r) => requested.push(r.url()));
      await page.goto(`${portal.url}/bari/segnalazione-disservizio`);
      const mapBox = page.getByTestId('report-map');
      await mapBox.locator('img.leaflet-tile-loaded').first().waitFor();
      assert.ok(
        requested.filter((u) => u.includes('.png') || u.includes('map-tiles')).every((u) => u.startsWith(portal.url)),
        'the browser asks Sportello for the tiles, never the tile server',
      );
      assert.match(await mapBox.innerText(), /© Tessere di prova/);
      await expectAccessible(page, 'the report form with its map');
      const box = (await mapBox.boundingBox())!;
      await mapBox.click({ position: { x: box.width * 0.75, y: box.height * 0.5 } });
      const point = page.getByTestId('position');
      await point.waitFor();
      const tapped = await point.innerText();
      assert.match(tapped, /Punto indicato: 41,11\d+, 16,87\d+/);
      // Keyboard: the map moves with the arrows, the button marks its centre.
      await mapBox.focus();
      await page.keyboard.press('ArrowLeft');
      await page.getByRole('button', { name: 'Segna il punto al centro della mappa' }).click();
      await page.waitForFunction((before) => document.querySelector('[data-testid="position"]')?.textContent !== before, tapped);
      await page.getByLabel('Indirizzo o luogo').fill('Lungomare Nazario Sauro');
      await page.getByLabel('Tipo di disservizio').selectOption('Verde pubblico');
      await page.getByLabel('Descrivi il problema').fill("Palma caduta sull'aiuola dopo il vento di ieri.");
      await page.getByLabel('Nome', { exact: true }).fill('Paolo');
      await page.getByLabel('Cognome').fill('Greco');
      await page.getByLabel('Email').fill('paolo.greco@example.it');
      await clickLabel(page, /Ho letto e compreso/, true);
      await page.getByRole('button', { name: 'Invia la segnalazione' }).click();
      await page.getByTestId('report-number').waitFor();
      const row = await portal.ctx.db.selectFrom('citizen_requests').select(['latitude', 'longitude']).where('address', '=', 'Lungomare Nazario Sauro').executeTakeFirstOrThrow();
      assert.ok(Math.abs(row.latitude! - 41.1171) < 0.01 && Math.abs(row.longitude! - 16.8719) < 0.01, 'the point near the centre of Bari');
    } finally {
      await new Promise((ok) => tiles.close(ok));
    }
  });
});
