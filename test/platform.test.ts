import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';

for (const engine of ENGINES) {
  describe(`platform (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());

    it('answers health, readiness and metrics', async () => {
      assert.equal((await h.app.inject('/healthz')).statusCode, 200);
      const ready = await h.app.inject('/readyz');
      assert.equal(ready.statusCode, 200);
      assert.equal(ready.json().database, engine.name);
      const metrics = await h.app.inject('/metrics');
      assert.match(metrics.body, /sportello_http_requests_total\{/);
    });

    it('serves the OpenAPI document with the public booking paths', async () => {
      const res = await h.app.inject('/api/docs/json');
      assert.equal(res.statusCode, 200);
      const doc = res.json();
      assert.ok(doc.paths['/api/v1/{tenant}/offices']);
    });

    it('lists the offices of Bari and their services, and 404s an unknown comune', async () => {
      const offices = (await h.app.inject('/api/v1/bari/offices')).json().offices;
      const names = offices.map((o: { name: string }) => o.name);
      assert.ok(names.some((n: string) => n.startsWith('URP')));
      assert.ok(names.includes('Ripartizione Tutela Ambiente, Sanità e Igiene'));
      const anagrafe = offices.find((o: { name: string }) => o.name.startsWith('Anagrafe'));
      const services = (await h.app.inject(`/api/v1/bari/offices/${anagrafe.id}/services`)).json().services;
      assert.equal(services[0].name, "Carta d'identità elettronica");
      assert.equal(services[0].capacity, 18);
      const unknown = await h.app.inject('/api/v1/milano/offices');
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().code, 'TENANT_NOT_FOUND');
    });

    it("does not show one comune's office under another", async () => {
      const bitonto = (await h.app.inject('/api/v1/bitonto/offices')).json().offices;
      const res = await h.app.inject(`/api/v1/bari/offices/${bitonto[0].id}/services`);
      assert.equal(res.statusCode, 404);
    });

    it('rejects a malformed office id with 400', async () => {
      const res = await h.app.inject('/api/v1/bari/offices/not-a-uuid/services');
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().code, 'VALIDATION');
    });
  });
}
