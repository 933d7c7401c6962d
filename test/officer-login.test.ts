// Officer sign-in beyond the password: the TOTP second factor (enrolment, login step, replay,
// lockout, removal), sessions that expire when idle or after 10 hours, and the password policy on
// an officer's own password change.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { DEFAULT_NOW, ENGINES, startHarness, type Harness } from './support/harness.ts';
import { codeAt, login, signIn } from './support/officers.ts';

const ME = '/api/v1/bari/operator/me';

for (const engine of ENGINES) {
  describe(`officer login and sessions (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());
    beforeEach(() => h.clock.set(DEFAULT_NOW));

    it('enrols a TOTP app, then asks for a code at login, refuses wrong and replayed codes', async () => {
      const officer = await signIn(h.app, 'bari', 'ambiente.bari');
      const setup = await officer.request({ method: 'POST', url: `${ME}/totp/setup` });
      assert.equal(setup.statusCode, 200, setup.body);
      const { secret, otpauthUri, qrSvg } = setup.json();
      assert.match(secret, /^[A-Z2-7]{32}$/);
      assert.ok(otpauthUri.startsWith(`otpauth://totp/Sportello%20Comune%20di%20Bari:ambiente.bari?secret=${secret}`));
      assert.match(qrSvg, /^<svg/);
      const stored = await h.ctx.db.selectFrom('operators').select(['totp_secret', 'totp_pending_secret']).where('username', '=', 'ambiente.bari').executeTakeFirstOrThrow();
      assert.equal(stored.totp_secret, null, 'not active before confirmation');
      assert.ok(stored.totp_pending_secret!.startsWith('v1.') && !stored.totp_pending_secret!.includes(secret), 'sealed at rest');
      assert.equal((await login(h.app, 'bari', 'ambiente.bari', 'sportello-demo')).statusCode, 200, 'no code needed until confirmed');

      const wrong = await officer.request({ method: 'POST', url: `${ME}/totp/confirm`, payload: { code: codeAt(secret, h.clock, 5) } });
      assert.equal(wrong.statusCode, 400);
      assert.equal(wrong.json().code, 'TOTP_INVALID');
      const confirmCode = codeAt(secret, h.clock);
      assert.equal((await officer.request({ method: 'POST', url: `${ME}/totp/confirm`, payload: { code: confirmCode } })).statusCode, 204);
      assert.equal((await officer.request({ method: 'GET', url: ME })).json().totpEnabled, true);

      const first = await login(h.app, 'bari', 'ambiente.bari', 'sportello-demo');
      assert.equal(first.statusCode, 401);
      assert.equal(first.json().code, 'TOTP_REQUIRED');
      assert.equal(first.cookies.length, 0, 'no session before the code');
      assert.equal(
        (await login(h.app, 'bari', 'ambiente.bari', 'wrong-password', codeAt(secret, h.clock))).json().code,
        'INVALID_CREDENTIALS',
        'a code never rescues a wrong password',
      );
      assert.equal((await login(h.app, 'bari', 'ambiente.bari', 'sportello-demo', confirmCode)).json().code, 'TOTP_INVALID', 'the confirming code is used up');
      const badCode = await login(h.app, 'bari', 'ambiente.bari', 'sportello-demo', codeAt(secret, h.clock, 3));
      assert.equal(badCode.json().code, 'TOTP_INVALID');

      h.clock.advance(30_000);
      const code = codeAt(secret, h.clock);
      const ok = await login(h.app, 'bari', 'ambiente.bari', 'sportello-demo', code);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().operator.totpEnabled, true);
      const replay = await login(h.app, 'bari', 'ambiente.bari', 'sportello-demo', code);
      assert.equal(replay.statusCode, 401);
      assert.equal(replay.json().code, 'TOTP_INVALID');
      const early = await login(h.app, 'bari', 'ambiente.bari', 'sportello-demo', codeAt(secret, h.clock, 1));
      assert.equal(early.statusCode, 200, 'the next step is accepted (clock drift)');

      // Turning it off needs a current, unused code
      h.clock.advance(60_000);
      assert.equal((await officer.request({ method: 'POST', url: `${ME}/totp/disable`, payload: { code: '000000' } })).json().code, 'TOTP_INVALID');
      assert.equal((await officer.request({ method: 'POST', url: `${ME}/totp/disable`, payload: { code: codeAt(secret, h.clock) } })).statusCode, 204);
      assert.equal((await login(h.app, 'bari', 'ambiente.bari', 'sportello-demo')).statusCode, 200);
      const actions = (
        await h.ctx.db.selectFrom('audit_log').select('action').where('actor_id', '=', officer.body.operator.id).where('action', 'like', 'operator.totp%').orderBy('id').execute()
      ).map((a) => a.action);
      assert.deepEqual(actions, ['operator.totp-enabled', 'operator.totp-failed', 'operator.totp-failed', 'operator.totp-failed', 'operator.totp-disabled']);
    });

    it('counts wrong codes towards the wait of the address, lets the whole proof through, and an admin reset removes a lost second factor', async () => {
      const officer = await signIn(h.app, 'bari', 'anagrafe.bari');
      const { secret } = (await officer.request({ method: 'POST', url: `${ME}/totp/setup` })).json();
      await officer.request({ method: 'POST', url: `${ME}/totp/confirm`, payload: { code: codeAt(secret, h.clock) } });
      const attempt = (password: string, totpCode?: string) =>
        h.app.inject({
          method: 'POST',
          url: '/api/v1/bari/operator/session',
          remoteAddress: '203.0.113.77',
          payload: { username: 'anagrafe.bari', password, ...(totpCode ? { totpCode } : {}) },
        });
      for (let i = 0; i < 4; i++) assert.equal((await attempt('sportello-demo', '111111')).json().code, 'TOTP_INVALID');
      const fifth = await attempt('sportello-demo', '111111');
      assert.equal(fifth.statusCode, 429);
      assert.equal(fifth.json().code, 'LOGIN_THROTTLED');
      assert.equal((await attempt('sportello-demo')).json().code, 'LOGIN_THROTTLED', 'while waiting, a right password alone says nothing');
      assert.equal((await attempt('wrong-password', codeAt(secret, h.clock, 1))).json().code, 'LOGIN_THROTTLED', 'nor does a valid code with a wrong password');
      assert.equal((await attempt('sportello-demo', codeAt(secret, h.clock, 1))).statusCode, 200, 'the right password with a valid code gets in');

      const admin = await signIn(h.app, 'bari', 'admin.bari');
      const reset = await admin.request({ method: 'POST', url: `/api/v1/bari/operator/admin/operators/${officer.body.operator.id}/password-reset`, payload: { removeTotp: true } });
      assert.equal(reset.json().officer.totpEnabled, false);
      const back = await login(h.app, 'bari', 'anagrafe.bari', reset.json().temporaryPassword);
      assert.equal(back.statusCode, 200, 'no code asked once removed');
      const audit = await h.ctx.db
        .selectFrom('audit_log')
        .select('details')
        .where('action', '=', 'operator.password-reset')
        .where('entity_id', '=', officer.body.operator.id)
        .executeTakeFirstOrThrow();
      assert.equal((audit.details as { totpRemoved: boolean }).totpRemoved, true);
    });

    it('ends a session after 30 idle minutes, and after 10 hours however busy', async () => {
      const officer = await signIn(h.app, 'bitonto', 'suap.bitonto');
      const ping = () => officer.request({ method: 'GET', url: '/api/v1/bitonto/operator/session' });
      for (let i = 0; i < 3; i++) {
        h.clock.advance(29 * 60_000);
        assert.equal((await ping()).statusCode, 200, `request ${i + 1}, 29 minutes after the previous one`);
      }
      h.clock.advance(31 * 60_000);
      const idle = await ping();
      assert.equal(idle.statusCode, 401);
      assert.equal(idle.json().code, 'UNAUTHENTICATED');

      const busy = await signIn(h.app, 'bitonto', 'suap.bitonto');
      for (let minutes = 20; minutes < 600; minutes += 20) {
        h.clock.advance(20 * 60_000);
        assert.equal((await busy.request({ method: 'GET', url: '/api/v1/bitonto/operator/session' })).statusCode, 200, `after ${minutes} minutes`);
      }
      h.clock.advance(20 * 60_000);
      assert.equal((await busy.request({ method: 'GET', url: '/api/v1/bitonto/operator/session' })).statusCode, 401, 'the absolute 10-hour limit');
    });

    it('writes the last-seen time at most once a minute', async () => {
      const officer = await signIn(h.app, 'bitonto', 'demografici.bitonto');
      const seen = async () =>
        (
          await h.ctx.db.selectFrom('operator_sessions').select('last_seen_at').where('operator_id', '=', officer.body.operator.id).executeTakeFirstOrThrow()
        ).last_seen_at.getTime();
      const start = await seen();
      h.clock.advance(30_000);
      await officer.request({ method: 'GET', url: '/api/v1/bitonto/operator/session' });
      assert.equal(await seen(), start);
      h.clock.advance(31_000);
      await officer.request({ method: 'GET', url: '/api/v1/bitonto/operator/session' });
      assert.equal(await seen(), h.clock.now().getTime());
    });

    it('applies the password policy to an officer changing their password, and ends their other sessions', async () => {
      const here = await signIn(h.app, 'bitonto', 'admin.bitonto');
      const elsewhere = await signIn(h.app, 'bitonto', 'admin.bitonto');
      const change = (currentPassword: string, newPassword: string) =>
        here.request({ method: 'POST', url: '/api/v1/bitonto/operator/me/password', payload: { currentPassword, newPassword } });
      const wrongCurrent = await change('non-è-lei', 'una frase lunga e sicura');
      assert.equal(wrongCurrent.json().code, 'WRONG_PASSWORD');
      const refusals: Array<[string, RegExp]> = [
        ['corta-1', /almeno 12 caratteri/],
        ['password1234', /più usate/],
        ['qwertyuiop12', /più usate/],
        ['Juventus2026!', /più usate/],
        ['admin.bitonto-2026', /nome utente/],
        ['Amministratore Bitonto', /nome della persona/],
        ['x'.repeat(129), /al massimo 128/],
      ];
      for (const [pw, message] of refusals) {
        const res = await change('sportello-demo', pw);
        assert.equal(res.statusCode, 400, pw);
        assert.equal(res.json().code, 'WEAK_PASSWORD', pw);
        assert.match(res.json().message, message, pw);
        assert.equal(res.json().fields[0].field, 'newPassword');
      }
      assert.equal((await change('sportello-demo', 'sportello-demo')).json().code, 'PASSWORD_REUSED');
      assert.equal((await change('sportello-demo', `${'x'.repeat(100)} con 128 caratteri esatti al massimo`)).statusCode, 400, '136 characters');
      const done = await change('sportello-demo', 'il castello normanno-svevo');
      assert.equal(done.statusCode, 204, done.body);
      assert.equal((await here.request({ method: 'GET', url: '/api/v1/bitonto/operator/session' })).statusCode, 200, 'this session stays');
      assert.equal((await elsewhere.request({ method: 'GET', url: '/api/v1/bitonto/operator/session' })).statusCode, 401, 'the others end');
      assert.equal((await login(h.app, 'bitonto', 'admin.bitonto', 'sportello-demo')).statusCode, 401);
      assert.equal((await login(h.app, 'bitonto', 'admin.bitonto', 'il castello normanno-svevo')).statusCode, 200);
    });
  });
}
