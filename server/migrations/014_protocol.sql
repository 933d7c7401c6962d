-- The protocol register (registro di protocollo informatico, DPR 445/2000 artt. 53–57): per comune,
-- a number that restarts every calendar year (the gapless counter 'protocol', period = the year in
-- the comune's time zone), given in the transaction of what it registers. Entries are never changed
-- or deleted: a wrong one is annulled by a row of its own, so the entry stays exactly as registered.
create table protocol_entries (
  id uuid primary key,
  tenant_id uuid not null references tenants(id),
  year int not null check (year between 2000 and 9999),
  number int not null check (number > 0),
  registered_at timestamptz not null,
  direction text not null check (direction in ('incoming', 'outgoing', 'internal')),
  correspondent text not null check (length(correspondent) between 1 and 300),
  subject text not null check (length(subject) between 1 and 1000),
  classification text check (length(classification) between 1 and 100),
  -- The application (istanza) the entry registers, when it comes from the online services.
  application_id uuid,
  registered_by_type text not null check (registered_by_type in ('operator', 'citizen', 'system')),
  -- The officer who registered it by hand (null when a citizen's submission did).
  operator_id uuid references operators(id),
  -- The main document first, then the attachments: [{ name, mediaType, size, sha256, storageKey }].
  documents jsonb not null default '[]' check (jsonb_typeof(documents) = 'array'),
  unique (tenant_id, year, number)
);
create index protocol_entries_registered on protocol_entries (tenant_id, registered_at);
create index protocol_entries_application on protocol_entries (tenant_id, application_id) where application_id is not null;

create table protocol_annulments (
  entry_id uuid primary key references protocol_entries(id),
  tenant_id uuid not null references tenants(id),
  reason text not null check (length(reason) between 3 and 1000),
  operator_id uuid not null references operators(id),
  annulled_at timestamptz not null
);
create index protocol_annulments_at on protocol_annulments (tenant_id, annulled_at);

-- The daily register: one per comune and day, from the first day with an entry; the PDF and the JSON
-- are in the file storage, their SHA-256 here.
create table protocol_daily_registers (
  tenant_id uuid not null references tenants(id),
  day date not null,
  entries int not null,
  annulments int not null,
  first_number int,
  last_number int,
  pdf_key text not null,
  pdf_sha256 text not null,
  pdf_size int not null,
  json_key text not null,
  json_sha256 text not null,
  json_size int not null,
  produced_at timestamptz not null,
  primary key (tenant_id, day)
);

create function protocol_write_once() returns trigger language plpgsql as $$
begin
  raise exception '%: entries are never changed or deleted (% refused)', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end
$$;

-- Statement triggers: any UPDATE, DELETE or TRUNCATE is refused, even one that would touch no row.
create trigger protocol_entries_write_once before update or delete or truncate on protocol_entries
  for each statement execute function protocol_write_once();
create trigger protocol_annulments_write_once before update or delete or truncate on protocol_annulments
  for each statement execute function protocol_write_once();
create trigger protocol_daily_registers_write_once before update or delete or truncate on protocol_daily_registers
  for each statement execute function protocol_write_once();
