// Signalling between server nodes: every message for a room is published with NOTIFY and every
// node (the sender's too) delivers it to the sockets it holds for that room. One path for one node
// and for many keeps the single-node case exercising the multi-node code. NOTIFY is not stored: a
// node whose LISTEN connection was down has lost what was published meanwhile, and catches up
// (`onReconnect`, see SignallingHub.resync).
import type { AppContext } from '../../platform/context.ts';
import type { Party } from '../../platform/db/schema.ts';
import type { ServerMessage } from '../../../contracts/video.ts';
import { loadRelayBody, storeRelayBody } from './room-repository.ts';

export const VIDEO_CHANNEL = 'sportello_video';
// NOTIFY payloads stop at 8000 bytes; an SDP offer with several codecs can exceed that.
const INLINE_LIMIT = 7000;

export type RelayEnvelope =
  | { room: string; to: Party | 'all'; except?: string; message: ServerMessage }
  /** Close the room's sockets: of one party except one connection (a newer tab), or all of them. */
  | { room: string; close: { party?: Party; except?: string; code: number; reason: 'replaced' | 'ended' | 'window' | 'cancelled' } }
  /** Every node sends its sockets of the room a fresh welcome, so both parties start the call again. */
  | { room: string; resync: string };

export async function publish(ctx: AppContext, envelope: RelayEnvelope): Promise<void> {
  const body = JSON.stringify(envelope);
  const payload = Buffer.byteLength(body) <= INLINE_LIMIT ? body : JSON.stringify({ ref: await storeRelayBody(ctx.db, body) });
  await ctx.db.selectNoFrom((eb) => eb.fn<string>('pg_notify', [eb.val(VIDEO_CHANNEL), eb.val(payload)]).as('n')).execute();
}

/**
 * Calls `deliver` for every envelope, in the order they were published: a large offer fetched
 * from the table must not be overtaken by the small ICE candidates that follow it, nor a message
 * by the welcome (read from the database) of a resync published before it. `onReconnect`: the
 * channel was not heard for a while.
 */
export async function subscribe(ctx: AppContext, deliver: (e: RelayEnvelope) => void | Promise<void>, onReconnect: () => Promise<void>): Promise<() => Promise<void>> {
  let chain = Promise.resolve();
  return ctx.database.listen(
    VIDEO_CHANNEL,
    (payload) => {
      chain = chain.then(async () => {
        try {
          let parsed = JSON.parse(payload) as RelayEnvelope | { ref: number };
          if ('ref' in parsed) {
            const body = await loadRelayBody(ctx.db, parsed.ref);
            if (!body) return;
            parsed = JSON.parse(body) as RelayEnvelope;
          }
          await deliver(parsed);
        } catch (err) {
          ctx.log.warn({ err }, 'video relay: message dropped');
        }
      });
    },
    { onReconnect },
  );
}
