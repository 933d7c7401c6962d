// A participant's signalling socket as a test sees it (video rooms).
import type { ClientMessage, ServerMessage } from '../../contracts/video.ts';
import { connectJsonSocket, type JsonSocket } from './json-socket.ts';

export type SignallingClient = JsonSocket<ServerMessage, ClientMessage>;

export function connectSignalling(baseUrl: string, path: string): Promise<SignallingClient> {
  return connectJsonSocket<ServerMessage, ClientMessage>(baseUrl, path);
}
