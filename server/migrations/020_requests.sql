-- Requests citizens send to the comune from the footer's "Richiesta d'assistenza" (and, with the
-- same life, the inefficiency reports to come): a number per comune, kind and year with no gaps
-- (counters), the office in charge (the service's, or none: every officer of the comune sees it),
-- who wrote and how to answer, and the answer. Anyone may write; a logged-in citizen's request also
-- carries their fiscal code, so the answer reaches their personal area too.
create table citizen_requests (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  kind text not null check (kind in ('assistance', 'inefficiency')),
  year int not null,
  seq int not null check (seq > 0),
  category text not null check (length(category) between 2 and 80),
  service_slug text check (length(service_slug) <= 100),
  service_title text check (length(service_title) <= 160),
  office_id uuid,
  description text not null check (length(description) between 10 and 4000),
  name text not null check (length(name) between 1 and 100),
  surname text not null check (length(surname) between 1 and 100),
  email text not null check (length(email) between 3 and 254),
  phone text check (length(phone) <= 40),
  fiscal_code text,
  status text not null default 'open' check (status in ('open', 'answered')),
  answer text check (length(answer) between 1 and 4000),
  answered_at timestamptz,
  answered_by uuid references operators(id),
  created_at timestamptz not null default now(),
  unique (tenant_id, kind, year, seq),
  check ((status = 'answered') = (answer is not null and answered_at is not null)),
  foreign key (tenant_id, office_id) references offices (tenant_id, id)
);
create index citizen_requests_inbox on citizen_requests (tenant_id, kind, status, created_at desc);
