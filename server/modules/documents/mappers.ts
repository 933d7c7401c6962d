// Rows to the shapes of contracts/video.ts (a document as both parties and the officer see it).
import type { RoomFile } from '../../../contracts/video.ts';
import type { RoomFileRow } from './repository.ts';

export function toRoomFile(f: RoomFileRow): RoomFile {
  return { id: f.id, name: f.name, mediaType: f.media_type, size: Number(f.size), sha256: f.sha256, uploadedBy: f.uploaded_by, uploadedAt: f.created_at.toISOString() };
}
