// A case handled in the browser, both sides (axe-core on every page): Mario's residence change, filed
// online, is taken in charge by the registry office, which asks for an integration; Mario finds it in
// the Scrivania and answers; the office sends a notice of rejection, Mario answers with observations;
// the office accepts; Mario downloads the decision and reads the whole timeline. The date shown moves
// as the law says: suspended while the integration is awaited, pushed by the notice's 10 days, back
// when the observations arrive the same day.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { fileResidenceChange } from '../test/support/cases.ts';
import { loginAs } from '../test/support/citizen.ts';
import { browserSkipReason, clickLabel, expectAccessible, launchBrowser } from './support/browser.ts';
import { logInAtTestProvider } from './support/citizen-steps.ts';
import { italianContext, startPortal, type Portal } from './support/portal.ts';

const skip = browserSkipReason();

describe('case handling in the browser', { skip }, () => {
  let portal: Portal;
  let browser: Browser;
  let office: Page;
  let mario: Page;
  let id: string;

  before(async () => {
    portal = await startPortal();
    browser = await launchBrowser();
    office = await (await italianContext(browser)).newPage();
    mario = await (await italianContext(browser)).newPage();
    id = await fileResidenceChange(await loginAs(portal.app, 'bari', 'RSSMRA85T10A562S'));
  });
  after(async () => {
    await browser?.close();
    await portal?.close();
  });

  const caseCard = (p: Page) => p.getByTestId('case');
  const reloadCase = async () => {
    await mario.goto(`${portal.url}/bari/domande/${id}`);
    await caseCard(mario).waitFor();
  };
  const officeAction = async (title: string, label: string, text: string, button: string) => {
    await office.goto(`${portal.url}/bari/operatore/pratiche/${id}`);
    await office.getByRole('heading', { level: 3, name: title }).waitFor();
    await office.getByLabel(label).fill(text);
    await office.getByRole('button', { name: button }).click();
    await office.getByText(`${title}: fatto.`).waitFor();
  };

  it('lets the registry office find the case in its inbox, take it and ask for an integration', async () => {
    await office.goto(`${portal.url}/bari/operatore`);
    await office.getByLabel('Nome utente').fill('anagrafe.bari');
    await office.getByLabel('Password').fill('sportello-demo');
    await office.getByRole('button', { name: 'Accedi' }).click();
    await office.getByRole('link', { name: 'Pratiche', exact: true }).click();
    await office.getByRole('heading', { level: 1, name: 'Pratiche' }).waitFor();
    const row = office.getByTestId('case-inbox').getByRole('row').filter({ hasText: 'Mario Rossi' });
    await row.waitFor();
    assert.match(await row.innerText(), /Dichiarazione di cambio di residenza[\s\S]*protocollata, in attesa di presa in carico[\s\S]*16\/04\/2026/);
    await expectAccessible(office, "the office's inbox");
    await row.getByRole('link').click();
    await office.getByRole('button', { name: 'Prendi in carico' }).click();
    await office.getByText('Pratica presa in carico.').waitFor();
    await office.getByTestId('case-facts').getByText('in lavorazione').waitFor();
    await expectAccessible(office, 'the case in the console');
    await office.getByLabel('Che cosa manca').fill('Allega la ricevuta di registrazione del contratto di locazione.');
    await office.getByLabel('Rispondere entro il').fill('2026-03-16');
    await clickLabel(office, 'Allegati: Documento che prova il titolo (contratto, atto di proprietà)', true);
    await office.getByRole('button', { name: 'Invia la richiesta di integrazione' }).click();
    await office.getByText('Richiedi integrazione: fatto.').waitFor();
  });

  it('shows Mario the request in the Scrivania; he answers it and the term resumes', async () => {
    await mario.goto(`${portal.url}/bari/accedi`);
    await mario.getByRole('link', { name: 'Entra con SPID' }).click();
    await logInAtTestProvider(mario, 'Mario Rossi', { level: '2' });
    await mario
      .getByRole('link', { name: /Area personale di Mario Rossi/ })
      .first()
      .click();
    const waiting = mario.getByTestId('desk-cases');
    await waiting.waitFor();
    assert.match(await waiting.innerText(), /Dichiarazione di cambio di residenza[\s\S]*in attesa di integrazione/);
    await expectAccessible(mario, 'the Scrivania with a case waiting');
    await waiting.getByRole('link', { name: 'Dichiarazione di cambio di residenza' }).click();
    await caseCard(mario).waitFor();
    assert.equal(await mario.getByTestId('case-state').innerText(), 'in attesa di integrazione');
    assert.match(await mario.getByTestId('case-expected-by').innerText(), /sospeso/);
    assert.match(await mario.getByTestId('integration-request').innerText(), /entro il lunedì 16 marzo 2026[\s\S]*ricevuta di registrazione/i);
    await expectAccessible(mario, 'the case waiting for an integration');
    // The field of the service's form the office asked for, in the same form as the application.
    await mario
      .getByTestId('integration-form')
      .getByLabel(/Documento che prova il titolo/)
      .setInputFiles({ name: 'ricevuta-registrazione.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n') });
    await mario.getByTestId('integration-form').getByText('ricevuta-registrazione.pdf').waitFor();
    await mario.getByLabel("Messaggio per l'ufficio").fill('Registrato il 3/2/2026 presso l’Agenzia delle Entrate di Bari, n. 1234, serie 3T.');
    await mario.getByRole('button', { name: "Invia l'integrazione" }).click();
    await mario.getByTestId('case-state').getByText('integrazione ricevuta').waitFor();
    assert.match(await mario.getByTestId('case-expected-by').innerText(), /giovedì 16 aprile 2026/);
    await mario.getByTestId('case-timeline').getByRole('link', { name: 'ricevuta-registrazione.pdf' }).waitFor();
  });

  it('moves the date by the notice of rejection, and back with same-day observations', async () => {
    await office.goto(`${portal.url}/bari/operatore/pratiche/${id}`);
    await office.getByTestId('case-timeline').getByRole('link', { name: 'ricevuta-registrazione.pdf' }).waitFor();
    await officeAction('Preavviso di rigetto', 'Motivi ostativi (art. 10-bis L. 241/1990)', "Dal sopralluogo l'abitazione risulta non occupata.", 'Invia il preavviso di rigetto');
    await reloadCase();
    assert.equal(await mario.getByTestId('case-state').innerText(), 'preavviso di rigetto inviato');
    // 16 April + the notice's 10 days = Sunday 26 April: the next working day.
    assert.match(await mario.getByTestId('case-expected-by').innerText(), /lunedì 27 aprile 2026/);
    assert.match(await mario.getByTestId('rejection-notice').innerText(), /risulta non occupata/);
    await expectAccessible(mario, 'the case with a notice of rejection');
    await mario.getByLabel('Le tue osservazioni').fill('Vivo nell’abitazione dal 1° febbraio: allego le bollette alla prossima richiesta.');
    await mario.getByRole('button', { name: 'Invia le osservazioni' }).click();
    await mario.getByTestId('rejection-notice').waitFor({ state: 'detached' });
    assert.match(await mario.getByTestId('case-expected-by').innerText(), /giovedì 16 aprile 2026/);
  });

  it('accepts the case; Mario downloads the decision and reads the whole timeline', async () => {
    await officeAction('Accogli', 'Testo del provvedimento di accoglimento', 'Residenza registrata con decorrenza dal 2 marzo 2026.', 'Accogli la domanda');
    await office.getByTestId('case-facts').getByText('accolta').waitFor();
    await reloadCase();
    assert.equal(await mario.getByTestId('case-state').innerText(), 'accolta');
    const decision = mario.getByTestId('case-documents').getByRole('link', { name: /Provvedimento finale/ });
    const pdf = await mario.request.get(`${portal.url}${await decision.getAttribute('href')}`);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.ok((await pdf.body()).subarray(0, 5).toString() === '%PDF-');
    const steps = await mario.getByTestId('case-timeline').locator('li > p.fw-semibold').allInnerTexts();
    assert.deepEqual(steps, [
      'Domanda presentata',
      'Registrata al protocollo',
      'Presa in carico',
      'Richiesta di integrazione',
      'Integrazione inviata',
      'Preavviso di rigetto (art. 10-bis L. 241/1990)',
      'Osservazioni al preavviso',
      'Domanda accolta',
    ]);
    await expectAccessible(mario, 'the decided case');
  });
});
