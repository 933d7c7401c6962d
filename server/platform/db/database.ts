// One SQL dialect, PostgreSQL: PGlite in-process by default, a PostgreSQL server with DATABASE_URL.
import fs from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import { PGliteDialect } from './pglite-dialect.ts';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** Run a statement with LISTEN/NOTIFY support; null for engines without a notification channel. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

// Timestamps stay Date; bigint counts come back as numbers on both engines.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v); // date as YYYY-MM-DD, never shifted by the process time zone

export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string; inMemory?: boolean }): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 20 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      engine: 'postgres',
      async listen(channel, onMessage) {
        const client = new pg.Client({ connectionString: opts.databaseUrl });
        // A dropped listener connection must not crash the process: notifications are a speed-up
        // (jobs are also polled, cached reads also expire), never the only path.
        client.on('error', () => undefined);
        await client.connect();
        client.on('notification', (msg) => msg.channel === channel && onMessage(msg.payload ?? ''));
        await client.query(`listen ${pg.escapeIdentifier(channel)}`);
        return async () => {
          await client.end().catch(() => undefined);
        };
      },
      async close() {
        await db.destroy();
      },
    };
  }
  const parsers = { [types.DATE]: (v: string) => v, [types.INT8]: (v: string) => Number(v) };
  let pglite: PGlite;
  if (opts.inMemory || !opts.dataDir) {
    pglite = new PGlite({ parsers });
  } else {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    pglite = new PGlite(opts.dataDir, { parsers });
  }
  await pglite.waitReady;
  await pglite.exec(`set time zone 'UTC'`);
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    engine: 'pglite',
    async listen(channel, onMessage) {
      const unsub = await pglite.listen(channel, onMessage);
      return async () => unsub();
    },
    async close() {
      await db.destroy();
    },
  };
}

export async function ping(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
