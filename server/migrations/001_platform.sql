-- Platform tables: tenants (comuni), background jobs, the event outbox, mail outbox, audit log.

create table tenants (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z][a-z0-9-]{1,40}$'),
  name text not null,
  istat_code text,
  cadastral_code text,
  fiscal_code text,
  time_zone text not null default 'Europe/Rome',
  -- patron saint's day as MM-DD; a local holiday on top of the national ones
  patron_day text check (patron_day ~ '^[0-1][0-9]-[0-3][0-9]$'),
  patron_name text,
  reference_prefix text not null check (reference_prefix ~ '^[A-Z]{2,6}$'),
  branding jsonb not null default '{}',
  created_at timestamptz not null default now()
);

-- Background jobs, claimed with FOR UPDATE SKIP LOCKED so several workers never take the same one.
create table jobs (
  id bigserial primary key,
  name text not null,
  payload jsonb not null default '{}',
  run_at timestamptz not null default now(),
  attempts int not null default 0,
  max_attempts int not null default 8,
  state text not null default 'queued' check (state in ('queued', 'done', 'failed')),
  last_error text,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_ready on jobs (run_at) where state = 'queued';

-- Domain events written in the same transaction as the change they describe.
create table events (
  id bigserial primary key,
  tenant_id uuid not null references tenants(id),
  type text not null,
  entity_id uuid,
  payload jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index events_tenant on events (tenant_id, id);

create table mail_outbox (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  to_address text not null,
  subject text not null,
  text_body text not null,
  html_body text,
  -- [{ filename, contentType, content (base64) }]
  attachments jsonb not null default '[]',
  -- a booking and change it belongs to, so the same notice is never queued twice
  dedupe_key text unique,
  state text not null default 'queued' check (state in ('queued', 'sent', 'failed')),
  attempts int not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index mail_outbox_recent on mail_outbox (created_at desc);

create table audit_log (
  id bigserial primary key,
  tenant_id uuid references tenants(id),
  actor_type text not null check (actor_type in ('operator', 'citizen', 'system')),
  actor_id text,
  action text not null,
  entity_type text,
  entity_id text,
  details jsonb not null default '{}',
  at timestamptz not null default now()
);
create index audit_log_tenant on audit_log (tenant_id, id desc);

-- Gapless per-tenant counters (booking references): incremented under a row lock in the
-- transaction that uses the number, so a rollback gives the number back.
create table counters (
  tenant_id uuid not null references tenants(id),
  name text not null,
  period int not null,
  value int not null default 0,
  primary key (tenant_id, name, period)
);
