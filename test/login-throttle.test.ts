// Failed officer sign-ins slow down the address that failed, never the account: a stranger's wrong
// passwords cannot lock a comune's admin out, and an unknown username is answered exactly like a
// known one with a wrong password (same status, code and message, one argon2 verification each).
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { operatorsModule } from '../server/modules/operators/index.ts';
import { decoyHash, onPasswordVerify } from '../server/modules/operators/passwords.ts';
import { DEFAULT_NOW, ENGINES, startHarness, type Harness } from './support/harness.ts';

const MIN = 60_000;

for (const engine of ENGINES) {
  describe(`throttling of officers' failed sign-ins (${engine.name})`, () => {
    let h: Harness;
    before(async () => (h = await startHarness({ url: engine.url })));
    after(async () => h.close());
    beforeEach(() => h.clock.set(DEFAULT_NOW));

    let host = 0;
    /** A new address for every attempt (the per-node rate limit counts addresses too). */
    const fresh = () => `192.0.2.${++host}`;
    const attempt = (remoteAddress: string, username: string, password: string, tenant = 'bari') =>
      h.app.inject({ method: 'POST', url: `/api/v1/${tenant}/operator/session`, remoteAddress, payload: { username, password } });
    /** The audit entries of an action by an officer, oldest first. */
    const audit = async (action: string, username: string) => {
      const op = await h.ctx.db.selectFrom('operators').select('id').where('username', '=', username).executeTakeFirstOrThrow();
      return h.ctx.db.selectFrom('audit_log').select('details').where('action', '=', action).where('actor_id', '=', op.id).orderBy('id').execute();
    };

    it("lets the admin in from elsewhere while a stranger's 20 wrong passwords make the stranger's address wait", async () => {
      const stranger = '203.0.113.66';
      const answers: Array<[number, string]> = [];
      for (let i = 0; i < 19; i++) {
        const res = await attempt(stranger, 'admin.bari', `tentativo-${i}`);
        answers.push([res.statusCode, res.json().code]);
      }
      assert.deepEqual(answers.slice(0, 4), Array(4).fill([401, 'INVALID_CREDENTIALS']));
      assert.deepEqual(answers.slice(4), Array(15).fill([429, 'LOGIN_THROTTLED']), 'from the fifth on, that address waits');
      // Even the right password from the stranger's address tells nothing while it waits.
      const guessed = await attempt(stranger, 'admin.bari', 'sportello-demo');
      assert.equal(guessed.statusCode, 429);
      assert.equal(guessed.headers['retry-after'], '30');

      const admin = await attempt('198.51.100.10', 'admin.bari', 'sportello-demo');
      assert.equal(admin.statusCode, 200, admin.body);
      assert.equal((await h.ctx.db.selectFrom('operators').select('active').where('username', '=', 'admin.bari').executeTakeFirstOrThrow()).active, true);

      // Only failures are counted (15 refused attempts were not): four, then the one that made it wait.
      const failed = await audit('operator.login-failed', 'admin.bari');
      const throttled = await audit('operator.login-throttled', 'admin.bari');
      assert.equal(failed.length, 4);
      assert.equal(throttled.length, 1);
      assert.deepEqual(throttled[0]!.details, {
        ip: stranger,
        failed: 'operator.login-failed',
        waits: [{ scope: 'pair', until: new Date(Date.parse(DEFAULT_NOW) + 30_000).toISOString() }],
        slowedDown: false,
      });
    });

    it('doubles the wait with each failure after it ends, and forgets the count an hour after the last one', async () => {
      // Another address: the per-node rate limit (20 a minute, real time) has heard enough from the first.
      const stranger = '203.0.113.67';
      for (let i = 0; i < 5; i++) await attempt(stranger, 'admin.bari', `tentativo-${i}`);
      assert.equal((await attempt(stranger, 'admin.bari', 'subito')).headers['retry-after'], '30');
      h.clock.advance(31_000);
      assert.equal((await attempt(stranger, 'admin.bari', 'ancora')).headers['retry-after'], '60');
      h.clock.advance(90_000);
      assert.equal((await attempt(stranger, 'admin.bari', 'e ancora')).headers['retry-after'], '120');
      h.clock.advance(61 * MIN);
      assert.equal((await attempt(stranger, 'admin.bari', 'di nuovo')).json().code, 'INVALID_CREDENTIALS', 'a new hour, a new count');
    });

    it('makes an address that tries many usernames wait for all of them, counting an IPv6 network as one address', async () => {
      // Each request from another address of one /64, counted as one address.
      let n = 0;
      const sprayer = () => `2001:db8:66:1::${(++n).toString(16)}`;
      const usernames = ['urp.bari', 'anagrafe.bari', 'ambiente.bari', 'urbanistica.bari', 'nessuno.bari'];
      const codes: string[] = [];
      for (const [u, username] of usernames.entries()) for (let i = 0; i < (u < 4 ? 4 : 3); i++) codes.push((await attempt(sprayer(), username, 'Primavera2026!')).json().code);
      assert.deepEqual(codes, Array(19).fill('INVALID_CREDENTIALS'), 'never five on one username');
      const twentieth = await attempt(sprayer(), 'admin.bari', 'Primavera2026!');
      assert.equal(twentieth.json().code, 'LOGIN_THROTTLED', "the network's twentieth failure makes it wait, at admin.bari's first");
      const address = await h.ctx.db.selectFrom('login_throttles').select(['failures', 'blocked_until']).where('key', '=', 'address:2001:db8:66:1::/64').executeTakeFirstOrThrow();
      assert.deepEqual(address, { failures: 20, blocked_until: new Date(h.clock.now().getTime() + 30_000) }, 'a wait for every username');
      // (a 21st request from that network would meet the per-node rate limit first: 20 a minute, IPv6 by /64 too)
      assert.equal((await attempt('2001:db8:67:1::1', 'urp.bari', 'sportello-demo')).statusCode, 200, 'another network is not held up');
    });

    it('answers an unknown username exactly like a wrong password, verifying one argon2 hash either way', async () => {
      const verified: string[] = [];
      const stop = onPasswordVerify((hash) => verified.push(hash));
      try {
        const adminHash = (await h.ctx.db.selectFrom('operators').select('password_hash').where('username', '=', 'admin.bitonto').executeTakeFirstOrThrow()).password_hash;
        const decoy = await decoyHash();
        const shape = (res: Awaited<ReturnType<typeof attempt>>) => ({
          status: res.statusCode,
          body: res.json(),
          cookies: res.cookies.length,
          retryAfter: res.headers['retry-after'],
        });
        for (let i = 0; i < 3; i++) {
          verified.length = 0;
          const unknown = await attempt(fresh(), 'nessuno.bitonto', 'una-password', 'bitonto');
          assert.deepEqual(verified, [decoy], 'the decoy is verified for an unknown username');
          verified.length = 0;
          const wrong = await attempt(fresh(), 'admin.bitonto', 'una-password', 'bitonto');
          assert.deepEqual(verified, [adminHash], "the officer's own hash for a known one");
          assert.deepEqual(shape(unknown), shape(wrong));
          assert.deepEqual(shape(wrong).body, {
            code: 'INVALID_CREDENTIALS',
            message: 'Nome utente o password non corretti.',
            messages: { it: 'Nome utente o password non corretti.', en: 'Wrong username or password.' },
          });
        }
        // Unknown usernames wait like known ones, and a waiting attempt verifies one hash too.
        const answers = async (username: string, address: string) => {
          const out = [];
          for (let i = 0; i < 6; i++) {
            verified.length = 0;
            const res = await attempt(address, username, `x-${i}`, 'bitonto');
            assert.equal(verified.length, 1, `${username}, attempt ${i + 1}: one verification`);
            out.push(shape(res));
          }
          return out;
        };
        assert.deepEqual(await answers('nessuno.bitonto', '198.51.100.201'), await answers('admin.bitonto', '198.51.100.202'));
      } finally {
        stop();
      }
    });

    it('slows down a username attacked from many addresses without refusing its officer', async () => {
      for (let i = 0; i < 51; i++) assert.equal((await attempt(fresh(), 'suap.bitonto', `indovina-${i}`, 'bitonto')).statusCode, 401);
      const started = performance.now();
      const res = await attempt(fresh(), 'suap.bitonto', 'sportello-demo', 'bitonto');
      const took = performance.now() - started;
      assert.equal(res.statusCode, 200, 'past the ceiling a right password still gets in');
      assert.ok(took >= 190, `answered after the delay (${Math.round(took)} ms)`);
      const slowed = await audit('operator.login-throttled', 'suap.bitonto');
      assert.equal(slowed.length, 1, 'the ceiling is audited once');
      assert.equal((slowed[0]!.details as { slowedDown: boolean }).slowedDown, true);
    });

    it('deletes counts whose hour has passed', async () => {
      await attempt('198.51.100.77', 'urp.bari', 'sbagliata');
      const rows = () => h.ctx.db.selectFrom('login_throttles').select('key').where('address', '=', '198.51.100.77').execute();
      assert.equal((await rows()).length, 2, 'the pair and the address');
      const expire = operatorsModule.schedules![0]!;
      await expire.run(h.ctx);
      assert.equal((await rows()).length, 2, 'not yet');
      h.clock.advance(61 * MIN);
      assert.ok(((await expire.run(h.ctx)) ?? 0) >= 3);
      assert.equal((await rows()).length, 0);
    });
  });
}
