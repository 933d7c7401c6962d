// Case handling through HTTP (L. 241/1990): a residence change filed by Mario is taken in charge by
// the registry office, integrated, given a notice of rejection, answered and accepted; the term moves
// as the law says at each suspension; each side is told; the decision is a PDF registered as
// outgoing. Nobody else sees the case (another citizen, another office, another comune); a change the
// state does not allow is refused with 409; two officers taking the case at once: one wins; internal
// notes never reach the citizen; the inbox filters, counts and finds.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileResidenceChange } from './support/cases.ts';
import { renderPdf } from '../server/platform/pdf.ts';
import { loginAs } from './support/citizen.ts';
import { multipart } from './support/multipart.ts';
import { outbox } from './support/fixtures.ts';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';
import { signIn } from './support/operator.ts';
import { pdfTextOf } from './support/pdf-text.ts';

const MARIO = 'RSSMRA85T10A562S';
const ANNA = 'SPSNNA90D55A662O';
const DAY = 86_400_000;
type Citizen = Awaited<ReturnType<typeof loginAs>>;
type Officer = Awaited<ReturnType<typeof signIn>>;

const fileCase = fileResidenceChange;

for (const engine of ENGINES) {
  describe(`case handling (${engine.name})`, () => {
    let h: Harness;
    let mario: Citizen;
    let registry: Officer;
    before(async () => {
      h = await startHarness({ url: engine.url });
      mario = await loginAs(h.app, 'bari', MARIO);
      registry = await signIn(h.app, 'bari', 'anagrafe.bari');
    });
    after(async () => h.close());

    const office = (who: Officer, id: string, path: string, payload: object = {}) =>
      who.request({ method: 'POST', url: `/api/v1/bari/operator/applications/${id}/${path}`, payload });
    const citizen = (who: Citizen, id: string, path: string, payload: object = {}) => who.request({ method: 'POST', url: `/api/v1/bari/me/applications/${id}/${path}`, payload });
    const mine = async (id: string) => (await mario.request({ method: 'GET', url: `/api/v1/bari/me/applications/${id}` })).json();
    // Days pass: yesterday's sessions have expired, so both sign in again.
    const advance = async (days: number) => {
      h.clock.advance(days * DAY);
      mario = await loginAs(h.app, 'bari', MARIO);
      registry = await signIn(h.app, 'bari', 'anagrafe.bari');
    };
    const mails = async (to: string, subject: RegExp) => (await outbox(h.app, to)).filter((m) => subject.test(m.subject));

    it('handles a case to its decision, the term moving as the law says, each side told', async () => {
      const id = await fileCase(mario);
      let seen = await mine(id);
      assert.equal(seen.state, 'registered');
      assert.equal(seen.expectedBy, '2026-04-16', 'filed 2 March, the 45 days of its card');
      assert.deepEqual(
        seen.timeline.map((e: { action: string }) => e.action),
        ['submit', 'register'],
      );

      const listed = (await registry.request({ method: 'GET', url: '/api/v1/bari/operator/applications?state=registered' })).json();
      assert.ok(listed.cases.some((c: { id: string }) => c.id === id));
      assert.ok(listed.counts.registered >= 1);

      assert.equal((await office(registry, id, 'take')).statusCode, 200);
      assert.equal((await mails('mario.rossi@example.it', /presa in carico|in lavorazione/)).length >= 1, true, 'the citizen is told');

      await advance(3); // 5 March
      const asked = await office(registry, id, 'request-integration', { text: 'Allega la ricevuta della registrazione del contratto.', dueDate: '2026-03-20' });
      assert.equal(asked.statusCode, 200, asked.body);
      seen = await mine(id);
      assert.equal(seen.state, 'integration_requested');
      assert.deepEqual([seen.expectedBy, seen.term.flag], [null, 'suspended'], 'the term is suspended');
      assert.deepEqual(seen.integration, { text: 'Allega la ricevuta della registrazione del contratto.', dueOn: '2026-03-20', fields: [] });
      assert.ok(seen.actions.includes('submit_integration'));
      const askedMail = (await mails('mario.rossi@example.it', /in attesa di integrazione/))[0];
      assert.ok(askedMail?.text.includes('20/03/2026'), 'the email says by when');

      await advance(4); // 9 March: 4 days suspended
      assert.equal((await citizen(mario, id, 'integration', { text: 'Ecco la ricevuta: registrato il 3/2/2026, n. 1234.' })).statusCode, 200);
      seen = await mine(id);
      assert.equal(seen.state, 'integration_submitted');
      assert.equal(seen.expectedBy, '2026-04-20', '16 April + the 4 days suspended');
      assert.ok((await mails('anagrafe@comune.bari.it', /integrazione ricevuta/)).length === 1, 'the office is told');

      const noticed = await office(registry, id, 'notice-of-rejection', { reasons: "L'abitazione risulta inagibile." });
      assert.equal(noticed.statusCode, 200, noticed.body);
      seen = await mine(id);
      assert.equal(seen.state, 'rejection_notice');
      assert.equal(seen.expectedBy, '2026-04-30', 'suspended for the 10 days at most: 20 + 10');
      await advance(3); // 12 March: observations after 3 days
      assert.equal((await citizen(mario, id, 'observations', { text: 'La perizia del 10/3 attesta che è agibile.' })).statusCode, 200);
      seen = await mine(id);
      assert.equal(seen.expectedBy, '2026-04-23', 'the notice suspended it for 3 days: 20 + 3');
      assert.ok(!seen.actions.includes('submit_observations'), 'observations are sent once');

      const accepted = await office(registry, id, 'accept', { text: 'Verificata la perizia, la residenza decorre dal 2 marzo 2026.' });
      assert.equal(accepted.statusCode, 200, accepted.body);
      seen = await mine(id);
      assert.equal(seen.state, 'accepted');
      assert.equal(seen.outcome, 'Verificata la perizia, la residenza decorre dal 2 marzo 2026.');
      assert.deepEqual(
        seen.timeline.map((e: { action: string }) => e.action),
        ['submit', 'register', 'take', 'request_integration', 'submit_integration', 'notice_of_rejection', 'submit_observations', 'accept'],
      );
      const response = seen.documents.find((d: { kind: string }) => d.kind === 'response');
      const pdf = await mario.request({ method: 'GET', url: response.url });
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const text = await pdfTextOf(pdf.rawPayload);
      // The service's own decision text (its form's template), filled in.
      for (const expected of [
        'Provvedimento di accoglimento',
        'Mario Rossi',
        MARIO,
        "l'Ufficiale d'anagrafe registra il cambio di residenza",
        '0000001/2026',
        'Verificata la perizia',
      ]) {
        assert.ok(text.replace(/\s+/g, ' ').includes(expected), `${expected} in ${text.slice(0, 600)}`);
      }
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const outgoing = (await admin.request({ method: 'GET', url: '/api/v1/bari/operator/protocol' }))
        .json()
        .entries.find((e: { applicationId: string; direction: string }) => e.applicationId === id && e.direction === 'outgoing');
      assert.equal(outgoing?.label, response.protocol, 'registered as outgoing with the number shown');
      const decided = (await mails('mario.rossi@example.it', /accolta/))[0];
      assert.ok(decided, 'the decision by email');
      const activity = (await mario.request({ method: 'GET', url: '/api/v1/bari/me/activities' })).json();
      assert.ok(JSON.stringify(activity).includes('Pratica accolta'), "in the citizen's Attività");
    });

    it('shows a case to nobody else: another citizen, another office, another comune', async () => {
      const id = await fileCase(mario);
      const anna = await loginAs(h.app, 'bari', ANNA);
      assert.equal((await anna.request({ method: 'GET', url: `/api/v1/bari/me/applications/${id}` })).statusCode, 404);
      assert.equal((await citizen(anna, id, 'messages', { text: 'Ciao' })).statusCode, 404);
      assert.equal((await citizen(anna, id, 'withdraw')).statusCode, 404);
      assert.equal((await anna.request({ method: 'GET', url: `/api/v1/bari/me/applications/${id}/summary` })).statusCode, 404);
      const environment = await signIn(h.app, 'bari', 'ambiente.bari');
      assert.equal((await environment.request({ method: 'GET', url: `/api/v1/bari/operator/applications/${id}` })).statusCode, 404);
      assert.equal((await office(environment, id, 'take')).statusCode, 404);
      assert.ok(!(await environment.request({ method: 'GET', url: '/api/v1/bari/operator/applications' })).json().cases.some((c: { id: string }) => c.id === id));
      const bitonto = await signIn(h.app, 'bitonto', 'admin.bitonto');
      assert.equal((await bitonto.request({ method: 'GET', url: `/api/v1/bitonto/operator/applications/${id}` })).statusCode, 404);
      assert.equal(
        (await office(bitonto, id, 'take').then(() => bitonto.request({ method: 'POST', url: `/api/v1/bitonto/operator/applications/${id}/take`, payload: {} }))).statusCode,
        404,
      );
      assert.equal((await mario.request({ method: 'POST', url: `/api/v1/bari/operator/applications/${id}/take`, payload: {} })).statusCode, 401, 'a citizen is not an officer');
    });

    it('refuses every change the state does not allow, with 409 and the state', async () => {
      const id = await fileCase(mario);
      const refused = await office(registry, id, 'accept', { text: 'Ok' });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().code, 'CASE_STATE_CONFLICT');
      assert.equal(refused.json().state, 'registered', 'the 409 names the state');
      assert.match(refused.json().message, /protocollata/);
      assert.equal((await office(registry, id, 'reject', { text: 'No' })).statusCode, 409, 'no rejection without a notice');
      assert.equal((await citizen(mario, id, 'integration', { text: 'Eccola' })).statusCode, 409, 'no integration was asked');
      assert.equal((await citizen(mario, id, 'observations', { text: 'Obietto' })).statusCode, 409);
      assert.equal((await office(registry, id, 'take')).statusCode, 200);
      assert.equal((await office(registry, id, 'reject', { text: 'No' })).statusCode, 409, 'still no notice');
      assert.equal((await office(registry, id, 'request-integration', { text: 'Serve X', dueDate: '2026-02-01' })).statusCode, 400, 'a deadline in the past');
      assert.equal((await citizen(mario, id, 'withdraw', { reason: 'Ho cambiato idea.' })).statusCode, 200);
      for (const [path, body] of [
        ['take', {}],
        ['accept', { text: 'Ok' }],
        ['cancel', { reason: 'Doppia' }],
        ['request-integration', { text: 'Serve X', dueDate: '2026-04-01' }],
      ] as const) {
        const r = await office(registry, id, path, body);
        assert.equal(r.statusCode, 409, `${path} on a withdrawn case`);
      }
      assert.equal((await citizen(mario, id, 'withdraw')).statusCode, 409);
      const before = (await registry.request({ method: 'GET', url: `/api/v1/bari/operator/applications/${id}` })).json();
      assert.equal(before.state, 'withdrawn');
      assert.deepEqual(before.actions, ['message', 'note']);
    });

    it('lets one of two officers taking the same case at once win', async () => {
      const id = await fileCase(mario);
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const [a, b] = await Promise.all([office(registry, id, 'take'), office(admin, id, 'take')]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
      const loser = a.statusCode === 409 ? a : b;
      assert.equal(loser.json().code, 'CASE_ALREADY_TAKEN');
      const events = await h.ctx.db.selectFrom('application_events').select('action').where('application_id', '=', id).where('action', '=', 'take').execute();
      assert.equal(events.length, 1);
    });

    it("keeps the office's internal notes from the citizen; messages go both ways", async () => {
      const id = await fileCase(mario);
      assert.equal((await office(registry, id, 'notes', { text: 'Controllare il contratto con la Guardia di Finanza.' })).statusCode, 200);
      assert.equal((await office(registry, id, 'message', { text: 'Buongiorno, stiamo verificando il contratto.' })).statusCode, 200);
      assert.equal((await citizen(mario, id, 'messages', { text: 'Grazie, resto a disposizione.' })).statusCode, 200);
      const forCitizen = await mario.request({ method: 'GET', url: `/api/v1/bari/me/applications/${id}` });
      assert.ok(!forCitizen.body.includes('Guardia di Finanza'), 'no internal note in the citizen’s answer');
      assert.deepEqual(
        forCitizen.json().messages.map((m: { by: string }) => m.by),
        ['office', 'citizen'],
      );
      const inbox = (await mario.request({ method: 'GET', url: '/api/v1/bari/me/messages' })).json();
      assert.ok(!JSON.stringify(inbox).includes('Guardia di Finanza'));
      const activities = await mario.request({ method: 'GET', url: '/api/v1/bari/me/activities' });
      assert.ok(!activities.body.includes('Guardia di Finanza') && !activities.body.includes('case.note-added'), 'nor in the Attività');
      const forOffice = (await registry.request({ method: 'GET', url: `/api/v1/bari/operator/applications/${id}` })).json();
      assert.ok(forOffice.timeline.some((e: { kind: string; text: string }) => e.kind === 'note' && e.text.includes('Guardia di Finanza')));
      assert.equal((await citizen(mario, id, 'notes', { text: 'x' })).statusCode, 404, 'citizens have no notes');

      // The officer holding the case hears of the citizen's messages at their own address, once set.
      await office(registry, id, 'take');
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const holder = (await registry.request({ method: 'GET', url: `/api/v1/bari/operator/applications/${id}` })).json().assignee.id;
      const set = await admin.request({ method: 'PATCH', url: `/api/v1/bari/operator/admin/operators/${holder}`, payload: { email: 'g.desantis@comune.bari.it' } });
      assert.equal(set.statusCode, 200, set.body);
      assert.equal(set.json().email, 'g.desantis@comune.bari.it');
      assert.equal((await citizen(mario, id, 'messages', { text: 'Posso passare in ufficio giovedì?' })).statusCode, 200);
      assert.ok((await mails('g.desantis@comune.bari.it', /messaggio del cittadino/)).length === 1, 'to the officer holding the case');
    });

    it("shows managers and admins their offices' workload, and not the officers", async () => {
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const load = await admin.request({ method: 'GET', url: '/api/v1/bari/operator/applications/workload' });
      assert.equal(load.statusCode, 200, load.body);
      const giuseppe = load.json().officers.find((o: { officer: { name: string } | null }) => o.officer?.name.startsWith('Giuseppe De Santis'));
      assert.ok(giuseppe.open >= 1, 'the cases the registry officer holds');
      const residenceChange = load.json().services.find((x: { service: { slug: string } }) => x.service.slug === 'dichiarazione-di-cambio-di-residenza');
      assert.ok(residenceChange.decided >= 1 && residenceChange.averageDays >= 0);
      assert.equal((await registry.request({ method: 'GET', url: '/api/v1/bari/operator/applications/workload' })).statusCode, 403);
      const planning = await signIn(h.app, 'bari', 'urbanistica.bari');
      assert.deepEqual(
        (await planning.request({ method: 'GET', url: '/api/v1/bari/operator/applications/workload' })).json(),
        { officers: [], services: [] },
        "another office's manager",
      );
    });

    it('takes files with the integration: typed by content, attached once, downloaded by the office', async () => {
      const id = await fileCase(mario);
      await office(registry, id, 'take');
      await office(registry, id, 'request-integration', { text: 'Allega la ricevuta.', dueDate: '2026-03-20' });
      const upload = (who: Citizen, content: Buffer, filename = 'ricevuta.pdf') =>
        who.request({ method: 'POST', url: `/api/v1/bari/me/applications/${id}/files`, ...multipart([{ name: 'file', filename, content }]) });
      const receipt = await renderPdf({ title: 'Ricevuta', author: 'test', createdAt: new Date('2026-02-03') }, (d) => d.text('Ricevuta di registrazione n. 1234'));
      const up = await upload(mario, receipt);
      assert.equal(up.statusCode, 201, up.body);
      assert.equal(up.json().name, 'ricevuta.pdf');
      assert.equal((await upload(mario, Buffer.from('<html><script>alert(1)</script></html>'), 'ricevuta.pdf')).statusCode, 415);
      const anna = await loginAs(h.app, 'bari', ANNA);
      assert.equal((await upload(anna, receipt)).statusCode, 404, "another's case");
      assert.equal((await citizen(anna, id, 'integration', { text: 'x', fileIds: [up.json().id] })).statusCode, 404);
      const sent = await citizen(mario, id, 'integration', { text: 'Ecco la ricevuta.', fileIds: [up.json().id] });
      assert.equal(sent.statusCode, 200, sent.body);
      assert.equal((await citizen(mario, id, 'messages', { text: 'Di nuovo', fileIds: [up.json().id] })).statusCode, 400, 'a file is sent once');
      const entry = (await registry.request({ method: 'GET', url: `/api/v1/bari/operator/applications/${id}` }))
        .json()
        .timeline.find((e: { action: string }) => e.action === 'submit_integration');
      assert.equal(entry.files.length, 1);
      const got = await registry.request({ method: 'GET', url: entry.files[0].url });
      assert.equal(got.statusCode, 200);
      assert.ok(got.rawPayload.equals(receipt), 'the office gets the very bytes');
      const environment = await signIn(h.app, 'bari', 'ambiente.bari');
      assert.equal((await environment.request({ method: 'GET', url: entry.files[0].url })).statusCode, 404);
      const mineEntry = (await mine(id)).timeline.find((e: { action: string }) => e.action === 'submit_integration');
      assert.equal((await mario.request({ method: 'GET', url: mineEntry.files[0].url })).statusCode, 200, 'the citizen too');
    });

    it("asks again for fields of the service's form, checked on the answer by the same form engine", async () => {
      const id = await fileCase(mario);
      await office(registry, id, 'take');
      assert.equal((await office(registry, id, 'request-integration', { text: 'Rifai', dueDate: '2026-03-20', fields: ['abitazione.nonEsiste'] })).statusCode, 400);
      const asked = await office(registry, id, 'request-integration', {
        text: 'Indica di nuovo gli estremi del contratto e allega il contratto firmato da entrambe le parti.',
        dueDate: '2026-03-20',
        fields: ['abitazione.contratto', 'allegati.titoloAbitazione'],
      });
      assert.equal(asked.statusCode, 200, asked.body);
      assert.deepEqual((await mine(id)).integration.fields, ['abitazione.contratto', 'allegati.titoloAbitazione']);
      const missing = await citizen(mario, id, 'integration', { text: 'Ecco' });
      assert.equal(missing.statusCode, 400);
      assert.deepEqual(
        missing
          .json()
          .fields.map((f: { field: string }) => f.field)
          .sort(),
        ['abitazione.contratto', 'allegati.titoloAbitazione'],
      );
      const contract = await renderPdf({ title: 'Contratto firmato', author: 'test', createdAt: new Date('2026-02-03') }, (d) => d.text('Contratto firmato'));
      const up = await mario.request({
        method: 'POST',
        url: `/api/v1/bari/me/applications/${id}/files`,
        ...multipart([{ name: 'file', filename: 'contratto-firmato.pdf', content: contract }]),
      });
      const tiff = await mario.request({
        method: 'POST',
        url: `/api/v1/bari/me/applications/${id}/files`,
        ...multipart([{ name: 'file', filename: 'scansione.tif', content: Buffer.concat([Buffer.from([0x49, 0x49, 0x2a, 0x00]), Buffer.alloc(64)]) }]),
      });
      assert.equal(tiff.statusCode, 201, 'a TIFF is a document the case takes');
      const wrongKind = await citizen(mario, id, 'integration', {
        text: 'Ecco la scansione.',
        data: { abitazione: { contratto: 'Agenzia Entrate Bari, 3/2/2026, n. 1234' }, allegati: { titoloAbitazione: [tiff.json().id] } },
      });
      assert.equal(wrongKind.statusCode, 415, 'but not where the form asks for PDF, JPEG or PNG');
      const sent = await citizen(mario, id, 'integration', {
        text: 'Ecco i dati e il contratto firmato.',
        data: { abitazione: { contratto: 'Agenzia Entrate Bari, 3/2/2026, n. 1234, serie 3T' }, allegati: { titoloAbitazione: [up.json().id] } },
      });
      assert.equal(sent.statusCode, 200, sent.body);
      const entry = (await registry.request({ method: 'GET', url: `/api/v1/bari/operator/applications/${id}` }))
        .json()
        .timeline.find((e: { action: string }) => e.action === 'submit_integration');
      assert.deepEqual(entry.data, { abitazione: { contratto: 'Agenzia Entrate Bari, 3/2/2026, n. 1234, serie 3T' }, allegati: { titoloAbitazione: [up.json().id] } });
      assert.deepEqual(
        entry.files.map((f: { name: string }) => f.name),
        ['contratto-firmato.pdf'],
        'the form’s file arrives as a file of the integration',
      );
    });

    it('filters the inbox by state, assignee, term and words', async () => {
      const id = await fileCase(mario);
      const get = async (q: string) => (await registry.request({ method: 'GET', url: `/api/v1/bari/operator/applications?${q}` })).json();
      assert.ok((await get('assignee=none')).cases.some((c: { id: string }) => c.id === id));
      await office(registry, id, 'take');
      assert.ok((await get('assignee=me&state=in_charge')).cases.some((c: { id: string }) => c.id === id));
      assert.ok((await get(`q=${MARIO}`)).cases.some((c: { id: string }) => c.id === id));
      assert.ok((await get('q=rossi%20mario')).cases.some((c: { id: string }) => c.id === id));
      assert.ok(!(await get('q=Neri')).cases.some((c: { id: string }) => c.id === id));
      const saved = h.clock.now();
      h.clock.advance(60 * DAY);
      const later = await signIn(h.app, 'bari', 'anagrafe.bari'); // yesterday's session has expired
      const past = (await later.request({ method: 'GET', url: '/api/v1/bari/operator/applications?overdue=past' })).json();
      const near = await later.request({ method: 'GET', url: '/api/v1/bari/operator/applications?overdue=near' });
      assert.equal(near.statusCode, 200, near.body);
      assert.ok(past.cases.some((c: { id: string; flag: string }) => c.id === id && c.flag === 'past'));
      h.clock.set(saved);
      const csv = await registry.request({ method: 'GET', url: `/api/v1/bari/operator/applications.csv?q=${MARIO}` });
      assert.equal(csv.statusCode, 200);
      assert.match(csv.headers['content-type'] as string, /^text\/csv/);
      assert.ok(csv.body.startsWith('\uFEFFProtocollo;Presentata il;Servizio;Richiedente;Codice fiscale;Stato'));
      assert.ok(csv.body.includes(`;Mario Rossi;${MARIO};`));
      const exported = await h.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'case.list-exported').executeTakeFirst();
      assert.ok(exported, 'the export is audited');
      assert.equal((await registry.request({ method: 'GET', url: '/api/v1/bari/operator/applications?state=boh' })).statusCode, 400);
      assert.equal((await registry.request({ method: 'GET', url: '/api/v1/bari/operator/applications?q=%00' })).statusCode, 400);
    });
  });
}
