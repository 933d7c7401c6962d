// The shape of a capability. Each folder under server/modules/ exports one `SportelloModule` from its
// index.ts; server/modules/registry.ts lists them, and the application (app.ts), the worker and the
// scheduler (worker.ts) loop over that list. Adding a capability is one folder and one line there.
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.ts';
import type { DurableSubscriber, LocalSubscriber } from './bus.ts';
import type { AppContext } from './context.ts';
import type { JobHandler } from './jobs.ts';

export interface ScheduledTask {
  name: string;
  everyMs: number;
  /** Returns how much it did (logged when not zero). Runs on nodes with the scheduler role. */
  run: (ctx: AppContext) => Promise<number | undefined>;
  /** How a round that did something is logged (a frequent task logs at debug). */
  logLevel?: 'info' | 'debug';
}

export interface SportelloModule {
  name: string;
  /** Its section of the OpenAPI document. */
  tag?: { name: string; description: string };
  /** Absent in some modes (the development mailbox and the test identity provider: never in production). */
  enabled?: (config: Config) => boolean;
  /** Routes under /api/v1/:tenant/…: the comune is resolved before they run (req.tenant). */
  tenantRoutes?: (ctx: AppContext) => FastifyPluginAsync;
  /** Routes outside a comune's scope. */
  globalRoutes?: (ctx: AppContext) => FastifyPluginAsync;
  /** Job handlers, by job name (worker role). */
  jobs?: (ctx: AppContext) => Record<string, JobHandler>;
  /** Periodic tasks (scheduler role). */
  schedules?: ScheduledTask[];
  /** Reactions to events on this node (caches, live screens), registered when the web role starts. */
  subscribers?: (ctx: AppContext) => LocalSubscriber[];
  /**
   * Reactions to events through the job queue (any worker, retried). Registered on every node at
   * start (boot.ts): a web node's `record` must know whom to queue a delivery for.
   */
  durableSubscribers?: (ctx: AppContext) => DurableSubscriber[];
}

export function enabledModules(modules: readonly SportelloModule[], config: Config): SportelloModule[] {
  return modules.filter((m) => m.enabled?.(config) ?? true);
}
