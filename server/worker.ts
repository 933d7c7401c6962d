// The worker and scheduler roles: the job handlers and the periodic tasks of every module, plus the
// bus's durable deliveries (an event handed to a subscriber from the job queue, retried until done)
// and the platform's own periodic task (retention of jobs, events and sent emails).
import { MODULES } from './modules/registry.ts';
import { DELIVER_JOB, loadEvent } from './platform/bus.ts';
import type { AppContext } from './platform/context.ts';
import { type JobHandler, JobWorker } from './platform/jobs.ts';
import { createTransport, mailSendHandler } from './platform/mail.ts';
import { enabledModules, type ScheduledTask, type SportelloModule } from './platform/module.ts';
import { retentionTask } from './platform/retention.ts';

const PLATFORM_SCHEDULES: ScheduledTask[] = [retentionTask];

export function createWorker(ctx: AppContext, modules: readonly SportelloModule[] = MODULES): JobWorker {
  const active = enabledModules(modules, ctx.config);
  const handlers: Record<string, JobHandler> = {
    'mail.send': mailSendHandler(createTransport(ctx.config.smtpUrl), ctx.config.mailFrom),
    [DELIVER_JOB]: async (payload) => {
      const subscriber = ctx.bus.durableSubscriber(String(payload.subscriber));
      const event = await loadEvent(ctx.db, Number(payload.eventId));
      // An event purged by retention or a subscriber removed since: nothing left to do.
      if (subscriber && event) await subscriber.handle(event);
    },
  };
  for (const m of active) Object.assign(handlers, m.jobs?.(ctx));
  return new JobWorker(ctx, handlers);
}

/** Runs the platform's and every module's periodic tasks on their own timers; returns the function that stops them. */
export function startScheduler(ctx: AppContext, modules: readonly SportelloModule[] = MODULES): () => void {
  const timers: NodeJS.Timeout[] = [];
  const tasks = [...PLATFORM_SCHEDULES, ...enabledModules(modules, ctx.config).flatMap((m) => m.schedules ?? [])];
  for (const task of tasks) {
    let busy = false;
    const tick = async () => {
      if (busy) return;
      busy = true;
      try {
        const n = await task.run(ctx);
        if (n) ctx.log[task.logLevel ?? 'info']({ task: task.name, n }, 'scheduled task done');
      } catch (err) {
        ctx.log.error({ err, task: task.name }, 'scheduled task failed');
      } finally {
        busy = false;
      }
    };
    timers.push(setInterval(() => void tick(), task.everyMs));
    void tick();
  }
  return () => {
    for (const t of timers) clearInterval(t);
  };
}
