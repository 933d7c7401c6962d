// The virtual queue as citizens live it, in Chromium: a citizen takes a number on a phone-sized page;
// a booked citizen checks in at the kiosk a little later and is served first (the appointment's time
// is near), then the officer calls the phone's number: the display board shows it and the phone's
// page says which desk. axe-core on every screen.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { applicant, book, findService, freeSlots } from '../test/support/fixtures.ts';
import { axeViolations, browserSkipReason, launchBrowser } from './support/browser.ts';
import { fixBrowserClock, startPortal, type Portal } from './support/portal.ts';

const skip = browserSkipReason();
/** Tuesday 3 March 2026, 10:08 in Rome: the URP of Bari is open, and a 10:20 appointment is near. */
const NOW = '2026-03-03T09:08:00Z';

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe-core on ${where}:\n${violations.join('\n')}`);
}

describe('virtual queue in the browser: phone, kiosk, board and desk', { skip }, () => {
  let portal: Portal;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let officeId: string;
  let booking: { reference: string };

  async function context(opts: { viewport: { width: number; height: number }; isMobile?: boolean }): Promise<Page> {
    const c = await browser.newContext({ locale: 'it-IT', timezoneId: 'Europe/Rome', reducedMotion: 'reduce', ...opts });
    c.setDefaultTimeout(10_000);
    await fixBrowserClock(c, NOW);
    contexts.push(c);
    return c.newPage();
  }

  before(async () => {
    // The booking is made the day before; the journey happens on the day.
    portal = await startPortal({ now: '2026-03-02T09:00:00Z' });
    const { office, service } = await findService(portal.app, 'bari', 'URP', 'Informazioni generali');
    officeId = office.id;
    const slot = (await freeSlots(portal.app, 'bari', service.id, '2026-03-03', '2026-03-03')).find((s) => s.start.includes('T10:20'))!;
    const res = await book(portal.app, 'bari', {
      serviceId: service.id,
      start: slot.start,
      applicant: { ...applicant('prenotata@example.it'), name: 'Lucia', surname: 'Fanelli' },
    });
    assert.equal(res.statusCode, 201, res.body);
    booking = res.json();
    portal.clock.set(NOW);
    browser = await launchBrowser();
  });
  after(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await portal?.close();
  });

  it('serves the booked citizen before the earlier walk-in, then calls the phone to its desk, on the board too', async () => {
    // A citizen at the door takes a number on the phone, from the comune's home page.
    const phone = await context({ viewport: { width: 375, height: 667 }, isMobile: true });
    await phone.goto(`${portal.url}/bari`);
    await phone.getByRole('link', { name: /Prendi il numero: URP/ }).click();
    await phone.getByRole('heading', { level: 1, name: 'Prendi il numero' }).waitFor();
    await phone.getByText('URP - Ufficio Relazioni con il Pubblico').first().waitFor();
    await expectAccessible(phone, 'the take-a-number page on a phone');
    await phone.getByLabel(/^Informazioni generali/).check({ force: true }); // Bootstrap Italia draws the radio on the label
    await phone.getByRole('button', { name: 'Prendi il numero' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Il tuo numero' }).waitFor();
    const walkIn = (await phone.getByTestId('ticket-number').innerText()).trim();
    assert.match(walkIn, /^A\d{3}$/);
    // No desk is open yet: first in line, but nobody is called until a desk opens (and no made-up wait).
    await phone.getByText('Sei il primo in fila: sarai chiamato appena apre uno sportello').waitFor();
    await phone.getByText('Attesa stimata: si potrà stimare quando apre uno sportello').waitFor();
    await expectAccessible(phone, "the phone's ticket page while waiting");

    // The display board of the office, on a TV.
    const tv = await context({ viewport: { width: 1920, height: 1080 } });
    await tv.goto(`${portal.url}/bari/uffici/${officeId}/tabellone`);
    await tv.getByText('Nessuna chiamata per ora').waitFor();
    await expectAccessible(tv, 'the display board');

    // The booked citizen arrives and checks in at the kiosk with the booking reference.
    const kiosk = await context({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(`${portal.url}/bari/uffici/${officeId}/chiosco`);
    await kiosk.getByRole('button', { name: /Ho un appuntamento/ }).click();
    await kiosk.getByLabel('Codice della prenotazione').fill(booking.reference);
    await expectAccessible(kiosk, 'the kiosk check-in');
    await kiosk.getByRole('button', { name: "Registra l'arrivo" }).click();
    const booked = (await kiosk.getByTestId('kiosk-number').innerText()).trim();
    assert.notEqual(booked, walkIn);
    await expectAccessible(kiosk, "the kiosk's printed number");
    // The phone is told someone is now ahead (the appointment's time has come).
    await phone.getByText(/Prima di te: 1 persona/).waitFor();

    // The officer sits at desk 1 and calls next twice.
    const officer = await context({ viewport: { width: 1366, height: 900 } });
    await officer.goto(`${portal.url}/bari/operatore`);
    await officer.getByLabel('Nome utente').fill('urp.bari');
    await officer.getByLabel('Password').fill('sportello-demo');
    await officer.getByRole('button', { name: 'Accedi' }).click();
    await officer.getByRole('link', { name: 'Coda', exact: true }).click();
    await officer
      .locator('tr[data-desk="Sportello URP 1"]')
      .getByRole('button', { name: /Lavora a questo sportello/ })
      .click();
    await officer.getByRole('heading', { level: 1, name: /^Sportello URP 1/ }).waitFor();

    await officer.getByRole('button', { name: 'Chiama il prossimo' }).click();
    await officer.getByTestId('current-ticket').filter({ hasText: booked }).waitFor();
    assert.match(await officer.getByTestId('current-ticket').innerText(), /Lucia Fanelli/);
    await tv.getByTestId('board-latest').filter({ hasText: booked }).waitFor();

    await officer.getByRole('button', { name: 'Chiama il prossimo' }).click();
    await officer.getByTestId('current-ticket').filter({ hasText: walkIn }).waitFor();
    const called = phone.getByTestId('ticket-called');
    await called.waitFor();
    assert.match(await called.innerText(), /È il tuo turno — recati a: Sportello URP 1/);
    await expectAccessible(phone, "the phone's ticket page once called");
    const latest = tv.getByTestId('board-latest');
    await latest.filter({ hasText: walkIn }).waitFor();
    assert.match(await latest.innerText(), /Sportello URP 1/);
    assert.match(await tv.locator('table').innerText(), new RegExp(booked), 'the earlier call moves to the list');
    await expectAccessible(tv, 'the display board with calls');
  });
});
