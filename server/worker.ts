// The worker and scheduler roles: the job handlers and the periodic tasks.
import { queueDueReminders } from './modules/booking/reminders.ts';
import { closePastDays } from './modules/queue/end-of-day.ts';
import { startAuditSealer } from './modules/audit/sealer.ts';
import type { AppContext } from './platform/context.ts';
import { JobWorker } from './platform/jobs.ts';
import { createTransport, mailSendHandler } from './platform/mail.ts';

export function createWorker(ctx: AppContext): JobWorker {
  const transport = createTransport(ctx.config.smtpUrl);
  return new JobWorker(ctx, {
    'mail.send': mailSendHandler(transport, ctx.config.mailFrom),
  });
}

export function startScheduler(ctx: AppContext, everyMs = 60_000): () => void {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const n = await queueDueReminders(ctx);
      if (n) ctx.log.info({ reminders: n }, 'reminders queued');
      const closed = await closePastDays(ctx);
      if (closed) ctx.log.info({ tickets: closed }, "earlier days' tickets closed");
    } catch (err) {
      ctx.log.error({ err }, 'scheduler tick failed');
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  void tick();
  // The audit chain is linked every few seconds, not every minute: its own, shorter timer.
  const stopSealer = startAuditSealer(ctx);
  return () => {
    clearInterval(timer);
    stopSealer();
  };
}
