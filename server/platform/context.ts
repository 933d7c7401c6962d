// What every module receives: configuration, the database, the event bus, the clock, logging,
// metrics, the read cache and the document storage.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { EventBus } from './bus.ts';
import type { Clock } from './clock.ts';
import type { Database } from './db/database.ts';
import type { DB } from './db/schema.ts';
import type { FileStorage } from './files/storage.ts';
import type { MetricsRegistry } from './metrics.ts';
import type { ReadCache } from './read-cache.ts';

export interface AppContext {
  config: Config;
  database: Database;
  db: Kysely<DB>;
  clock: Clock;
  log: Logger;
  metrics: MetricsRegistry;
  /** Short-lived copies of hot public reads, cleared on every write. */
  readCache: ReadCache;
  /** Audit entries, domain events, citizens' notices: one call in the change's transaction. */
  bus: EventBus;
  /** Uploaded documents (local disk by default). */
  storage: FileStorage;
  /** Requests to other servers (the comuni's SPID/CIE gateways); unset: the global fetch. Tests put a fake internet here. */
  fetch?: typeof fetch;
}
