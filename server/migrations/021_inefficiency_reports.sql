-- "Segnalazione disservizio": the citizens' reports about the city (a pothole, a broken street
-- light, rubbish) share the requests' life and numbering table, with where the problem is, who
-- handles it, and photos. A report is triaged (an office and, if chosen, an officer: "in_progress"),
-- then answered and closed ("answered"). Photos arrive after the report, authorised by a one-time
-- secret given with its number (stored hashed, valid for an hour).
alter table citizen_requests drop constraint citizen_requests_status_check;
alter table citizen_requests add constraint citizen_requests_status_check check (status in ('open', 'in_progress', 'answered'));
alter table citizen_requests
  add column address text check (length(address) between 3 and 200),
  add column latitude double precision check (latitude between -90 and 90),
  add column longitude double precision check (longitude between -180 and 180),
  add column assigned_to uuid references operators(id),
  add column taken_at timestamptz,
  add column photo_token_hash text,
  add column photo_token_expires_at timestamptz,
  add constraint citizen_requests_point check ((latitude is null) = (longitude is null)),
  add constraint citizen_requests_report_place check (kind <> 'inefficiency' or address is not null);
-- The public list of open reports and the statistics per category read by comune, kind and state.
create index citizen_requests_reports on citizen_requests (tenant_id, kind, category, created_at desc);
-- The personal area lists a citizen's own requests.
create index citizen_requests_citizen on citizen_requests (tenant_id, fiscal_code, created_at desc) where fiscal_code is not null;

create table citizen_request_photos (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  request_id uuid not null references citizen_requests(id) on delete cascade,
  media_type text not null check (media_type in ('image/jpeg', 'image/png', 'image/webp')),
  size int not null check (size > 0),
  sha256 text not null,
  storage_key text not null unique,
  created_at timestamptz not null default now()
);
create index citizen_request_photos_request on citizen_request_photos (request_id, created_at);
