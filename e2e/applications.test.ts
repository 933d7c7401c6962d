// An online application in Chromium, as a citizen files it: from the comune's home to the card of
// "cambio di residenza", "Compila online", SPID login, the guided form (errors next to the fields and
// listed at the top, a family member, an attachment), leave, resume the draft from the personal area,
// the summary with the privacy notice, "Invia", the protocol number, the receipt's text and the
// email. Then a Bitonto service the same way. axe-core runs on every page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { renderPdf } from '../server/platform/pdf.ts';
import { outbox } from '../test/support/fixtures.ts';
import { pdfTextOf } from '../test/support/pdf-text.ts';
import { axeViolations, browserSkipReason, clickLabel, launchBrowser } from './support/browser.ts';
import { logInAtTestProvider } from './support/citizen-steps.ts';
import { fixBrowserClock, startPortal, type Portal } from './support/portal.ts';

const skip = browserSkipReason();

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe-core on ${where}:\n${violations.join('\n')}`);
}

describe('online application', { skip }, () => {
  let portal: Portal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dir: string;

  before(async () => {
    portal = await startPortal();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'it-IT', timezoneId: 'Europe/Rome', acceptDownloads: true });
    context.setDefaultTimeout(10_000);
    await fixBrowserClock(context);
    page = await context.newPage();
    page.on('dialog', (d) => void d.accept());
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-application-'));
    fs.writeFileSync(path.join(dir, 'contratto.pdf'), await renderPdf({ title: 'Contratto', author: 'e2e', createdAt: new Date() }, (d) => d.text('Contratto di locazione')));
  });
  after(async () => {
    await browser?.close();
    await portal?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const next = () => page.getByRole('button', { name: 'Avanti' }).click();
  const stepTitle = (name: string) => page.getByRole('heading', { level: 2, name }).waitFor();

  it('finds the service from the home, logs in with SPID and fills the first steps, with errors shown', async () => {
    await page.goto(`${portal.url}/bari`);
    await page.getByLabel('Cerca un servizio').fill('cambio di residenza');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page.locator('[data-element="service-link"]').first().click();
    await page.getByRole('heading', { level: 1, name: 'Dichiarazione di cambio di residenza' }).waitFor();
    await page.locator('[data-element="service-online-access"]').click();
    await page.getByRole('link', { name: 'Entra con SPID' }).click();
    await logInAtTestProvider(page, 'Mario Rossi', { level: '2' });
    await page.waitForURL(/\/bari\/domande\/[0-9a-f-]{36}$/);
    await stepTitle('Provenienza');
    assert.match(await page.getByTestId('application-applicant').innerText(), /Mario Rossi[\s\S]*RSSMRA85T10A562S/);
    await expectAccessible(page, 'the first step');

    await next();
    await page.getByRole('alert').getByText('campo obbligatorio').first().waitFor();
    await expectAccessible(page, 'a step with errors');
    await clickLabel(page, 'Da un altro comune italiano', true);
    await page.getByLabel('Comune di provenienza *').fill('Modugno');
    await next();

    await stepTitle('Nuova abitazione');
    await page.getByLabel('Via o piazza *').fill('Via Sparano da Bari');
    await page.getByLabel('Numero civico *').fill('10');
    await page.getByLabel('CAP *').fill('701');
    await page.getByLabel('Comune *', { exact: true }).fill('Bari');
    await page.getByLabel('Provincia (sigla) *').fill('BA');
    await clickLabel(page, 'Locatario (affitto)', true);
    await page.getByLabel('Estremi del contratto registrato (ufficio, data e numero) *').fill('Agenzia Entrate Bari, 3/2/2026, n. 1234');
    await next();
    await page.getByRole('alert').getByRole('link', { name: 'CAP non valido (5 cifre)' }).click();
    await page.getByLabel('CAP *').fill('70121');
    await next();

    await stepTitle('Familiari che si trasferiscono con te');
    await page.getByRole('button', { name: 'Aggiungi familiare' }).click();
    await page.getByLabel('Nome *', { exact: true }).fill('Lucia');
    await page.getByLabel('Cognome *').fill('Rossi');
    await page.getByLabel('Codice fiscale *').fill('rsslcu10a41a662b');
    await page.getByLabel('Rapporto con te *').selectOption('figlio');
    await expectAccessible(page, 'a repeatable group');
    await next();
    await stepTitle('Veicoli e patenti');
    await next();
    await stepTitle('Allegati');
    await page.getByLabel('Documento che prova il titolo (contratto, atto di proprietà)').setInputFiles(path.join(dir, 'contratto.pdf'));
    await page.getByText(/contratto\.pdf \(/).waitFor();
    await page
      .getByRole('status')
      .getByText(/Bozza salvata alle/)
      .waitFor();
  });

  it('resumes the draft from the personal area and submits it: protocol number, receipt and email', async () => {
    await page.goto(`${portal.url}/bari/area-personale/pratiche`);
    await page.getByRole('heading', { level: 1, name: 'Le tue pratiche' }).waitFor();
    await expectAccessible(page, 'Pratiche with a draft');
    await page.getByRole('link', { name: 'Riprendi la bozza: Dichiarazione di cambio di residenza' }).click();
    await stepTitle('Provenienza');
    for (const title of ['Nuova abitazione', 'Familiari che si trasferiscono con te', 'Veicoli e patenti', 'Allegati', 'Dichiarazioni']) {
      await next();
      await stepTitle(title);
      if (title.startsWith('Familiari')) assert.equal(await page.getByLabel('Nome *', { exact: true }).inputValue(), 'Lucia', 'the draft kept the family member');
    }
    await clickLabel(page, /Dichiaro di essere consapevole/, true);
    await next();
    await stepTitle('Riepilogo');
    const summary = await page.locator('main').innerText();
    for (const expected of [
      'Modugno',
      'Via Sparano da Bari 10, 70121 Bari (BA)',
      'Locatario (affitto)',
      'RSSLCU10A41A662B',
      'contratto.pdf',
      'Informativa sul trattamento dei dati personali',
    ]) {
      assert.ok(summary.includes(expected), `the summary shows ${expected}`);
    }
    await expectAccessible(page, 'the summary');
    await page.getByRole('button', { name: 'Invia' }).click();
    await page.getByTestId('application-submitted').waitFor();
    assert.equal(await page.getByTestId('protocol-number').innerText(), '0000001/2026');
    await expectAccessible(page, 'the submitted application');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Scarica la ricevuta (PDF)' }).click()]);
    const text = await pdfTextOf(fs.readFileSync((await download.path())!));
    for (const expected of ['0000001/2026', '02/03/2026', 'Mario Rossi']) assert.ok(text.includes(expected), `the receipt shows ${expected}`);

    await portal.worker.drain();
    const mails = (await outbox(portal.app)).filter((m) => m.subject.startsWith('Domanda presentata: Dichiarazione di cambio di residenza'));
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.text, /0000001\/2026/);

    await page.getByRole('link', { name: 'Vai alle tue pratiche' }).click();
    const inProgress = page.getByTestId('cases-open').getByRole('listitem').filter({ hasText: '0000001/2026' });
    await inProgress.waitFor();
    assert.match(await inProgress.innerText(), /protocollata, in attesa di presa in carico/);
  });

  it("files one of Bitonto's online services the same way", async () => {
    await page.goto(`${portal.url}/bitonto`);
    await page.getByLabel('Cerca un servizio').fill('disservizio');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page.getByRole('link', { name: 'Segnalazione di un disservizio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Segnalazione di un disservizio' }).waitFor();
    await expectAccessible(page, "a Bitonto service's card");
    await page.locator('[data-element="service-online-access"]').click();
    await page.getByRole('link', { name: 'Entra con SPID' }).click();
    await logInAtTestProvider(page, 'Mario Rossi', { level: '2' });
    await stepTitle('La richiesta');
    await page.getByLabel('Via o piazza *').fill('Piazza Cavour');
    await page.getByLabel('Numero civico *').fill('1');
    await page.getByLabel('CAP *').fill('70032');
    await page.getByLabel('Comune *', { exact: true }).fill('Bitonto');
    await page.getByLabel('Provincia (sigla) *').fill('BA');
    await page.getByLabel('Descrivi il problema e il luogo esatto *').fill('Lampione spento davanti al numero 1 da una settimana.');
    await next();
    await stepTitle('Dichiarazioni');
    await clickLabel(page, /Dichiaro di essere consapevole/, true);
    await next();
    await stepTitle('Riepilogo');
    await page.getByRole('button', { name: 'Invia' }).click();
    await page.getByTestId('application-submitted').waitFor();
    assert.equal(await page.getByTestId('protocol-number').innerText(), '0000001/2026', "Bitonto's own register");
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Scarica la ricevuta (PDF)' }).click()]);
    const text = await pdfTextOf(fs.readFileSync((await download.path())!));
    for (const expected of ['Comune di Bitonto', '0000001/2026', 'Mario Rossi', 'Segnalazione di un disservizio'])
      assert.ok(text.includes(expected), `the receipt shows ${expected}`);
    await portal.worker.drain();
    assert.equal((await outbox(portal.app)).filter((m) => m.subject.startsWith('Domanda presentata: Segnalazione di un disservizio')).length, 1);
  });
});
