// Steps the citizen journeys repeat: through the booking flow up to "Richiedente", and the embedded
// test provider's page (pick a test identity, the SPID level, "Entra").
import type { Page } from 'playwright-core';

/** From step 1 with office and service chosen, to step 4 with Tuesday 3 March 2026 at `time`. */
export async function bookTuesdayUntilApplicant(page: Page, time: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Prenotazione appuntamento' }).waitFor();
  await page.getByRole('button', { name: /Avanti/ }).click();
  await page.getByRole('heading', { name: /Data e orario/ }).waitFor();
  await page.getByLabel('Giorno', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('group', { name: /martedì 3 marzo 2026/ }).waitFor();
  await page.getByRole('radio', { name: time }).check({ force: true });
  await page.getByRole('button', { name: /Avanti/ }).click();
  await page.getByRole('heading', { name: /Dettagli appuntamento/ }).waitFor();
  await page.getByRole('button', { name: /Avanti/ }).click();
  await page.getByRole('heading', { name: /Richiedente/ }).waitFor();
}

/** On the test provider's page: `check` runs on it (axe) before choosing `person` and entering. */
export async function logInAtTestProvider(page: Page, person: string, opts: { level?: '1' | '2' | '3'; check?(where: string): Promise<void> } = {}): Promise<void> {
  await page.getByText('AMBIENTE DI PROVA').waitFor();
  await opts.check?.('the test identity provider page');
  await page.getByRole('radio', { name: new RegExp(`^${person}`) }).check();
  if (opts.level) await page.getByLabel('Livello di sicurezza SPID').selectOption(opts.level);
  await page.getByRole('button', { name: 'Entra' }).click();
}
