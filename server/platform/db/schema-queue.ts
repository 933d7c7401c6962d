// The virtual queue (migration 006): queues, desks at work, tickets and their history.
import type { Generated } from 'kysely';
import type { Timestamp, Json } from './column-types.ts';

export type QueueKind = 'in_person' | 'video';

export interface QueuesTable {
  id: Generated<string>;
  tenant_id: string;
  office_id: string;
  name: string;
  prefix: string;
  kind: Generated<QueueKind>;
  position: Generated<number>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface QueueServicesTable {
  tenant_id: string;
  queue_id: string;
  service_id: string;
}

export interface DeskQueuesTable {
  tenant_id: string;
  desk_id: string;
  queue_id: string;
}

export interface DeskSessionsTable {
  id: Generated<string>;
  tenant_id: string;
  desk_id: string;
  operator_id: string;
  started_at: Timestamp;
  ended_at: Timestamp | null;
}

import type { TicketStatus } from '../../../contracts/statuses.ts';

export type { TicketStatus };
export type TicketSource = 'web' | 'qr' | 'kiosk' | 'booking' | 'operator';

export interface TicketsTable {
  id: Generated<string>;
  tenant_id: string;
  office_id: string;
  queue_id: string;
  service_id: string;
  service_day: string;
  seq: number;
  number: string;
  source: TicketSource;
  booking_id: string | null;
  booking_reference: string | null;
  citizen_name: string | null;
  appointment_at: Timestamp | null;
  late: Generated<boolean>;
  priority_class: string | null;
  status: TicketStatus;
  sort_at: Timestamp;
  arrival: Generated<number>;
  target_desk_id: string | null;
  email: string | null;
  desk_id: string | null;
  operator_id: string | null;
  called_at: Timestamp | null;
  last_called_at: Timestamp | null;
  last_call_seq: number | null;
  call_count: Generated<number>;
  serve_started_at: Timestamp | null;
  finished_at: Timestamp | null;
  served_seconds: Generated<number>;
  alert_sent: Generated<boolean>;
  room_id: string | null;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TicketTokensTable {
  token_hash: string;
  tenant_id: string;
  ticket_id: string;
  created_at: Generated<Date>;
}

export interface TicketEventsTable {
  id: Generated<number>;
  tenant_id: string;
  ticket_id: string;
  type: string;
  desk_id: string | null;
  operator_id: string | null;
  details: Json<Record<string, unknown>>;
  at: Timestamp;
}
