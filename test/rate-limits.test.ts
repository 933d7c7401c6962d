// Rate limits come from the environment (RATE_LIMIT_*_PER_MIN), per node: a client over the limit
// gets 429 in the API's error shape, and other clients are unaffected.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { ConfigError, loadConfig, RATE_LIMIT_DEFAULTS, rateLimitEnvName } from '../server/config.ts';
import { findService, freeSlots } from './support/fixtures.ts';
import { startHarness, type Harness } from './support/harness.ts';

describe('rate limit configuration', () => {
  it('keeps the limits the routes always had unless told otherwise, and names each variable', () => {
    assert.deepEqual(loadConfig({}).rateLimits, {
      publicWrites: 30,
      publicReads: 120,
      manageLinks: 60,
      mapTiles: 600,
      citizenLogin: 30,
      officerLogin: 20,
      officerAccount: 20,
      dataExport: 10,
      auditVerify: 6,
    });
    assert.equal(rateLimitEnvName('publicWrites'), 'RATE_LIMIT_PUBLIC_WRITES_PER_MIN');
    assert.equal(rateLimitEnvName('officerLogin'), 'RATE_LIMIT_OFFICER_LOGIN_PER_MIN');
    assert.equal(loadConfig({ RATE_LIMIT_MANAGE_LINKS_PER_MIN: '500' }).rateLimits.manageLinks, 500);
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const name of Object.keys(RATE_LIMIT_DEFAULTS) as Array<keyof typeof RATE_LIMIT_DEFAULTS>) {
      assert.ok(readme.includes(`| \`${rateLimitEnvName(name)}\``), `${rateLimitEnvName(name)} is documented in the README`);
    }
  });

  it('refuses a limit that is not a positive whole number, saying which', () => {
    assert.throws(
      () => loadConfig({ RATE_LIMIT_PUBLIC_WRITES_PER_MIN: '0', RATE_LIMIT_CITIZEN_LOGIN_PER_MIN: 'lots' }),
      (err: unknown) =>
        err instanceof ConfigError &&
        err.problems.some((p) => p.startsWith('RATE_LIMIT_PUBLIC_WRITES_PER_MIN')) &&
        err.problems.some((p) => p.startsWith('RATE_LIMIT_CITIZEN_LOGIN_PER_MIN')),
    );
  });
});

// PGlite only: the limits are counted in the process, whatever the database.
describe('rate limits set by environment', () => {
  let h: Harness;
  before(async () => (h = await startHarness({ env: { RATE_LIMIT_PUBLIC_READS_PER_MIN: '3', RATE_LIMIT_PUBLIC_WRITES_PER_MIN: '2' } })));
  after(async () => h.close());

  it('answers 429 RATE_LIMITED after the configured number of public reads, per client address', async () => {
    const { office } = await findService(h.app, 'bari', 'URP', 'Informazioni generali');
    const url = `/api/v1/bari/offices/${office.id}/queue`;
    const client = { remoteAddress: '198.51.100.10' };
    for (let i = 0; i < 3; i++) assert.equal((await h.app.inject({ url, ...client })).statusCode, 200, `read ${i + 1}`);
    const refused = await h.app.inject({ url, ...client, headers: { 'accept-language': 'en' } });
    assert.equal(refused.statusCode, 429);
    assert.deepEqual(refused.json(), {
      code: 'RATE_LIMITED',
      message: 'Too many requests: try again shortly.',
      messages: { it: 'Troppe richieste: riprova tra poco.', en: 'Too many requests: try again shortly.' },
    });
    // Another address has its own count.
    assert.equal((await h.app.inject({ url, remoteAddress: '198.51.100.11' })).statusCode, 200);
  });

  it('applies the public writes limit to holds', async () => {
    const { service } = await findService(h.app, 'bari', 'URP', 'Informazioni generali');
    const slots = await freeSlots(h.app, 'bari', service.id);
    const hold = (i: number) =>
      h.app.inject({ method: 'POST', url: '/api/v1/bari/holds', remoteAddress: '198.51.100.20', payload: { serviceId: service.id, start: slots[i]!.start } });
    assert.equal((await hold(0)).statusCode, 201);
    assert.equal((await hold(1)).statusCode, 201);
    const third = await hold(2);
    assert.equal(third.statusCode, 429);
    assert.equal(third.json().code, 'RATE_LIMITED');
  });
});
