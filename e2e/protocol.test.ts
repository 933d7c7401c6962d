// The protocol register in Chromium: an officer registers a letter handed in at the counter with its
// scan and an attachment and reads the number at once; finds it again by a word of the subject and
// downloads the scan; an admin annuls an entry with the reason and downloads the daily register.
// axe-core runs on every state of the page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { protocolModule } from '../server/modules/protocol/index.ts';
import { renderPdf } from '../server/platform/pdf.ts';
import { pdfTextOf } from '../test/support/pdf-text.ts';
import { axeViolations, browserSkipReason, launchBrowser } from './support/browser.ts';
import { fixBrowserClock, startPortal, type Portal } from './support/portal.ts';

const skip = browserSkipReason();

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe-core on ${where}:\n${violations.join('\n')}`);
}

describe('protocol register in the console', { skip }, () => {
  let portal: Portal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dir: string;

  async function signIn(username: string): Promise<void> {
    await page.goto(`${portal.url}/bari/operatore`);
    await page.getByRole('heading', { level: 1, name: 'Accesso area operatori' }).waitFor();
    await page.getByLabel('Nome utente').fill(username);
    await page.getByLabel('Password').fill('sportello-demo');
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
  }

  before(async () => {
    portal = await startPortal();
    browser = await launchBrowser();
    context = await browser.newContext({ locale: 'it-IT', timezoneId: 'Europe/Rome', acceptDownloads: true });
    context.setDefaultTimeout(10_000);
    await fixBrowserClock(context);
    page = await context.newPage();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-protocol-'));
    const scan = (text: string) => renderPdf({ title: text, author: 'e2e', createdAt: new Date() }, (d) => d.text(text));
    fs.writeFileSync(path.join(dir, 'lettera.pdf'), await scan('Lettera di Mario Rossi'));
    fs.writeFileSync(path.join(dir, 'planimetria.pdf'), await scan('Planimetria'));
  });
  after(async () => {
    await browser?.close();
    await portal?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('registers a letter with its scan and an attachment, and shows the number at once', async () => {
    await signIn('urp.bari');
    await page.getByRole('link', { name: 'Protocollo', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Protocollo' }).waitFor();
    await page.getByText('Nessuna registrazione corrisponde alla ricerca.').waitFor();
    await expectAccessible(page, 'the empty register');

    await page.getByRole('button', { name: 'Registra a protocollo' }).click();
    await page.getByRole('alert').getByText('Indica il corrispondente e l’oggetto.').waitFor();

    await page.getByRole('form', { name: 'Nuova registrazione' }).getByLabel('Direzione', { exact: true }).selectOption('incoming');
    await page.getByLabel('Corrispondente *').fill('Mario Rossi');
    await page.getByLabel('Oggetto *').fill('Richiesta di accesso agli atti della pratica edilizia 12/2025');
    await page.getByLabel('Documento principale (facoltativo)').setInputFiles(path.join(dir, 'lettera.pdf'));
    await page.getByLabel('Allegati (facoltativi)').setInputFiles(path.join(dir, 'planimetria.pdf'));
    await page.getByRole('button', { name: 'Registra a protocollo' }).click();
    await page.getByRole('status').getByText('Registrato: protocollo n. 0000001/2026 del').waitFor();
    const row = page.getByTestId('protocol-table').locator('tr[data-entry="0000001/2026"]');
    await row.waitFor();
    assert.match(await row.innerText(), /Mario Rossi[\s\S]*lettera\.pdf[\s\S]*planimetria\.pdf[\s\S]*Valida/);
    await expectAccessible(page, 'the register after a registration');

    await page.getByLabel('Corrispondente *').fill('Ufficio Tributi');
    await page.getByRole('form', { name: 'Nuova registrazione' }).getByLabel('Direzione', { exact: true }).selectOption('internal');
    await page.getByLabel('Oggetto *').fill('Trasmissione elenco dei contribuenti');
    await page.getByRole('button', { name: 'Registra a protocollo' }).click();
    await page.getByRole('status').getByText('Registrato: protocollo n. 0000002/2026').waitFor();
  });

  it('finds an entry by a word of its subject and downloads its scan', async () => {
    await page.getByLabel('Parole (corrispondente o oggetto)').fill('edilizia');
    await page.getByRole('button', { name: 'Cerca', exact: true }).click();
    await page.getByRole('table', { name: /1 registrazione/ }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'lettera.pdf' }).click()]);
    const text = await pdfTextOf(fs.readFileSync((await download.path())!));
    assert.match(text, /Lettera di Mario Rossi/);
  });

  it('lets an admin annul an entry with the reason and download the daily register', async () => {
    await page.getByRole('button', { name: 'Esci' }).click();
    await signIn('admin.bari');
    await page.getByRole('link', { name: 'Protocollo', exact: true }).click();
    await page.getByTestId('protocol-table').locator('tr[data-entry="0000002/2026"]').waitFor();
    await page.getByRole('button', { name: 'Annulla la registrazione 0000002/2026' }).click();
    await page.getByLabel('Motivo dell’annullamento *').fill('Registrata due volte');
    await expectAccessible(page, 'the annulment form');
    await page.getByRole('button', { name: 'Conferma annullamento' }).click();
    const row = page.getByTestId('protocol-table').locator('tr[data-entry="0000002/2026"]');
    await row.getByText('Annullata').waitFor();
    assert.match(await row.innerText(), /Amministratore Bari: Registrata due volte/);

    await page.getByText('Nessun registro giornaliero ancora prodotto.').waitFor();
    portal.clock.set('2026-03-03T05:00:00Z');
    assert.equal(await protocolModule.schedules![0]!.run(portal.ctx), 1);
    // The next morning: the session of the day before has expired.
    await signIn('admin.bari');
    await page.getByRole('link', { name: 'Protocollo', exact: true }).click();
    const link = page.getByRole('link', { name: /^PDF del / });
    await link.waitFor();
    await expectAccessible(page, 'the daily registers');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const text = await pdfTextOf(fs.readFileSync((await download.path())!));
    assert.match(text, /Registro giornaliero di protocollo del 02\/03\/2026/);
    assert.match(text, /0000001\/2026[\s\S]*Mario Rossi/);
  });
});
