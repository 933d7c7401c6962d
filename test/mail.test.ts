// Emails as the citizen receives them: a text part and an HTML part with the comune's name, the
// manage link as a link and nothing the applicant typed left unescaped; the .ics invitation read back
// by an independent parser, with the names exactly as typed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { signIn } from './support/operator.ts';
import { book, findService, freeSlots, outbox } from './support/fixtures.ts';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';

/** Monday 2 March 2026, 09:30 in Rome: the URP takes numbers. */
const OPEN = '2026-03-02T08:30:00Z';
const OFFICE = 'Ripartizione Tutela Ambiente, Sanità e Igiene';
const NAME = '<script>alert("x")</script>';
const SURNAME = `Rossi; ROLE=CHAIR:mailto:evil@example.com O'Neil`;
const REASON = "Per annullare l'appuntamento: https://evil.example/phish?a=1&b=2 <b>subito</b>";

for (const engine of ENGINES) {
  describe(`emails with an HTML part (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());

    it('a booking confirmation has both parts: the comune, the manage link as a link, the applicant escaped', async () => {
      const { service } = await findService(h.app, 'bari', OFFICE, 'Autorizzazione scarico acque reflue domestiche e assimilate');
      const [slot] = await freeSlots(h.app, 'bari', service.id);
      const email = 'html@example.it';
      const res = await book(h.app, 'bari', { serviceId: service.id, start: slot!.start, reason: REASON, applicant: { name: NAME, surname: SURNAME, email } });
      assert.equal(res.statusCode, 201, res.body);
      const { manageUrl } = res.json() as { manageUrl: string };
      await h.worker.drain();
      const [mail] = await outbox(h.app, email);
      assert.ok(mail, 'confirmation queued');
      assert.equal(mail.state, 'sent');

      // The text part is as before.
      assert.ok(mail.text.includes(`Gentile ${NAME} ${SURNAME},`));
      assert.ok(mail.text.includes(manageUrl));

      const html = mail.html!;
      assert.ok(html, 'an HTML part');
      assert.match(html, /^<!doctype html>\n<html lang="it">/);
      assert.match(html, /<title>Appuntamento confermato: Autorizzazione scarico/);
      assert.match(html, /<header style="background-color:#0066cc;[^"]*">\n<p[^>]*>Comune di Bari<\/p>/);
      assert.match(html, /<footer[^>]*>\n<p[^>]*>Comune di Bari · Puglia<\/p>/);
      assert.ok(html.includes(`<a href="${manageUrl}"`), 'the manage link is a link');
      assert.match(html, new RegExp(`<a href="${manageUrl}"[^>]*>Gestisci l&#39;appuntamento</a>`));
      assert.match(html, /<th scope="row"[^>]*>Ufficio<\/th><td[^>]*>Ripartizione Tutela Ambiente, Sanità e Igiene<\/td>/);
      // Nothing the applicant typed is markup, and their link keeps its address in view.
      assert.doesNotMatch(html, /<script|<b>/);
      assert.ok(html.includes('Gentile &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Rossi; ROLE=CHAIR:mailto:evil@example.com O&#39;Neil,'));
      assert.match(html, /<a href="https:\/\/evil\.example\/phish\?a=1&amp;b=2"[^>]*>https:\/\/evil\.example\/phish\?a=1&amp;b=2<\/a> &lt;b&gt;subito&lt;\/b&gt;/);

      // The invitation: the office's name unescaped, the applicant's name whole, one attendee.
      const ics = mail.attachments.find((a) => a.filename === 'appuntamento.ics')!.content!;
      const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
      const organizer = vevent.getFirstProperty('organizer')!;
      assert.equal(organizer.getParameter('cn'), OFFICE);
      assert.equal(organizer.getFirstValue(), 'mailto:ambiente@comune.bari.it');
      const attendees = vevent.getAllProperties('attendee');
      assert.equal(attendees.length, 1);
      assert.equal(attendees[0]!.getParameter('cn'), `${NAME} ${SURNAME}`);
      assert.equal(attendees[0]!.getParameter('role'), 'REQ-PARTICIPANT');
      assert.equal(attendees[0]!.getFirstValue(), `mailto:${email}`);
      assert.equal(vevent.getFirstPropertyValue('location'), `${OFFICE}, Via Marchese di Montrone 65, 70122 Bari`);
    });

    it("a queue ticket's email links the live page by name", async () => {
      h.clock.set(OPEN);
      const { office, service } = await findService(h.app, 'bari', 'URP', 'Informazioni generali');
      const res = await h.app.inject({ method: 'POST', url: `/api/v1/bari/offices/${office.id}/tickets`, payload: { serviceId: service.id, email: 'numero@example.it' } });
      assert.equal(res.statusCode, 201, res.body);
      await h.worker.drain();
      const [mail] = await outbox(h.app, 'numero@example.it');
      assert.match(mail!.html!, /<a href="http:\/\/localhost:3000\/bari\/biglietto\/[^"]+"[^>]*>Segui la coda<\/a>/);
      assert.match(mail!.html!, /<p[^>]*>Comune di Bari<\/p>/);
    });

    it("an email of another module (Bitonto's video-call invitation) has the HTML part with that comune's branding", async () => {
      const op = await signIn(h.app, 'bitonto', 'admin.bitonto');
      const res = await op.request({ method: 'POST', url: '/api/v1/bitonto/operator/rooms', payload: { email: 'invito@example.it', citizenName: 'Sara Colella' } });
      assert.equal(res.statusCode, 201, res.body);
      await h.worker.drain();
      const [mail] = await outbox(h.app, 'invito@example.it');
      assert.match(mail!.html!, /<header style="background-color:#8a1538;[^"]*">\n<p[^>]*>Comune di Bitonto<\/p>/);
      assert.ok(mail!.html!.includes((res.json() as { citizenUrl: string }).citizenUrl.replaceAll('&', '&amp;')), 'the room link is in the HTML part');
    });
  });
}
