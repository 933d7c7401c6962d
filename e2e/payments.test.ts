// pagoPA in Chromium. Lucia files Bitonto's SCIA, which costs 50 euro: "Paga e invia" takes her to
// the pagoPA simulator, she abandons, comes back to a clear page; later she pays from "Pagamenti",
// returns to "Pagamento riuscito" with the receipt, and finds the application filed. At Bari the
// front desk asks Mario for a fee from the console; Mario pays with a card whose receipt comes late:
// the page says it is waiting, then that it is paid; the desk sees it paid with its history.
// axe-core runs on every page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { pdfTextOf } from '../test/support/pdf-text.ts';
import { browserSkipReason, clickLabel, expectAccessible, launchBrowser } from './support/browser.ts';
import { logInAtTestProvider } from './support/citizen-steps.ts';
import { italianContext, startPortal, type Portal } from './support/portal.ts';

const skip = browserSkipReason();

describe('pagoPA payments in the browser', { skip }, () => {
  let portal: Portal;
  let browser: Browser;
  let lucia: Page;
  let mario: Page;
  let desk: Page;

  before(async () => {
    portal = await startPortal();
    browser = await launchBrowser();
    lucia = await (await italianContext(browser, { acceptDownloads: true })).newPage();
    mario = await (await italianContext(browser, { acceptDownloads: true })).newPage();
    desk = await (await italianContext(browser)).newPage();
  });
  after(async () => {
    await browser?.close();
    await portal?.close();
  });

  const simulator = async (page: Page, where: string) => {
    await page.waitForURL(/\/pagopa-simulatore\/[0-9a-f-]{36}$/);
    await page.getByTestId('simulator-banner').waitFor();
    await expectAccessible(page, where);
  };

  it('asks for the SCIA fee before filing; an abandoned payment leaves the application to resume', async () => {
    await lucia.goto(`${portal.url}/bitonto/servizi/scia-avvio-attivita`);
    await lucia.locator('[data-element="service-online-access"]').click();
    await lucia.getByRole('link', { name: 'Entra con SPID' }).click();
    await logInAtTestProvider(lucia, 'Lucia Fanelli', { level: '2' });
    await lucia.getByRole('heading', { level: 2, name: 'La richiesta' }).waitFor();
    await lucia.getByLabel('Partita IVA *').fill('01234567890');
    await lucia.getByLabel(/Descrivi l'attività/).fill('Bar con somministrazione in Piazza Cavour, avvio il 1 aprile.');
    await lucia.getByRole('button', { name: 'Avanti' }).click();
    await lucia.getByRole('heading', { level: 2, name: 'Dichiarazioni' }).waitFor();
    await clickLabel(lucia, /Dichiaro di essere consapevole/, true);
    await lucia.getByRole('button', { name: 'Avanti' }).click();
    await lucia.getByRole('heading', { level: 2, name: 'Riepilogo' }).waitFor();
    assert.match(await lucia.getByTestId('application-fee').innerText(), /50,00\s€[\s\S]*Diritti SUAP per la SCIA/);
    await expectAccessible(lucia, 'the summary with the fee');

    await lucia.getByRole('button', { name: 'Paga 50,00 € e invia' }).click();
    await simulator(lucia, "the simulator's checkout");
    assert.match(await lucia.getByTestId('simulator-total').innerText(), /^50,00\s€$/);
    await lucia.getByRole('button', { name: 'Annulla e torna al sito del Comune' }).click();
    await lucia.waitForURL(/\/bitonto\/area-personale\/pagamenti\/esito\/[0-9a-f-]{36}\?esito=annullato$/);
    await lucia.getByRole('heading', { level: 1, name: 'Pagamento annullato' }).waitFor();
    assert.match(await lucia.getByTestId('payment-outcome').innerText(), /non ti è stato addebitato nulla/);
    await expectAccessible(lucia, 'the cancelled payment page');
    await lucia.getByRole('link', { name: 'Vai alla domanda' }).click();
    await lucia.getByRole('heading', { level: 2, name: 'La richiesta' }).waitFor();
    assert.equal(await lucia.getByLabel('Partita IVA *').inputValue(), '01234567890', 'still a draft, kept');
  });

  it('pays it later from "Pagamenti": paid, the receipt, the application filed', async () => {
    await lucia.goto(`${portal.url}/bitonto/area-personale/pagamenti`);
    const due = lucia.getByTestId('payments-due').getByTestId('payment');
    await due.first().waitFor();
    assert.match(await due.first().innerText(), /Diritti SUAP per la SCIA[\s\S]*50,00\s€[\s\S]*3\d{3} \d{4} \d{4} \d{4} \d{2}/);
    await lucia.getByTestId('payments-simulator').waitFor();
    await expectAccessible(lucia, 'Pagamenti');
    await due
      .first()
      .getByRole('button', { name: /Paga con pagoPA/ })
      .click();
    await simulator(lucia, 'the simulator again');
    await lucia.getByRole('button', { name: 'Paga 50,00 €' }).click();
    await lucia.getByRole('heading', { level: 1, name: 'Pagamento riuscito' }).waitFor();
    await expectAccessible(lucia, 'the paid page');
    const [download] = await Promise.all([lucia.waitForEvent('download'), lucia.getByTestId('outcome-receipt').click()]);
    const receipt = await pdfTextOf(fs.readFileSync((await download.path())!));
    for (const expected of ['Ricevuta di pagamento', 'Comune di Bitonto', '50,00', 'FNLLCU65A60A662Q', 'AMBIENTE DI PROVA'])
      assert.ok(receipt.includes(expected), `the receipt shows ${expected}`);

    await portal.worker.drain();
    await lucia.getByRole('link', { name: 'Vai alla domanda' }).click();
    await lucia.getByTestId('application-submitted').waitFor();
    assert.match(await lucia.getByTestId('protocol-number').innerText(), /^\d{7}\/2026$/);
    await expectAccessible(lucia, 'the application filed after the payment');
    await lucia.goto(`${portal.url}/bitonto/area-personale/pagamenti`);
    const paid = lucia.getByTestId('payments-paid').getByTestId('payment');
    await paid.first().waitFor();
    assert.match(await paid.first().innerText(), /Pagato[\s\S]*con pagoPA/);
  });

  it('lets the desk ask Mario for a fee; a late receipt is awaited, then shown paid on both sides', async () => {
    await desk.goto(`${portal.url}/bari/operatore`);
    await desk.getByLabel('Nome utente').fill('urp.bari');
    await desk.getByLabel('Password').fill('sportello-demo');
    await desk.getByRole('button', { name: 'Accedi' }).click();
    await desk.getByRole('link', { name: 'Pagamenti', exact: true }).click();
    await desk.getByRole('heading', { level: 1, name: 'Pagamenti' }).waitFor();
    await desk.getByRole('button', { name: 'Nuovo pagamento' }).click();
    await desk.getByLabel('Codice fiscale o partita IVA *').fill('RSSMRA85T10A562S');
    await desk.getByLabel('Nome e cognome (o ragione sociale) *').fill('Mario Rossi');
    await desk.getByLabel('Importo in euro *').fill('16,50');
    await desk.getByLabel('Causale *').fill('Diritti di segreteria per certificato storico');
    await desk.getByLabel('Scadenza *').fill('2026-03-31');
    await expectAccessible(desk, 'the new payment form');
    await desk.getByRole('button', { name: 'Crea il pagamento' }).click();
    await desk.getByText(/Pagamento creato: codice avviso 3\d{3} /).waitFor();
    await desk.getByTestId('payments-table').getByRole('row').filter({ hasText: 'certificato storico' }).waitFor();
    await expectAccessible(desk, 'the payments list');

    await mario.goto(`${portal.url}/bari/area-personale/pagamenti`);
    await mario.getByRole('link', { name: 'Entra con SPID' }).click();
    await logInAtTestProvider(mario, 'Mario Rossi', { level: '2' });
    const card = mario.getByTestId('payment').filter({ hasText: 'certificato storico' });
    await card.waitFor();
    await card.getByRole('button', { name: /Paga con pagoPA/ }).click();
    await simulator(mario, "Mario's checkout");
    await clickLabel(mario, /esito comunicato dopo 2 minuti/, true);
    await mario.getByRole('button', { name: 'Paga 16,50 €' }).click();
    await mario.getByRole('heading', { level: 1, name: "Stiamo aspettando l'esito del pagamento" }).waitFor();
    await expectAccessible(mario, 'the page waiting for the receipt');
    portal.clock.advance(3 * 60_000);
    await mario.getByRole('heading', { level: 1, name: 'Pagamento riuscito' }).waitFor({ timeout: 15_000 });

    await desk.getByTestId('payments-table').getByRole('link', { name: 'Diritti di segreteria per certificato storico' }).click();
    await desk.getByTestId('payment-detail-status').waitFor();
    await desk.reload();
    assert.equal(await desk.getByTestId('payment-detail-status').innerText(), 'Pagato');
    assert.match(await desk.getByTestId('payment-history').innerText(), /Posizione debitoria creata[\s\S]*Pagamento avviato su pagoPA[\s\S]*Pagamento ricevuto/);
    await expectAccessible(desk, "the position's page");
  });

  it("lets Bari's admin read and change the pagoPA settings", async () => {
    const admin = await (await italianContext(browser)).newPage();
    await admin.goto(`${portal.url}/bari/operatore`);
    await admin.getByLabel('Nome utente').fill('admin.bari');
    await admin.getByLabel('Password').fill('sportello-demo');
    await admin.getByRole('button', { name: 'Accedi' }).click();
    await admin.getByRole('link', { name: 'Pagamenti', exact: true }).click();
    await admin.getByRole('link', { name: 'Impostazioni pagoPA' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Impostazioni pagoPA' }).waitFor();
    assert.equal(await admin.getByLabel("Codice fiscale dell'ente *").inputValue(), '80015010723');
    await expectAccessible(admin, 'the pagoPA settings');
    await admin.getByLabel('IBAN 1 *').fill('IT61X0542811101000000123456');
    await admin.getByRole('button', { name: 'Salva le impostazioni' }).click();
    await admin.getByText('IBAN non valido (cifre di controllo)', { exact: true }).waitFor();
    assert.match(await admin.getByRole('alert').innerText(), /Alcuni dati non sono validi \(IBAN 1, tipo di entrata 1/);
    await expectAccessible(admin, 'the settings with errors');
    await admin.getByLabel('IBAN 1 *').fill('IT60X0542811101000000123456');
    await admin.getByLabel('Settore').fill('Ragioneria');
    await admin.getByRole('button', { name: 'Salva le impostazioni' }).click();
    await admin.getByText('Impostazioni pagoPA salvate.').waitFor();
  });
});
