// Entry point: one process with the roles chosen in SPORTELLO_ROLES (web, worker, scheduler).
import { buildApp } from './app.ts';
import { createContext } from './boot.ts';
import { ConfigError, loadConfig } from './config.ts';
import { startMetricsServer } from './platform/http/metrics.ts';
import { createWorker, startScheduler } from './worker.ts';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const ctx = await createContext(config);
  const stoppers: Array<() => Promise<void>> = [];
  // On every role: a worker-only node's job counters are worth scraping too.
  if (config.metrics.port !== undefined) {
    const metrics = await startMetricsServer(ctx);
    ctx.log.info(`metrics on http://${config.metrics.host}:${metrics.port}/metrics`);
    stoppers.push(metrics.close);
  }
  if (config.roles.has('web')) {
    const app = await buildApp(ctx);
    await app.listen({ port: config.port, host: config.host });
    ctx.log.info(`Sportello (${config.mode}) on ${config.publicUrl} — database: ${ctx.database.engine}`);
    stoppers.push(() => app.close());
  }
  if (config.roles.has('worker')) {
    const worker = createWorker(ctx);
    await worker.start();
    stoppers.push(() => worker.stop());
  }
  if (config.roles.has('scheduler')) {
    const stop = startScheduler(ctx);
    stoppers.push(async () => stop());
  }
  const shutdown = async (signal: string) => {
    ctx.log.info({ signal }, 'shutting down');
    for (const stop of stoppers) await stop().catch(() => undefined);
    await ctx.database.close().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

void main();
