// The service catalogue as citizens and admins use it: every published card listed with its
// category, search in Italian ("residente" finds "residenza"), the card with its sections, office and
// "Prenota appuntamento", the most requested services from real bookings, and the admins' edits
// (unpublished until published, "last updated" only on real changes, suspension with a reason).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { applicant, book, findService, freeSlots } from './support/fixtures.ts';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';
import { officeIdOf } from './support/officers.ts';
import { signIn } from './support/operator.ts';

type Item = { slug: string; title: string; category: string; status: string; bookable: boolean; url: string };
type List = { services: Item[]; categories: Array<{ slug: string; name: string; count: number }>; mostRequested: string[] };

for (const engine of ENGINES) {
  describe(`service catalogue (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());
    const list = async (tenant: string, query = '') => {
      const res = await h.app.inject(`/api/v1/${tenant}/catalogue${query}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as List;
    };

    it('lists every published service of the comune with its category, and counts them per category', async () => {
      const bitonto = await list('bitonto');
      assert.ok(bitonto.services.length >= 32, `${bitonto.services.length} services in Bitonto`);
      assert.equal(
        bitonto.categories.reduce((n, c) => n + c.count, 0),
        bitonto.services.length,
      );
      assert.ok(bitonto.categories.length >= 8, 'across the categories');
      assert.ok(bitonto.services.every((s) => s.url === `/bitonto/servizi/${s.slug}`));
      const bari = await list('bari');
      assert.ok(bari.services.length >= 10);
      assert.ok(bari.services.some((s) => s.title === 'Dichiarazione di cambio di residenza'));
      const registry = await list('bari', '?category=anagrafe-e-stato-civile');
      assert.ok(registry.services.length >= 4 && registry.services.every((s) => s.category === 'anagrafe-e-stato-civile'));
    });

    it('finds services by the words a citizen types, Italian endings included', async () => {
      const slugs = async (q: string) => (await list('bari', `?q=${encodeURIComponent(q)}`)).services.map((s) => s.slug);
      assert.equal((await slugs('cambio di residenza'))[0], 'dichiarazione-di-cambio-di-residenza');
      assert.ok((await slugs('residente')).includes('iscrizione-anagrafica'), 'stemming: residente ~ residenza');
      assert.ok((await slugs('CARTA identità')).includes('carta-di-identita-elettronica'));
      assert.deepEqual(await slugs('zzzz nessun risultato'), []);
      assert.equal((await h.app.inject('/api/v1/bari/catalogue?q=%00')).statusCode, 400, 'a NUL');
      assert.equal((await h.app.inject('/api/v1/bari/catalogue?category=pizza')).statusCode, 400, 'not a category');
    });

    it('shows a card with its sections, office in charge and "Prenota appuntamento"', async () => {
      const res = await h.app.inject('/api/v1/bari/catalogue/carta-di-identita-elettronica');
      assert.equal(res.statusCode, 200, res.body);
      const card = res.json();
      assert.equal(card.categoryName, 'Anagrafe e stato civile');
      assert.equal(card.office.name, 'Anagrafe - Servizi Demografici');
      assert.equal(card.booking.name, "Carta d'identità elettronica");
      assert.ok(card.whatYouNeed.includes('fototessera'));
      assert.equal(card.maxDays, 6);
      assert.equal(card.status, 'active');
      assert.equal((await h.app.inject('/api/v1/bari/catalogue/non-esiste')).statusCode, 404);
      assert.equal((await h.app.inject('/api/v1/bitonto/catalogue/dichiarazione-di-cambio-di-residenza')).statusCode, 404, "another comune's card");
    });

    it('puts first the services most booked in the last 90 days', async () => {
      const { service } = await findService(h.app, 'bari', 'Ripartizione Urbanistica', 'Paesaggio');
      const slots = await freeSlots(h.app, 'bari', service.id);
      for (const [i, slot] of slots.slice(0, 2).entries()) {
        const res = await book(h.app, 'bari', { serviceId: service.id, start: slot.start, applicant: applicant(`paesaggio${i}@example.it`) });
        assert.equal(res.statusCode, 201, res.body);
      }
      assert.equal((await list('bari')).mostRequested[0], 'autorizzazione-paesaggistica');
      assert.deepEqual((await list('bari', '?q=paesaggio')).mostRequested, [], 'not while searching');
    });

    it('lets admins create, publish, change and suspend a card; "last updated" moves only on real changes', async () => {
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const officeId = await officeIdOf(h.app, 'bari', 'URP');
      const create = (body: Record<string, unknown>) => admin.request({ method: 'POST', url: '/api/v1/bari/operator/admin/service-cards', payload: body });
      const base = {
        slug: 'contributo-sport',
        title: 'Contributi alle associazioni sportive',
        summary: 'Chiedere un contributo per attività sportive.',
        category: 'cultura-e-tempo-libero',
        officeId,
      };
      const created = await create({ ...base, audience: 'Associazioni sportive dilettantistiche.', topics: ['Sport'] });
      assert.equal(created.statusCode, 201, created.body);
      const incomplete = await admin.request({ method: 'PATCH', url: `/api/v1/bari/operator/admin/service-cards/${created.json().id}`, payload: { published: true } });
      assert.equal(incomplete.statusCode, 400, 'a card without its sections is not published');
      assert.deepEqual(
        incomplete.json().fields.map((f: { field: string }) => f.field),
        ['howTo', 'whatYouNeed', 'whatYouGet', 'timesAndDeadlines'],
      );
      await admin.request({
        method: 'PATCH',
        url: `/api/v1/bari/operator/admin/service-cards/${created.json().id}`,
        payload: { howTo: 'Presenta la domanda online.', whatYouNeed: 'Lo statuto.', whatYouGet: 'Il contributo.', maxDays: 60 },
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id;
      assert.equal(created.json().published, false);
      assert.ok(!(await list('bari')).services.some((s) => s.slug === 'contributo-sport'), 'unpublished: not public');
      assert.equal((await h.app.inject('/api/v1/bari/catalogue/contributo-sport')).statusCode, 404);

      const taken = await create({ ...base, title: 'Altro' });
      assert.deepEqual([taken.statusCode, taken.json().code], [409, 'SLUG_TAKEN']);
      assert.equal((await create({ ...base, slug: 'x-altro', officeId: await officeIdOf(h.app, 'bitonto', 'URP') })).statusCode, 404, "another comune's office");
      assert.equal((await create({ ...base, slug: 'x-lungo', summary: 'x'.repeat(161) })).statusCode, 400, 'a summary over 160 characters');
      assert.equal((await create({ ...base, slug: 'x-book', bookingServiceId: randomUUID() })).statusCode, 404, 'a missing appointment service');

      const patch = (body: Record<string, unknown>) => admin.request({ method: 'PATCH', url: `/api/v1/bari/operator/admin/service-cards/${id}`, payload: body });
      h.clock.advance(60_000);
      const published = await patch({ published: true });
      assert.equal(published.statusCode, 200, published.body);
      const firstUpdate = published.json().updatedAt;
      assert.ok(
        (await list('bari')).services.some((s) => s.slug === 'contributo-sport'),
        'published: public',
      );

      h.clock.advance(60_000);
      const unchanged = await patch({ published: true, title: 'Contributi alle associazioni sportive' });
      assert.equal(unchanged.json().updatedAt, firstUpdate, 'nothing changed, the date stays');
      const changed = await patch({ costs: 'Il servizio è gratuito.' });
      assert.notEqual(changed.json().updatedAt, firstUpdate);
      const audited = await h.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'card.updated').where('entity_id', '=', id).execute();
      assert.deepEqual(
        audited.map((a) => (a.details as { fields: string[] }).fields),
        [['howTo', 'whatYouNeed', 'whatYouGet', 'maxDays'], ['published'], ['costs']],
      );

      assert.equal((await patch({ active: false })).statusCode, 400, 'suspended without a reason');
      const suspended = await patch({ active: false, inactiveReason: 'Bando chiuso fino al 2027' });
      assert.equal(suspended.statusCode, 200, suspended.body);
      const card = (await h.app.inject('/api/v1/bari/catalogue/contributo-sport')).json();
      assert.deepEqual([card.status, card.inactiveReason], ['inactive', 'Bando chiuso fino al 2027']);

      const clerk = await signIn(h.app, 'bari', 'urp.bari');
      assert.equal((await clerk.request({ method: 'PATCH', url: `/api/v1/bari/operator/admin/service-cards/${id}`, payload: { published: false } })).statusCode, 403);
      assert.equal((await admin.request({ method: 'PATCH', url: `/api/v1/bari/operator/admin/service-cards/${randomUUID()}`, payload: { published: false } })).statusCode, 404);
    });

    it("lets admins save a card's online form as new versions, refusing an unusable one", async () => {
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const card = (await admin.request({ method: 'GET', url: '/api/v1/bari/operator/admin/service-cards' }))
        .json()
        .cards.find((c: { slug: string }) => c.slug === 'pubblicazioni-di-matrimonio');
      const url = `/api/v1/bari/operator/admin/service-cards/${card.id}/form`;
      assert.deepEqual((await admin.request({ method: 'GET', url })).json(), { form: null });
      const definition = {
        privacy: 'Informativa.',
        steps: [{ id: 'sposi', title: 'Gli sposi', fields: [{ id: 'coniuge', label: 'Nome del futuro coniuge', type: 'text', required: true }] }],
      };
      const first = await admin.request({ method: 'PUT', url, payload: { definition } });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().form.version, 1);
      assert.equal((await h.app.inject('/api/v1/bari/catalogue/pubblicazioni-di-matrimonio')).json().online, true, 'the card is now online');
      const second = await admin.request({ method: 'PUT', url, payload: { definition: { ...definition, level: 3 } } });
      assert.equal(second.json().form.version, 2);
      const broken = { ...definition, steps: [{ ...definition.steps[0], fields: [{ id: 'x', label: 'X', type: 'text', showWhen: { field: 'manca', equals: 'si' } }] }] };
      const refused = await admin.request({ method: 'PUT', url, payload: { definition: broken } });
      assert.deepEqual([refused.statusCode, refused.json().code], [400, 'FORM_DEFINITION_INVALID']);
      assert.equal((await admin.request({ method: 'PUT', url, payload: { definition: { steps: [] } } })).statusCode, 400, 'not a definition');
      const clerk = await signIn(h.app, 'bari', 'urp.bari');
      assert.equal((await clerk.request({ method: 'PUT', url, payload: { definition } })).statusCode, 403);
      const audited = await h.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'card.form-changed').where('entity_id', '=', card.id).execute();
      assert.deepEqual(
        audited.map((a) => (a.details as { version: number }).version),
        [1, 2],
      );
    });
  });
}
