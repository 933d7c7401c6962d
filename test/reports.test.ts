// "Segnalazione disservizio" through HTTP: anyone reports a problem with its place and gets a number
// and an email; photos follow with the report's one-time secret (type by content, size, count, an
// hour) and lose their location metadata; the public list shows what and where, never who; the front
// desk assigns the report to an office and officer, who answers and closes it (once); a logged-in
// citizen follows it in the personal area; statistics per category; bad input changes nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loginAs } from './support/citizen.ts';
import { outbox } from './support/fixtures.ts';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';
import { multipart } from './support/multipart.ts';
import { signIn } from './support/operator.ts';
import { PHOTO_SECRET, photoWithLocation } from './support/photo.ts';

const report = {
  category: 'Illuminazione pubblica',
  address: 'Via Sparano da Bari 102',
  position: { latitude: 41.1207, longitude: 16.8698 },
  description: 'Il lampione davanti al civico 102 è spento da una settimana.',
  name: 'Lucia',
  surname: 'Ferri',
  email: 'lucia.ferri@example.it',
};

for (const engine of ENGINES) {
  describe(`inefficiency reports (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());
    const send = (body: Record<string, unknown>, tenant = 'bari') => h.app.inject({ method: 'POST', url: `/api/v1/${tenant}/inefficiency-reports`, payload: body });
    const upload = (url: string, token: string, content: Buffer, filename = 'foto.jpg') =>
      h.app.inject({
        method: 'POST',
        url,
        ...multipart([
          { name: 'token', value: token },
          { name: 'file', filename, content, type: 'image/jpeg' },
        ]),
      });
    const count = async (table: 'citizen_requests' | 'citizen_request_photos') =>
      Number(
        (
          await h.ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('numbers the report, confirms it by email, and keeps its photos without their location', async () => {
      const sent = await send(report);
      assert.equal(sent.statusCode, 201, sent.body);
      const receipt = sent.json();
      assert.match(receipt.number, /^1\/\d{4}$/, 'reports have their own numbers');
      const mail = (await outbox(h.app)).find((m) => m.to === report.email && m.subject.includes(`n. ${receipt.number}`));
      assert.ok(mail, 'the receipt');
      assert.match(mail.text, /Via Sparano da Bari 102/);

      const photo = photoWithLocation();
      assert.ok(photo.includes(PHOTO_SECRET));
      const added = await upload(receipt.photosUrl, receipt.photoToken, photo);
      assert.equal(added.statusCode, 201, added.body);
      assert.equal(added.json().photos, 1);

      const urp = await signIn(h.app, 'bari', 'urp.bari');
      const listed = (await urp.request({ method: 'GET', url: '/api/v1/bari/operator/inefficiency-reports?status=open' })).json().requests;
      const mine = listed.find((r: { id: string }) => r.id === receipt.id);
      assert.ok(mine, 'the front desk sees the new report');
      assert.deepEqual(mine.place, { address: report.address, latitude: 41.1207, longitude: 16.8698 });
      assert.equal(mine.photos.length, 1);
      const stored = await urp.request({ method: 'GET', url: mine.photos[0].url });
      assert.equal(stored.statusCode, 200);
      assert.equal(stored.headers['content-type'], 'image/jpeg');
      assert.ok(!stored.rawPayload.includes(PHOTO_SECRET), 'the location is gone');
      assert.ok(stored.rawPayload.length < photo.length && stored.rawPayload.subarray(0, 2).equals(Buffer.from([0xff, 0xd8])), 'still a JPEG');
    });

    it('takes at most three photos, of the right kind and size, with the right secret, within an hour', async () => {
      const receipt = (await send({ ...report, description: 'Buca profonda in mezzo alla carreggiata.', category: 'Strade e marciapiedi' })).json();
      const before = await count('citizen_request_photos');
      assert.equal((await upload(receipt.photosUrl, 'x'.repeat(43), photoWithLocation())).statusCode, 403, 'a wrong secret');
      const other = (await send({ ...report, description: 'Un altro lampione spento.' })).json();
      assert.equal((await upload(other.photosUrl, receipt.photoToken, photoWithLocation())).statusCode, 403, "another report's secret");
      assert.equal((await upload(receipt.photosUrl, receipt.photoToken, Buffer.from('<html><script>alert(1)</script></html>'), 'foto.jpg')).statusCode, 415, 'a page named .jpg');
      assert.equal((await upload(receipt.photosUrl, receipt.photoToken, Buffer.from('%PDF-1.7\n%%EOF'), 'foto.jpg')).statusCode, 415, 'a PDF');
      const big = Buffer.concat([photoWithLocation(), Buffer.alloc(5 * 1024 * 1024)]);
      assert.equal((await upload(receipt.photosUrl, receipt.photoToken, big)).statusCode, 413, 'over 5 MB');
      assert.equal(await count('citizen_request_photos'), before, 'nothing refused was kept');
      const results = await Promise.all([1, 2, 3, 4].map(() => upload(receipt.photosUrl, receipt.photoToken, photoWithLocation())));
      assert.deepEqual(results.map((r) => r.statusCode).sort(), [201, 201, 201, 409], 'four at once: three kept');
      const late = (await send({ ...report, description: 'Rifiuti abbandonati sul marciapiede.', category: 'Rifiuti e pulizia' })).json();
      h.clock.advance(61 * 60_000);
      assert.equal((await upload(late.photosUrl, late.photoToken, photoWithLocation())).statusCode, 403, 'after an hour');
      h.clock.advance(-61 * 60_000);
    });

    it('lists the open reports publicly with what and where, never who', async () => {
      const receipt = (await send({ ...report, address: 'Piazza del Ferrarese', description: 'Panchina rotta vicino alla fontana.', category: 'Verde pubblico' })).json();
      const list = await h.app.inject({ method: 'GET', url: '/api/v1/bari/inefficiency-reports' });
      assert.equal(list.statusCode, 200);
      const entry = list.json().reports.find((r: { number: string }) => r.number === receipt.number);
      assert.deepEqual(Object.keys(entry).sort(), ['address', 'category', 'createdAt', 'number', 'status']);
      assert.equal(entry.address, 'Piazza del Ferrarese');
      assert.ok(!list.body.includes('lucia.ferri') && !list.body.includes('Ferri') && !list.body.includes('Panchina'), 'no name, email or description');
      const filtered = (await h.app.inject({ method: 'GET', url: `/api/v1/bari/inefficiency-reports?category=${encodeURIComponent('Animali')}` })).json();
      assert.ok(!filtered.reports.some((r: { number: string }) => r.number === receipt.number));
      const bitonto = (await h.app.inject({ method: 'GET', url: '/api/v1/bitonto/inefficiency-reports' })).json();
      assert.ok(!bitonto.reports.some((r: { address: string }) => r.address === 'Piazza del Ferrarese'), "Bari's reports are Bari's");
    });

    it('is assigned by the front desk to an office and officer, answered and closed once; the citizen follows it', async () => {
      const mario = await loginAs(h.app, 'bari', 'RSSMRA85T10A562S');
      const sent = await mario.request({
        method: 'POST',
        url: '/api/v1/bari/inefficiency-reports',
        payload: { ...report, email: 'mario.rossi@example.it', description: 'Cassonetto rotto in Via Calefati.' },
      });
      assert.equal(sent.statusCode, 201, sent.body);
      const { id, number } = sent.json();
      const urp = await signIn(h.app, 'bari', 'urp.bari');
      const { offices } = (await urp.request({ method: 'GET', url: '/api/v1/bari/operator/inefficiency-reports/assignees' })).json();
      const environment = offices.find((o: { name: string }) => /ambiente/i.test(o.name));
      const registry = offices.find((o: { name: string }) => /anagrafe/i.test(o.name));
      const francesca = environment.officers.find((o: { name: string }) => o.name.startsWith('Francesca'));
      assert.ok(francesca, 'the office lists its officers');
      const assign = (body: Record<string, unknown>) => urp.request({ method: 'POST', url: `/api/v1/bari/operator/inefficiency-reports/${id}/assign`, payload: body });
      assert.equal((await assign({ officeId: registry.id, assigneeId: francesca.id })).statusCode, 400, 'an officer of another office');
      const bitontoOffice = await h.ctx.db
        .selectFrom('offices as o')
        .innerJoin('tenants as t', 't.id', 'o.tenant_id')
        .select('o.id')
        .where('t.slug', '=', 'bitonto')
        .executeTakeFirstOrThrow();
      assert.equal((await assign({ officeId: bitontoOffice.id })).statusCode, 400, "another comune's office");
      const assigned = await assign({ officeId: environment.id, assigneeId: francesca.id });
      assert.equal(assigned.statusCode, 200, assigned.body);
      assert.equal(assigned.json().status, 'in_progress');
      assert.equal(assigned.json().assignee.name, francesca.name);
      assert.ok((await outbox(h.app)).some((m) => m.to === 'mario.rossi@example.it' && m.subject === `Segnalazione n. ${number} presa in carico`));

      const registryOfficer = await signIn(h.app, 'bari', 'anagrafe.bari');
      const theirs = (await registryOfficer.request({ method: 'GET', url: '/api/v1/bari/operator/inefficiency-reports' })).json().requests;
      assert.ok(!theirs.some((r: { id: string }) => r.id === id), 'another office no longer sees it');
      const bitonto = await signIn(h.app, 'bitonto', 'admin.bitonto');
      assert.equal((await bitonto.request({ method: 'POST', url: `/api/v1/bitonto/operator/inefficiency-reports/${id}/answer`, payload: { text: 'x' } })).statusCode, 404);

      const ambiente = await signIn(h.app, 'bari', 'ambiente.bari');
      const answer = (text: string) => ambiente.request({ method: 'POST', url: `/api/v1/bari/operator/inefficiency-reports/${id}/answer`, payload: { text } });
      const [one, two] = await Promise.all([answer('Cassonetto sostituito il 3 marzo.'), answer('Fatto.')]);
      assert.deepEqual([one.statusCode, two.statusCode].sort(), [200, 409], 'two answers at once: one wins');
      const reassign = await ambiente.request({ method: 'POST', url: `/api/v1/bari/operator/inefficiency-reports/${id}/assign`, payload: { officeId: environment.id } });
      assert.equal(reassign.statusCode, 409, 'a closed report is not reassigned');

      const mine = (await mario.request({ method: 'GET', url: '/api/v1/bari/me/requests' })).json().requests;
      const followed = mine.find((r: { id: string }) => r.id === id);
      assert.equal(followed.status, 'answered');
      assert.equal(followed.subject, report.address);
      assert.match(followed.answer, /^(Cassonetto sostituito il 3 marzo\.|Fatto\.)$/);
      const inbox = (await mario.request({ method: 'GET', url: '/api/v1/bari/me/messages' })).json();
      assert.ok(inbox.messages.some((m: { subject: string }) => m.subject === `Risposta alla tua segnalazione n. ${number}`));
      const publicList = (await h.app.inject({ method: 'GET', url: '/api/v1/bari/inefficiency-reports' })).json();
      assert.ok(!publicList.reports.some((r: { number: string }) => r.number === number), 'a closed report leaves the public list');
      const audited = await h.ctx.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).orderBy('id').execute();
      assert.deepEqual(
        audited.map((a) => a.action),
        ['report.filed', 'report.assigned', 'report.answered'],
      );
      const anna = await loginAs(h.app, 'bari', 'SPSNNA90D55A662O');
      assert.ok(!(await anna.request({ method: 'GET', url: '/api/v1/bari/me/requests' })).json().requests.some((r: { id: string }) => r.id === id), "another citizen's list");
      assert.equal((await h.app.inject({ method: 'GET', url: '/api/v1/bari/me/requests' })).statusCode, 401);
    });

    it('counts reports per category and state', async () => {
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const stats = await admin.request({ method: 'GET', url: '/api/v1/bari/operator/inefficiency-reports/stats?days=30' });
      assert.equal(stats.statusCode, 200, stats.body);
      const lights = stats.json().categories.find((c: { category: string }) => c.category === 'Illuminazione pubblica');
      assert.ok(lights.total >= 3);
      assert.equal(lights.total, lights.open + lights.inProgress + lights.answered);
      assert.ok(lights.answered >= 1 && typeof lights.medianHoursToAnswer === 'number', 'the answered report gives a median');
      const roads = stats.json().categories.find((c: { category: string }) => c.category === 'Strade e marciapiedi');
      assert.deepEqual([roads.total, roads.open], [1, 1]);
    });

    it('refuses what is not a report, changing nothing', async () => {
      const before = await count('citizen_requests');
      for (const [what, body] of [
        ['no address', { ...report, address: undefined }],
        ['an address of spaces', { ...report, address: '     ' }],
        ['a category of its own', { ...report, category: 'Alieni' }],
        ['a latitude off the globe', { ...report, position: { latitude: 91, longitude: 16 } }],
        ['a point without longitude', { ...report, position: { latitude: 41 } }],
        ['a control character', { ...report, address: 'Via\u0000Sparano' }],
        ['a description as an object', { ...report, description: { text: 'buca' } }],
        ['an unknown field', { ...report, urgent: true }],
      ] as const) {
        assert.equal((await send(body as Record<string, unknown>)).statusCode, 400, what);
      }
      assert.equal(await count('citizen_requests'), before);
    });
  });
}
