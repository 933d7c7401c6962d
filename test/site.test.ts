// The comune's site shell as citizens and admins use it: the header and footer's settings come with
// the comune, the FAQ is grouped and searched in Italian, admins edit both (audited, one comune never
// touching another's), topics come from the model's vocabulary, and the anonymous page rating keeps
// only what it must and sums up per page for the admins.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';
import { signIn } from './support/operator.ts';

type Faq = { groups: Array<{ topic: string; entries: Array<{ id: string; question: string; answer: string; published: boolean }> }> };
const questions = (f: Faq) => f.groups.flatMap((g) => g.entries.map((e) => e.question));

for (const engine of ENGINES) {
  describe(`site shell (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());
    const faq = async (tenant: string, q?: string) => {
      const res = await h.app.inject(`/api/v1/${tenant}/faq${q ? `?q=${encodeURIComponent(q)}` : ''}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Faq;
    };
    const auditCount = async (action: string, entityId: string) =>
      (await h.ctx.db.selectFrom('audit_log').select('id').where('action', '=', action).where('entity_id', '=', entityId).execute()).length;

    it("gives the comune with its site settings: contacts, PEC, social links, the accessibility statement's address", async () => {
      const res = await h.app.inject('/api/v1/bari');
      assert.equal(res.statusCode, 200, res.body);
      const { site } = res.json();
      assert.equal(site.contacts.pec, 'protocollo@pec.comune.bari.it');
      assert.ok(site.social.some((s: { network: string }) => s.network === 'facebook'));
      assert.match(site.accessibilityUrl, /^https:\/\/form\.agid\.gov\.it\//);
    });

    it('lists the FAQ by topic and finds questions by the words a citizen types, Italian endings included', async () => {
      const all = await faq('bari');
      assert.ok(all.groups.length >= 3);
      assert.deepEqual(
        all.groups.map((g) => g.topic),
        [...all.groups.map((g) => g.topic)].sort((a, b) => a.localeCompare(b)),
      );
      assert.ok(questions(await faq('bari', "carta d'identità")).some((q) => q.includes("carta d'identità elettronica")));
      assert.ok(questions(await faq('bari', 'spostare appuntamento')).includes('Posso spostare o annullare un appuntamento?'), 'stemming: spostare ~ sposta');
      assert.deepEqual(questions(await faq('bari', 'zzzz nessuna')), []);
      assert.ok(!questions(await faq('bari')).includes('Come presento una SCIA?'), "Bitonto's question is not Bari's");
      assert.equal((await h.app.inject('/api/v1/bari/faq?q=%07')).statusCode, 400, 'a control character');
    });

    it('lets admins add, hide, change and delete FAQ entries, each audited; another comune cannot touch them', async () => {
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const entry = { topic: 'Tributi', question: 'Quando si paga la TARI?', answer: 'In tre rate:\n- 16 aprile\n- 16 luglio\n- 16 ottobre' };
      const created = await admin.request({ method: 'POST', url: '/api/v1/bari/operator/admin/faq', payload: { ...entry, published: false } });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id;
      assert.ok(!questions(await faq('bari')).includes(entry.question), 'not published yet');
      const adminList = await admin.request({ method: 'GET', url: '/api/v1/bari/operator/admin/faq' });
      assert.ok(questions(adminList.json()).includes(entry.question), 'admins see it');

      const published = await admin.request({ method: 'PUT', url: `/api/v1/bari/operator/admin/faq/${id}`, payload: { ...entry, published: true } });
      assert.equal(published.statusCode, 200, published.body);
      assert.ok(questions(await faq('bari', 'TARI')).includes(entry.question));

      const other = await signIn(h.app, 'bitonto', 'admin.bitonto');
      assert.equal((await other.request({ method: 'PUT', url: `/api/v1/bitonto/operator/admin/faq/${id}`, payload: entry })).statusCode, 404, "Bitonto's admin");
      assert.equal((await other.request({ method: 'DELETE', url: `/api/v1/bitonto/operator/admin/faq/${id}` })).statusCode, 404);
      const clerk = await signIn(h.app, 'bari', 'urp.bari');
      assert.equal((await clerk.request({ method: 'POST', url: '/api/v1/bari/operator/admin/faq', payload: entry })).statusCode, 403, 'not an admin');
      assert.equal((await admin.request({ method: 'POST', url: '/api/v1/bari/operator/admin/faq', payload: { ...entry, question: 'Q?' } })).statusCode, 400, 'too short');
      assert.equal(
        (await admin.request({ method: 'POST', url: '/api/v1/bari/operator/admin/faq', payload: { ...entry, question: '    Q?     ' } })).statusCode,
        400,
        'too short once trimmed',
      );

      assert.equal((await admin.request({ method: 'DELETE', url: `/api/v1/bari/operator/admin/faq/${id}` })).statusCode, 204);
      assert.equal((await admin.request({ method: 'DELETE', url: `/api/v1/bari/operator/admin/faq/${id}` })).statusCode, 404, 'already gone');
      assert.ok(!questions(await faq('bari', 'TARI')).includes(entry.question));
      assert.deepEqual([await auditCount('faq.created', id), await auditCount('faq.updated', id), await auditCount('faq.deleted', id)], [1, 1, 1]);
    });

    it('lets admins change the site settings; addresses must be https and contacts well formed; saving the same twice is one change', async () => {
      const admin = await signIn(h.app, 'bitonto', 'admin.bitonto');
      const before = (await admin.request({ method: 'GET', url: '/api/v1/bitonto/operator/admin/site' })).json();
      const next = {
        ...before,
        contacts: { ...before.contacts, phone: '080 999 0000' },
        sectionLinks: { 'news.avvisi': 'https://www.comune.bitonto.ba.it/avvisi' },
        improvementPlanUrl: 'https://www.comune.bitonto.ba.it/piano-di-miglioramento',
      };
      const save = (body: unknown) => admin.request({ method: 'PUT', url: '/api/v1/bitonto/operator/admin/site', payload: body as object });
      assert.equal((await save(next)).statusCode, 200);
      assert.equal((await save(next)).statusCode, 200);
      const tenantId = (await h.ctx.db.selectFrom('tenants').select('id').where('slug', '=', 'bitonto').executeTakeFirstOrThrow()).id;
      assert.equal(await auditCount('site.updated', tenantId), 1, 'the second save changed nothing');
      const pub = (await h.app.inject('/api/v1/bitonto')).json();
      assert.equal(pub.site.contacts.phone, '080 999 0000');
      assert.equal(pub.site.sectionLinks['news.avvisi'], 'https://www.comune.bitonto.ba.it/avvisi');

      for (const [what, body] of [
        ['an http address', { ...next, improvementPlanUrl: 'http://example.it/piano' }],
        ['a javascript: address', { ...next, social: [{ network: 'facebook', url: 'javascript:alert(1)' }] }],
        ['an unknown network', { ...next, social: [{ network: 'myspace', url: 'https://myspace.com/x' }] }],
        ['a PEC that is no address', { ...next, contacts: { pec: 'not an address' } }],
        ['a control character', { ...next, contacts: { address: 'Via\u0007Roma' } }],
        ['an unknown section', { ...next, sectionLinks: { 'shop.cart': 'https://example.it' } }],
        ['an unknown field', { ...next, colour: 'red' }],
      ] as const) {
        assert.equal((await save(body)).statusCode, 400, what);
      }
      assert.equal((await h.app.inject('/api/v1/bitonto')).json().site.contacts.phone, '080 999 0000', 'nothing changed');
    });

    it('lets admins upload the coat of arms (typed by its bytes), served under an address that changes with it', async () => {
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const put = (imageBase64: string) => admin.request({ method: 'PUT', url: '/api/v1/bari/operator/admin/site/coat-of-arms', payload: { imageBase64 } });
      const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
      assert.equal((await h.app.inject('/api/v1/bari')).json().coatOfArmsUrl, null, 'none yet');
      assert.equal((await h.app.inject('/api/v1/bari/coat-of-arms')).statusCode, 404);
      assert.equal((await put(png)).statusCode, 204);
      const url = (await h.app.inject('/api/v1/bari')).json().coatOfArmsUrl as string;
      assert.match(url, /^\/api\/v1\/bari\/coat-of-arms\?v=[0-9a-f]{16}$/);
      const image = await h.app.inject(url);
      assert.equal(image.statusCode, 200);
      assert.equal(image.headers['content-type'], 'image/png');
      assert.equal(image.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.deepEqual(image.rawPayload, Buffer.from(png, 'base64'));
      assert.equal((await h.app.inject('/api/v1/bitonto')).json().coatOfArmsUrl, null, "Bitonto's stays its own");
      // A PNG carrying text metadata (here, where a phone took it) is served without it.
      const plain = Buffer.from(png, 'base64');
      const text = Buffer.concat([Buffer.from([0, 0, 0, 12]), Buffer.from('tEXtGPS 41.1N 16'), Buffer.alloc(4)]);
      assert.equal((await put(Buffer.concat([plain.subarray(0, 33), text, plain.subarray(33)]).toString('base64'))).statusCode, 204);
      const served = await h.app.inject((await h.app.inject('/api/v1/bari')).json().coatOfArmsUrl);
      assert.deepEqual(served.rawPayload, plain, 'the text chunk is gone');
      assert.equal((await put(png)).statusCode, 204, 'the same picture again: same address');
      assert.equal((await h.app.inject('/api/v1/bari')).json().coatOfArmsUrl, url);

      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64');
      assert.equal((await put(svg)).statusCode, 415, 'an SVG (a page with scripts) is no image here');
      assert.equal((await put(Buffer.from('%PDF-1.7 not an image at all').toString('base64'))).statusCode, 415, 'a PDF');
      assert.equal((await put('A'.repeat(200_000))).statusCode, 400, 'over 128 KB');
      assert.equal((await h.app.inject('/api/v1/bari')).json().coatOfArmsUrl, url, 'unchanged by the refusals');

      const clerk = await signIn(h.app, 'bari', 'urp.bari');
      assert.equal((await clerk.request({ method: 'DELETE', url: '/api/v1/bari/operator/admin/site/coat-of-arms' })).statusCode, 403);
      assert.equal((await admin.request({ method: 'DELETE', url: '/api/v1/bari/operator/admin/site/coat-of-arms' })).statusCode, 204);
      assert.equal((await h.app.inject('/api/v1/bari')).json().coatOfArmsUrl, null);
      const tenantId = (await h.ctx.db.selectFrom('tenants').select('id').where('slug', '=', 'bari').executeTakeFirstOrThrow()).id;
      assert.equal(await auditCount('site.coat-of-arms-changed', tenantId), 2, 'uploaded, removed');
    });

    it("lists the topics of the comune's services, all from the Modello Comuni vocabulary, and each topic's services", async () => {
      const res = await h.app.inject('/api/v1/bitonto/topics');
      assert.equal(res.statusCode, 200, res.body);
      const { topics } = res.json() as { topics: Array<{ topic: string; slug: string; count: number }> };
      const { MODEL_TOPICS } = await import('../contracts/topics.ts');
      assert.ok(topics.length >= 10);
      assert.ok(
        topics.every((t) => (MODEL_TOPICS as readonly string[]).includes(t.topic)),
        topics.map((t) => t.topic).join(', '),
      );
      const anagrafe = topics.find((t) => t.topic === 'Anagrafe')!;
      const cards = (await h.app.inject('/api/v1/bitonto/catalogue?topic=Anagrafe')).json().services;
      assert.equal(cards.length, anagrafe.count);
      assert.equal((await h.app.inject('/api/v1/bitonto/catalogue?topic=Pizza')).statusCode, 400, 'not a topic of the vocabulary');
    });

    it('keeps an anonymous page rating and sums it up per page for the admins', async () => {
      const rate = (body: Record<string, unknown>, tenant = 'bari') => h.app.inject({ method: 'POST', url: `/api/v1/${tenant}/page-ratings`, payload: body });
      const page = '/bari/servizi/carta-di-identita-elettronica';
      assert.equal((await rate({ page, rating: 2, aspect: 'A volte le indicazioni non erano complete', comment: "Manca l'orario" })).statusCode, 204);
      assert.equal((await rate({ page, rating: 5, aspect: 'Le indicazioni erano chiare' })).statusCode, 204);
      assert.equal((await rate({ page, rating: 4 })).statusCode, 204);
      for (const [what, body] of [
        ['a rating of 6', { page, rating: 6 }],
        ['a rating of 0', { page, rating: 0 }],
        ['a rating as text', { page, rating: '5' }],
        ['an answer not offered', { page, rating: 3, aspect: 'Mi piace il colore' }],
        ['a comment over 200 characters', { page, rating: 3, comment: 'x'.repeat(201) }],
        ["another comune's page", { page: '/bitonto/servizi', rating: 3 }],
        ['a page with a query', { page: '/bari/servizi?q=x', rating: 3 }],
        ['no page', { rating: 3 }],
      ] as const) {
        assert.equal((await rate(body)).statusCode, 400, what);
      }
      const row = await h.ctx.db.selectFrom('page_ratings').selectAll().where('comment', '=', "Manca l'orario").executeTakeFirstOrThrow();
      assert.deepEqual(Object.keys(row).sort(), ['aspect', 'comment', 'created_at', 'id', 'page', 'rating', 'tenant_id'], 'nothing about who rated');

      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const res = await admin.request({ method: 'GET', url: '/api/v1/bari/operator/admin/page-ratings?days=30' });
      assert.equal(res.statusCode, 200, res.body);
      const summary = res.json().pages.find((p: { page: string }) => p.page === page);
      assert.equal(summary.count, 3);
      assert.equal(summary.average, 3.67);
      assert.deepEqual(summary.distribution, [0, 1, 0, 1, 1]);
      assert.deepEqual(summary.aspects.map((a: { aspect: string }) => a.aspect).sort(), ['A volte le indicazioni non erano complete', 'Le indicazioni erano chiare']);
      assert.deepEqual(
        summary.comments.map((c: { comment: string }) => c.comment),
        ["Manca l'orario"],
      );
      const other = await signIn(h.app, 'bitonto', 'admin.bitonto');
      const theirs = (await other.request({ method: 'GET', url: '/api/v1/bitonto/operator/admin/page-ratings' })).json();
      assert.ok(!theirs.pages.some((p: { page: string }) => p.page === page), "Bari's ratings are Bari's");
    });
  });
}
