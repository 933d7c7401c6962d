// Online applications (migration 016): form versions, applications, their attachments.
import type { ColumnType, Generated } from 'kysely';
import type { FormDefinition } from '../../../contracts/forms/definition.ts';
import type { Json, Timestamp } from './column-types.ts';

export interface ServiceFormsTable {
  id: Generated<string>;
  tenant_id: string;
  card_id: string;
  version: number;
  definition: Json<FormDefinition>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export type ApplicationStatus = 'draft' | 'submitted';

export interface ApplicationsTable {
  id: Generated<string>;
  tenant_id: string;
  card_id: string;
  form_id: string;
  citizen_id: string;
  status: Generated<ApplicationStatus>;
  data: ColumnType<Record<string, Record<string, unknown>>, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  expires_at: Timestamp | null;
  submitted_at: Timestamp | null;
  protocol_entry_id: string | null;
  protocol_year: number | null;
  protocol_number: number | null;
  protocol_registered_at: Timestamp | null;
  summary_key: string | null;
  summary_sha256: string | null;
  summary_size: number | null;
}

export interface ApplicationAttachmentsTable {
  id: string;
  tenant_id: string;
  application_id: string;
  field: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  signed: boolean;
  created_at: Timestamp;
}
