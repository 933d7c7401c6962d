// Queue module: the virtual queue (numbers, check-in of booked citizens, desks, the line, live
// screens, statistics, configuration).
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import type { SportelloModule } from '../../platform/module.ts';
import { closePastDays } from './end-of-day.ts';
import { QueueLiveHub } from './live-hub.ts';
import { queueOperatorRoutes } from './operator-routes.ts';
import { queuePublicRoutes } from './public-routes.ts';

export { checkIn, createCheckInTicket } from './check-in.ts';
import { queueScreensSubscriber } from './subscribers.ts';

/** One hub of live screens per running application (shared by its routes and its subscribers). */
const hubs = new WeakMap<AppContext, QueueLiveHub>();
export function queueHub(ctx: AppContext): QueueLiveHub {
  let hub = hubs.get(ctx);
  if (!hub) hubs.set(ctx, (hub = new QueueLiveHub(ctx)));
  return hub;
}

export const queueModule: SportelloModule = {
  name: 'queue',
  tag: { name: 'queue', description: 'Virtual queue: tickets, check-in, display board, desks, statistics' },
  tenantRoutes:
    (ctx): FastifyPluginAsync =>
    async (app) => {
      const hub = queueHub(ctx);
      await hub.start();
      app.addHook('onClose', async () => hub.stop());
      await app.register(queuePublicRoutes(ctx, hub));
      await app.register(queueOperatorRoutes(ctx, hub));
    },
  schedules: [{ name: 'queue.end-of-day', everyMs: 60_000, run: (ctx) => closePastDays(ctx) }],
  subscribers: (ctx) => [queueScreensSubscriber(queueHub(ctx))],
};
