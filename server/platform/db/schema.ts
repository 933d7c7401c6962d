// Table types for Kysely, kept by hand next to the SQL migrations they mirror; one file per
// capability beside this one (schema-video, schema-queue, schema-identity), all gathered in DB below.
import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from './column-types.ts';
import type { RoomFilesTable, VideoMessagesTable, VideoPresenceTable, VideoRelayTable, VideoRoomsTable, VideoRoomTokensTable } from './schema-video.ts';
import type { DeskQueuesTable, DeskSessionsTable, QueueServicesTable, QueuesTable, TicketEventsTable, TicketsTable, TicketTokensTable } from './schema-queue.ts';
import type {
  CitizenProvider,
  CitizenAuthRequestsTable,
  CitizenDeadlinesTable,
  CitizenMessagesTable,
  CitizenSessionsTable,
  CitizensTable,
  TestIdpGrantsTable,
  TestIdpKeysTable,
} from './schema-identity.ts';
import type { ServiceCardsTable } from './schema-catalogue.ts';
import type { CitizenRequestPhotosTable, CitizenRequestsTable } from './schema-requests.ts';
import type { FaqEntriesTable, PageRatingsTable, SiteProfilesTable } from './schema-site.ts';
import type { ApplicationAttachmentsTable, ApplicationCaseFilesTable, ApplicationEventsTable, ApplicationsTable, ServiceFormsTable } from './schema-applications.ts';
import type {
  PagopaSimCartsTable,
  PagopaSimOptionsTable,
  PagopaSimPositionsTable,
  PagopaSimReceiptsTable,
  PaymentCheckoutsTable,
  PaymentCreditorsTable,
  PaymentOptionsTable,
  PaymentPositionsTable,
  PaymentReceiptsTable,
  PaymentTransfersTable,
} from './schema-payments.ts';
import type { ProtocolAnnulmentsTable, ProtocolDailyRegistersTable, ProtocolEntriesTable } from './schema-protocol.ts';

export type { Party } from './schema-video.ts';
export type { QueueKind, TicketSource, TicketStatus } from './schema-queue.ts';

export interface TenantsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  istat_code: string | null;
  cadastral_code: string | null;
  fiscal_code: string | null;
  time_zone: Generated<string>;
  patron_day: string | null;
  patron_name: string | null;
  reference_prefix: string;
  branding: ColumnType<Branding, string | undefined, string>;
  priority_classes: ColumnType<PriorityClass[], string | undefined, string>;
  identity_providers: ColumnType<IdentityProviders, string | undefined, string>;
  created_at: Generated<Date>;
}

/** A comune's login: per provider, the OpenID Connect issuer (a SPID/CIE gateway) and its client id. */
export type { CitizenProvider };

export type IdentityProviders = Partial<Record<CitizenProvider, { issuer: string; clientId: string; params?: Record<string, string> }>>;

export interface PriorityClass {
  code: string;
  label: string;
}

export interface Branding {
  primaryColor?: string;
  region?: string;
  website?: string;
}

export interface JobsTable {
  id: Generated<number>;
  name: string;
  payload: Json<Record<string, unknown>>;
  run_at: ColumnType<Date, Date | string | undefined, Date | string>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  state: Generated<'queued' | 'done' | 'failed'>;
  last_error: string | null;
  locked_until: Timestamp | null;
  created_at: Generated<Date>;
  finished_at: Timestamp | null;
}

export interface EventsTable {
  id: Generated<number>;
  tenant_id: string;
  type: string;
  entity_id: string | null;
  payload: Json<Record<string, unknown>>;
  created_at: Generated<Date>;
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** base64; empty while `qr` is set */
  content: string;
  /** A PNG QR code of this text, drawn when the mail is sent (not in the writing transaction). */
  qr?: string;
}

export interface MailOutboxTable {
  id: Generated<string>;
  tenant_id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  attachments: ColumnType<MailAttachment[], string, string>;
  dedupe_key: string | null;
  state: Generated<'queued' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Generated<Date>;
  sent_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  tenant_id: string | null;
  actor_type: 'operator' | 'citizen' | 'system';
  actor_id: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  details: Json<Record<string, unknown>>;
  at: Generated<Date>;
  /** Set once by the sealer (audit/sealer.ts); the database refuses any other update. */
  chain_seq: ColumnType<string | null, never, string>;
  prev_hash: ColumnType<string | null, never, string>;
  hash: ColumnType<string | null, never, string>;
  sealed_at: ColumnType<Date | null, never, Date | string>;
}

export interface DemoKeysTable {
  name: string;
  value: string;
  created_at: Generated<Date>;
}

export interface CountersTable {
  tenant_id: string;
  name: string;
  period: number;
  value: Generated<number>;
}

export interface OfficesTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  description: Generated<string>;
  address: Generated<string>;
  phone: string | null;
  email: string | null;
  opening_hours: Generated<string>;
  position: Generated<number>;
  active: Generated<boolean>;
  queue_early_min: Generated<number>;
  queue_late_min: Generated<number>;
  queue_alert_ahead: Generated<number>;
  queue_opens_before_min: Generated<number>;
  created_at: Generated<Date>;
}

export type ServiceMode = 'in_person' | 'video';

export interface ServicesTable {
  id: Generated<string>;
  tenant_id: string;
  office_id: string;
  name: string;
  description: Generated<string>;
  topic: Generated<string>;
  duration_min: number;
  buffer_min: Generated<number>;
  min_notice_min: Generated<number>;
  horizon_days: Generated<number>;
  cutoff_min: Generated<number>;
  mode: Generated<ServiceMode>;
  what_to_bring: Generated<string>;
  max_active_per_citizen: Generated<number>;
  requires_approval: Generated<boolean>;
  position: Generated<number>;
  active: Generated<boolean>;
  video_opens_before_min: Generated<number>;
  video_closes_after_min: Generated<number>;
  privacy_notice: Generated<string>;
  created_at: Generated<Date>;
}

export interface DesksTable {
  id: Generated<string>;
  num: Generated<number>;
  tenant_id: string;
  office_id: string;
  name: string;
  active: Generated<boolean>;
  takes_video: Generated<boolean>;
}

export interface DeskServicesTable {
  tenant_id: string;
  desk_id: string;
  service_id: string;
}

export interface DeskHoursTable {
  id: Generated<string>;
  tenant_id: string;
  desk_id: string;
  weekday: number;
  start_time: string;
  end_time: string;
}

export interface ScheduleExceptionsTable {
  id: Generated<string>;
  tenant_id: string;
  office_id: string;
  desk_id: string | null;
  day: string;
  kind: 'closed' | 'open';
  start_time: string | null;
  end_time: string | null;
  note: Generated<string>;
}

import type { BookingStatus } from '../../../contracts/statuses.ts';

export type { BookingStatus };

export interface BookingsTable {
  id: Generated<string>;
  tenant_id: string;
  service_id: string;
  office_id: string;
  desk_id: string;
  desk_num: number;
  reference: string | null;
  start_at: Timestamp;
  end_at: Timestamp;
  block_end: Timestamp;
  status: BookingStatus;
  hold_expires_at: Timestamp | null;
  applicant_name: string | null;
  applicant_surname: string | null;
  applicant_email: string | null;
  applicant_address: string | null;
  fiscal_code: string | null;
  reason: string | null;
  details: string | null;
  channel: Generated<'web' | 'operator'>;
  ics_sequence: Generated<number>;
  reminder_sent: Generated<boolean>;
  cancelled_by: 'citizen' | 'operator' | 'system' | null;
  cancel_reason: string | null;
  cancelled_at: Timestamp | null;
  checked_in_at: Timestamp | null;
  done_at: Timestamp | null;
  outcome_note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface BookingTokensTable {
  token_hash: string;
  tenant_id: string;
  booking_id: string;
  created_at: Generated<Date>;
}

export interface IdempotencyKeysTable {
  tenant_id: string;
  key: string;
  request_hash: string;
  booking_id: string;
  created_at: Generated<Date>;
}

export type OperatorRole = 'admin' | 'manager' | 'operator';

export interface OperatorsTable {
  id: Generated<string>;
  tenant_id: string;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  role: OperatorRole;
  active: Generated<boolean>;
  must_change_password: Generated<boolean>;
  password_changed_at: Timestamp | null;
  /** AES-256-GCM sealed base32 secrets (operators/totp-secrets.ts) */
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: Timestamp | null;
  totp_last_step: ColumnType<string | null, number | string | null, number | string | null>;
  created_at: Generated<Date>;
}

export interface OperatorOfficesTable {
  tenant_id: string;
  operator_id: string;
  office_id: string;
}

export interface OperatorSessionsTable {
  id_hash: string;
  tenant_id: string;
  operator_id: string;
  csrf_token: string;
  expires_at: Timestamp;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  created_at: Generated<Date>;
}

/** Officers' failed sign-ins (migration 010; operators/throttle-repository.ts). */
export interface LoginThrottlesTable {
  key: string;
  kind: 'pair' | 'address' | 'account';
  tenant_id: string | null;
  username: string | null;
  address: string | null;
  failures: number;
  blocked_until: Timestamp | null;
  last_failure_at: Timestamp;
  expires_at: Timestamp;
}

export interface DB {
  tenants: TenantsTable;
  jobs: JobsTable;
  events: EventsTable;
  mail_outbox: MailOutboxTable;
  audit_log: AuditLogTable;
  demo_keys: DemoKeysTable;
  counters: CountersTable;
  offices: OfficesTable;
  services: ServicesTable;
  desks: DesksTable;
  desk_services: DeskServicesTable;
  desk_hours: DeskHoursTable;
  schedule_exceptions: ScheduleExceptionsTable;
  bookings: BookingsTable;
  booking_tokens: BookingTokensTable;
  idempotency_keys: IdempotencyKeysTable;
  operators: OperatorsTable;
  operator_offices: OperatorOfficesTable;
  operator_sessions: OperatorSessionsTable;
  login_throttles: LoginThrottlesTable;
  video_rooms: VideoRoomsTable;
  video_room_tokens: VideoRoomTokensTable;
  video_presence: VideoPresenceTable;
  video_messages: VideoMessagesTable;
  room_files: RoomFilesTable;
  video_relay: VideoRelayTable;
  queues: QueuesTable;
  queue_services: QueueServicesTable;
  desk_queues: DeskQueuesTable;
  desk_sessions: DeskSessionsTable;
  tickets: TicketsTable;
  ticket_tokens: TicketTokensTable;
  ticket_events: TicketEventsTable;
  citizens: CitizensTable;
  citizen_auth_requests: CitizenAuthRequestsTable;
  citizen_sessions: CitizenSessionsTable;
  citizen_messages: CitizenMessagesTable;
  citizen_deadlines: CitizenDeadlinesTable;
  test_idp_keys: TestIdpKeysTable;
  test_idp_grants: TestIdpGrantsTable;
  protocol_entries: ProtocolEntriesTable;
  protocol_annulments: ProtocolAnnulmentsTable;
  protocol_daily_registers: ProtocolDailyRegistersTable;
  service_cards: ServiceCardsTable;
  service_forms: ServiceFormsTable;
  applications: ApplicationsTable;
  application_attachments: ApplicationAttachmentsTable;
  application_events: ApplicationEventsTable;
  application_case_files: ApplicationCaseFilesTable;
  site_profiles: SiteProfilesTable;
  faq_entries: FaqEntriesTable;
  page_ratings: PageRatingsTable;
  citizen_requests: CitizenRequestsTable;
  citizen_request_photos: CitizenRequestPhotosTable;
  payment_creditors: PaymentCreditorsTable;
  payment_positions: PaymentPositionsTable;
  payment_options: PaymentOptionsTable;
  payment_transfers: PaymentTransfersTable;
  payment_receipts: PaymentReceiptsTable;
  payment_checkouts: PaymentCheckoutsTable;
  pagopa_sim_positions: PagopaSimPositionsTable;
  pagopa_sim_options: PagopaSimOptionsTable;
  pagopa_sim_carts: PagopaSimCartsTable;
  pagopa_sim_receipts: PagopaSimReceiptsTable;
}
