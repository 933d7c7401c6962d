// Two demo nodes started at the same moment on an empty PostgreSQL database: both come up, and the
// demo comuni are seeded once (the seed takes an advisory lock and looks again inside it).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { createContext } from '../server/boot.ts';
import { loadConfig } from '../server/config.ts';
import { DEMO_TENANTS } from '../server/modules/demo/demo-tenants.ts';
import { freshSchemaUrl } from './support/harness.ts';

describe('demo data on a fresh PostgreSQL', { skip: process.env.TEST_DATABASE_URL ? false : 'needs TEST_DATABASE_URL (PostgreSQL)' }, () => {
  it('is seeded once when two nodes start together', async () => {
    const url = await freshSchemaUrl(process.env.TEST_DATABASE_URL!);
    const config = loadConfig({ SPORTELLO_MODE: 'demo', DATABASE_URL: url, LOG_LEVEL: 'silent' });
    const started = await Promise.allSettled([createContext(config), createContext(config)]);
    const contexts = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    try {
      assert.deepEqual(
        started.map((s) => (s.status === 'fulfilled' ? 'started' : String(s.reason))),
        ['started', 'started'],
      );
      const db = contexts[0]!.db;
      const tenants = await db.selectFrom('tenants').select('slug').orderBy('slug').execute();
      assert.deepEqual(
        tenants.map((t) => t.slug),
        ['bari', 'bitonto'],
      );
      const admins = await sql<{ n: string }>`select count(*) as n from operators where username = 'admin.bari'`.execute(db);
      assert.equal(Number(admins.rows[0]!.n), 1);
      const offices = await sql<{ n: string }>`select count(*) as n from offices`.execute(db);
      assert.equal(Number(offices.rows[0]!.n), DEMO_TENANTS.flatMap((t) => t.offices).length, 'no office twice');
    } finally {
      for (const c of contexts) await c.database.close();
    }
  });
});
