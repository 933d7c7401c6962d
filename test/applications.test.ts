// Online applications through HTTP, as a citizen uses them: start Bari's change of residence, save
// as you go, attach the lease, submit and get a protocol number at once with a receipt and an email;
// every rule of the form enforced by the server with field errors; a submitted application
// unchangeable; another citizen locked out; a form changed after a draft was started.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { FormDefinition } from '../contracts/forms/definition.ts';
import { renderPdf } from '../server/platform/pdf.ts';
import { loginAs } from './support/citizen.ts';
import { outbox } from './support/fixtures.ts';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';
import { multipart } from './support/multipart.ts';
import { signIn } from './support/operator.ts';
import { pdfTextOf } from './support/pdf-text.ts';

const MARIO = 'RSSMRA85T10A562S';
const ANNA = 'SPSNNA90D55A662O';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
type Citizen = Awaited<ReturnType<typeof loginAs>>;

const residence = (overrides: Record<string, unknown> = {}) => ({
  provenienza: { tipo: 'altro-comune', comune: 'Modugno' },
  abitazione: {
    indirizzo: { street: 'Via Sparano da Bari', number: '10', postalCode: '70121', town: 'Bari', province: 'BA' },
    titolo: 'locazione',
    contratto: 'Agenzia Entrate Bari, 3/2/2026, n. 1234',
  },
  famiglia: { familiari: [{ nome: 'Lucia', cognome: 'Rossi', codiceFiscale: 'RSSLCU10A41A662B', relazione: 'figlio' }] },
  veicoli: { patente: 'BA1234567X', veicoli: [{ targa: 'GA123BC', tipo: 'autoveicolo' }] },
  allegati: {},
  dichiarazioni: { consapevole: true },
  ...overrides,
});

for (const engine of ENGINES) {
  describe(`online applications (${engine.name})`, () => {
    let h: Harness;
    let mario: Citizen;
    before(async () => {
      h = await startHarness({ url: engine.url });
      mario = await loginAs(h.app, 'bari', MARIO);
    });
    after(async () => h.close());

    const start = (who: Citizen, service: string, data?: unknown) =>
      who.request({ method: 'POST', url: '/api/v1/bari/me/applications', payload: { service, ...(data ? { data } : {}) } });
    const save = (who: Citizen, id: string, data: unknown) => who.request({ method: 'PUT', url: `/api/v1/bari/me/applications/${id}`, payload: { data } });
    const submit = (who: Citizen, id: string) => who.request({ method: 'POST', url: `/api/v1/bari/me/applications/${id}/submit` });
    const attach = (who: Citizen, id: string, field: string, filename: string, content: Buffer) =>
      who.request({
        method: 'POST',
        url: `/api/v1/bari/me/applications/${id}/attachments`,
        ...multipart([
          { name: 'field', value: field },
          { name: 'file', filename, content },
        ]),
      });

    it('shows the form on the card of an online service', async () => {
      const card = (await h.app.inject('/api/v1/bari/catalogue/dichiarazione-di-cambio-di-residenza')).json();
      assert.equal(card.online, true);
      assert.deepEqual(
        card.form.definition.steps.map((s: { id: string }) => s.id),
        ['provenienza', 'abitazione', 'famiglia', 'veicoli', 'allegati', 'dichiarazioni'],
      );
      assert.equal((await h.app.inject('/api/v1/bari/catalogue/carta-di-identita-elettronica')).json().form, null);
      const listed = (await h.app.inject('/api/v1/bari/catalogue')).json().services;
      assert.ok(listed.find((s: { slug: string }) => s.slug === 'dichiarazione-di-cambio-di-residenza').online);
    });

    it('starts, saves, attaches, submits: a protocol number at once, a receipt and an email', async () => {
      const started = await start(mario, 'dichiarazione-di-cambio-di-residenza', { provenienza: { tipo: 'altro-comune' } });
      assert.equal(started.statusCode, 201, started.body);
      assert.equal(started.json().status, 'draft');
      const id = started.json().id;

      const lease = await renderPdf({ title: 'Contratto', author: 'test', createdAt: new Date('2026-01-01') }, (d) => d.text('Contratto di locazione'));
      const up = await attach(mario, id, 'allegati.titoloAbitazione', 'contratto.pdf', lease);
      assert.equal(up.statusCode, 201, up.body);
      assert.deepEqual([up.json().name, up.json().sha256, up.json().signed], ['contratto.pdf', sha256(lease), false]);

      const saved = await save(mario, id, residence({ allegati: { titoloAbitazione: [up.json().id] } }));
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().applicant.fiscalCode, MARIO, 'the identity, never asked');
      const done = await submit(mario, id);
      assert.equal(done.statusCode, 200, done.body);
      const { protocol, receiptUrl, status } = done.json();
      assert.equal(status, 'submitted');
      assert.deepEqual([protocol.number, protocol.year], [1, 2026]);
      assert.match(protocol.registeredAt, /^2026-03-02T08:00:00\+01:00$/);

      const receipt = await mario.request({ method: 'GET', url: receiptUrl });
      assert.equal(receipt.headers['content-type'], 'application/pdf');
      const text = await pdfTextOf(receipt.rawPayload);
      for (const expected of ['Protocollo n. 0000001/2026', '02/03/2026', 'Mario Rossi', MARIO, 'Dichiarazione di cambio di residenza', sha256(lease)]) {
        assert.ok(text.includes(expected), `the receipt shows ${expected}: ${text.slice(0, 500)}`);
      }

      // In the register: the PDF of what was filed and the lease, each with its SHA-256.
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const entry = (await admin.request({ method: 'GET', url: '/api/v1/bari/operator/protocol?number=1&year=2026' })).json().entries[0];
      assert.equal(entry.applicationId, id);
      assert.equal(entry.direction, 'incoming');
      assert.match(entry.correspondent, /Mario Rossi \(RSSMRA85T10A562S\)/);
      assert.deepEqual(entry.documents.map((d: { sha256: string }) => d.sha256).slice(1), [sha256(lease)]);
      const filed = await admin.request({ method: 'GET', url: entry.documents[0].url });
      const filedText = await pdfTextOf(filed.rawPayload);
      for (const expected of ['Modugno', 'Via Sparano da Bari 10, 70121 Bari (BA)', 'Locatario (affitto)', 'RSSLCU10A41A662B', 'GA123BC', 'contratto.pdf']) {
        assert.ok(filedText.includes(expected), `the filed PDF shows ${expected}`);
      }

      await h.worker.drain();
      const mails = (await outbox(h.app, mario.me.email ?? undefined)).filter((m) => m.subject.includes('Domanda presentata'));
      assert.equal(mails.length, 1, 'one email');
      assert.match(mails[0]!.text, /0000001\/2026/);
      assert.ok((await h.app.inject('/api/v1/bari/catalogue')).json().mostRequested.includes('dichiarazione-di-cambio-di-residenza'), 'submitted applications count as requests');
      const listed = (await mario.request({ method: 'GET', url: '/api/v1/bari/me/applications' })).json().applications;
      assert.deepEqual([listed[0].status, listed[0].protocol.label], ['submitted', '0000001/2026']);

      // Filed: never changed again, by the API or in the database.
      assert.equal((await save(mario, id, residence())).statusCode, 409);
      assert.equal((await submit(mario, id)).statusCode, 409);
      assert.equal((await attach(mario, id, 'allegati.altri', 'x.pdf', lease)).statusCode, 409);
      assert.equal((await mario.request({ method: 'DELETE', url: `/api/v1/bari/me/applications/${id}` })).statusCode, 409);
      await assert.rejects(sql`update applications set data = '{}' where id = ${id}`.execute(h.ctx.db), /not edited/);
      await assert.rejects(sql`delete from application_attachments where application_id = ${id}`.execute(h.ctx.db), /never change/);
      await assert.rejects(sql`update applications set status = 'draft' where id = ${id}`.execute(h.ctx.db), /not edited/, 'never back to a draft');
      await assert.rejects(sql`delete from applications where id = ${id}`.execute(h.ctx.db), /never deleted/);
    });

    it('refuses a submission that breaks a rule of the form, naming each field', async () => {
      const id = (await start(mario, 'dichiarazione-di-cambio-di-residenza')).json().id;
      await save(mario, id, {
        provenienza: { tipo: 'estero' },
        abitazione: { indirizzo: { street: 'Via Sparano', number: '1', postalCode: '701', town: 'Bari', province: 'BA' }, titolo: 'altro' },
        famiglia: { familiari: [{ nome: 'Lucia', cognome: 'Rossi', codiceFiscale: 'RSSLCU10A41A662X', relazione: 'figlio' }] },
        dichiarazioni: { consapevole: false },
      });
      const res = await submit(mario, id);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().code, 'VALIDATION');
      assert.deepEqual(Object.fromEntries(res.json().fields.map((f: { field: string; message: string }) => [f.field, f.message])), {
        'provenienza.stato': 'campo obbligatorio',
        'abitazione.indirizzo.postalCode': 'CAP non valido (5 cifre)',
        'abitazione.altroTitolo': 'campo obbligatorio',
        'famiglia.familiari.0.codiceFiscale': 'codice fiscale non valido',
        'dichiarazioni.consapevole': 'conferma richiesta',
      });
      const draft = (await mario.request({ method: 'GET', url: `/api/v1/bari/me/applications/${id}` })).json();
      assert.equal(draft.status, 'draft', 'still a draft');
      // A draft is saved as it is typed, but never with control characters or an option not offered.
      const badOption = await save(mario, id, { provenienza: { tipo: 'marte' } });
      assert.deepEqual([badOption.statusCode, badOption.json().fields.map((f: { field: string }) => f.field)], [400, ['provenienza.tipo']]);
      const badText = await save(mario, id, { provenienza: { tipo: 'estero', stato: 'a\u0000b' } });
      assert.deepEqual([badText.statusCode, badText.json().fields.map((f: { field: string }) => f.field)], [400, ['provenienza.stato']]);
      const hidden = await save(mario, id, { provenienza: { tipo: 'altro-comune', stato: 'Francia', comune: 'Modugno' } });
      assert.equal(hidden.json().data.provenienza.stato, undefined, 'an answer hidden by its condition is not kept');
    });

    it('refuses attachments over the limit, of a type the field does not take, or for a field that is not a file', async () => {
      const id = (await start(mario, 'dichiarazione-di-cambio-di-residenza')).json().id;
      const pdf = await renderPdf({ title: 'x', author: 'x', createdAt: new Date() }, (d) => d.text('x'));
      const page = Buffer.from('<html><body>ciao</body></html>');
      assert.equal((await attach(mario, id, 'allegati.titoloAbitazione', 'x.pdf', page)).statusCode, 415, 'a web page');
      assert.equal(
        (await attach(mario, id, 'allegati.titoloAbitazione', 'x.p7m', Buffer.from([0x30, 0x80, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]))).statusCode,
        415,
        '.p7m where only PDF and images go',
      );
      assert.equal(
        (await attach(mario, id, 'allegati.titoloAbitazione', 'big.pdf', Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]))).statusCode,
        413,
        'over the 10 MB of the field',
      );
      assert.equal((await attach(mario, id, 'abitazione.interno', 'x.pdf', pdf)).statusCode, 400, 'not a file field');
      const stored = await h.ctx.db.selectFrom('application_attachments').select('id').where('application_id', '=', id).execute();
      assert.equal(stored.length, 0);
      const signed = await attach(mario, id, 'allegati.altri', 'perizia.p7m', Buffer.from([0x30, 0x80, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02, 0x00]));
      assert.equal(signed.statusCode, 201, signed.body);
      assert.equal(signed.json().signed, true, 'a CAdES envelope is signed');
      const wrongField = await save(mario, id, { allegati: { titoloAbitazione: [signed.json().id] } });
      assert.equal(wrongField.statusCode, 200);
      const refused = await submit(mario, id);
      assert.ok(refused.json().fields.some((f: { field: string; message: string }) => f.field === 'allegati.titoloAbitazione.0' && /allegato non trovato/.test(f.message)));
    });

    it("keeps one citizen out of another's applications", async () => {
      const id = (await start(mario, 'accesso-agli-atti')).json().id;
      const anna = await loginAs(h.app, 'bari', ANNA);
      assert.equal((await anna.request({ method: 'GET', url: `/api/v1/bari/me/applications/${id}` })).statusCode, 404);
      assert.equal((await save(anna, id, {})).statusCode, 404);
      assert.equal((await submit(anna, id)).statusCode, 404);
      assert.equal((await anna.request({ method: 'DELETE', url: `/api/v1/bari/me/applications/${id}` })).statusCode, 404);
      const pdf = await renderPdf({ title: 'x', author: 'x', createdAt: new Date() }, (d) => d.text('x'));
      const marios = await attach(mario, id, 'richiesta.documenti', 'x.pdf', pdf);
      const own = marios.statusCode === 201 ? marios.json().id : null;
      assert.equal((await attach(anna, id, 'richiesta.documenti', 'x.pdf', pdf)).statusCode, 404, "uploading to another's application");
      for (const path of [`/attachments/${own ?? '0b6f3a56-5c1e-4a8e-9d51-2f7c1a1e9b10'}`, '/receipt']) {
        assert.equal((await anna.request({ method: 'GET', url: `/api/v1/bari/me/applications/${id}${path}` })).statusCode, 404, `reading ${path}`);
      }
      if (own) assert.equal((await anna.request({ method: 'DELETE', url: `/api/v1/bari/me/applications/${id}/attachments/${own}` })).statusCode, 404);
      assert.equal((await mario.request({ method: 'GET', url: `/api/v1/bari/me/applications/urn:uuid:${id}` })).statusCode, 400, 'a urn: id is refused, not a 500');
      assert.ok(!(await anna.request({ method: 'GET', url: '/api/v1/bari/me/applications' })).json().applications.some((a: { id: string }) => a.id === id));
      assert.equal((await h.app.inject({ method: 'GET', url: `/api/v1/bari/me/applications/${id}` })).statusCode, 401, 'no session');
      assert.equal((await mario.request({ method: 'PUT', url: `/api/v1/bari/me/applications/${id}`, payload: { data: {} }, csrf: false })).statusCode, 403, 'no CSRF header');
    });

    it('asks for the level the service requires, and refuses services that are not online', async () => {
      const card = await h.ctx.db
        .selectFrom('service_cards')
        .select('id')
        .where('slug', '=', 'iscrizione-albo-scrutatori')
        .where('tenant_id', '=', await tenantId(h, 'bari'))
        .executeTakeFirstOrThrow();
      const v1 = (await h.ctx.db.selectFrom('service_forms').select('definition').where('card_id', '=', card.id).executeTakeFirstOrThrow()).definition as FormDefinition;
      await h.ctx.db
        .insertInto('service_forms')
        .values({ tenant_id: await tenantId(h, 'bari'), card_id: card.id, version: 2, definition: JSON.stringify({ ...v1, level: 3 }) })
        .execute();
      const refused = await start(mario, 'iscrizione-albo-scrutatori');
      assert.deepEqual([refused.statusCode, refused.json().code], [403, 'LOGIN_LEVEL_TOO_LOW']);
      const cieAtTwo = await loginAs(h.app, 'bari', 'FRRMRC78P02A893Y', { provider: 'cie', level: 2 });
      assert.equal((await start(cieAtTwo, 'iscrizione-albo-scrutatori')).statusCode, 403, 'a CIE login counts at the level it asserted');
      const cieAtThree = await loginAs(h.app, 'bari', 'FRRMRC78P02A893Y', { provider: 'cie', level: 3 });
      assert.equal((await start(cieAtThree, 'iscrizione-albo-scrutatori')).statusCode, 201);
      // The way to level 3: the login asks the gateway for it.
      const stepUp = await h.app.inject(`/api/v1/bari/auth/login?provider=spid&level=3&returnTo=${encodeURIComponent('/bari/servizi/iscrizione-albo-scrutatori/domanda')}`);
      assert.equal(new URL(stepUp.headers.location as string).searchParams.get('acr_values'), 'https://www.spid.gov.it/SpidL3');
      const spidAtThree = await loginAs(h.app, 'bari', 'FNLLCU65A60A662Q', { level: 3 });
      assert.equal((await start(spidAtThree, 'iscrizione-albo-scrutatori')).statusCode, 201);
      assert.equal((await start(mario, 'carta-di-identita-elettronica')).json().code, 'SERVICE_NOT_ONLINE');
      assert.equal((await start(mario, 'non-esiste')).statusCode, 404);
    });

    it('keeps a draft on the form version it was started with when the form changes', async () => {
      const id = (await start(mario, 'accesso-agli-atti', { richiesta: { tipo: 'civico', documenti: 'Delibera di giunta n. 12/2026' } })).json().id;
      const card = await h.ctx.db
        .selectFrom('service_cards')
        .select('id')
        .where('slug', '=', 'accesso-agli-atti')
        .where('tenant_id', '=', await tenantId(h, 'bari'))
        .executeTakeFirstOrThrow();
      const v1 = (await h.ctx.db.selectFrom('service_forms').select('definition').where('card_id', '=', card.id).executeTakeFirstOrThrow()).definition as FormDefinition;
      const v2: FormDefinition = {
        ...v1,
        steps: [{ ...v1.steps[0]!, fields: [...v1.steps[0]!.fields, { id: 'urgente', label: 'Urgente', type: 'boolean', required: true }] }, ...v1.steps.slice(1)],
      };
      await h.ctx.db
        .insertInto('service_forms')
        .values({ tenant_id: await tenantId(h, 'bari'), card_id: card.id, version: 2, definition: JSON.stringify(v2) })
        .execute();
      assert.equal((await h.app.inject('/api/v1/bari/catalogue/accesso-agli-atti')).json().form.version, 2, 'new applications get version 2');
      const draft = (await mario.request({ method: 'GET', url: `/api/v1/bari/me/applications/${id}` })).json();
      assert.equal(draft.form.version, 1, 'the draft keeps version 1');
      await save(mario, id, { richiesta: { tipo: 'civico', documenti: 'Delibera di giunta n. 12/2026', modalita: 'digitale' }, dichiarazioni: { consapevole: true } });
      const done = await submit(mario, id);
      assert.equal(done.statusCode, 200, `filed by version 1 without the new field: ${done.body}`);
      await assert.rejects(sql`update service_forms set definition = '{}' where card_id = ${card.id}`.execute(h.ctx.db), /never changed/);
    });

    it('lets the citizen delete a draft, and removes forgotten ones after RETENTION_DRAFT_DAYS', async () => {
      const id = (await start(mario, 'accesso-agli-atti')).json().id;
      assert.equal((await mario.request({ method: 'DELETE', url: `/api/v1/bari/me/applications/${id}` })).statusCode, 204);
      assert.equal((await mario.request({ method: 'GET', url: `/api/v1/bari/me/applications/${id}` })).statusCode, 404);
      const forgotten = (await start(mario, 'accesso-agli-atti')).json().id;
      const { applicationsModule } = await import('../server/modules/applications/index.ts');
      const purge = applicationsModule.schedules![0]!;
      assert.equal(await purge.run(h.ctx), 0, 'not yet');
      h.clock.advance(91 * 86_400_000);
      assert.ok((await purge.run(h.ctx))! >= 1);
      const left = await h.ctx.db.selectFrom('applications').select('id').where('id', '=', forgotten).execute();
      assert.equal(left.length, 0);
      const filed = await h.ctx.db.selectFrom('applications').select('id').where('status', '=', 'submitted').execute();
      assert.ok(filed.length >= 1, 'submitted applications stay');
    });

    it('asks for a service’s fee with pagoPA before filing: an abandoned payment leaves the draft, the receipt files it', async () => {
      const luca = await loginAs(h.app, 'bitonto', 'FNLLCU65A60A662Q');
      const card = (await h.app.inject('/api/v1/bitonto/catalogue/scia-avvio-attivita')).json();
      assert.deepEqual(card.form.definition.fee, { amountCents: 5000, description: 'Diritti SUAP per la SCIA', kind: 'diritti-suap' });
      const id = (await luca.request({ method: 'POST', url: '/api/v1/bitonto/me/applications', payload: { service: 'scia-avvio-attivita' } })).json().id;
      const app = `/api/v1/bitonto/me/applications/${id}`;
      // Not ready: the fee is not asked for an application that could not be filed.
      assert.equal((await luca.request({ method: 'POST', url: `${app}/fee` })).statusCode, 400);
      const data = { richiesta: { partitaIva: '01234567890', descrizione: 'Bar con somministrazione in Piazza Cavour, avvio il 1 aprile.' }, dichiarazioni: { consapevole: true } };
      assert.equal((await luca.request({ method: 'PUT', url: app, payload: { data } })).statusCode, 200);
      const unpaid = await luca.request({ method: 'POST', url: `${app}/submit` });
      assert.equal(unpaid.statusCode, 409);
      assert.equal(unpaid.json().code, 'APPLICATION_FEE_UNPAID');

      const [one, two] = await Promise.all([luca.request({ method: 'POST', url: `${app}/fee` }), luca.request({ method: 'POST', url: `${app}/fee` })]);
      assert.equal(one.statusCode, 201, one.body);
      assert.equal(one.json().paymentId, two.json().paymentId, 'two tabs, one position');
      const paymentId = one.json().paymentId;
      assert.deepEqual((await luca.request({ method: 'GET', url: app })).json().payment, { id: paymentId, status: 'payable', amountCents: 5000, canPay: true });

      const pay = async (outcome: string, back: string) => {
        const c = (await luca.request({ method: 'POST', url: '/api/v1/bitonto/me/payments/checkout', payload: { paymentIds: [paymentId] } })).json();
        const cart = /pagopa-simulatore\/(.+)$/.exec(c.checkoutUrl)![1];
        await h.app.inject({ method: 'POST', url: `/api/v1/pagopa-simulator/carts/${cart}/pay`, payload: { outcome } });
        return (await luca.request({ method: 'POST', url: `/api/v1/bitonto/me/payments/checkouts/${c.checkoutId}/return`, payload: { outcome: back } })).json();
      };
      assert.equal((await pay('cancelled', 'cancelled')).state, 'cancelled');
      await h.worker.drain();
      assert.equal((await luca.request({ method: 'GET', url: app })).json().status, 'draft', 'abandoned: still a draft, resumable');

      const paid = await pay('paid', 'ok');
      assert.equal(paid.state, 'paid');
      assert.equal(paid.payments[0].applicationId, id);
      await h.worker.drain();
      const filed = (await luca.request({ method: 'GET', url: app })).json();
      assert.equal(filed.status, 'submitted', 'the receipt filed it');
      assert.equal(filed.payment.status, 'paid');
      const entry = await h.ctx.db.selectFrom('protocol_entries').select('documents').where('application_id', '=', id).executeTakeFirstOrThrow();
      const chunks: Buffer[] = [];
      for await (const chunk of await h.ctx.storage.get(entry.documents[0]!.storageKey)) chunks.push(chunk as Buffer);
      assert.match(await pdfTextOf(Buffer.concat(chunks)), /Diritti SUAP per la SCIA: 50,00 euro, pagati con pagoPA/);
    });

    it('cancels an unpaid fee with its deleted draft, and refuses to delete a draft whose fee is paid', async () => {
      const luca = await loginAs(h.app, 'bitonto', 'FNLLCU65A60A662Q');
      const data = { richiesta: { partitaIva: '01234567890', descrizione: 'Seconda attività, negozio di fiori in Via Roma.' }, dichiarazioni: { consapevole: true } };
      const draft = async () => {
        const id = (await luca.request({ method: 'POST', url: '/api/v1/bitonto/me/applications', payload: { service: 'scia-avvio-attivita' } })).json().id as string;
        assert.equal((await luca.request({ method: 'PUT', url: `/api/v1/bitonto/me/applications/${id}`, payload: { data } })).statusCode, 200);
        const fee = await luca.request({ method: 'POST', url: `/api/v1/bitonto/me/applications/${id}/fee` });
        assert.equal(fee.statusCode, 201, fee.body);
        return { id, paymentId: fee.json().paymentId as string };
      };
      const unpaid = await draft();
      assert.equal((await luca.request({ method: 'DELETE', url: `/api/v1/bitonto/me/applications/${unpaid.id}` })).statusCode, 204);
      const mine = (await luca.request({ method: 'GET', url: '/api/v1/bitonto/me/payments' })).json().payments;
      assert.equal(mine.find((p: { id: string }) => p.id === unpaid.paymentId).status, 'cancelled', 'no notice left to pay for a deleted draft');

      const paid = await draft();
      // Changed after going to pay, so that it no longer passes: the receipt cannot file it.
      const halfway = { ...data, richiesta: { ...data.richiesta, descrizione: '' } };
      assert.equal((await luca.request({ method: 'PUT', url: `/api/v1/bitonto/me/applications/${paid.id}`, payload: { data: halfway } })).statusCode, 200);
      const suap = await signIn(h.app, 'bitonto', 'suap.bitonto');
      const marked = await suap.request({ method: 'POST', url: `/api/v1/bitonto/operator/payments/${paid.paymentId}/mark-paid`, payload: { reference: 'Bonifico 77' } });
      assert.equal(marked.statusCode, 200);
      const refused = await luca.request({ method: 'DELETE', url: `/api/v1/bitonto/me/applications/${paid.id}` });
      assert.equal(refused.statusCode, 409);
      assert.equal(refused.json().code, 'APPLICATION_FEE_PAID');
      await h.worker.drain();
      assert.equal((await luca.request({ method: 'GET', url: `/api/v1/bitonto/me/applications/${paid.id}` })).json().status, 'draft', 'not filed as it stands');
      const told = (await luca.request({ method: 'GET', url: '/api/v1/bitonto/me/messages' })).json();
      assert.ok(JSON.stringify(told).includes('Pagamento ricevuto: invia la domanda'), 'Luca is told to send it');
      assert.equal((await luca.request({ method: 'PUT', url: `/api/v1/bitonto/me/applications/${paid.id}`, payload: { data } })).statusCode, 200);
      const sent = await luca.request({ method: 'POST', url: `/api/v1/bitonto/me/applications/${paid.id}/submit` });
      assert.equal(sent.statusCode, 200, 'paid at the desk, then sent by Luca');
    });

    it('asks for the fee after filing when the form says so: a notice in Pagamenti, tied to the case', async () => {
      const admin = await signIn(h.app, 'bitonto', 'admin.bitonto');
      const card = (await admin.request({ method: 'GET', url: '/api/v1/bitonto/operator/admin/service-cards' }))
        .json()
        .cards.find((c: { slug: string }) => c.slug === 'scia-avvio-attivita');
      const formUrl = `/api/v1/bitonto/operator/admin/service-cards/${card.id}/form`;
      const definition = (await admin.request({ method: 'GET', url: formUrl })).json().form.definition;
      const unknownKind = await admin.request({ method: 'PUT', url: formUrl, payload: { definition: { ...definition, fee: { ...definition.fee, kind: 'tassa-inesistente' } } } });
      assert.equal(unknownKind.statusCode, 400);
      assert.match(unknownKind.json().message, /tipo di entrata "tassa-inesistente"/);
      const saved = await admin.request({ method: 'PUT', url: formUrl, payload: { definition: { ...definition, fee: { ...definition.fee, when: 'after' } } } });
      assert.equal(saved.statusCode, 200, saved.body);
      const marco = await loginAs(h.app, 'bitonto', 'FRRMRC78P02A893Y');
      const id = (await marco.request({ method: 'POST', url: '/api/v1/bitonto/me/applications', payload: { service: 'scia-avvio-attivita' } })).json().id;
      const data = { richiesta: { partitaIva: '09876543210', descrizione: 'Laboratorio artigiano di ceramiche in Via Planelli.' }, dichiarazioni: { consapevole: true } };
      assert.equal((await marco.request({ method: 'PUT', url: `/api/v1/bitonto/me/applications/${id}`, payload: { data } })).statusCode, 200);
      const filed = await marco.request({ method: 'POST', url: `/api/v1/bitonto/me/applications/${id}/submit` });
      assert.equal(filed.statusCode, 200, filed.body);
      await h.worker.drain();
      const fee = (await marco.request({ method: 'GET', url: '/api/v1/bitonto/me/payments' }))
        .json()
        .payments.find((p: { applicationId: string | null }) => p.applicationId === id);
      assert.ok(fee, 'the fee is asked once filed');
      assert.deepEqual([fee.status, fee.amountCents, fee.origin, fee.kind], ['payable', 5000, 'application', 'diritti-suap']);
      assert.equal((await marco.request({ method: 'GET', url: `/api/v1/bitonto/me/applications/${id}` })).json().payment.id, fee.id);
      await h.worker.drain();
      assert.equal(
        (await marco.request({ method: 'GET', url: '/api/v1/bitonto/me/payments' })).json().payments.filter((p: { applicationId: string | null }) => p.applicationId === id).length,
        1,
        'once',
      );
      // The next applicants see the form as it was before this test.
      await admin.request({ method: 'PUT', url: formUrl, payload: { definition } });
    });
  });
}

async function tenantId(h: Harness, slug: string): Promise<string> {
  return (await h.ctx.db.selectFrom('tenants').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
}
