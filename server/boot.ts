// Opens the database, applies migrations, seeds demo data where the mode allows it, and builds
// the application context. Shared by main.ts, the tests and the benchmarks.
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { MODULES } from './modules/registry.ts';
import { enabledModules } from './platform/module.ts';
import { seedDemo } from './modules/demo/index.ts';
import { ShiftedClock, systemClock, type Clock } from './platform/clock.ts';
import type { AppContext } from './platform/context.ts';
import { openDatabase } from './platform/db/database.ts';
import type { ListenerTuning } from './platform/db/listener.ts';
import { migrate } from './platform/db/migrate.ts';
import { S3FileStorage } from './platform/files/s3-storage.ts';
import { LocalDiskStorage } from './platform/files/storage.ts';
import { createLogger } from './platform/logging.ts';
import { EventBus } from './platform/bus.ts';
import { jobBacklog } from './platform/jobs.ts';
import { MetricsRegistry } from './platform/metrics.ts';
import { ReadCache } from './platform/read-cache.ts';

/**
 * `log`: another logger than stdout's (the command line keeps stdout for its answers); `listener`:
 * the LISTEN connection's delays and probe (tests shorten or lengthen its outages).
 */
export async function createContext(config: Config, opts: { clock?: Clock; inMemory?: boolean; log?: Logger; listener?: Partial<ListenerTuning> } = {}): Promise<AppContext> {
  const log = opts.log ?? createLogger(config.logLevel);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    preparedStatements: config.preparedStatements,
    dataDir: config.dataDir,
    inMemory: opts.inMemory,
    log,
    listener: opts.listener,
  });
  const applied = await migrate(database.db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  if (config.mode !== 'production') {
    if (await seedDemo(database.db)) log.info('demo data seeded: Comune di Bari, Comune di Bitonto');
  }
  // Gauges read at scrape time; the HTTP server's are added by buildApp.
  const metrics = new MetricsRegistry((err, probe) => log.warn({ err, probe }, 'metrics probe failed'));
  metrics.probes.jobBacklog = () => jobBacklog(database.db);
  metrics.probes.pool = () => database.poolStats();
  metrics.probes.listener = () => database.listenerState();
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    bus: new EventBus(database, log),
    clock: opts.clock ?? (config.demoNow ? new ShiftedClock(config.demoNow) : systemClock),
    log,
    metrics,
    readCache: new ReadCache(config.readCacheMs),
    storage: config.s3 ? new S3FileStorage(config.s3) : new LocalDiskStorage(config.filesDir),
  };
  // Every node knows the durable subscribers: its writes queue their deliveries, its worker runs them.
  for (const m of enabledModules(MODULES, config)) for (const s of m.durableSubscribers?.(ctx) ?? []) ctx.bus.subscribeDurable(s);
  return ctx;
}
