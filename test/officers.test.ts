// Officer administration through HTTP: admins create, change, disable and reset officers; managers
// see their offices' officers; operators nothing; one comune never reaches another's; every write
// needs the CSRF token; a disabled officer's session stops at once; the comune keeps an admin.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DEFAULT_NOW, ENGINES, startHarness, type Harness } from './support/harness.ts';
import { createOfficer, login, officeIdOf, signIn } from './support/officers.ts';

const OFFICERS = '/api/v1/bari/operator/admin/operators';

for (const engine of ENGINES) {
  describe(`officer administration (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());
    beforeEach(() => h.clock.set(DEFAULT_NOW));

    it('lets an admin create an officer with a temporary password shown once, to be changed at the first login', async () => {
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const urp = await officeIdOf(h.app, 'bari', 'URP');
      const res = await admin.request({ method: 'POST', url: OFFICERS, payload: { username: 'Rossi.URP', displayName: 'Lucia Rossi', role: 'operator', officeIds: [urp] } });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.headers['cache-control'], 'no-store');
      const { officer, temporaryPassword } = res.json();
      assert.equal(officer.username, 'rossi.urp');
      assert.deepEqual(officer.officeIds, [urp]);
      assert.equal(officer.mustChangePassword, true);
      assert.match(temporaryPassword, /^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      const row = await h.ctx.db.selectFrom('operators').select('password_hash').where('id', '=', officer.id).executeTakeFirstOrThrow();
      assert.match(row.password_hash, /^\$argon2id\$/);
      assert.ok(!JSON.stringify(await h.ctx.db.selectFrom('audit_log').select('details').execute()).includes(temporaryPassword), 'never in the audit log');

      const newcomer = await signIn(h.app, 'bari', 'rossi.urp', temporaryPassword);
      assert.equal(newcomer.body.operator.mustChangePassword, true);
      const blocked = await newcomer.request({ method: 'GET', url: `/api/v1/bari/operator/offices` });
      assert.equal(blocked.statusCode, 403);
      assert.equal(blocked.json().code, 'PASSWORD_CHANGE_REQUIRED');
      const changed = await newcomer.request({
        method: 'POST',
        url: '/api/v1/bari/operator/me/password',
        payload: { currentPassword: temporaryPassword, newPassword: 'la mia scrivania in ordine' },
      });
      assert.equal(changed.statusCode, 204, changed.body);
      assert.equal((await newcomer.request({ method: 'GET', url: '/api/v1/bari/operator/offices' })).statusCode, 200);

      const given = await createOfficer(admin, 'bari', {
        username: 'bianchi.urp',
        displayName: 'Paolo Bianchi',
        role: 'manager',
        officeIds: [urp],
        temporaryPassword: 'primo accesso 2026',
      });
      assert.equal(given.temporaryPassword, 'primo accesso 2026');
      const weak = await admin.request({
        method: 'POST',
        url: OFFICERS,
        payload: { username: 'verdi', displayName: 'Anna Verdi', role: 'operator', temporaryPassword: 'password1234' },
      });
      assert.equal(weak.statusCode, 400);
      assert.equal(weak.json().code, 'WEAK_PASSWORD');
      assert.equal(weak.json().fields[0].field, 'temporaryPassword');
      const taken = await admin.request({ method: 'POST', url: OFFICERS, payload: { username: 'ROSSI.urp', displayName: 'Altra Rossi', role: 'operator' } });
      assert.equal(taken.statusCode, 409);
      assert.equal(taken.json().code, 'USERNAME_TAKEN');
      const unknownOffice = await admin.request({
        method: 'POST',
        url: OFFICERS,
        payload: { username: 'neri', displayName: 'Neri', role: 'operator', officeIds: [await officeIdOf(h.app, 'bitonto', 'SUAP')] },
      });
      assert.equal(unknownOffice.statusCode, 400);
      assert.equal(unknownOffice.json().code, 'UNKNOWN_OFFICE');
      const badName = await admin.request({ method: 'POST', url: OFFICERS, payload: { username: 'a b', displayName: 'X', role: 'chief' } });
      assert.equal(badName.statusCode, 400);
      assert.equal(badName.json().code, 'VALIDATION');
      const blank = await admin.request({ method: 'POST', url: OFFICERS, payload: { username: 'spazi', displayName: '   ', role: 'operator' } });
      assert.equal(blank.statusCode, 400);
      assert.equal(blank.json().fields[0].field, 'displayName');
      assert.equal((await admin.request({ method: 'PATCH', url: `${OFFICERS}/${officer.id}`, payload: { displayName: ' ' } })).statusCode, 400);
      assert.equal((await admin.request({ method: 'PATCH', url: `${OFFICERS}/not-a-uuid`, payload: {} })).statusCode, 400);

      const actions = (await h.ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'operator').execute()).map((a) => a.action);
      assert.ok(actions.includes('operator.created') && actions.includes('operator.password-changed'));
    });

    it('lists officers with filters by office, role and state', async () => {
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const anagrafe = await officeIdOf(h.app, 'bari', 'Anagrafe');
      const all = (await admin.request({ method: 'GET', url: OFFICERS })).json().officers as Array<{ username: string; role: string; officeIds: string[] }>;
      assert.ok(all.some((o) => o.username === 'urbanistica.bari') && all.every((o) => !o.username.endsWith('.bitonto')));
      const ofAnagrafe = (await admin.request({ method: 'GET', url: `${OFFICERS}?officeId=${anagrafe}` })).json().officers as typeof all;
      assert.deepEqual(ofAnagrafe.map((o) => o.username).sort(), ['admin.bari', 'anagrafe.bari'], 'assigned to it, or to every office');
      const managers = (await admin.request({ method: 'GET', url: `${OFFICERS}?role=manager` })).json().officers as typeof all;
      assert.ok(managers.length >= 1 && managers.every((o) => o.role === 'manager'));
      const inactive = (await admin.request({ method: 'GET', url: `${OFFICERS}?active=false` })).json().officers as typeof all;
      assert.ok(inactive.every((o) => !(o as unknown as { active: boolean }).active));
    });

    it('refuses officer administration and the audit log to operators and managers', async () => {
      const operator = await signIn(h.app, 'bari', 'urp.bari');
      const manager = await signIn(h.app, 'bari', 'urbanistica.bari');
      const target = (await (await signIn(h.app, 'bari', 'admin.bari')).request({ method: 'GET', url: OFFICERS }))
        .json()
        .officers.find((o: { username: string }) => o.username === 'urp.bari');
      for (const who of [operator, manager]) {
        const tries = [
          await who.request({ method: 'POST', url: OFFICERS, payload: { username: 'intruso', displayName: 'Intruso', role: 'admin' } }),
          await who.request({ method: 'PATCH', url: `${OFFICERS}/${target.id}`, payload: { role: 'admin' } }),
          await who.request({ method: 'POST', url: `${OFFICERS}/${target.id}/password-reset`, payload: {} }),
          await who.request({ method: 'GET', url: '/api/v1/bari/operator/admin/audit' }),
          await who.request({ method: 'POST', url: '/api/v1/bari/operator/admin/audit/verify' }),
        ];
        for (const res of tries) assert.equal(res.statusCode, 403, res.body);
      }
      assert.equal((await operator.request({ method: 'GET', url: OFFICERS })).statusCode, 403);
      // A manager sees the officers of their own offices, nobody else
      const seen = (await manager.request({ method: 'GET', url: OFFICERS })).json().officers.map((o: { username: string }) => o.username);
      assert.deepEqual(seen, ['urbanistica.bari']);
      assert.equal((await manager.request({ method: 'GET', url: `${OFFICERS}/${target.id}` })).statusCode, 404);
      assert.equal((await h.ctx.db.selectFrom('operators').select('role').where('id', '=', target.id).executeTakeFirstOrThrow()).role, 'operator');
    });

    it("keeps a comune's officers out of another comune's reach", async () => {
      const bariAdmin = await signIn(h.app, 'bari', 'admin.bari');
      const bitontoAdmin = await signIn(h.app, 'bitonto', 'admin.bitonto');
      const suap = (await bitontoAdmin.request({ method: 'GET', url: '/api/v1/bitonto/operator/admin/operators' }))
        .json()
        .officers.find((o: { username: string }) => o.username === 'suap.bitonto');
      assert.ok(suap);
      assert.equal((await bariAdmin.request({ method: 'GET', url: `${OFFICERS}/${suap.id}` })).statusCode, 404);
      assert.equal((await bariAdmin.request({ method: 'PATCH', url: `${OFFICERS}/${suap.id}`, payload: { active: false } })).statusCode, 404);
      assert.equal((await bariAdmin.request({ method: 'POST', url: `${OFFICERS}/${suap.id}/password-reset`, payload: {} })).statusCode, 404);
      assert.equal((await bariAdmin.request({ method: 'GET', url: '/api/v1/bitonto/operator/admin/operators' })).statusCode, 401, 'a Bari session is not valid in Bitonto');
      const row = await h.ctx.db.selectFrom('operators').select(['active', 'must_change_password']).where('id', '=', suap.id).executeTakeFirstOrThrow();
      assert.deepEqual(row, { active: true, must_change_password: false });
    });

    it('requires the CSRF token on every new write', async () => {
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const { officer } = await createOfficer(admin, 'bari', { username: 'csrf.test', displayName: 'Prova CSRF', role: 'operator' });
      const writes = [
        { method: 'POST' as const, url: OFFICERS, payload: { username: 'csrf.other', displayName: 'Altro', role: 'operator' } },
        { method: 'PATCH' as const, url: `${OFFICERS}/${officer.id}`, payload: { active: false } },
        { method: 'POST' as const, url: `${OFFICERS}/${officer.id}/password-reset`, payload: {} },
        { method: 'POST' as const, url: '/api/v1/bari/operator/me/password', payload: { currentPassword: 'sportello-demo', newPassword: 'un caffè al banco, grazie' } },
        { method: 'POST' as const, url: '/api/v1/bari/operator/me/totp/setup' },
        { method: 'POST' as const, url: '/api/v1/bari/operator/me/totp/confirm', payload: { code: '123456' } },
        { method: 'POST' as const, url: '/api/v1/bari/operator/me/totp/disable', payload: { code: '123456' } },
        { method: 'POST' as const, url: '/api/v1/bari/operator/admin/audit/verify' },
      ];
      for (const w of writes) {
        const res = await admin.request({ ...w, csrf: false });
        assert.equal(res.statusCode, 403, `${w.method} ${w.url}`);
        assert.equal(res.json().code, 'CSRF');
      }
      const row = await h.ctx.db.selectFrom('operators').select(['active', 'totp_pending_secret']).where('username', '=', 'admin.bari').executeTakeFirstOrThrow();
      assert.equal(row.totp_pending_secret, null);
      assert.equal((await h.ctx.db.selectFrom('operators').select('active').where('id', '=', officer.id).executeTakeFirstOrThrow()).active, true);
    });

    it('issues a new session id at every login and drops the one the browser had', async () => {
      const first = await login(h.app, 'bari', 'ambiente.bari', 'sportello-demo');
      const firstId = first.cookies.find((c) => c.name === 'sportello_op')!.value;
      const second = await login(h.app, 'bari', 'ambiente.bari', 'sportello-demo', undefined, firstId);
      const secondId = second.cookies.find((c) => c.name === 'sportello_op')!.value;
      assert.notEqual(firstId, secondId);
      const withFirst = await h.app.inject({ method: 'GET', url: '/api/v1/bari/operator/session', cookies: { sportello_op: firstId } });
      assert.equal(withFirst.statusCode, 401, 'the previous id is gone');
      const withSecond = await h.app.inject({ method: 'GET', url: '/api/v1/bari/operator/session', cookies: { sportello_op: secondId } });
      assert.equal(withSecond.statusCode, 200);
    });

    it("ends a disabled officer's sessions at once and lets them back in when enabled", async () => {
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const officer = await signIn(h.app, 'bari', 'anagrafe.bari');
      const id = officer.body.operator.id;
      assert.equal((await officer.request({ method: 'GET', url: '/api/v1/bari/operator/offices' })).statusCode, 200);
      // Seated at a queue desk: disabling frees the desk too.
      const desk = ((await officer.request({ method: 'GET', url: '/api/v1/bari/operator/desks' })).json().desks as Array<{ id: string }>)[0]!;
      assert.equal((await officer.request({ method: 'POST', url: `/api/v1/bari/operator/desks/${desk.id}/session`, payload: {} })).statusCode, 200);
      const off = await admin.request({ method: 'PATCH', url: `${OFFICERS}/${id}`, payload: { active: false } });
      assert.equal(off.statusCode, 200, off.body);
      assert.equal(off.json().active, false);
      assert.equal((await officer.request({ method: 'GET', url: '/api/v1/bari/operator/offices' })).statusCode, 401);
      assert.equal((await h.ctx.db.selectFrom('operator_sessions').select('id_hash').where('operator_id', '=', id).execute()).length, 0);
      assert.equal((await h.ctx.db.selectFrom('desk_sessions').select('id').where('operator_id', '=', id).where('ended_at', 'is', null).execute()).length, 0, 'the desk is free');
      assert.equal((await login(h.app, 'bari', 'anagrafe.bari', 'sportello-demo')).statusCode, 401);
      const on = await admin.request({ method: 'PATCH', url: `${OFFICERS}/${id}`, payload: { active: true, displayName: 'Giuseppe De Santis (Anagrafe centrale)' } });
      assert.equal(on.json().displayName, 'Giuseppe De Santis (Anagrafe centrale)');
      assert.equal((await login(h.app, 'bari', 'anagrafe.bari', 'sportello-demo')).statusCode, 200);
      const audit = await h.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('entity_id', '=', id).orderBy('id').execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        ['operator.disabled', 'operator.enabled'],
      );
      assert.deepEqual((audit[0]!.details as { changes: unknown }).changes, { active: { from: true, to: false } });
    });

    it('changes role and offices, and keeps at least one active admin', async () => {
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const me = admin.body.operator.id;
      const alone = await admin.request({ method: 'PATCH', url: `${OFFICERS}/${me}`, payload: { active: false } });
      assert.equal(alone.statusCode, 409);
      assert.equal(alone.json().code, 'LAST_ADMIN');
      assert.match(alone.json().message, /almeno un amministratore attivo/);
      assert.equal((await admin.request({ method: 'PATCH', url: `${OFFICERS}/${me}`, payload: { role: 'manager' } })).json().code, 'LAST_ADMIN');

      const { officer: second, temporaryPassword } = await createOfficer(admin, 'bari', {
        username: 'vice.admin',
        displayName: 'Vice Amministratore',
        role: 'admin',
        officeIds: [await officeIdOf(h.app, 'bari', 'URP')],
      });
      assert.deepEqual((second as unknown as { officeIds: string[] }).officeIds, [], 'admins work for the whole comune');
      const vice = await signIn(h.app, 'bari', 'vice.admin', temporaryPassword);
      await vice.request({ method: 'POST', url: '/api/v1/bari/operator/me/password', payload: { currentPassword: temporaryPassword, newPassword: 'vice amministratore attento' } });
      // Both admins try to disable each other at the same moment: exactly one succeeds.
      const [a, b] = await Promise.all([
        admin.request({ method: 'PATCH', url: `${OFFICERS}/${second.id}`, payload: { active: false } }),
        vice.request({ method: 'PATCH', url: `${OFFICERS}/${me}`, payload: { active: false } }),
      ]);
      // The loser is refused (LAST_ADMIN) or, if the winner committed first, finds its session ended.
      const codes = [a.statusCode, b.statusCode].sort();
      assert.ok(codes[0] === 200 && (codes[1] === 401 || codes[1] === 409), `${a.body} ${b.body}`);
      const admins = await h.ctx.db
        .selectFrom('operators')
        .select('username')
        .where('role', '=', 'admin')
        .where('active', '=', true)
        .where('tenant_id', '=', (await h.ctx.db.selectFrom('tenants').select('id').where('slug', '=', 'bari').executeTakeFirstOrThrow()).id)
        .execute();
      assert.equal(admins.length, 1);
      const survivor = admins[0]!.username === 'admin.bari' ? admin : vice;
      const other = admins[0]!.username === 'admin.bari' ? second.id : me;
      const back = await survivor.request({ method: 'PATCH', url: `${OFFICERS}/${other}`, payload: { active: true } });
      assert.equal(back.statusCode, 200);

      // Demote the vice admin to an operator of Anagrafe: office rows follow the role
      const anagrafe = await officeIdOf(h.app, 'bari', 'Anagrafe');
      const survivorOther = admins[0]!.username === 'admin.bari' ? second.id : me;
      const demoted = await survivor.request({ method: 'PATCH', url: `${OFFICERS}/${survivorOther}`, payload: { role: 'operator', officeIds: [anagrafe] } });
      assert.equal(demoted.statusCode, 200, demoted.body);
      assert.deepEqual([demoted.json().role, demoted.json().officeIds], ['operator', [anagrafe]]);
      if (survivorOther === me) {
        // keep the demo admin an admin for the next tests
        assert.equal((await survivor.request({ method: 'PATCH', url: `${OFFICERS}/${me}`, payload: { role: 'admin' } })).statusCode, 200);
      }
    });

    it('resets a password: new temporary one shown once, sessions ended, waits lifted', async () => {
      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const officer = await signIn(h.app, 'bari', 'urp.bari');
      const fromOneAddress = (password: string) =>
        h.app.inject({ method: 'POST', url: '/api/v1/bari/operator/session', remoteAddress: '203.0.113.88', payload: { username: 'urp.bari', password } });
      for (let i = 0; i < 5; i++) await fromOneAddress('sbagliata');
      assert.equal((await fromOneAddress('sportello-demo')).statusCode, 429);
      const listed = (await admin.request({ method: 'GET', url: OFFICERS })).json().officers.find((o: { id: string }) => o.id === officer.body.operator.id);
      assert.equal(listed.lockedUntil, new Date(h.clock.now().getTime() + 30_000).toISOString(), 'the admin sees that sign-ins wait');
      const res = await admin.request({ method: 'POST', url: `${OFFICERS}/${officer.body.operator.id}/password-reset`, payload: {} });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['cache-control'], 'no-store');
      const { temporaryPassword, officer: view } = res.json();
      assert.equal(view.mustChangePassword, true);
      assert.equal(view.lockedUntil, null);
      assert.equal((await fromOneAddress(temporaryPassword)).statusCode, 200, 'that address no longer waits');
      assert.equal((await officer.request({ method: 'GET', url: '/api/v1/bari/operator/session' })).statusCode, 401, 'its sessions ended');
      assert.equal((await login(h.app, 'bari', 'urp.bari', 'sportello-demo')).statusCode, 401, 'the old password is gone');
      const back = await signIn(h.app, 'bari', 'urp.bari', temporaryPassword);
      assert.equal(back.body.operator.mustChangePassword, true);
      const self = await admin.request({ method: 'POST', url: `${OFFICERS}/${admin.body.operator.id}/password-reset`, payload: {} });
      assert.equal(self.json().code, 'SELF_RESET');
    });
  });
}
