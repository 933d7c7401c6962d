-- Officers (local accounts) and their sessions.

create table operators (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  username text not null check (username ~ '^[a-z0-9][a-z0-9._-]{1,60}$'),
  display_name text not null,
  password_hash text not null,
  role text not null check (role in ('admin', 'manager', 'operator')),
  active boolean not null default true,
  failed_attempts int not null default 0,
  locked_until timestamptz,
  created_at timestamptz not null default now(),
  unique (tenant_id, username),
  unique (tenant_id, id)
);

-- An operator with no rows here works for every office of the comune.
create table operator_offices (
  tenant_id uuid not null,
  operator_id uuid not null,
  office_id uuid not null,
  primary key (operator_id, office_id),
  foreign key (tenant_id, operator_id) references operators (tenant_id, id) on delete cascade,
  foreign key (tenant_id, office_id) references offices (tenant_id, id) on delete cascade
);

create table operator_sessions (
  -- SHA-256 of the session id: a leaked table does not give working sessions
  id_hash text primary key,
  tenant_id uuid not null references tenants(id),
  operator_id uuid not null references operators(id) on delete cascade,
  csrf_token text not null,
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
