// Officer accounts and the audit log in Chromium: an admin creates an officer and resets another's
// password (each shown once), disables a third, browses and verifies the audit log; the new officer
// replaces the temporary password at the first login, turns on the TOTP second factor with the QR
// code, and signs in again with a code. axe-core runs on every page along the way.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { sealAuditLog } from '../server/modules/audit/sealer.ts';
import { codeAt } from '../test/support/officers.ts';
import { axeViolations, browserSkipReason, clickLabel, launchBrowser } from './support/browser.ts';
import { fixBrowserClock, startPortal, type Portal } from './support/portal.ts';

const skip = browserSkipReason();

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe-core on ${where}:\n${violations.join('\n')}`);
}

describe('officer accounts and audit log', { skip }, () => {
  let portal: Portal;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let newcomerPassword = '';
  let totpSecret = '';

  async function signIn(username: string, password: string): Promise<void> {
    await page.goto(`${portal.url}/bari/operatore`);
    await page.getByRole('heading', { level: 1, name: 'Accesso area operatori' }).waitFor();
    await page.getByLabel('Nome utente').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Accedi' }).click();
  }

  async function signOut(): Promise<void> {
    await page.getByRole('button', { name: 'Esci' }).click();
    await page.getByRole('heading', { level: 1, name: 'Accesso area operatori' }).waitFor();
  }

  before(async () => {
    portal = await startPortal();
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

  it('shows admins the officers, with filters', async () => {
    await signIn('admin.bari', 'sportello-demo');
    await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    await page.getByRole('link', { name: 'Operatori', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Operatori' }).waitFor();
    const table = page.getByTestId('officers-table');
    await table.locator('tr[data-officer="urp.bari"]').waitFor();
    assert.match(await table.innerText(), /Nicola Ranieri/);
    await expectAccessible(page, 'the officer list');
    await page.getByLabel('Ruolo').selectOption('manager');
    await page.getByRole('table', { name: '1 operatore' }).waitFor();
    assert.match(await table.innerText(), /urbanistica\.bari/);
    await page.getByLabel('Ruolo').selectOption('');
    await table.locator('tr[data-officer="urp.bari"]').waitFor();
  });

  it('creates an officer and shows the temporary password once', async () => {
    await page.getByRole('button', { name: 'Nuovo operatore' }).click();
    await page.getByRole('heading', { name: 'Nuovo operatore' }).waitFor();
    await expectAccessible(page, 'the new officer form');
    await page.getByLabel('Nome utente *').fill('lucia.rossi');
    await page.getByLabel('Nome e cognome *').fill('Lucia Rossi');
    // Ticked through its label, as a person does (a forced click on the hidden input can race a re-render).
    await clickLabel(page, 'URP - Ufficio Relazioni con il Pubblico', true);
    await page.getByRole('button', { name: 'Crea operatore' }).click();
    const notice = page.getByTestId('temporary-password');
    await notice.getByText('Account di Lucia Rossi creato').waitFor();
    newcomerPassword = await notice.locator('code').innerText();
    assert.match(newcomerPassword, /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await expectAccessible(page, 'the temporary password notice');
    await page.getByRole('button', { name: 'Ho comunicato la password' }).click();
    assert.equal(await page.getByText(newcomerPassword).count(), 0, 'gone once dismissed');
    await page.getByTestId('officers-table').locator('tr[data-officer="lucia.rossi"]').getByText('Password temporanea da cambiare').waitFor();
  });

  it("resets an officer's password and disables another", async () => {
    await page.getByRole('button', { name: 'Reimposta password di Maria Lorusso (URP)' }).click();
    await page.getByRole('heading', { name: 'Reimposta la password di Maria Lorusso (URP)' }).waitFor();
    await expectAccessible(page, 'the password reset panel');
    await page.getByRole('button', { name: 'Reimposta password', exact: true }).click();
    await page.getByTestId('temporary-password').getByText('Password di Maria Lorusso (URP) reimpostata').waitFor();
    await page.getByRole('button', { name: 'Ho comunicato la password' }).click();

    await page.getByRole('button', { name: 'Disattiva Francesca Amoruso (Ambiente)' }).click();
    await page.getByRole('status').filter({ hasText: 'Francesca Amoruso (Ambiente) disattivato' }).waitFor();
    await page.getByTestId('officers-table').locator('tr[data-officer="ambiente.bari"]').getByText('Disattivato').waitFor();
    await expectAccessible(page, 'the officer list after changes');
  });

  it('browses the audit log with filters and pages, and verifies its chain', async () => {
    await page.getByRole('link', { name: 'Registro attività' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registro attività' }).waitFor();
    const table = page.getByTestId('audit-table');
    await table.getByText('Operatore creato').waitFor();
    await expectAccessible(page, 'the audit log');
    await page.getByLabel('Azione').fill('operator.password');
    await page.getByRole('button', { name: 'Cerca' }).click();
    await page.getByRole('table', { name: /pagina 1: 1 voce/ }).waitFor();
    assert.match(await table.innerText(), /Password reimpostata/);
    await page.getByRole('button', { name: 'Azzera i filtri' }).click();
    await table.getByText('Operatore disattivato').waitFor();

    await sealAuditLog(portal.ctx.db, { marginMs: 0 });
    await page.getByRole('button', { name: "Verifica l'integrità del registro" }).click();
    await page
      .getByTestId('verify-result')
      .getByText(/Registro integro: \d+ voci verificate/)
      .waitFor();
    await expectAccessible(page, 'the audit log after the verification');
    await signOut();
  });

  it('makes a new officer replace the temporary password at the first login', async () => {
    await signIn('lucia.rossi', newcomerPassword);
    await page.getByRole('heading', { level: 1, name: 'Scegli una nuova password' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Agenda' }).count(), 0, 'nothing else until then');
    await expectAccessible(page, 'the forced password change');
    await page.getByLabel('Password temporanea *', { exact: true }).fill(newcomerPassword);
    await page.getByLabel('Nuova password *', { exact: true }).fill('password1234');
    await page.getByLabel('Ripeti la nuova password *').fill('password1234');
    await page.getByRole('button', { name: 'Salva e continua' }).click();
    await page.getByRole('alert').filter({ hasText: 'più usate' }).first().waitFor();
    await expectAccessible(page, 'the forced password change with an error');
    await page.getByLabel('Nuova password *', { exact: true }).fill('il faro di san cataldo');
    await page.getByLabel('Ripeti la nuova password *').fill('il faro di san cataldo');
    await page.getByRole('button', { name: 'Salva e continua' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Operatori', exact: true }).count(), 0, 'operators manage no officers');
    assert.equal(await page.getByRole('link', { name: 'Registro attività' }).count(), 0);
  });

  it('turns on the second factor from the profile with the QR code', async () => {
    await page.getByRole('link', { name: 'Il mio profilo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Il mio profilo' }).waitFor();
    await expectAccessible(page, 'the profile');
    await page.getByRole('button', { name: 'Attiva la verifica in due passaggi' }).click();
    await page.getByRole('img', { name: /Codice QR per l'app di autenticazione/ }).waitFor();
    totpSecret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    await expectAccessible(page, 'the TOTP enrolment');
    await page.getByLabel('Codice di verifica (6 cifre)').fill(codeAt(totpSecret, portal.clock, 3));
    await page.getByRole('button', { name: 'Conferma' }).click();
    await page.getByRole('alert').filter({ hasText: 'Codice non valido' }).first().waitFor();
    await page.getByLabel('Codice di verifica (6 cifre)').fill(codeAt(totpSecret, portal.clock));
    await page.getByRole('button', { name: 'Conferma' }).click();
    await page.getByRole('status').filter({ hasText: 'Verifica in due passaggi attivata' }).waitFor();
    await page.getByTestId('totp-state').getByText('attiva', { exact: true }).waitFor();
    await expectAccessible(page, 'the profile with the second factor on');
    await signOut();
  });

  it('asks for the code at the next login', async () => {
    await signIn('lucia.rossi', 'il faro di san cataldo');
    await page.getByRole('heading', { name: 'Verifica in due passaggi' }).waitFor();
    await expectAccessible(page, 'the login code step');
    await page.getByLabel('Codice di verifica').fill('000000');
    await page.getByRole('button', { name: 'Verifica e accedi' }).click();
    await page.getByRole('alert').filter({ hasText: 'Codice di verifica non valido' }).waitFor();
    portal.clock.advance(30_000);
    await page.getByLabel('Codice di verifica').fill(codeAt(totpSecret, portal.clock));
    await page.getByRole('button', { name: 'Verifica e accedi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Agenda' }).waitFor();
    assert.match(await page.getByTestId('operator-user').innerText(), /Lucia Rossi/);
  });
});
