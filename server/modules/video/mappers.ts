// Rows to the shapes of contracts/video.ts.
import type { ChatMessage } from '../../../contracts/video.ts';
import type { Party } from '../../platform/db/schema.ts';

export function toChatMessage(r: { id: string; party: Party; body: string; created_at: Date }): ChatMessage {
  return { id: r.id, from: r.party, text: r.body, at: r.created_at.toISOString() };
}
