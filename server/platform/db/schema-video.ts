// Video rooms (migration 005): rooms, per-party tokens, presence, chat, documents, relay.
import type { Generated } from 'kysely';
import type { Timestamp } from './column-types.ts';

export type Party = 'citizen' | 'officer';

export interface VideoRoomsTable {
  id: Generated<string>;
  tenant_id: string;
  kind: 'booking' | 'immediate';
  booking_id: string | null;
  office_id: string | null;
  opens_at: Timestamp | null;
  closes_at: Timestamp | null;
  citizen_name: string | null;
  citizen_email: string | null;
  created_by: string | null;
  ended_at: Timestamp | null;
  end_note: string | null;
  created_at: Generated<Date>;
}

export interface VideoRoomTokensTable {
  token_hash: string;
  tenant_id: string;
  room_id: string;
  party: Party;
  operator_id: string | null;
  created_at: Generated<Date>;
}

export interface VideoPresenceTable {
  connection_id: string;
  tenant_id: string;
  room_id: string;
  party: Party;
  node_id: string;
  joined_at: Timestamp;
  seen_at: Timestamp;
}

export interface VideoMessagesTable {
  id: Generated<string>;
  tenant_id: string;
  room_id: string;
  party: Party;
  body: string;
  created_at: Timestamp;
}

export interface RoomFilesTable {
  id: Generated<string>;
  tenant_id: string;
  room_id: string;
  booking_id: string | null;
  uploaded_by: Party;
  operator_id: string | null;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  created_at: Timestamp;
}

export interface VideoRelayTable {
  id: Generated<number>;
  body: string;
  created_at: Generated<Date>;
}
