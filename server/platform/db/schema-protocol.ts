// The protocol register (migration 014): entries, their annulments, the daily registers.
import type { Json, Timestamp } from './column-types.ts';

export type ProtocolDirection = 'incoming' | 'outgoing' | 'internal';

/** A registered document: the main one first, then the attachments. */
export interface RegisteredDocument {
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  storageKey: string;
}

export interface ProtocolEntriesTable {
  id: string;
  tenant_id: string;
  year: number;
  number: number;
  registered_at: Timestamp;
  direction: ProtocolDirection;
  correspondent: string;
  subject: string;
  classification: string | null;
  application_id: string | null;
  registered_by_type: 'operator' | 'citizen' | 'system';
  operator_id: string | null;
  documents: Json<RegisteredDocument[]>;
}

export interface ProtocolAnnulmentsTable {
  entry_id: string;
  tenant_id: string;
  reason: string;
  operator_id: string;
  annulled_at: Timestamp;
}

export interface ProtocolDailyRegistersTable {
  tenant_id: string;
  day: string;
  entries: number;
  annulments: number;
  first_number: number | null;
  last_number: number | null;
  pdf_key: string;
  pdf_sha256: string;
  pdf_size: number;
  json_key: string;
  json_sha256: string;
  json_size: number;
  produced_at: Timestamp;
}
