// Opens the database, applies migrations, seeds demo data where the mode allows it, and builds
// the application context. Shared by main.ts, the tests and the benchmarks.
import type { Config } from './config.ts';
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
import { MetricsRegistry } from './platform/metrics.ts';
import { ReadCache } from './platform/read-cache.ts';

export async function createContext(config: Config, opts: { clock?: Clock; inMemory?: boolean; listener?: Partial<ListenerTuning> } = {}): Promise<AppContext> {
  const log = createLogger(config.logLevel);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, inMemory: opts.inMemory, log, listener: opts.listener });
  const applied = await migrate(database.db);
  if (applied.length) log.info({ applied }, 'migrations applied');
  if (config.mode !== 'production') {
    if (await seedDemo(database.db)) log.info('demo data seeded: Comune di Bari, Comune di Bitonto');
  }
  return {
    config,
    database,
    db: database.db,
    bus: new EventBus(database, log),
    clock: opts.clock ?? (config.demoNow ? new ShiftedClock(config.demoNow) : systemClock),
    log,
    metrics: new MetricsRegistry(),
    readCache: new ReadCache(config.readCacheMs),
    storage: config.s3 ? new S3FileStorage(config.s3) : new LocalDiskStorage(config.filesDir),
  };
}
