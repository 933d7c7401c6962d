-- Offices, services, desks and their hours.

create table offices (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  name text not null,
  description text not null default '',
  address text not null default '',
  phone text,
  email text,
  opening_hours text not null default '',
  position int not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (tenant_id, id)
);

create table services (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  office_id uuid not null,
  name text not null,
  description text not null default '',
  topic text not null default '',
  duration_min int not null check (duration_min between 5 and 480),
  buffer_min int not null default 0 check (buffer_min between 0 and 240),
  min_notice_min int not null default 60 check (min_notice_min >= 0),
  horizon_days int not null default 60 check (horizon_days between 1 and 366),
  cutoff_min int not null default 1440 check (cutoff_min >= 0),
  mode text not null default 'in_person' check (mode in ('in_person', 'video')),
  what_to_bring text not null default '',
  max_active_per_citizen int not null default 1 check (max_active_per_citizen between 1 and 50),
  requires_approval boolean not null default false,
  position int not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, office_id) references offices (tenant_id, id)
);

create table desks (
  id uuid primary key default gen_random_uuid(),
  -- a small integer so the overbooking exclusion constraint can use a plain range (no btree_gist)
  num serial unique,
  tenant_id uuid not null references tenants(id),
  office_id uuid not null,
  name text not null,
  active boolean not null default true,
  unique (tenant_id, id),
  foreign key (tenant_id, office_id) references offices (tenant_id, id)
);

create table desk_services (
  tenant_id uuid not null,
  desk_id uuid not null,
  service_id uuid not null,
  primary key (desk_id, service_id),
  foreign key (tenant_id, desk_id) references desks (tenant_id, id) on delete cascade,
  foreign key (tenant_id, service_id) references services (tenant_id, id) on delete cascade
);
create index desk_services_service on desk_services (service_id);

-- Weekly hours of a desk; a break is the gap between two intervals of the same day.
create table desk_hours (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  desk_id uuid not null,
  weekday int not null check (weekday between 1 and 7),
  start_time text not null check (start_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  end_time text not null check (end_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  check (start_time < end_time),
  foreign key (tenant_id, desk_id) references desks (tenant_id, id) on delete cascade
);
create index desk_hours_desk on desk_hours (desk_id);

-- Date exceptions: a closure (whole office or one desk, whole day or a time range) or an extra opening.
create table schedule_exceptions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  office_id uuid not null,
  desk_id uuid,
  day date not null,
  kind text not null check (kind in ('closed', 'open')),
  start_time text check (start_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  end_time text check (end_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  note text not null default '',
  check ((start_time is null) = (end_time is null)),
  check (kind = 'closed' or start_time is not null),
  foreign key (tenant_id, office_id) references offices (tenant_id, id) on delete cascade
);
create index schedule_exceptions_office on schedule_exceptions (office_id, day);
