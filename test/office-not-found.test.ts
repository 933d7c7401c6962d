// An office that is missing, of another comune or outside the officer's offices is a 404 "Ufficio
// non trovato", never a 500: an empty change of an office, and an immediate video room opened for it.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';
import { officeIdOf } from './support/officers.ts';
import { signIn } from './support/operator.ts';

for (const engine of ENGINES) {
  describe(`offices that are not there (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());

    const notFound = (res: { statusCode: number; json(): { code: string; message: string } }, what: string) => {
      assert.equal(res.statusCode, 404, what);
      assert.deepEqual([res.json().code, res.json().message], ['NOT_FOUND', 'Ufficio non trovato.'], what);
    };

    it('answers an empty change of an office with the office as it is, and 404 for one that is not there', async () => {
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const urp = await officeIdOf(h.app, 'bari', 'URP');
      const patch = (id: string) => admin.request({ method: 'PATCH', url: `/api/v1/bari/operator/admin/offices/${id}`, payload: {} });
      const same = await patch(urp);
      assert.equal(same.statusCode, 200, same.body);
      assert.equal(same.json().id, urp);
      assert.match(same.json().name, /^URP/);
      notFound(await patch(randomUUID()), 'a random id');
      notFound(await patch(await officeIdOf(h.app, 'bitonto', 'Servizi Demografici')), "another comune's office");
      const audited = await h.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'office.updated').where('entity_id', '=', urp).execute();
      assert.equal(audited.length, 0, 'nothing changed, nothing audited');
    });

    it('opens an immediate room only for an office of the comune that the officer works for', async () => {
      const rooms = async () => (await h.ctx.db.selectFrom('video_rooms').select('id').execute()).length;
      const before = await rooms();
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const open = (who: typeof admin, officeId: string) => who.request({ method: 'POST', url: '/api/v1/bari/operator/rooms', payload: { officeId } });
      notFound(await open(admin, randomUUID()), 'a random id');
      notFound(await open(admin, await officeIdOf(h.app, 'bitonto', 'Servizi Demografici')), "another comune's office");
      const urpOfficer = await signIn(h.app, 'bari', 'urp.bari');
      notFound(await open(urpOfficer, await officeIdOf(h.app, 'bari', 'Anagrafe')), "an office outside the officer's scope");
      assert.equal(await rooms(), before, 'no room opened');

      const ok = await open(urpOfficer, await officeIdOf(h.app, 'bari', 'URP'));
      assert.equal(ok.statusCode, 201, ok.body);
      const anywhere = await open(admin, await officeIdOf(h.app, 'bari', 'Anagrafe'));
      assert.equal(anywhere.statusCode, 201, 'an admin works for every office');
    });
  });
}
