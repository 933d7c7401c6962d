// Online applications (migrations 016, 022): form versions, applications with their case, attachments,
// the case's history.
import type { ColumnType, Generated } from 'kysely';
import type { FormDefinition } from '../../../contracts/forms/definition.ts';
import type { CaseState } from '../../../contracts/statuses.ts';
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
  // Case handling (migration 022)
  state: Generated<CaseState>;
  office_id: string | null;
  assigned_to: string | null;
  taken_at: Timestamp | null;
  term_days: number | null;
  due_on: ColumnType<string | null, string | null, string | null>;
  suspended: Generated<boolean>;
  decided_at: Timestamp | null;
  outcome: string | null;
  response_key: string | null;
  response_sha256: string | null;
  response_size: number | null;
  response_protocol: string | null;
  state_changed_at: Timestamp | null;
  submit_when_paid: Generated<boolean>;
}

export interface ApplicationEventsTable {
  id: Generated<string>;
  tenant_id: string;
  application_id: string;
  at: Timestamp;
  kind: 'state' | 'message' | 'note';
  action: string | null;
  from_state: CaseState | null;
  to_state: CaseState | null;
  actor_type: 'citizen' | 'operator' | 'system';
  actor_id: string | null;
  author: string;
  text: string | null;
  due_on: ColumnType<string | null, string | null, string | null>;
  asked: ColumnType<string[] | null, string | null, string | null>;
  data: ColumnType<Record<string, Record<string, unknown>> | null, string | null, string | null>;
  internal: Generated<boolean>;
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

export interface ApplicationCaseFilesTable {
  id: string;
  tenant_id: string;
  application_id: string;
  event_id: string | null;
  uploaded_by: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  created_at: Timestamp;
}
