-- Bookings and holds. Overbooking is impossible by construction: every row that occupies a desk
-- (a live hold, a pending or confirmed booking, and past ones kept for the record) takes the desk's
-- time range, and the exclusion constraint refuses two overlapping ranges on one desk.

create table bookings (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  service_id uuid not null,
  office_id uuid not null,
  desk_id uuid not null,
  desk_num int not null,
  reference text,
  start_at timestamptz not null,
  end_at timestamptz not null,
  -- end of the desk's occupation: the appointment plus the service's buffer
  block_end timestamptz not null,
  status text not null check (status in ('held', 'pending', 'confirmed', 'checked_in', 'done', 'no_show', 'cancelled')),
  hold_expires_at timestamptz,
  applicant_name text,
  applicant_surname text,
  applicant_email text,
  applicant_address text,
  fiscal_code text,
  reason text,
  details text,
  channel text not null default 'web' check (channel in ('web', 'operator')),
  ics_sequence int not null default 0,
  reminder_sent boolean not null default false,
  cancelled_by text check (cancelled_by in ('citizen', 'operator', 'system')),
  cancel_reason text,
  cancelled_at timestamptz,
  checked_in_at timestamptz,
  done_at timestamptz,
  outcome_note text,
  created_by text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (start_at < end_at and end_at <= block_end),
  check (status <> 'held' or hold_expires_at is not null),
  check (status = 'held' or reference is not null),
  unique (tenant_id, reference),
  foreign key (tenant_id, service_id) references services (tenant_id, id),
  foreign key (tenant_id, desk_id) references desks (tenant_id, id),
  constraint bookings_no_overlap exclude using gist (
    int4range(desk_num, desk_num, '[]') with &&,
    tstzrange(start_at, block_end) with &&
  ) where (status <> 'cancelled')
);
create index bookings_service_time on bookings (service_id, start_at) where status <> 'cancelled';
create index bookings_desk_time on bookings (desk_id, start_at) where status <> 'cancelled';
create index bookings_office_time on bookings (tenant_id, office_id, start_at);
create index bookings_email on bookings (tenant_id, lower(applicant_email), service_id) where status in ('pending', 'confirmed');
create index bookings_reminders on bookings (start_at) where status = 'confirmed' and not reminder_sent;
create index bookings_expired_holds on bookings (hold_expires_at) where status = 'held';

-- Manage links: bearer secrets, one or more per booking (the reminder brings a fresh one), stored as
-- SHA-256 so a copy of the database gives no working links.
create table booking_tokens (
  token_hash text primary key,
  tenant_id uuid not null references tenants(id),
  booking_id uuid not null references bookings(id) on delete cascade,
  created_at timestamptz not null default now()
);
create index booking_tokens_booking on booking_tokens (booking_id);

-- Idempotency-Key of booking creation: a retried request finds the booking made the first time.
create table idempotency_keys (
  tenant_id uuid not null references tenants(id),
  key text not null,
  request_hash text not null,
  booking_id uuid not null references bookings(id),
  created_at timestamptz not null default now(),
  primary key (tenant_id, key)
);
