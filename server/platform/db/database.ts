// One SQL dialect, PostgreSQL: PGlite in-process by default, a PostgreSQL server with DATABASE_URL.
import fs from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { lockDataDir } from './data-dir-lock.ts';
import type { DB } from './schema.ts';
import { LISTENER_DEFAULTS, type ListenerState, type ListenerTuning, type ListenOptions, PgListener } from './listener.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { reusePlans } from './prepared.ts';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** LISTEN on a channel; `onReconnect` runs when a dropped listener connection is back (catch up then). */
  listen(channel: string, onMessage: (payload: string) => void, opts?: ListenOptions): Promise<() => Promise<void>>;
  /** The notification channel's state, for /readyz (PGlite's is in-process: always up). */
  listenerState(): ListenerState;
  /** The pg pool's clients, for /metrics (PGlite has one connection and no pool). */
  poolStats(): { total: number; idle: number; waiting: number } | undefined;
  close(): Promise<void>;
}

// Timestamps stay Date; bigint counts come back as numbers on both engines.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1082, (v) => v); // date as YYYY-MM-DD, never shifted by the process time zone

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  inMemory?: boolean;
  log?: Logger;
  /**
   * Named prepared statements on the pool's connections (PostgreSQL only; platform/db/prepared.ts).
   * Off for a pooler that cannot carry them between its server connections (PgBouncer in
   * transaction mode before 1.21): DATABASE_PREPARED_STATEMENTS=off.
   */
  preparedStatements?: boolean;
  /** The LISTEN connection's delays and probe (PostgreSQL only); defaults suit production. */
  listener?: Partial<ListenerTuning>;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    // Connections are named in pg_stat_activity: `sportello` (or the URL's application_name) for the
    // pool, the same with `-listener` for the LISTEN connection, so operators can tell them apart.
    const { connectionString, appName } = splitApplicationName(opts.databaseUrl);
    // A server that accepts and never answers (hung, or behind a dead link) must not hold every
    // request that waits for a connection: give a new connection as long as the listener's attempt.
    const connectionTimeoutMillis = opts.listener?.connectTimeoutMs ?? LISTENER_DEFAULTS.connectTimeoutMs;
    const pool = new pg.Pool({ connectionString, application_name: appName, max: 20, connectionTimeoutMillis });
    // An idle pooled connection that the server drops (restart, pg_terminate_backend) emits 'error' on
    // the pool: logged, never fatal. The pool opens a fresh connection for the next query.
    pool.on('error', (err) => opts.log?.warn({ err: err.message }, 'idle database connection lost'));
    // A connection dropped while checked out but between two statements (a transaction waiting on
    // other work) emits 'error' on the client itself, where the pool listens only while it is idle:
    // without a listener of ours that event would end the process. The transaction's next statement
    // fails (the request answers 500) and the pool discards the connection when it comes back.
    pool.on('connect', (client) => {
      client.on('error', () => undefined);
      if (opts.preparedStatements !== false) reusePlans(client);
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const listener = new PgListener(connectionString, opts.log, { applicationName: `${appName}-listener`, ...opts.listener });
    return {
      db,
      engine: 'postgres',
      listen: (channel, onMessage, listenOpts) => listener.listen(channel, onMessage, listenOpts),
      listenerState: () => listener.state,
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      async close() {
        await listener.close();
        await db.destroy();
      },
    };
  }
  const parsers = { [types.DATE]: (v: string) => v, [types.INT8]: (v: string) => Number(v) };
  let pglite: PGlite;
  let release = () => {};
  if (opts.inMemory || !opts.dataDir) {
    pglite = new PGlite({ parsers });
  } else {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    release = lockDataDir(opts.dataDir);
    pglite = new PGlite(opts.dataDir, { parsers });
  }
  try {
    await pglite.waitReady;
  } catch (err) {
    release();
    throw err;
  }
  await pglite.exec(`set time zone 'UTC'`);
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    engine: 'pglite',
    async listen(channel, onMessage) {
      const unsub = await pglite.listen(channel, onMessage);
      return async () => unsub();
    },
    listenerState: () => 'up',
    poolStats: () => undefined,
    async close() {
      await db.destroy();
      release();
    },
  };
}

/** A URL's application_name would override the one given beside it (pg reads the URL last). */
function splitApplicationName(databaseUrl: string): { connectionString: string; appName: string } {
  if (!/[?&]application_name=/.test(databaseUrl)) return { connectionString: databaseUrl, appName: 'sportello' };
  const url = new URL(databaseUrl);
  const appName = url.searchParams.get('application_name') || 'sportello';
  url.searchParams.delete('application_name');
  return { connectionString: url.toString(), appName };
}

export async function ping(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
