// The comune's SPID/CIE gateways: CIE logins need level 2 like SPID's; an issuer is saved only when
// it is https (http only for a test gateway on this machine, outside production) and its discovery
// document is sound; a login that fails because the gateway is broken says why in the log.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/app.ts';
import { createContext } from '../server/boot.ts';
import { loadConfig } from '../server/config.ts';
import { ManualClock } from '../server/platform/clock.ts';
import type { AppContext } from '../server/platform/context.ts';
import { createLogger } from '../server/platform/logging.ts';
import { DEFAULT_NOW, ENGINES, freshSchemaUrl } from './support/harness.ts';
import { signIn } from './support/operator.ts';

const MARIO = 'RSSMRA85T10A562S';
const PROVIDERS = '/api/v1/bitonto/operator/admin/identity-providers';

type LogLine = Record<string, unknown> & { level: number; msg?: string };
type Fetch = NonNullable<AppContext['fetch']>;

/** A gateway's discovery document, sound unless told otherwise. */
const discovery = (issuer: string, changes: Record<string, unknown> = {}) => ({
  issuer,
  authorization_endpoint: `${issuer}/authorize`,
  token_endpoint: `${issuer}/token`,
  userinfo_endpoint: `${issuer}/userinfo`,
  jwks_uri: `${issuer}/jwks`,
  response_types_supported: ['code'],
  code_challenge_methods_supported: ['S256'],
  acr_values_supported: ['https://www.spid.gov.it/SpidL1', 'https://www.spid.gov.it/SpidL2', 'https://www.spid.gov.it/SpidL3'],
  ...changes,
});
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

for (const engine of ENGINES) {
  describe(`SPID/CIE gateways (${engine.name})`, () => {
    let app: FastifyInstance;
    let ctx: AppContext;
    let filesDir: string;
    const logs: LogLine[] = [];
    /** Where the fake internet sends requests: by URL. */
    let internet: (url: string) => Response | Promise<Response> = () => {
      throw new TypeError('fetch failed');
    };
    const asked: string[] = [];

    before(async () => {
      filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-files-'));
      const databaseUrl = engine.url ? await freshSchemaUrl(engine.url) : undefined;
      const config = loadConfig({ SPORTELLO_MODE: 'test', PUBLIC_URL: 'http://localhost:3000', FILES_DIR: filesDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
      ctx = await createContext(config, { clock: new ManualClock(new Date(DEFAULT_NOW)), inMemory: true });
      // What the relying party writes to the log, as JSON lines.
      ctx.log = createLogger('info', { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
      const fake: Fetch = async (input) => {
        const url = String(input instanceof Request ? input.url : input);
        asked.push(url);
        return internet(url);
      };
      ctx.fetch = fake;
      app = await buildApp(ctx);
      await app.ready();
    });
    after(async () => {
      await app.close();
      await ctx.database.close();
      fs.rmSync(filesDir, { recursive: true, force: true });
    });
    beforeEach(() => {
      logs.length = 0;
      asked.length = 0;
    });

    /** Through the embedded test provider, choosing the level of assurance; returns the callback's answer. */
    async function login(provider: 'spid' | 'cie', level: number) {
      const start = await app.inject(`/api/v1/bari/auth/login?provider=${provider}`);
      assert.equal(start.statusCode, 302, start.body);
      const authorize = new URL(start.headers.location as string);
      const form = new URLSearchParams(authorize.search);
      form.set('identity', MARIO);
      form.set('level', String(level));
      const chosen = await app.inject({ method: 'POST', url: authorize.pathname, payload: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      const callback = new URL(chosen.headers.location as string);
      const binding = start.cookies.find((c) => c.name === 'sportello_auth')!.value;
      return { authorize, res: await app.inject({ url: callback.pathname + callback.search, cookies: { sportello_auth: binding } }) };
    }

    it('asks CIE for level 2 like SPID, and refuses a lower level with the same answer', async () => {
      for (const provider of ['spid', 'cie'] as const) {
        const low = await login(provider, 1);
        assert.equal(low.authorize.searchParams.get('acr_values'), 'https://www.spid.gov.it/SpidL2', provider);
        assert.match(low.res.headers.location as string, /^\/bari\/accedi\?errore=livello/, provider);
        assert.equal(
          low.res.cookies.find((c) => c.name === 'sportello_cit'),
          undefined,
          `${provider}: no session`,
        );
        const ok = await login(provider, 2);
        assert.ok(
          ok.res.cookies.find((c) => c.name === 'sportello_cit'),
          `${provider} level 2 logs in`,
        );
      }
      // The warning keeps pino's own level (40, warn) and says which acr came.
      const warnings = logs.filter((l) => /too low/.test(l.msg ?? ''));
      assert.equal(warnings.length, 2);
      for (const w of warnings) {
        assert.equal(w.level, 40);
        assert.equal(w.acr, 'https://www.spid.gov.it/SpidL1');
        assert.equal(w.assuranceLevel, 1);
      }
      assert.deepEqual(
        warnings.map((w) => w.provider),
        ['spid', 'cie'],
      );
    });

    it('saves only an https gateway whose discovery document is sound, and says what is wrong otherwise', async () => {
      const admin = await signIn(app, 'bitonto', 'admin.bitonto');
      const save = (issuer: string, provider: 'spid' | 'cie' = 'spid') =>
        admin.request({ method: 'PUT', url: PROVIDERS, payload: { spid: null, cie: null, [provider]: { issuer, clientId: 'https://sportello.example.it/bitonto' } } });
      const refused = async (issuer: string, code: string, message: RegExp, english: RegExp) => {
        const res = await save(issuer);
        assert.equal(res.statusCode, 400, `${issuer}: ${res.body}`);
        assert.equal(res.json().code, code, issuer);
        assert.match(res.json().message, message, issuer);
        assert.match(res.json().messages.en, english, issuer);
      };

      // Plain http to another machine: refused before any request leaves.
      await refused('http://spid.example.it/oidc/op', 'INSECURE_ISSUER', /https/, /https/);
      assert.deepEqual(asked, []);

      const issuer = 'https://spid.example.it/oidc/op';
      internet = () => {
        throw new TypeError('fetch failed');
      };
      await refused(issuer, 'IDP_DISCOVERY_FAILED', /non risponde/, /does not answer/);
      assert.deepEqual(asked, [`${issuer}/.well-known/openid-configuration`]);
      internet = () => json({ error: 'down' }, 502);
      await refused(issuer, 'IDP_DISCOVERY_FAILED', /HTTP 502/, /HTTP 502/);
      internet = () => new Response('<!doctype html><title>Benvenuto</title>', { status: 200, headers: { 'content-type': 'text/html' } });
      await refused(issuer, 'IDP_DISCOVERY_FAILED', /JSON/, /JSON/);
      internet = () => json(discovery('https://altro.example.it/oidc/op'));
      await refused(issuer, 'IDP_DISCOVERY_FAILED', /https:\/\/altro\.example\.it\/oidc\/op/, /does not match/);
      internet = () => json(discovery(issuer, { token_endpoint: undefined }));
      await refused(issuer, 'IDP_DISCOVERY_FAILED', /token/, /token endpoint/);
      internet = () => json(discovery(issuer, { authorization_endpoint: undefined }));
      await refused(issuer, 'IDP_DISCOVERY_FAILED', /autorizzazione/, /authorization endpoint/);
      internet = () => json(discovery(issuer, { code_challenge_methods_supported: ['plain'] }));
      await refused(issuer, 'IDP_DISCOVERY_FAILED', /PKCE/, /PKCE/);
      internet = () => json(discovery(issuer, { code_challenge_methods_supported: undefined }));
      await refused(issuer, 'IDP_DISCOVERY_FAILED', /PKCE/, /PKCE/);
      const current = (await admin.request({ method: 'GET', url: PROVIDERS })).json();
      assert.deepEqual([current.spid, current.cie], [null, null], 'nothing saved');

      internet = () => json(discovery(issuer));
      const saved = await save(issuer);
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().spid.issuer, issuer);
      const start = await app.inject('/api/v1/bitonto/auth/login?provider=spid');
      assert.equal(start.statusCode, 302, start.body);
      assert.ok((start.headers.location as string).startsWith(`${issuer}/authorize?`));

      // Outside production, a gateway on this machine may speak http (a Keycloak for development),
      // and the embedded test provider is accepted as it is.
      internet = (url) => json(discovery(url.replace('/.well-known/openid-configuration', '')));
      assert.equal((await save('http://127.0.0.1:8080/realms/comune', 'cie')).statusCode, 200);
      assert.equal((await save('http://localhost:3000/oidc-test')).statusCode, 200);
      await admin.request({ method: 'PUT', url: PROVIDERS, payload: { spid: null, cie: null } });
    });

    it('logs the cause and the issuer when the gateway breaks at login', async () => {
      const admin = await signIn(app, 'bitonto', 'admin.bitonto');
      const issuer = 'https://cie.example.it/oidc/op';
      internet = () => json(discovery(issuer));
      assert.equal((await admin.request({ method: 'PUT', url: PROVIDERS, payload: { spid: null, cie: { issuer, clientId: 'sportello' } } })).statusCode, 200);
      internet = () => {
        throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
      };
      const res = await app.inject('/api/v1/bitonto/auth/login?provider=cie');
      assert.equal(res.statusCode, 503);
      assert.equal(res.json().code, 'IDP_UNAVAILABLE');
      const line = logs.find((l) => l.issuer === issuer);
      assert.ok(line, `a log line names the issuer: ${JSON.stringify(logs.filter((l) => l.level >= 40))}`);
      assert.equal(line.level, 40);
      assert.equal(line.provider, 'cie');
      assert.match(JSON.stringify(line.err), /fetch failed/);
      await admin.request({ method: 'PUT', url: PROVIDERS, payload: { spid: null, cie: null } });
    });
  });
}
