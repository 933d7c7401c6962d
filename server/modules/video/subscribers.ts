// The video module's reactions to events. A video appointment cancelled while its room is open (by
// the citizen from the manage link, or by the office) ends the call for both parties at once: the
// room's sockets on every node are closed with "cancelled", which the room page explains. Durable
// (from the job queue, retried): a node that was down when the booking was cancelled must not leave
// a call running.
import type { BusEvent } from '../../../contracts/events.ts';
import { CLOSE_CODES } from '../../../contracts/video.ts';
import type { DurableSubscriber } from '../../platform/bus.ts';
import type { AppContext } from '../../platform/context.ts';
import { publish } from './relay.ts';

export function videoDurableSubscribers(ctx: AppContext): DurableSubscriber[] {
  return [
    {
      name: 'video.close-cancelled-rooms',
      events: ['booking.cancelled'],
      handle: async (e: BusEvent) => {
        if (!e.entityId) return;
        const room = await ctx.db
          .updateTable('video_rooms')
          .set({ ended_at: ctx.clock.now() })
          .where('tenant_id', '=', e.tenantId)
          .where('booking_id', '=', e.entityId)
          .where('ended_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!room) return;
        await publish(ctx, { room: room.id, to: 'all', message: { type: 'closed', reason: 'cancelled' } });
        await publish(ctx, { room: room.id, close: { code: CLOSE_CODES.notOpen, reason: 'cancelled' } });
      },
    },
  ];
}
