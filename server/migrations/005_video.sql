-- Video rooms: one per video booking (created on first use) or opened at once by an officer;
-- per-party access tokens; who is connected right now (across server nodes); the chat; the
-- documents exchanged; and a relay table for signalling messages too large for a NOTIFY payload.

alter table services
  add column video_opens_before_min int not null default 15 check (video_opens_before_min between 0 and 240),
  add column video_closes_after_min int not null default 30 check (video_closes_after_min between 0 and 480);

create table video_rooms (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  kind text not null check (kind in ('booking', 'immediate')),
  -- a booking's room follows the booking's time (a reschedule moves the window with it)
  booking_id uuid unique references bookings(id),
  office_id uuid,
  -- the window of an immediate room; null for booking rooms, whose window is computed
  opens_at timestamptz,
  closes_at timestamptz,
  citizen_name text,
  citizen_email text,
  created_by uuid references operators(id),
  ended_at timestamptz,
  end_note text,
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  check ((kind = 'booking') = (booking_id is not null)),
  check (kind = 'booking' or (opens_at is not null and closes_at is not null and opens_at < closes_at)),
  foreign key (tenant_id, office_id) references offices (tenant_id, id)
);
create index video_rooms_immediate on video_rooms (tenant_id, closes_at) where kind = 'immediate';

-- Bearer secrets for one party of one room, stored as SHA-256. A booking's citizen uses the manage
-- token instead (it already identifies them and the booking).
create table video_room_tokens (
  token_hash text primary key,
  tenant_id uuid not null,
  room_id uuid not null,
  party text not null check (party in ('citizen', 'officer')),
  operator_id uuid references operators(id),
  created_at timestamptz not null default now(),
  foreign key (tenant_id, room_id) references video_rooms (tenant_id, id) on delete cascade
);
create index video_room_tokens_room on video_room_tokens (room_id);

-- One row per open WebSocket, on whichever node holds it; refreshed by a heartbeat so a crashed
-- node's rows go stale instead of showing a ghost in the lobby.
create table video_presence (
  connection_id uuid primary key,
  tenant_id uuid not null,
  room_id uuid not null,
  party text not null check (party in ('citizen', 'officer')),
  node_id text not null,
  joined_at timestamptz not null,
  seen_at timestamptz not null,
  foreign key (tenant_id, room_id) references video_rooms (tenant_id, id) on delete cascade
);
create index video_presence_room on video_presence (room_id, party);

create table video_messages (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  room_id uuid not null,
  party text not null check (party in ('citizen', 'officer')),
  body text not null check (length(body) between 1 and 2000),
  created_at timestamptz not null,
  foreign key (tenant_id, room_id) references video_rooms (tenant_id, id) on delete cascade
);
create index video_messages_room on video_messages (room_id, created_at);

-- Documents exchanged in a room; attached to the booking when the room has one.
create table room_files (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null,
  room_id uuid not null,
  booking_id uuid references bookings(id),
  uploaded_by text not null check (uploaded_by in ('citizen', 'officer')),
  operator_id uuid references operators(id),
  name text not null,
  media_type text not null,
  size bigint not null check (size >= 0),
  sha256 text not null,
  storage_key text not null unique,
  created_at timestamptz not null,
  foreign key (tenant_id, room_id) references video_rooms (tenant_id, id)
);
create index room_files_room on room_files (room_id, created_at);
create index room_files_booking on room_files (booking_id) where booking_id is not null;

-- Signalling messages larger than a NOTIFY payload (8000 bytes; SDP offers can be): stored here,
-- announced by id, deleted after a few minutes.
create table video_relay (
  id bigserial primary key,
  body text not null,
  created_at timestamptz not null default now()
);
