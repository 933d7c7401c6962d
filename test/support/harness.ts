// Test harness: an app on a fresh database. PGlite in memory by default; with TEST_DATABASE_URL a
// fresh schema on a real PostgreSQL, so every integration test runs on both engines in CI.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { createContext } from '../../server/boot.ts';
import { MODULES } from '../../server/modules/registry.ts';
import { loadConfig } from '../../server/config.ts';
import { ManualClock } from '../../server/platform/clock.ts';
import type { AppContext } from '../../server/platform/context.ts';
import type { ListenerTuning } from '../../server/platform/db/listener.ts';
import type { JobWorker } from '../../server/platform/jobs.ts';
import { createWorker } from '../../server/worker.ts';

export interface Harness {
  app: FastifyInstance;
  ctx: AppContext;
  clock: ManualClock;
  /** Runs queued jobs (emails) now, as the worker would. */
  worker: JobWorker;
  close(): Promise<void>;
}

export const ENGINES: Array<{ name: string; url?: string }> = [
  { name: 'pglite' },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres', url: process.env.TEST_DATABASE_URL }] : []),
];

/** Monday 2 March 2026 at 08:00 in Rome: a working week with no holidays ahead. */
export const DEFAULT_NOW = '2026-03-02T07:00:00Z';

/**
 * `url`: a PostgreSQL server to get a fresh schema on; `sharedUrl`: an already prepared schema (a
 * second server node on the same database); `listener`: the LISTEN connection's delays and probe.
 */
export async function startHarness(
  opts: {
    url?: string;
    sharedUrl?: string;
    now?: string;
    env?: Record<string, string>;
    listener?: Partial<ListenerTuning>;
    /** Sees every route as it is registered. */
    onRoute?: (route: RouteOptions) => void;
  } = {},
): Promise<Harness> {
  const clock = new ManualClock(new Date(opts.now ?? DEFAULT_NOW));
  const databaseUrl = opts.sharedUrl ?? (opts.url ? await freshSchemaUrl(opts.url) : undefined);
  // Uploaded documents go to a throw-away folder per harness.
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-files-'));
  const config = loadConfig({
    SPORTELLO_MODE: 'test',
    PUBLIC_URL: 'http://localhost:3000',
    FILES_DIR: filesDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...opts.env,
  });
  const ctx = await createContext(config, { clock, inMemory: true, listener: opts.listener });
  const app = await buildApp(ctx, MODULES, { onRoute: opts.onRoute });
  await app.ready();
  return {
    app,
    ctx,
    clock,
    worker: createWorker(ctx),
    async close() {
      await app.close();
      await ctx.database.close();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

/** A new schema per harness keeps tests independent on a shared PostgreSQL database. */
export async function freshSchemaUrl(base: string): Promise<string> {
  const { openDatabase } = await import('../../server/platform/db/database.ts');
  const schema = `t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = await openDatabase({ databaseUrl: base });
  await sql.raw(`create schema ${schema}`).execute(admin.db);
  await admin.close();
  const u = new URL(base);
  u.searchParams.set('options', `-c search_path=${schema},public`);
  return u.toString();
}
