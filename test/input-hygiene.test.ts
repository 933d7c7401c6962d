// Text with control characters, names of nothing but invisible characters, and JSON values of the
// wrong type are refused at the schema with 400 VALIDATION: none reaches PostgreSQL (a NUL was a 500
// there) and none is coerced into something else (`null` into false, `false` into "false").
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ENGINES, startHarness, type Harness } from './support/harness.ts';
import { applicant, book, findService, freeSlots } from './support/fixtures.ts';
import { officeIdOf } from './support/officers.ts';
import { signIn } from './support/operator.ts';

type Res = { statusCode: number; body: string; json(): { code: string; fields?: Array<{ field: string }> } };
const refused = (res: Res, what: string) => {
  assert.equal(res.statusCode, 400, `${what}: ${res.body}`);
  assert.equal(res.json().code, 'VALIDATION', what);
};

for (const engine of ENGINES) {
  describe(`input hygiene (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());

    it('refuses control characters and invisible names in a booking, and books the same text without them', async () => {
      const { service } = await findService(h.app, 'bari', 'Anagrafe');
      const [slot] = await freeSlots(h.app, 'bari', service.id);
      const body = (over: Record<string, unknown>, who: Record<string, unknown> = {}) => ({
        serviceId: service.id,
        start: slot!.start,
        ...over,
        applicant: { ...applicant(), ...who },
      });
      refused(await book(h.app, 'bari', body({}, { name: 'Ma\u0000rio' })), 'NUL in the name');
      refused(await book(h.app, 'bari', body({}, { surname: 'Rossi\u0085' })), 'a C1 control in the surname');
      refused(await book(h.app, 'bari', body({}, { name: 'Mario\nRossi' })), 'a new line in the name');
      refused(await book(h.app, 'bari', body({ reason: 'rinnovo\u0000' })), 'NUL in the reason');
      refused(await book(h.app, 'bari', body({ details: 'a\u001bb' })), 'ESC in the details');
      refused(await book(h.app, 'bari', body({}, { name: 'Mario\ud800' })), 'a lone surrogate in the name');
      refused(await book(h.app, 'bari', body({ reason: '\udc00rinnovo' })), 'a lone surrogate in the reason');
      for (const invisible of ['\u200B\u200B', ' \u00A0\t', '\uFEFF', '\u2060\u200D', '\u3164']) {
        refused(await book(h.app, 'bari', body({}, { name: invisible })), `a name of ${JSON.stringify(invisible)}`);
      }
      const ok = await book(h.app, 'bari', body({ reason: 'rinnovo', details: 'prima riga\r\nseconda riga\tfine' }, { name: 'Zoë' }));
      assert.equal(ok.statusCode, 201, ok.body);
    });

    it('refuses NUL in the officer login, the audit search, the admin forms, the outbox filter and the URL', async () => {
      refused(await h.app.inject({ method: 'POST', url: '/api/v1/bari/operator/session', payload: { username: 'admin\u0000.bari', password: 'x' } }), 'login');
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      refused(await admin.request({ url: '/api/v1/bari/operator/admin/audit?q=%00' }), 'audit search');
      refused(await admin.request({ url: '/api/v1/bari/operator/admin/audit?action=booking%00' }), 'audit action');
      const urp = await officeIdOf(h.app, 'bari', 'URP');
      refused(await admin.request({ method: 'PATCH', url: `/api/v1/bari/operator/admin/offices/${urp}`, payload: { name: 'URP\u0000' } }), 'office name');
      refused(await admin.request({ method: 'PATCH', url: `/api/v1/bari/operator/admin/offices/${urp}`, payload: { name: '\u200B\u200B\u200B' } }), 'invisible office name');
      refused(await admin.request({ method: 'PATCH', url: `/api/v1/bari/operator/admin/offices/${urp}`, payload: { description: 'x\u0000' } }), 'office description');
      refused(await admin.request({ method: 'POST', url: '/api/v1/bari/operator/admin/desks', payload: { officeId: urp, name: 'Sportello\u0007' } }), 'desk name');
      refused(await admin.request({ method: 'POST', url: '/api/v1/bari/operator/admin/desks', payload: { officeId: urp, name: '\ud800' } }), 'a desk named by a lone surrogate');
      refused(await h.app.inject({ url: '/api/dev/outbox?to=a%00b' }), 'outbox filter');
      refused(await admin.request({ url: `/api/v1/bari/operator/admin/offices/${urp}%00`, method: 'PATCH', payload: {} }), 'NUL in a path parameter');
      const fine = await admin.request({ method: 'PATCH', url: `/api/v1/bari/operator/admin/offices/${urp}`, payload: { description: 'Prima riga\nseconda riga' } });
      assert.equal(fine.statusCode, 200, fine.body);
    });

    it('validates JSON bodies without coercion, and still reads numbers from the query string', async () => {
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const urp = await officeIdOf(h.app, 'bari', 'URP');
      const desk = (payload: Record<string, unknown>) => admin.request({ method: 'POST', url: '/api/v1/bari/operator/admin/desks', payload });
      refused(await desk({ officeId: urp, name: 'Sportello 9', active: null }), 'null for a boolean');
      refused(await desk({ officeId: urp, name: 'Sportello 9', active: 'true' }), 'a string for a boolean');
      refused(await desk({ officeId: urp, name: false }), 'false for a string');
      refused(await desk({ officeId: urp, name: 12 }), 'a number for a string');
      refused(await desk({ officeId: urp, name: ['Sportello 9'] }), 'an array for a string');
      const made = await desk({ officeId: urp, name: 'Sportello 9', active: true });
      assert.equal(made.statusCode, 201, made.body);
      const page = await admin.request({ url: '/api/v1/bari/operator/admin/audit?limit=5' });
      assert.equal(page.statusCode, 200, page.body);
    });
  });
}
