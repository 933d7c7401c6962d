// Rows to the shapes of contracts/video.ts.
import type { ChatMessage, RoomFile } from '../../../contracts/video.ts';
import type { Party } from '../../platform/db/schema.ts';
import type { RoomFileRow } from './room-repository.ts';

export function toChatMessage(r: { id: string; party: Party; body: string; created_at: Date }): ChatMessage {
  return { id: r.id, from: r.party, text: r.body, at: r.created_at.toISOString() };
}

export function toRoomFile(f: RoomFileRow): RoomFile {
  return { id: f.id, name: f.name, mediaType: f.media_type, size: Number(f.size), sha256: f.sha256, uploadedBy: f.uploaded_by, uploadedAt: f.created_at.toISOString() };
}
