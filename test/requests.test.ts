// "Richiesta d'assistenza" through HTTP: anyone writes and gets a number (gapless per comune and
// year) and an email; a logged-in citizen writes under their identity and finds the answer in the
// personal area; the office of the service concerned answers once (a second answer is refused), the
// answer is emailed; officers of other offices and of other comuni see nothing; bad input changes
// nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs } from './support/citizen.ts';
import { outbox } from './support/fixtures.ts';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';
import { signIn } from './support/operator.ts';

const request = {
  category: 'Informazioni su un servizio',
  serviceSlug: 'carta-di-identita-elettronica',
  description: 'La mia carta scade il mese prossimo: posso rinnovarla già adesso?',
  name: 'Lucia',
  surname: 'Ferri',
  email: 'lucia.ferri@example.it',
};

for (const engine of ENGINES) {
  describe(`assistance requests (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());
    const send = (body: Record<string, unknown>, tenant = 'bari') => h.app.inject({ method: 'POST', url: `/api/v1/${tenant}/assistance-requests`, payload: body });
    const count = async () =>
      Number(
        (
          await h.ctx.db
            .selectFrom('citizen_requests')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('numbers each request without gaps and confirms it by email with its number', async () => {
      const first = await send(request);
      assert.equal(first.statusCode, 201, first.body);
      const second = await send({ ...request, serviceSlug: undefined, category: 'Altro', email: 'paolo.greco@example.it' });
      assert.equal(second.statusCode, 201, second.body);
      const [a, b] = [first.json().number as string, second.json().number as string];
      assert.match(a, /^\d+\/\d{4}$/);
      assert.equal(Number(b.split('/')[0]), Number(a.split('/')[0]) + 1);
      const mail = (await outbox(h.app)).find((m) => m.to === request.email && m.subject.includes(a));
      assert.ok(mail, 'the receipt');
      assert.match(mail.text, /Carta d'identità elettronica/);
      const other = await send(request, 'bitonto');
      assert.equal(other.json().number.split('/')[0], '1', "Bitonto's numbers are its own");
    });

    it('refuses what is not a request, changing nothing', async () => {
      const before = await count();
      for (const [what, body] of [
        ['no category', { ...request, category: undefined }],
        ['a category of its own', { ...request, category: 'Reclamo' }],
        ['a description too short', { ...request, description: 'aiuto' }],
        ['a description of spaces', { ...request, description: ' '.repeat(20) }],
        ['no email', { ...request, email: 'lucia' }],
        ['a control character', { ...request, name: 'Lu\u0007cia' }],
        ['an unknown field', { ...request, priority: 'alta' }],
        ['a description as a number', { ...request, description: 12345678901 }],
      ] as const) {
        assert.equal((await send(body as Record<string, unknown>)).statusCode, 400, what);
      }
      assert.equal((await send({ ...request, serviceSlug: 'servizio-inesistente' })).statusCode, 404, 'an unknown service');
      assert.equal(await count(), before);
    });

    it("sends a request to the office of the service concerned; others' officers do not see it", async () => {
      const sent = (await send({ ...request, description: 'Domanda per l’anagrafe sulla CIE dei minori.' })).json();
      const registry = await signIn(h.app, 'bari', 'anagrafe.bari');
      const theirs = (await registry.request({ method: 'GET', url: '/api/v1/bari/operator/assistance-requests?status=open' })).json().requests;
      assert.ok(
        theirs.some((r: { id: string }) => r.id === sent.id),
        'the registry office sees it',
      );
      const environment = await signIn(h.app, 'bari', 'ambiente.bari');
      const notTheirs = (await environment.request({ method: 'GET', url: '/api/v1/bari/operator/assistance-requests' })).json().requests;
      assert.ok(!notTheirs.some((r: { id: string }) => r.id === sent.id), 'another office does not');
      assert.equal(
        (await environment.request({ method: 'POST', url: `/api/v1/bari/operator/assistance-requests/${sent.id}/answer`, payload: { text: 'Risposta' } })).statusCode,
        404,
        'nor can it answer',
      );
      const bitonto = await signIn(h.app, 'bitonto', 'admin.bitonto');
      const elsewhere = await bitonto.request({ method: 'POST', url: `/api/v1/bitonto/operator/assistance-requests/${sent.id}/answer`, payload: { text: 'Risposta' } });
      assert.equal(elsewhere.statusCode, 404, 'another comune');
    });

    it("takes a logged-in citizen's names from the identity and puts the answer in the personal area", async () => {
      const mario = await loginAs(h.app, 'bari', 'RSSMRA85T10A562S');
      const body = { ...request, name: 'Qualcun', surname: 'Altro', email: 'mario.rossi@example.it', description: 'Come cambio il medico di base?' };
      assert.equal(
        (await mario.request({ method: 'POST', url: '/api/v1/bari/assistance-requests', payload: body, csrf: false })).statusCode,
        403,
        'a session without its CSRF token',
      );
      const sent = await mario.request({ method: 'POST', url: '/api/v1/bari/assistance-requests', payload: body });
      assert.equal(sent.statusCode, 201, sent.body);
      const row = await h.ctx.db.selectFrom('citizen_requests').selectAll().where('id', '=', sent.json().id).executeTakeFirstOrThrow();
      assert.deepEqual([row.name, row.surname, row.fiscal_code], [mario.me.citizen.givenName, mario.me.citizen.familyName, 'RSSMRA85T10A562S']);
      const officer = await signIn(h.app, 'bari', 'anagrafe.bari');
      const answered = await officer.request({
        method: 'POST',
        url: `/api/v1/bari/operator/assistance-requests/${row.id}/answer`,
        payload: { text: 'Dal sito della ASL, con SPID.' },
      });
      assert.equal(answered.statusCode, 200, answered.body);
      const inbox = (await mario.request({ method: 'GET', url: '/api/v1/bari/me/messages' })).json();
      const message = inbox.messages.find((m: { subject: string }) => m.subject.includes(`n. ${sent.json().number}`) && m.subject.startsWith('Risposta'));
      assert.ok(message, 'the answer in the personal area');
      assert.match(message.body, /Dal sito della ASL, con SPID\./);
    });

    it('is answered once, by email, and audited; the second answer is refused', async () => {
      const sent = (await send({ ...request, email: 'anna.neri@example.it', description: 'Posso delegare un familiare per il ritiro?' })).json();
      const officer = await signIn(h.app, 'bari', 'anagrafe.bari');
      const answer = (text: string) => officer.request({ method: 'POST', url: `/api/v1/bari/operator/assistance-requests/${sent.id}/answer`, payload: { text } });
      assert.equal((await answer('    ')).statusCode, 400, 'an answer of spaces');
      const [one, two] = await Promise.all([answer('Sì, con una delega firmata e il documento del delegante.'), answer('Sì.')]);
      assert.deepEqual([one.statusCode, two.statusCode].sort(), [200, 409], 'two answers at once: one wins');
      const won = one.statusCode === 200 ? one.json() : two.json();
      assert.equal(won.status, 'answered');
      const mails = (await outbox(h.app)).filter((m) => m.to === 'anna.neri@example.it' && m.subject.startsWith('Risposta'));
      assert.equal(mails.length, 1);
      assert.ok(mails[0]!.text.includes(won.answer));
      const audited = await h.ctx.db.selectFrom('audit_log').select(['action', 'actor_type']).where('entity_id', '=', sent.id).orderBy('id').execute();
      assert.deepEqual(
        audited.map((a) => `${a.action}:${a.actor_type}`),
        ['request.filed:citizen', 'request.answered:operator'],
      );
    });
  });
}
