// Video module: rooms for video appointments and immediate calls, signalling across nodes,
// documents exchanged in the room, the officer's end of the meeting; rooms for the queue's video calls.
import type { FastifyPluginAsync } from 'fastify';
import type { SportelloModule } from '../../platform/module.ts';
import { videoOperatorRoutes } from './operator-routes.ts';
import { videoRoutes } from './routes.ts';
import { SignallingHub } from './signalling-hub.ts';
import { videoDurableSubscribers } from './subscribers.ts';

export { consoleRoomUrl } from './links.ts';
export { announceRoomEnded, endQueueRoom, openQueueRoom } from './queue-rooms.ts';
export { citizensWaiting } from './room-repository.ts';

export const videoModule: SportelloModule = {
  name: 'video',
  tag: { name: 'video', description: 'Video rooms: view, signalling, documents' },
  tenantRoutes:
    (ctx): FastifyPluginAsync =>
    async (app) => {
      const hub = new SignallingHub(ctx);
      await hub.start();
      app.addHook('onClose', async () => hub.stop());
      await app.register(videoRoutes(ctx, hub));
      await app.register(videoOperatorRoutes(ctx));
    },
  durableSubscribers: videoDurableSubscribers,
};
