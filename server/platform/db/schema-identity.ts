// Citizens' identity and personal area (migration 007), and the embedded test provider.
import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './column-types.ts';
export type CitizenProvider = 'spid' | 'cie';

export interface CitizensTable {
  id: Generated<string>;
  tenant_id: string;
  fiscal_code: string;
  given_name: string;
  family_name: string;
  birth_date: string | null;
  birth_place: string | null;
  residence_address: string | null;
  identity_email: string | null;
  email: string | null;
  email_verified_at: Timestamp | null;
  pending_email: string | null;
  pending_email_token_hash: string | null;
  pending_email_expires_at: Timestamp | null;
  phone: string | null;
  notify_email: Generated<boolean>;
  spid_level: number | null;
  last_provider: CitizenProvider | null;
  last_login_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface CitizenAuthRequestsTable {
  state_hash: string;
  tenant_id: string;
  provider: CitizenProvider;
  nonce: string;
  code_verifier: string;
  binding_hash: string;
  return_to: string;
  expires_at: Timestamp;
}

export interface CitizenSessionsTable {
  id_hash: string;
  tenant_id: string;
  citizen_id: string;
  csrf_token: string;
  provider: CitizenProvider;
  spid_level: number | null;
  /** The level of assurance, SPID or CIE (migration 017; null for sessions made before it). */
  level: number | null;
  id_token: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface CitizenMessagesTable {
  id: Generated<string>;
  tenant_id: string;
  fiscal_code: string;
  subject: string;
  body: string;
  link: string | null;
  dedupe_key: string | null;
  sender: Generated<'system' | 'operator'>;
  operator_id: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface CitizenDeadlinesTable {
  id: Generated<string>;
  tenant_id: string;
  fiscal_code: string;
  title: string;
  due_at: Timestamp;
  link: string | null;
  source: Generated<string>;
  created_at: Generated<Date>;
  done_at: Timestamp | null;
}

export interface TestIdpKeysTable {
  id: number;
  private_jwk: ColumnType<unknown, string, string>;
  created_at: Generated<Date>;
}

export interface TestIdpGrantsTable {
  token_hash: string;
  kind: 'code' | 'access';
  claims: ColumnType<unknown, string, string>;
  client_id: string;
  redirect_uri: string | null;
  code_challenge: string | null;
  nonce: string | null;
  expires_at: Timestamp;
  used: Generated<boolean>;
}
