// Row types of pagoPA payments and of the local pagoPA simulator (migration 024).
import type { ColumnType, Generated } from 'kysely';
import type { Json } from './column-types.ts';

export type PaymentStatus = 'draft' | 'payable' | 'paid' | 'expired' | 'cancelled';
export type PaymentOrigin = 'desk' | 'application' | 'certificate' | 'fine' | 'other';
export type ReceiptOutcome = 'applied' | 'unknown_notice' | 'amount_mismatch' | 'already_paid' | 'cancelled_position';

export interface CreditorIban {
  iban: string;
  label: string;
}

/** A kind of income: what the officer picks, where its money goes and how pagoPA files it. */
export interface IncomeKind {
  code: string;
  label: string;
  /** pagoPA taxonomy code ("9/0101108TS/" style), per kind of income. */
  taxonomy: string;
  iban: string;
}

export interface PaymentCreditorsTable {
  tenant_id: string;
  fiscal_code: string;
  name: string;
  sector: string | null;
  info: string | null;
  segregation_code: string;
  cbill: string | null;
  ibans: Json<CreditorIban[]>;
  kinds: Json<IncomeKind[]>;
  provider: 'simulator' | 'pagopa';
  provider_config: Json<Record<string, string>>;
  updated_at: Generated<Date>;
}

export interface PaymentPositionsTable {
  id: Generated<string>;
  tenant_id: string;
  iupd: string;
  debtor_type: 'F' | 'G';
  debtor_fiscal_code: string;
  debtor_name: string;
  debtor_address: string | null;
  debtor_email: string | null;
  description: string;
  kind: string;
  origin: PaymentOrigin;
  application_id: string | null;
  amount_cents: number;
  due_on: ColumnType<string, string, string>;
  status: Generated<PaymentStatus>;
  published_at: Date | null;
  paid_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  idempotency_key: string | null;
}

export interface PaymentOptionsTable {
  id: Generated<string>;
  tenant_id: string;
  position_id: string;
  instalment: number;
  iuv: string;
  nav: string;
  amount_cents: number;
  due_on: ColumnType<string, string, string>;
  status: Generated<'payable' | 'paid' | 'cancelled'>;
  paid_at: Date | null;
  paid_via: 'pagopa' | 'offline' | null;
  receipt_id: string | null;
  reminded_at: Date | null;
}

export interface PaymentTransfersTable {
  option_id: string;
  idx: number;
  tenant_id: string;
  amount_cents: number;
  iban: string | null;
  stamp_type: string | null;
  stamp_hash: string | null;
  stamp_province: string | null;
  taxonomy: string;
  remittance: string;
}

export interface PaymentReceiptsTable {
  id: Generated<string>;
  tenant_id: string;
  receipt_id: string;
  source: 'pagopa' | 'offline';
  iuv: string;
  option_id: string | null;
  amount_cents: number;
  paid_at: Date;
  psp: string | null;
  payer: string | null;
  reference: string | null;
  note: string | null;
  operator_id: string | null;
  outcome: ReceiptOutcome;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  raw: Json<unknown> | null;
  received_at: Generated<Date>;
}

export interface PaymentCheckoutsTable {
  id: Generated<string>;
  tenant_id: string;
  fiscal_code: string;
  option_ids: ColumnType<string[], string[], string[]>;
  provider_cart: string | null;
  checkout_url: string | null;
  outcome: 'ok' | 'cancelled' | 'error' | null;
  created_at: Generated<Date>;
  returned_at: Date | null;
}

export interface PagopaSimPositionsTable {
  organization: string;
  iupd: string;
  status: 'VALID' | 'PAID' | 'INVALID';
  body: Json<unknown>;
  created_at: Generated<Date>;
}

export interface PagopaSimOptionsTable {
  organization: string;
  iuv: string;
  iupd: string;
  amount_cents: number;
  status: Generated<'UNPAID' | 'PAID'>;
}

export interface PagopaSimCartsTable {
  id: Generated<string>;
  body: Json<unknown>;
  outcome: 'paid' | 'failed' | 'cancelled' | 'paid_late' | 'paid_twice' | null;
  created_at: Generated<Date>;
  closed_at: Date | null;
}

export interface PagopaSimReceiptsTable {
  id: Generated<string>;
  organization: string;
  iuv: string;
  receipt_id: string;
  body: Json<unknown>;
  available_at: Date;
}
