-- The virtual queue: per office, queues (a letter prefix, one or more services, in person or video),
-- desks with the queues they serve, officers signed in at a desk, and tickets numbered per queue
-- per day without gaps or duplicates.

alter table tenants
  -- classes of citizens served first among walk-ins: [{ "code": "disabilita", "label": "…" }, …]
  add column priority_classes jsonb not null default '[
    {"code": "disabilita", "label": "Persona con disabilità o accompagnatore"},
    {"code": "gravidanza", "label": "Donna in gravidanza"},
    {"code": "anziani", "label": "Persona con più di 75 anni"}
  ]';

alter table offices
  -- a checked-in appointment is served at its time ahead of walk-ins from this many minutes before…
  add column queue_early_min int not null default 15 check (queue_early_min between 0 and 240),
  -- …to this many minutes after; arriving later, it joins the walk-in line
  add column queue_late_min int not null default 10 check (queue_late_min between 0 and 240),
  -- email and page alert when this many tickets or fewer are ahead
  add column queue_alert_ahead int not null default 3 check (queue_alert_ahead between 0 and 50),
  -- tickets are taken from this many minutes before the office opens
  add column queue_opens_before_min int not null default 30 check (queue_opens_before_min between 0 and 240);

alter table desks
  add column takes_video boolean not null default false;

create table queues (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  office_id uuid not null,
  name text not null check (length(name) between 1 and 120),
  prefix text not null check (prefix ~ '^[A-Z]{1,2}$'),
  -- 'video': "talk to an officer now" requests, served by desks that take video
  kind text not null default 'in_person' check (kind in ('in_person', 'video')),
  position int not null default 0,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (office_id, prefix),
  foreign key (tenant_id, office_id) references offices (tenant_id, id)
);

-- A service is queued in at most one queue, so a ticket for a service has exactly one line.
create table queue_services (
  tenant_id uuid not null,
  queue_id uuid not null,
  service_id uuid not null unique,
  primary key (queue_id, service_id),
  foreign key (tenant_id, queue_id) references queues (tenant_id, id) on delete cascade,
  foreign key (tenant_id, service_id) references services (tenant_id, id) on delete cascade
);

create table desk_queues (
  tenant_id uuid not null,
  desk_id uuid not null,
  queue_id uuid not null,
  primary key (desk_id, queue_id),
  foreign key (tenant_id, desk_id) references desks (tenant_id, id) on delete cascade,
  foreign key (tenant_id, queue_id) references queues (tenant_id, id) on delete cascade
);
create index desk_queues_queue on desk_queues (queue_id);

-- An officer at a desk: one officer per desk and one desk per officer at a time.
create table desk_sessions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  desk_id uuid not null,
  operator_id uuid not null references operators(id),
  started_at timestamptz not null,
  ended_at timestamptz,
  foreign key (tenant_id, desk_id) references desks (tenant_id, id)
);
create unique index desk_sessions_one_per_desk on desk_sessions (desk_id) where ended_at is null;
create unique index desk_sessions_one_per_operator on desk_sessions (operator_id) where ended_at is null;

-- Orders the calls of the display board (several calls can share a millisecond).
create sequence ticket_call_seq;

create table tickets (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  office_id uuid not null,
  queue_id uuid not null,
  service_id uuid not null,
  -- the office's local date the number belongs to, and its place in that day's sequence
  service_day date not null,
  seq int not null check (seq > 0),
  number text not null,
  source text not null check (source in ('web', 'qr', 'kiosk', 'booking', 'operator')),
  booking_id uuid unique references bookings(id),
  -- copied from the booking at check-in, so the line never needs the bookings table
  booking_reference text,
  citizen_name text,
  appointment_at timestamptz,
  -- checked in after the late limit: served as a walk-in
  late boolean not null default false,
  priority_class text,
  status text not null check (status in ('waiting', 'called', 'serving', 'parked', 'done', 'no_show', 'left', 'expired')),
  -- the walk-in line's order; moved to the transfer time when a ticket is sent to the end of a line
  sort_at timestamptz not null,
  -- breaks ties in the line (two tickets in the same millisecond): the order tickets were written
  arrival bigserial not null unique,
  -- set by a transfer to one desk: only that desk calls it
  target_desk_id uuid,
  email text,
  desk_id uuid,
  operator_id uuid references operators(id),
  -- first call (for waiting-time statistics) and latest call or recall (for the display board)
  called_at timestamptz,
  last_called_at timestamptz,
  last_call_seq bigint,
  call_count int not null default 0,
  serve_started_at timestamptz,
  finished_at timestamptz,
  -- seconds spent serving before a park; added to the final service time
  served_seconds int not null default 0,
  alert_sent boolean not null default false,
  room_id uuid,
  note text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (tenant_id, id),
  unique (queue_id, service_day, seq),
  check (booking_id is null or appointment_at is not null),
  foreign key (tenant_id, office_id) references offices (tenant_id, id),
  foreign key (tenant_id, queue_id) references queues (tenant_id, id),
  foreign key (tenant_id, service_id) references services (tenant_id, id),
  foreign key (tenant_id, desk_id) references desks (tenant_id, id),
  foreign key (tenant_id, target_desk_id) references desks (tenant_id, id),
  foreign key (tenant_id, room_id) references video_rooms (tenant_id, id)
);
-- The line: waiting tickets of an office's day (call-next scans these, in order).
create index tickets_line on tickets (office_id, service_day, queue_id) where status = 'waiting';
create index tickets_desk on tickets (desk_id) where status in ('called', 'serving', 'parked');
create index tickets_day on tickets (tenant_id, office_id, service_day);
create index tickets_board on tickets (office_id, last_call_seq desc) where last_call_seq is not null;
-- Service times for the wait estimate: the latest finished tickets of a service.
create index tickets_service_finished on tickets (service_id, finished_at desc) where status = 'done';

-- The citizen's secrets for a ticket's page (and its video room): one per link handed out (the page
-- of the ticket, each email), stored as SHA-256.
create table ticket_tokens (
  token_hash text primary key,
  tenant_id uuid not null,
  ticket_id uuid not null,
  created_at timestamptz not null default now(),
  foreign key (tenant_id, ticket_id) references tickets (tenant_id, id) on delete cascade
);
create index ticket_tokens_ticket on ticket_tokens (ticket_id);

-- What happened to a ticket, in order: taken, called, recalled, started, parked, transferred, …
create table ticket_events (
  id bigserial primary key,
  tenant_id uuid not null,
  ticket_id uuid not null,
  type text not null,
  desk_id uuid,
  operator_id uuid,
  details jsonb not null default '{}',
  at timestamptz not null,
  foreign key (tenant_id, ticket_id) references tickets (tenant_id, id) on delete cascade
);
create index ticket_events_ticket on ticket_events (ticket_id, id);
