-- Online applications (istanze). A service card is online when it has a form: its definition is
-- versioned (a change is a new row, never an update), and each application keeps the version it was
-- filled with. An application is a draft until it is submitted; then its data, form and documents
-- never change (the trigger below), and it carries its protocol entry.
create table service_forms (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  card_id uuid not null,
  version int not null check (version >= 1),
  definition jsonb not null check (jsonb_typeof(definition) = 'object'),
  created_at timestamptz not null default now(),
  created_by uuid references operators(id),
  unique (card_id, version),
  unique (tenant_id, id),
  foreign key (tenant_id, card_id) references service_cards (tenant_id, id)
);

create function service_forms_write_once() returns trigger language plpgsql as $$
begin
  raise exception 'service_forms: a form version is never changed (% refused): save a new version', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger service_forms_write_once before update on service_forms for each row execute function service_forms_write_once();

create table applications (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  card_id uuid not null,
  form_id uuid not null,
  citizen_id uuid not null references citizens(id),
  status text not null default 'draft' check (status in ('draft', 'submitted')),
  data jsonb not null default '{}' check (jsonb_typeof(data) = 'object'),
  created_at timestamptz not null,
  updated_at timestamptz not null,
  -- a draft nobody touched until then is removed (APPLICATION_DRAFT_DAYS)
  expires_at timestamptz,
  submitted_at timestamptz,
  -- The protocol receipt as the protocol system gave it (internal register or an external one): the
  -- rest of Sportello reads it here, never from the register's own tables.
  protocol_entry_id uuid,
  protocol_year int,
  protocol_number int,
  protocol_registered_at timestamptz,
  -- the PDF of what was filed (data and the list of attachments with their digests)
  summary_key text,
  summary_sha256 text,
  summary_size int,
  unique (tenant_id, id),
  foreign key (tenant_id, card_id) references service_cards (tenant_id, id),
  foreign key (tenant_id, form_id) references service_forms (tenant_id, id),
  check (status = 'draft' or (submitted_at is not null and protocol_entry_id is not null and protocol_number is not null and summary_key is not null))
);
create index applications_citizen on applications (tenant_id, citizen_id, created_at desc);
create index applications_expiring on applications (expires_at) where status = 'draft';

create table application_attachments (
  id uuid primary key,
  tenant_id uuid not null references tenants(id),
  application_id uuid not null,
  -- the file field it was uploaded for: "step.field", or "step.group.field" inside a group
  field text not null check (length(field) between 3 and 200),
  name text not null,
  media_type text not null,
  size int not null check (size >= 0),
  sha256 text not null,
  storage_key text not null,
  -- a PDF with a signature dictionary, or a CAdES (.p7m) envelope
  signed boolean not null,
  created_at timestamptz not null,
  foreign key (tenant_id, application_id) references applications (tenant_id, id) on delete cascade
);
create index application_attachments_application on application_attachments (application_id);

-- A submitted application is a record: its data, form, documents and protocol link never change,
-- and it is never deleted. Drafts may change and be deleted by their citizen.
create function applications_filed_unchanged() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    if old.status <> 'draft' then
      raise exception 'applications: a submitted application is never deleted' using errcode = 'insufficient_privilege';
    end if;
    return old;
  end if;
  if old.status <> 'draft' and (
       new.status = 'draft'
    or new.data is distinct from old.data or new.form_id is distinct from old.form_id or new.card_id is distinct from old.card_id
    or new.citizen_id is distinct from old.citizen_id or new.submitted_at is distinct from old.submitted_at
    or new.protocol_entry_id is distinct from old.protocol_entry_id or new.protocol_number is distinct from old.protocol_number
    or new.protocol_year is distinct from old.protocol_year or new.protocol_registered_at is distinct from old.protocol_registered_at
    or new.summary_key is distinct from old.summary_key
    or new.summary_sha256 is distinct from old.summary_sha256) then
    raise exception 'applications: a submitted application is not edited' using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;
create trigger applications_filed_unchanged before update or delete on applications
  for each row execute function applications_filed_unchanged();

create function application_attachments_filed_unchanged() returns trigger language plpgsql as $$
declare
  filed boolean;
begin
  select status <> 'draft' into filed from applications where id = coalesce(old.application_id, new.application_id);
  if coalesce(filed, false) then
    raise exception 'application_attachments: the documents of a submitted application never change (% refused)', tg_op using errcode = 'insufficient_privilege';
  end if;
  return coalesce(new, old);
end
$$;
create trigger application_attachments_filed_unchanged before insert or update or delete on application_attachments
  for each row execute function application_attachments_filed_unchanged();
