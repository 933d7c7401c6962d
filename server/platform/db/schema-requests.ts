// Row types of the citizens' requests and inefficiency reports (migrations 020, 021).
import type { ColumnType, Generated } from 'kysely';

export type CitizenRequestStatus = 'open' | 'in_progress' | 'answered';

export interface CitizenRequestsTable {
  id: Generated<string>;
  tenant_id: string;
  kind: 'assistance' | 'inefficiency';
  year: number;
  seq: number;
  category: string;
  service_slug: string | null;
  service_title: string | null;
  office_id: string | null;
  description: string;
  name: string;
  surname: string;
  email: string;
  phone: string | null;
  fiscal_code: string | null;
  status: Generated<CitizenRequestStatus>;
  answer: string | null;
  answered_at: Date | null;
  answered_by: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  assigned_to: string | null;
  taken_at: Date | null;
  photo_token_hash: string | null;
  photo_token_expires_at: Date | null;
}

export interface CitizenRequestPhotosTable {
  id: Generated<string>;
  tenant_id: string;
  request_id: string;
  media_type: 'image/jpeg' | 'image/png' | 'image/webp';
  size: number;
  sha256: string;
  storage_key: string;
  created_at: ColumnType<Date, Date | string | undefined, never>;
}
