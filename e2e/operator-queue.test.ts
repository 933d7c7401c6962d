// The officer's side of the virtual queue in Chromium: choosing a desk, the desk console kept live by
// its WebSocket (call next, recall, start, finish, video call, park and resume, no-show, transfer,
// leaving), a colleague taking over the desk, statistics (refused to operators) and the queue
// configuration with the server's refusals. axe-core runs on every page and state along the way.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { findService } from '../test/support/fixtures.ts';
import { axeViolations, browserSkipReason, launchBrowser } from './support/browser.ts';
import { fixBrowserClock, startPortal, type Portal } from './support/portal.ts';

const skip = browserSkipReason();
/** Tuesday 3 March 2026, 10:00 in Rome: the URP of Bari is open (9:00-12:30). */
const NOW = '2026-03-03T09:00:00Z';

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe-core on ${where}:\n${violations.join('\n')}`);
}

/** The text of the console's announcement (polite status or alert) once it contains `text`. */
async function announced(page: Page, text: RegExp): Promise<string> {
  const region = page.locator('main [role=status] .alert, main [role=alert]').filter({ hasText: text }).first();
  await region.waitFor();
  return region.innerText();
}

describe('officer console: virtual queue', { skip }, () => {
  let portal: Portal;
  let browser: Browser;
  let urp: { officeId: string; info: string; video: string };
  let ip = 0;

  async function take(serviceId: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await portal.app.inject({
      method: 'POST',
      url: `/api/v1/bari/offices/${urp.officeId}/tickets`,
      payload: { serviceId, ...extra },
      headers: { 'x-forwarded-for': `10.9.0.${++ip}` },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().number as string;
  }

  async function officer(username: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'it-IT', timezoneId: 'Europe/Rome' });
    context.setDefaultTimeout(10_000);
    await fixBrowserClock(context, NOW);
    const page = await context.newPage();
    await page.goto(`${portal.url}/bari/operatore`);
    await page.getByLabel('Nome utente').fill(username);
    await page.getByLabel('Password').fill('sportello-demo');
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    return page;
  }

  before(async () => {
    portal = await startPortal({ now: NOW });
    const info = await findService(portal.app, 'bari', 'URP', 'Informazioni generali');
    const video = await findService(portal.app, 'bari', 'URP', 'Informazioni generali in videochiamata');
    urp = { officeId: info.office.id, info: info.service.id, video: video.service.id };
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await portal?.close();
  });

  let maria: Page;

  it('lists the desks by office and signs the officer in at one', async () => {
    assert.equal(await take(urp.info), 'A001');
    assert.equal(await take(urp.info, { priority: 'gravidanza' }), 'A002');
    assert.equal(await take(urp.video), 'V001');
    maria = await officer('urp.bari');
    await maria.getByRole('link', { name: 'Coda', exact: true }).click();
    await maria.getByRole('heading', { level: 1, name: 'Coda: scegli lo sportello' }).waitFor();
    const desk2 = maria.locator('tr[data-desk="Sportello URP 2"]');
    assert.match(await desk2.innerText(), /Parla ora con un operatore \(video\)[\s\S]*videochiamata[\s\S]*Libero/);
    assert.equal(await maria.getByRole('link', { name: /Tabellone/ }).getAttribute('href'), `/bari/uffici/${urp.officeId}/tabellone`);
    assert.equal(await maria.getByRole('link', { name: /Statistiche/ }).count(), 0, 'operators get no statistics link');
    await expectAccessible(maria, 'the desk list');

    await desk2.getByRole('button', { name: /Lavora a questo sportello/ }).click();
    await maria.getByRole('heading', { level: 1, name: /^Sportello URP 2/ }).waitFor();
    await maria.getByTestId('live-indicator').filter({ hasText: 'Aggiornamento in tempo reale attivo' }).waitFor();
    await expectAccessible(maria, 'the desk console with an empty hand');
  });

  it('follows the line live and calls, recalls, serves and finishes', async () => {
    const number = await take(urp.info);
    await maria.locator(`tr[data-ticket="${number}"]`).waitFor(); // arrived through the WebSocket
    await maria.getByRole('button', { name: 'Chiama il prossimo' }).click();
    assert.match(await announced(maria, /Chiamato il numero A002/), /A002/, 'priority first');
    assert.match(await maria.getByTestId('current-ticket').innerText(), /Precedenza: Donna in gravidanza/);
    await expectAccessible(maria, 'a called ticket');

    await maria.getByRole('button', { name: 'Richiama' }).click();
    await announced(maria, /richiamato \(2ª chiamata\)/);
    await maria.getByRole('button', { name: 'Inizia servizio' }).click();
    await maria.locator('[data-testid="current-ticket"][data-status="serving"]').waitFor();
    await maria.getByLabel(/Nota sul servizio/).fill('Orientamento sul cambio di residenza');
    await maria.getByRole('button', { name: 'Termina' }).click();
    await announced(maria, /Numero A002 servito/);
    await maria.getByTestId('no-current').waitFor();
    assert.equal(await maria.evaluate(() => document.activeElement?.textContent), 'Chiama il prossimo', 'focus stays on the page');
    await expectAccessible(maria, 'the console after finishing');
  });

  it('calls a video ticket out of turn, parks it, resumes it and marks it a no-show', async () => {
    await maria.getByRole('button', { name: /Chiama il numero V001/ }).click();
    await announced(maria, /Chiamato il numero V001 \(videochiamata\)/);
    const open = maria.getByTestId('open-video');
    assert.match((await open.getAttribute('href'))!, /^\/bari\/operatore\/video\/[\w-]{20,}$/);
    assert.equal(await open.getAttribute('target'), '_blank');
    await expectAccessible(maria, 'a called video ticket');

    await maria.getByRole('button', { name: 'Sospendi' }).click();
    await announced(maria, /V001 sospeso/);
    await maria.getByTestId('parked').waitFor();
    await expectAccessible(maria, 'a parked ticket');
    await maria.getByRole('button', { name: /Riprendi il numero V001/ }).click();
    await announced(maria, /Ripreso e chiamato di nuovo il numero V001/);
    await maria.reload();
    // Without the link of the call, the console page mints a fresh one for the room.
    assert.match((await maria.getByTestId('open-video').getAttribute('href'))!, /^\/bari\/operatore\/stanze\/[\w-]+\/video$/);
    await maria.getByRole('button', { name: 'Non presentato' }).click();
    await announced(maria, /V001 segnato come non presentato/);
  });

  it('transfers a ticket to another desk and will not leave with a ticket in hand', async () => {
    await maria.getByRole('button', { name: 'Chiama il prossimo' }).click();
    await announced(maria, /Chiamato il numero A001/);
    await maria.getByRole('button', { name: 'Trasferisci' }).click();
    const form = maria.getByTestId('transfer-form');
    await form.getByRole('button', { name: 'Trasferisci' }).click();
    await form.getByRole('alert').filter({ hasText: 'Scegli una coda, uno sportello o entrambi.' }).waitFor();
    assert.ok(await form.getByLabel('Mantiene il posto in coda').isChecked(), 'keeps its place by default');
    await expectAccessible(maria, 'the transfer form with an error');
    await form.getByLabel('Allo sportello').selectOption({ label: 'Sportello URP 1' });
    await form.getByRole('button', { name: 'Trasferisci' }).click();
    await announced(maria, /A001 trasferito a Sportello URP 1, mantenendo il posto/);

    await maria.getByRole('button', { name: 'Chiama il prossimo' }).click();
    await maria.getByTestId('current-ticket').waitFor();
    await maria.getByRole('button', { name: 'Lascia lo sportello' }).click();
    await announced(maria, /concludi o trasferisci il numero in corso/);
    await expectAccessible(maria, 'the console refusing to leave');
  });

  let admin: Page;

  it('lets a colleague take over the desk after confirming, and tells the first officer', async () => {
    admin = await officer('admin.bari');
    await admin.getByRole('link', { name: 'Coda', exact: true }).click();
    await admin
      .locator('tr[data-desk="Sportello URP 2"]')
      .getByRole('button', { name: /Lavora a questo sportello/ })
      .click();
    const confirm = admin.getByTestId('take-over');
    assert.match(await confirm.innerText(), /già occupato da Maria Lorusso/);
    await expectAccessible(admin, 'the take-over confirmation');
    await confirm.getByRole('button', { name: /Subentra/ }).click();
    await admin.getByRole('heading', { level: 1, name: /^Sportello URP 2/ }).waitFor();

    await maria.getByTestId('not-at-desk').waitFor();
    await announced(maria, /Non sei più collegato a questo sportello/);
    assert.equal(await maria.getByRole('button', { name: 'Chiama il prossimo' }).count(), 0);
    await expectAccessible(maria, 'the console of a desk taken over');

    // The ticket in hand came with the desk; A001 waits for Sportello URP 1, so the line is empty.
    assert.match(await admin.getByTestId('current-number').innerText(), /A003/);
    await admin.getByRole('button', { name: 'Chiama il prossimo' }).click();
    await announced(admin, /Numero A003 servito\. Nessuno in attesa\./);
    await admin.getByRole('button', { name: 'Lascia lo sportello' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Coda: scegli lo sportello' }).waitFor();
    await announced(admin, /Hai lasciato Sportello URP 2/);
  });

  it('shows statistics to managers and admins only', async () => {
    await maria.goto(`${portal.url}/bari/operatore/coda/statistiche`);
    await maria.getByRole('alert').filter({ hasText: 'Non hai i permessi' }).waitFor();
    await expectAccessible(maria, 'statistics refused to an operator');

    await admin.getByRole('link', { name: 'Statistiche della coda' }).click();
    await admin.getByLabel('Ufficio', { exact: true }).selectOption({ label: 'URP - Ufficio Relazioni con il Pubblico' });
    await admin.getByRole('button', { name: 'Mostra' }).click();
    await admin.getByRole('heading', { name: 'Oggi in URP - Ufficio Relazioni con il Pubblico' }).waitFor();
    assert.match(await admin.getByTestId('stats-today').innerText(), /Numeri presi\s*4/);
    assert.match(await admin.getByTestId('stats-rows').innerText(), /Totale del periodo/);
    const csv = await admin.getByTestId('stats-csv').getAttribute('href');
    assert.equal(csv, `/api/v1/bari/operator/queue/stats.csv?officeId=${urp.officeId}&from=2026-03-03&to=2026-03-03`);
    assert.equal((await admin.request.get(`${portal.url}${csv}`)).status(), 200);
    await expectAccessible(admin, 'the statistics');
  });

  it('configures the queue and shows the server’s refusals', async () => {
    await admin.goto(`${portal.url}/bari/operatore/configurazione/uffici/${urp.officeId}`);
    const section = admin.locator('section[aria-labelledby="sezione-coda"]');
    await section.getByTestId('queue-list').waitFor();
    await expectAccessible(admin, 'the queue configuration');

    await section.getByLabel(/Avviso/).fill('5');
    await section.getByRole('button', { name: 'Salva regole' }).click();
    await section.getByText('Regole della coda salvate.').waitFor();

    await section.getByRole('button', { name: 'Nuova coda' }).click();
    const form = section.getByTestId('queue-form');
    await form.getByLabel(/Nome della coda/).fill('Reclami');
    await form.getByLabel(/^Lettera/).fill('a');
    await form.getByLabel(/^Informazioni generali \(già nella coda A/).check({ force: true });
    await form.getByRole('button', { name: 'Crea coda' }).click();
    await form.getByRole('alert').filter({ hasText: 'usa già questa lettera' }).waitFor();
    await form.getByLabel(/^Lettera/).fill('R');
    await form.getByRole('button', { name: 'Crea coda' }).click();
    await form.getByRole('alert').filter({ hasText: 'ogni servizio sta in una sola coda' }).waitFor();
    await expectAccessible(admin, 'the queue form with an error');
    await form.getByRole('button', { name: 'Chiudi senza salvare' }).click();

    await section.getByRole('button', { name: /Modifica le code di Sportello URP 2/ }).click();
    const desk = section.getByTestId('desk-queues-form');
    await desk.getByLabel('Gestisce videochiamate').uncheck({ force: true });
    await desk.getByRole('button', { name: 'Salva code dello sportello' }).click();
    await desk.getByRole('alert').filter({ hasText: 'abilitato alle videochiamate' }).waitFor();
    await expectAccessible(admin, 'the desk queues form with an error');

    // The comune's priority classes: a new one is offered to citizens at once.
    const classes = section.getByRole('form', { name: 'Categorie con precedenza' });
    await classes.getByRole('button', { name: 'Aggiungi categoria' }).click();
    await classes.getByLabel('Categoria 4').fill('Persona con bambini piccoli');
    await classes.getByRole('button', { name: 'Salva categorie' }).click();
    await classes.getByText('Categorie con precedenza salvate.').waitFor();
    await expectAccessible(admin, 'the priority classes');
    const info = (await portal.app.inject(`/api/v1/bari/offices/${urp.officeId}/queue`)).json();
    assert.deepEqual(info.priorityClasses.at(-1), { code: 'persona-con-bambini-piccoli', label: 'Persona con bambini piccoli' });
  });
});
