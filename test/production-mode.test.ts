// Production mode refuses what only makes sense on a developer's machine: demo data, the
// development mailbox (API and page), an embedded database, plain-http public URLs.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildApp } from '../server/app.ts';
import { createContext } from '../server/boot.ts';
import { ConfigError, loadConfig } from '../server/config.ts';
import { seedDemo } from '../server/modules/demo/seed.ts';
import type { AppContext } from '../server/platform/context.ts';
import type { FastifyInstance } from 'fastify';
import { ENGINES, freshSchemaUrl } from './support/harness.ts';

describe('production configuration', () => {
  it('refuses to start without a database server, SMTP, an https public URL and a session secret', () => {
    assert.throws(
      () => loadConfig({ SPORTELLO_MODE: 'production', PUBLIC_URL: 'http://sportello.example.it' }),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        const text = err.problems.join('\n');
        for (const needle of ['DATABASE_URL', 'SMTP_URL', 'SESSION_SECRET', 'https']) assert.match(text, new RegExp(needle));
        return true;
      },
    );
  });

  it('takes an S3-compatible object store for documents only with its bucket and keys', () => {
    assert.throws(
      () => loadConfig({ FILES_S3_ENDPOINT: 'https://s3.example.it' }),
      (err: unknown) => err instanceof ConfigError && /FILES_S3_BUCKET, FILES_S3_ACCESS_KEY, FILES_S3_SECRET_KEY/.test(err.problems.join()),
    );
    const c = loadConfig({ FILES_S3_ENDPOINT: 'https://s3.example.it', FILES_S3_BUCKET: 'docs', FILES_S3_ACCESS_KEY: 'k', FILES_S3_SECRET_KEY: 's', FILES_S3_PATH_STYLE: 'false' });
    assert.deepEqual(c.s3, {
      endpoint: 'https://s3.example.it',
      bucket: 'docs',
      region: 'us-east-1',
      accessKey: 'k',
      secretKey: 's',
      sessionToken: undefined,
      pathStyle: false,
      prefix: undefined,
      timeoutMs: 30_000,
    });
    const store = { FILES_S3_ENDPOINT: 'https://s3.example.it', FILES_S3_BUCKET: 'docs', FILES_S3_ACCESS_KEY: 'k', FILES_S3_SECRET_KEY: 's' };
    const sts = loadConfig({ ...store, FILES_S3_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjE/+=', FILES_S3_TIMEOUT_MS: '5000', FILES_S3_PREFIX: 'bari/prod-2' }).s3;
    assert.deepEqual([sts?.sessionToken, sts?.timeoutMs, sts?.prefix], ['IQoJb3JpZ2luX2VjE/+=', 5000, 'bari/prod-2']);
    assert.throws(
      () => loadConfig({ ...store, FILES_S3_SESSION_TOKEN: 'two\nlines', FILES_S3_TIMEOUT_MS: '0', FILES_S3_PREFIX: 'a/../b' }),
      (err: unknown) => err instanceof ConfigError && ['FILES_S3_SESSION_TOKEN', 'FILES_S3_TIMEOUT_MS', 'FILES_S3_PREFIX'].every((k) => err.problems.some((p) => p.startsWith(k))),
    );
  });

  it('refuses to guess demo mode for a public address, and believes only local proxies by default', () => {
    assert.throws(
      () => loadConfig({ PUBLIC_URL: 'https://sportello.comune.example.it' }),
      (err: unknown) => err instanceof ConfigError && /SPORTELLO_MODE/.test(err.problems.join()),
    );
    assert.equal(loadConfig({ PUBLIC_URL: 'http://localhost:3000' }).mode, 'demo');
    assert.equal(loadConfig({}).trustProxy, 'loopback');
    assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
    assert.equal(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).trustProxy, '10.0.0.0/8');
    assert.throws(() => loadConfig({ OIDC_CLIENT_SECRETS: '["x"]' }), ConfigError);
  });

  it('accepts a complete production configuration', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://sportello@db:5432/sportello',
      SMTP_URL: 'smtps://user:pass@smtp.example.it:465',
      PUBLIC_URL: 'https://sportello.example.it/',
      SESSION_SECRET: 'x'.repeat(40),
    });
    assert.equal(config.mode, 'production');
    assert.equal(config.publicUrl, 'https://sportello.example.it');
  });
});

for (const engine of ENGINES) {
  describe(`production mode (${engine.name})`, () => {
    let ctx: AppContext;
    let app: FastifyInstance;
    before(async () => {
      const url = engine.url ? await freshSchemaUrl(engine.url) : undefined;
      // Validation is covered above; here the point is what a production process does and serves.
      const config = { ...loadConfig({ SPORTELLO_MODE: 'test', ...(url ? { DATABASE_URL: url } : {}) }), mode: 'production' as const };
      ctx = await createContext(config, { inMemory: true });
      app = await buildApp(ctx);
      await app.ready();
    });
    after(async () => {
      await app.close();
      await ctx.database.close();
    });

    it('seeds no demo comuni', async () => {
      const res = await app.inject('/api/v1/tenants');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json().tenants, []);
      assert.equal((await app.inject('/api/v1/bari/offices')).statusCode, 404);
    });

    it('has no development mailbox, neither the API nor the page', async () => {
      assert.equal((await app.inject('/api/dev/outbox')).statusCode, 404);
      const page = await app.inject('/dev/mailbox');
      assert.equal(page.statusCode, 404);
      assert.doesNotMatch(page.body, /<html/);
    });

    it('marks the officer session cookie Secure', async () => {
      assert.equal(
        (await app.inject({ method: 'POST', url: '/api/v1/bari/operator/session', payload: { username: 'admin.bari', password: 'sportello-demo' } })).statusCode,
        404,
        'no comune yet',
      );
      await seedDemo(ctx.db); // as an installer would create a comune and its officers
      const res = await app.inject({ method: 'POST', url: '/api/v1/bari/operator/session', payload: { username: 'admin.bari', password: 'sportello-demo' } });
      assert.equal(res.statusCode, 200);
      const cookie = String(res.headers['set-cookie']);
      assert.match(cookie, /; Secure/);
      assert.match(cookie, /; HttpOnly/);
      assert.match(cookie, /; SameSite=Strict/);
    });

    it('serves no test identity provider and refuses citizen login until the gateway is configured', async () => {
      assert.equal((await app.inject('/oidc-test/.well-known/openid-configuration')).statusCode, 404);
      assert.equal((await app.inject('/oidc-test/authorize')).statusCode, 404);
      const login = await app.inject('/api/v1/bari/auth/login?provider=spid');
      assert.equal(login.statusCode, 503);
      assert.equal(login.json().code, 'LOGIN_NOT_CONFIGURED');
      // A gateway pointing at the (absent) embedded provider's address is refused too.
      await ctx.db
        .updateTable('tenants')
        .set({ identity_providers: JSON.stringify({ spid: { issuer: `${ctx.config.publicUrl}/oidc-test`, clientId: 'sportello-demo' } }) })
        .where('slug', '=', 'bari')
        .execute();
      assert.equal((await app.inject('/api/v1/bari/auth/login?provider=spid')).statusCode, 503);
    });
  });
}
