-- Citizens' identity (SPID/CIE through OpenID Connect) and the personal area ("Scrivania virtuale").
-- A citizen is known by fiscal code within a comune; what the identity provider vouches for is kept
-- as it came and never asked again; contacts the citizen may change live beside it.

-- Where each comune's citizens log in. Unset: the embedded test provider (refused in production).
-- { "spid": { "issuer": "https://…", "clientId": "…", "params": { … } }, "cie": { … } }
alter table tenants add column identity_providers jsonb not null default '{}';

-- The privacy notice shown for a service (Modello Comuni: per service and channel).
alter table services add column privacy_notice text not null default '';

create table citizens (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  fiscal_code text not null check (fiscal_code ~ '^[A-Z0-9]{16}$'),
  given_name text not null,
  family_name text not null,
  birth_date date,
  birth_place text,
  residence_address text,
  -- as the identity provider gave it (read-only); `email` below is the one the citizen confirmed
  identity_email text,
  email text,
  email_verified_at timestamptz,
  pending_email text,
  pending_email_token_hash text unique,
  pending_email_expires_at timestamptz,
  phone text,
  notify_email boolean not null default true,
  spid_level smallint check (spid_level between 1 and 3),
  last_provider text check (last_provider in ('spid', 'cie')),
  last_login_at timestamptz,
  created_at timestamptz not null default now(),
  unique (tenant_id, fiscal_code),
  unique (tenant_id, id)
);

-- Login in progress: state, nonce and PKCE verifier, kept server-side (any node may receive the
-- callback) and used once.
create table citizen_auth_requests (
  state_hash text primary key,
  tenant_id uuid not null references tenants(id),
  provider text not null check (provider in ('spid', 'cie')),
  nonce text not null,
  code_verifier text not null,
  -- SHA-256 of the value in the browser's short-lived cookie: the callback must come from the browser
  -- that started the login (no login CSRF)
  binding_hash text not null,
  return_to text not null,
  expires_at timestamptz not null
);

create table citizen_sessions (
  -- SHA-256 of the session id (a leaked table gives no working sessions)
  id_hash text primary key,
  tenant_id uuid not null,
  citizen_id uuid not null,
  csrf_token text not null,
  provider text not null,
  spid_level smallint,
  -- for RP-initiated logout (id_token_hint)
  id_token text,
  created_at timestamptz not null,
  last_seen_at timestamptz not null,
  expires_at timestamptz not null,
  foreign key (tenant_id, citizen_id) references citizens (tenant_id, id) on delete cascade
);
create index citizen_sessions_citizen on citizen_sessions (citizen_id);

-- Messages from the comune, addressed by fiscal code: a message sent before the citizen's first
-- login is there when they arrive.
create table citizen_messages (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  fiscal_code text not null,
  subject text not null check (length(subject) between 1 and 200),
  body text not null check (length(body) between 1 and 10000),
  link text,
  -- a booking notice is mirrored once per change, like its email
  dedupe_key text unique,
  sender text not null default 'system' check (sender in ('system', 'operator')),
  operator_id uuid references operators(id),
  created_at timestamptz not null,
  read_at timestamptz
);
create index citizen_messages_inbox on citizen_messages (tenant_id, fiscal_code, created_at desc);

-- Deadlines set by the comune's procedures (documents expiring, payments due, replies awaited);
-- appointments are added to the list when it is read.
create table citizen_deadlines (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  fiscal_code text not null,
  title text not null,
  due_at timestamptz not null,
  link text,
  source text not null default 'system',
  created_at timestamptz not null default now(),
  done_at timestamptz
);
create index citizen_deadlines_due on citizen_deadlines (tenant_id, fiscal_code, due_at);

-- Bookings of a logged-in citizen are found by fiscal code (personal area, per-citizen limit).
create index bookings_fiscal_code on bookings (tenant_id, fiscal_code, start_at) where fiscal_code is not null;

-- The embedded OpenID Connect provider of demo and test mode: its signing key (shared by every node)
-- and the authorization codes and access tokens it issued (hashed, short-lived).
create table test_idp_keys (
  id int primary key check (id = 1),
  private_jwk jsonb not null,
  created_at timestamptz not null default now()
);
create table test_idp_grants (
  token_hash text primary key,
  kind text not null check (kind in ('code', 'access')),
  claims jsonb not null,
  client_id text not null,
  redirect_uri text,
  code_challenge text,
  nonce text,
  expires_at timestamptz not null,
  used boolean not null default false
);
