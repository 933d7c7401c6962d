// The protocol register, as officers use it and as the law wants it: numbers per comune and year
// with no gap and no repeat under concurrency, a new numbering at midnight of 31 December in Rome,
// entries the database will not change, annulment with its reason, documents with their SHA-256,
// and the daily register (PDF and JSON) produced by the scheduler.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { protocolModule, protocolSystem } from '../server/modules/protocol/index.ts';
import { renderPdf } from '../server/platform/pdf.ts';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';
import { multipart } from './support/multipart.ts';
import { signIn } from './support/operator.ts';
import { pdfTextOf } from './support/pdf-text.ts';

type Officer = Awaited<ReturnType<typeof signIn>>;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const letter = { direction: 'incoming', correspondent: 'Mario Rossi', subject: 'Richiesta di accesso agli atti: pratica edilizia 12/2025' };

function register(officer: Officer, tenant: string, body: Record<string, unknown>) {
  return officer.request({ method: 'POST', url: `/api/v1/${tenant}/operator/protocol`, payload: body });
}

function search(officer: Officer, tenant: string, query = '') {
  return officer.request({ method: 'GET', url: `/api/v1/${tenant}/operator/protocol${query}` });
}

async function scan(text: string): Promise<Buffer> {
  return renderPdf({ title: text, author: 'test', createdAt: new Date('2026-03-02T08:00:00Z') }, (doc) => doc.text(text));
}

/** Files under the harness's storage folder that belong to the register (staged or kept). */
function storedProtocolFiles(h: Harness): string[] {
  const dir = h.ctx.config.filesDir;
  return fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((p) => p.includes('protocol') && fs.statSync(`${dir}/${p}`).isFile()) : [];
}

for (const engine of ENGINES) {
  describe(`protocol register (${engine.name})`, () => {
    let h: Harness;
    let admin: Officer;
    let clerk: Officer;
    before(async () => {
      h = await startHarness({ url: engine.url, env: { UPLOAD_MAX_MB: '1', LOG_LEVEL: 'error' } });
      admin = await signIn(h.app, 'bari', 'admin.bari');
      clerk = await signIn(h.app, 'bari', 'urp.bari');
    });
    after(async () => h.close());

    it('numbers registrations 1, 2, … per comune, shows seven digits and the year, and finds them again', async () => {
      const first = await register(clerk, 'bari', letter);
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().label, '0000001/2026');
      assert.match(first.json().registeredAt, /^2026-03-02T08:00:00\+01:00$/);
      const second = await register(clerk, 'bari', {
        direction: 'outgoing',
        correspondent: 'Ditta Edil Sud srl',
        subject: 'Risposta alla nota del 10 febbraio',
        classification: 'VI.3',
      });
      assert.equal(second.json().label, '0000002/2026');

      const bitontoAdmin = await signIn(h.app, 'bitonto', 'admin.bitonto');
      const elsewhere = await register(bitontoAdmin, 'bitonto', letter);
      assert.equal(elsewhere.json().label, '0000001/2026', "Bitonto's register has its own numbers");

      const found = await search(clerk, 'bari', '?q=accesso%20ATTI');
      assert.deepEqual(
        found.json().entries.map((e: { label: string }) => e.label),
        ['0000001/2026'],
      );
      const entry = found.json().entries[0];
      assert.equal(entry.registeredBy.name, 'Maria Lorusso (URP)');
      assert.equal(entry.annulment, null);
      assert.deepEqual(
        (await search(clerk, 'bari', '?number=2&year=2026')).json().entries.map((e: { correspondent: string }) => e.correspondent),
        ['Ditta Edil Sud srl'],
      );
      assert.equal((await search(clerk, 'bari', '?direction=outgoing')).json().entries.length, 1);
      assert.equal((await search(clerk, 'bari', '?from=2026-03-03')).json().entries.length, 0);

      // One comune's officer never sees another's register.
      const foreign = await bitontoAdmin.request({ method: 'GET', url: `/api/v1/bitonto/operator/protocol/${entry.id}` });
      assert.equal(foreign.statusCode, 404);
      assert.equal((await search(bitontoAdmin, 'bitonto')).json().entries.length, 1);

      const audited = await h.ctx.db
        .selectFrom('audit_log')
        .select(['actor_id', 'details'])
        .where('action', '=', 'protocol.registered')
        .where('entity_id', '=', entry.id)
        .execute();
      assert.equal(audited.length, 1);
      assert.equal((audited[0]!.details as { label: string }).label, '0000001/2026');
    });

    it('pages through the register newest first', async () => {
      for (let i = 0; i < 5; i++) assert.equal((await register(clerk, 'bari', { ...letter, subject: `Pagina ${i}` })).statusCode, 201);
      const labels: string[] = [];
      let cursor = '';
      for (let guard = 0; guard < 10; guard++) {
        const page = (await search(clerk, 'bari', `?limit=3${cursor}`)).json();
        labels.push(...page.entries.map((e: { label: string }) => e.label));
        if (!page.nextBefore) break;
        cursor = `&before=${encodeURIComponent(page.nextBefore)}`;
      }
      const numbers = labels.map((l) => Number(l.slice(0, 7)));
      assert.deepEqual(
        numbers,
        [...numbers].sort((a, b) => b - a),
        'newest first',
      );
      assert.equal(new Set(numbers).size, numbers.length, 'no entry twice');
      assert.equal(numbers.at(-1), 1);
    });

    it('registers a scanned letter with its attachments, keeps their SHA-256, and gives them back', async () => {
      const main = await scan('Lettera protocollata');
      const annex = await scan('Planimetria allegata');
      const res = await clerk.request({
        method: 'POST',
        url: '/api/v1/bari/operator/protocol',
        ...multipart([
          { name: 'direction', value: 'incoming' },
          { name: 'correspondent', value: 'Giulia Bianchi' },
          { name: 'subject', value: 'Esposto per rumori molesti' },
          { name: 'document', filename: 'lettera.pdf', content: main, type: 'application/pdf' },
          { name: 'attachments', filename: '../../planimetria.exe', content: annex },
        ]),
      });
      assert.equal(res.statusCode, 201, res.body);
      const entry = (await clerk.request({ method: 'GET', url: `/api/v1/bari/operator/protocol/${res.json().id}` })).json();
      assert.deepEqual(
        entry.documents.map((d: { name: string; sha256: string; mediaType: string }) => [d.name, d.sha256, d.mediaType]),
        [
          ['lettera.pdf', sha256(main), 'application/pdf'],
          ['planimetria_exe.pdf', sha256(annex), 'application/pdf'],
        ],
      );
      const download = await clerk.request({ method: 'GET', url: entry.documents[1].url });
      assert.equal(download.statusCode, 200);
      assert.equal(sha256(download.rawPayload), sha256(annex));
      assert.match(String(download.headers['content-disposition']), /planimetria_exe\.pdf/);
      assert.equal((await clerk.request({ method: 'GET', url: `${entry.documents[1].url.slice(0, -1)}7` })).statusCode, 404);
    });

    it('refuses bad registrations with a 4xx, registers nothing and keeps no file', async () => {
      const count = async () => Number((await sql<{ n: number }>`select count(*)::int as n from protocol_entries`.execute(h.ctx.db)).rows[0]!.n);
      const before = await count();
      const filesBefore = storedProtocolFiles(h).length;
      const cases: Array<[string, Awaited<ReturnType<typeof register>>, number]> = [
        ['a NUL in the subject', await register(clerk, 'bari', { ...letter, subject: 'a\u0000b' }), 400],
        ['an invisible correspondent', await register(clerk, 'bari', { ...letter, correspondent: '\u200b\u200b' }), 400],
        ['no subject', await register(clerk, 'bari', { direction: 'incoming', correspondent: 'x' }), 400],
        ['a wrong direction', await register(clerk, 'bari', { ...letter, direction: 'sideways' }), 400],
        ['a number for a field', await register(clerk, 'bari', { ...letter, subject: 42 }), 400],
        ['a subject too long', await register(clerk, 'bari', { ...letter, subject: 'x'.repeat(1001) }), 400],
        ['no CSRF header', await clerk.request({ method: 'POST', url: '/api/v1/bari/operator/protocol', payload: letter, csrf: false }), 403],
        ['no session', await h.app.inject({ method: 'POST', url: '/api/v1/bari/operator/protocol', payload: letter }), 401],
      ];
      const upload = (parts: Parameters<typeof multipart>[0]) => clerk.request({ method: 'POST', url: '/api/v1/bari/operator/protocol', ...multipart(parts) });
      const fields = Object.entries(letter).map(([name, value]) => ({ name, value }));
      const pdf = await scan('ok');
      cases.push(
        ['a web page as the document', await upload([...fields, { name: 'document', filename: 'a.pdf', content: Buffer.from('<html><script>alert(1)</script>') }]), 415],
        ['a document over the limit', await upload([...fields, { name: 'document', filename: 'big.pdf', content: Buffer.concat([pdf, Buffer.alloc(1024 * 1024)]) }]), 413],
        ['attachments without a main document', await upload([...fields, { name: 'attachments', filename: 'a.pdf', content: pdf }]), 400],
        [
          'a good file with a bad field',
          await upload([
            { name: 'direction', value: 'incoming' },
            { name: 'correspondent', value: 'x' },
            { name: 'document', filename: 'a.pdf', content: pdf },
          ]),
          400,
        ],
        ['two main documents', await upload([...fields, { name: 'document', filename: 'a.pdf', content: pdf }, { name: 'document', filename: 'b.pdf', content: pdf }]), 400],
        [
          'eleven files',
          await upload([
            ...fields,
            { name: 'document', filename: 'a.pdf', content: pdf },
            ...Array.from({ length: 10 }, () => ({ name: 'attachments', filename: 'b.pdf', content: pdf })),
          ]),
          400,
        ],
        ['a field not in the form', await upload([...fields, { name: 'number', value: '1' }]), 400],
      );
      for (const [what, res, status] of cases) {
        assert.equal(res.statusCode, status, `${what}: ${res.body}`);
        assert.ok(typeof res.json().code === 'string' && res.json().message, `${what}: the app's error shape`);
      }
      assert.equal(await count(), before, 'nothing registered');
      // The staged copies are removed once each answer has gone.
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(storedProtocolFiles(h).length, filesBefore, 'no file left behind');
    });

    it('lets an admin annul an entry once, with the reason; the entry stays visible as annulled', async () => {
      const { id, label } = (await register(clerk, 'bari', { ...letter, subject: 'Registrata per errore' })).json();
      const annul = (who: Officer, reason: string) => who.request({ method: 'POST', url: `/api/v1/bari/operator/protocol/${id}/annul`, payload: { reason } });
      assert.equal((await annul(clerk, 'doppia registrazione')).statusCode, 403, 'an officer who is not an admin');
      assert.equal((await annul(admin, 'x')).statusCode, 400, 'a reason of one letter');
      const done = await annul(admin, 'Documento registrato due volte');
      assert.equal(done.statusCode, 200, done.body);
      assert.deepEqual([done.json().annulment.reason, done.json().annulment.by, done.json().label], ['Documento registrato due volte', 'Amministratore Bari', label]);
      const again = await annul(admin, 'ancora');
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().code, 'PROTOCOL_ALREADY_ANNULLED');
      const listed = (await search(clerk, 'bari', '?q=errore')).json().entries[0];
      assert.equal(listed.subject, 'Registrata per errore', 'the entry as registered');
      assert.equal(listed.annulment.reason, 'Documento registrato due volte');
      const audited = await h.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'protocol.annulled').where('entity_id', '=', id).execute();
      assert.equal(audited.length, 1);
    });

    it('is refused any UPDATE, DELETE or TRUNCATE by the database', async () => {
      const refused = async (q: ReturnType<typeof sql>) => {
        await assert.rejects(q.execute(h.ctx.db), /never changed or deleted/);
      };
      await refused(sql`update protocol_entries set subject = 'altro'`);
      await refused(sql`delete from protocol_entries`);
      await refused(sql`truncate protocol_entries cascade`);
      await refused(sql`update protocol_annulments set reason = 'altro'`);
      await refused(sql`delete from protocol_annulments`);
      await refused(sql`update protocol_daily_registers set entries = 0`);
      await refused(sql`delete from protocol_daily_registers`);
      const n = (await sql<{ n: number }>`select count(*)::int as n from protocol_entries where subject = 'altro'`.execute(h.ctx.db)).rows[0]!.n;
      assert.equal(n, 0);
    });

    it('starts again from 1 at midnight of 31 December in Rome', async () => {
      h.clock.set('2026-12-31T22:59:59Z'); // 23:59:59 in Rome
      clerk = await signIn(h.app, 'bari', 'urp.bari');
      const last = (await register(clerk, 'bari', letter)).json();
      assert.equal(last.year, 2026);
      assert.ok(last.number > 1);
      h.clock.set('2026-12-31T23:00:00Z'); // midnight in Rome, still 31 December in UTC
      const first = (await register(clerk, 'bari', letter)).json();
      assert.deepEqual([first.label, first.registeredAt], ['0000001/2027', '2027-01-01T00:00:00+01:00']);
      assert.equal((await register(clerk, 'bari', letter)).json().label, '0000002/2027');
    });

    it('gives the old year its number back when a registration waited across midnight', async () => {
      // The first read of the clock (before the counter) is still 31 December, the second (once the
      // counter is held) already 1 January in Rome: the entry is the new year's, and the old year
      // keeps no hole.
      h.clock.set('2027-12-31T22:59:59.990Z');
      clerk = await signIn(h.app, 'bari', 'urp.bari');
      const before = (await register(clerk, 'bari', letter)).json();
      assert.equal(before.year, 2027);
      const tenant = await h.ctx.db.selectFrom('tenants').select(['id', 'time_zone']).where('slug', '=', 'bari').executeTakeFirstOrThrow();
      const realNow = h.ctx.clock.now.bind(h.ctx.clock);
      const reads = ['2027-12-31T22:59:59.999Z', '2027-12-31T23:00:00.001Z'];
      h.ctx.clock.now = () => (reads.length ? new Date(reads.shift()!) : realNow());
      const across = await h.ctx.bus
        .transaction(h.ctx.db, (trx) =>
          protocolSystem(h.ctx).register(trx, {
            tenantId: tenant.id,
            timeZone: tenant.time_zone,
            direction: 'internal',
            correspondent: 'Ufficio',
            subject: 'Nota',
            documents: [],
            by: { type: 'system' },
          }),
        )
        .finally(() => {
          h.ctx.clock.now = realNow;
        });
      assert.deepEqual([across.year, across.number, across.label], [2028, 1, '0000001/2028']);
      const old = await h.ctx.db.selectFrom('counters').select('value').where('name', '=', 'protocol').where('period', '=', 2027).executeTakeFirstOrThrow();
      assert.equal(old.value, before.number, 'the number taken for 2027 was given back: no hole');
      h.clock.set('2027-12-31T23:00:00.500Z');
      const next = (await register(clerk, 'bari', letter)).json();
      assert.deepEqual([next.year, next.number], [2028, 2]);
      assert.equal((await clerk.request({ method: 'GET', url: '/api/v1/bari/operator/protocol/urn:uuid:0b6f3a56-5c1e-4a8e-9d51-2f7c1a1e9b10' })).statusCode, 400);
    });
  });

  describe(`protocol register under concurrency (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());

    it('gives 500 concurrent registrations the numbers 1..500 exactly', async () => {
      const officers = await Promise.all(['admin.bari', 'urp.bari', 'anagrafe.bari', 'ambiente.bari'].map((u) => signIn(h.app, 'bari', u)));
      const results = await Promise.all(Array.from({ length: 500 }, (_, i) => register(officers[i % officers.length]!, 'bari', { ...letter, subject: `Istanza ${i}` })));
      assert.deepEqual(
        results.map((r) => r.statusCode).filter((s) => s !== 201),
        [],
      );
      const numbers = results.map((r) => r.json().number as number).sort((a, b) => a - b);
      assert.deepEqual(
        numbers,
        Array.from({ length: 500 }, (_, i) => i + 1),
      );
      const rows = await h.ctx.db.selectFrom('protocol_entries').select(['number', 'registered_at']).orderBy('number').execute();
      assert.equal(rows.length, 500);
    });
  });

  describe(`daily protocol register (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());
    const produce = () => protocolModule.schedules![0]!.run(h.ctx);

    it("produces yesterday's register each morning as PDF and JSON with their SHA-256, once", async () => {
      let admin = await signIn(h.app, 'bari', 'admin.bari');
      let clerk = await signIn(h.app, 'bari', 'urp.bari');
      const a = (await register(clerk, 'bari', { ...letter, correspondent: 'Società Sanità & Igiene' })).json();
      await register(clerk, 'bari', { direction: 'internal', correspondent: 'Ufficio Tributi', subject: 'Trasmissione elenco' });
      assert.equal(await produce(), 0, 'nothing before the day is over');

      h.clock.set('2026-03-03T05:00:00Z');
      admin = await signIn(h.app, 'bari', 'admin.bari');
      clerk = await signIn(h.app, 'bari', 'urp.bari');
      await admin.request({ method: 'POST', url: `/api/v1/bari/operator/protocol/${a.id}/annul`, payload: { reason: 'Registrazione duplicata' } });
      assert.equal(await produce(), 1, "2 March's register");
      assert.equal(await produce(), 0, 'produced once');

      const list = await admin.request({ method: 'GET', url: '/api/v1/bari/operator/admin/protocol/daily' });
      assert.equal(list.statusCode, 200, list.body);
      const [day] = list.json().registers;
      assert.deepEqual([day.day, day.entries, day.annulments, day.firstNumber, day.lastNumber], ['2026-03-02', 2, 0, 1, 2]);
      const pdf = await admin.request({ method: 'GET', url: day.pdf.url });
      const json = await admin.request({ method: 'GET', url: day.json.url });
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(sha256(pdf.rawPayload), day.pdf.sha256);
      assert.equal(sha256(json.rawPayload), day.json.sha256);
      assert.deepEqual(
        json.json().entries.map((e: { label: string; correspondent: string }) => [e.label, e.correspondent]),
        [
          ['0000001/2026', 'Società Sanità & Igiene'],
          ['0000002/2026', 'Ufficio Tributi'],
        ],
      );
      const text = await pdfTextOf(pdf.rawPayload);
      for (const expected of ['Registro giornaliero di protocollo del 02/03/2026', '0000001/2026', 'Società Sanità & Igiene', 'Trasmissione elenco', day.json.sha256]) {
        assert.ok(text.includes(expected), `the PDF shows ${expected}: ${text.slice(0, 400)}`);
      }
      assert.equal((await clerk.request({ method: 'GET', url: '/api/v1/bari/operator/admin/protocol/daily' })).statusCode, 403, 'admins only');

      // The annulment made on 3 March is in 3 March's register.
      h.clock.set('2026-03-04T05:00:00Z');
      admin = await signIn(h.app, 'bari', 'admin.bari');
      assert.equal(await produce(), 1);
      const third = (await admin.request({ method: 'GET', url: '/api/v1/bari/operator/admin/protocol/daily/2026-03-03/json' })).json();
      assert.deepEqual(
        [third.entries.length, third.annulments.map((x: { label: string; reason: string }) => [x.label, x.reason])],
        [0, [['0000001/2026', 'Registrazione duplicata']]],
      );
      const audited = await h.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'protocol.daily-register-produced').execute();
      assert.equal(audited.length, 2);
    });
  });
}
