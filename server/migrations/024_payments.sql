-- pagoPA payments. Each comune is a creditor (fiscal code, segregation code, CBILL, IBANs, the kinds
-- of income with their taxonomy codes, and which provider publishes its positions: the local
-- simulator by default). A debt position is what the comune asks of one debtor; it is paid through
-- one option (a single payment, instalment 0) or through instalments 1..n, each with its own notice
-- number (NAV) and IUV; an option's money goes to up to five transfers (an IBAN, or a digital stamp).
-- Amounts are whole euro cents. A deferred trigger checks at commit that transfers add up to their
-- option and options to their position: no caller can store a position that does not add up.
create table payment_creditors (
  tenant_id uuid primary key references tenants(id),
  fiscal_code text not null check (fiscal_code ~ '^[0-9]{11}$'),
  name text not null check (length(name) between 2 and 100),
  sector text check (length(sector) between 1 and 50),
  info text check (length(info) between 1 and 100),
  segregation_code text not null check (segregation_code ~ '^[0-9]{2}$' and segregation_code not in ('97', '98', '99')),
  cbill text check (cbill ~ '^[A-Z0-9]{5}$'),
  ibans jsonb not null default '[]',
  kinds jsonb not null default '[]',
  provider text not null default 'simulator' check (provider in ('simulator', 'pagopa')),
  provider_config jsonb not null default '{}',
  updated_at timestamptz not null default now()
);
-- A creditor's notice numbers are its own: two comuni with one fiscal code and segregation code
-- would issue the same IUVs and read each other's receipts.
create unique index payment_creditors_numbering on payment_creditors (fiscal_code, segregation_code);

create table payment_positions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  iupd text not null check (length(iupd) between 1 and 35),
  debtor_type text not null check (debtor_type in ('F', 'G')),
  debtor_fiscal_code text not null check (debtor_fiscal_code ~ '^([A-Z0-9]{16}|[0-9]{11})$'),
  debtor_name text not null check (length(debtor_name) between 1 and 70),
  debtor_address text check (length(debtor_address) between 1 and 140),
  debtor_email text check (length(debtor_email) between 3 and 254),
  description text not null check (length(description) between 1 and 140),
  kind text not null check (length(kind) between 1 and 40),
  origin text not null check (origin in ('desk', 'application', 'certificate', 'fine', 'other')),
  application_id uuid references applications(id) on delete set null,
  amount_cents int not null check (amount_cents between 1 and 999999999),
  due_on date not null,
  status text not null default 'draft' check (status in ('draft', 'payable', 'paid', 'expired', 'cancelled')),
  published_at timestamptz,
  paid_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason text check (length(cancel_reason) between 1 and 500),
  created_by uuid references operators(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  idempotency_key text check (length(idempotency_key) between 8 and 100),
  unique (tenant_id, iupd),
  unique (tenant_id, idempotency_key),
  check ((status = 'paid') = (paid_at is not null)),
  check ((status = 'cancelled') = (cancelled_at is not null and cancel_reason is not null))
);
-- One live fee per application: a second "pay" in another tab finds the first.
create unique index payment_positions_application on payment_positions (application_id) where application_id is not null and status <> 'cancelled';
create index payment_positions_debtor on payment_positions (tenant_id, debtor_fiscal_code, created_at desc);
create index payment_positions_list on payment_positions (tenant_id, created_at desc, id);
create index payment_positions_status on payment_positions (tenant_id, status, created_at desc, id);
create index payment_positions_open_due on payment_positions (due_on) where status in ('payable', 'draft');

create table payment_options (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  position_id uuid not null references payment_positions(id),
  instalment smallint not null check (instalment between 0 and 60),
  iuv text not null check (iuv ~ '^[0-9]{17}$'),
  nav text not null check (nav ~ '^3[0-9]{17}$' and substr(nav, 2) = iuv),
  amount_cents int not null check (amount_cents > 0),
  due_on date not null,
  status text not null default 'payable' check (status in ('payable', 'paid', 'cancelled')),
  paid_at timestamptz,
  paid_via text check (paid_via in ('pagopa', 'offline')),
  receipt_id bigint,
  reminded_at timestamptz,
  unique (tenant_id, iuv),
  unique (position_id, instalment),
  check ((status = 'paid') = (paid_at is not null and paid_via is not null))
);
create index payment_options_open on payment_options (tenant_id, status) where status = 'payable';

create table payment_transfers (
  option_id uuid not null references payment_options(id),
  idx smallint not null check (idx between 1 and 5),
  tenant_id uuid not null references tenants(id),
  amount_cents int not null check (amount_cents > 0),
  iban text check (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
  stamp_type text check (stamp_type ~ '^[0-9]{2}$'),
  stamp_hash text check (length(stamp_hash) between 1 and 72),
  stamp_province text check (stamp_province ~ '^[A-Z]{2}$'),
  taxonomy text not null check (length(taxonomy) between 1 and 40),
  remittance text not null check (length(remittance) between 1 and 140),
  primary key (option_id, idx),
  check ((iban is null) <> (stamp_type is null)),
  check ((stamp_type is null) = (stamp_hash is null) and (stamp_type is null) = (stamp_province is null))
);

create function payment_amounts_add_up() returns trigger language plpgsql as $$
declare
  pos uuid;
  bad int;
begin
  if tg_table_name = 'payment_transfers' then
    select position_id into pos from payment_options where id = new.option_id;
  elsif tg_table_name = 'payment_options' then
    pos := new.position_id;
  else
    pos := new.id;
  end if;
  select count(*) into bad from payment_options o
    where o.position_id = pos
      and o.amount_cents <> coalesce((select sum(t.amount_cents) from payment_transfers t where t.option_id = o.id), 0);
  if bad > 0 then
    raise exception 'payment transfers do not add up to their option' using errcode = '23514';
  end if;
  if (select amount_cents from payment_positions where id = pos)
     <> (select coalesce(sum(amount_cents), 0) from payment_options where position_id = pos) then
    raise exception 'payment options do not add up to their position' using errcode = '23514';
  end if;
  return null;
end $$;
create constraint trigger payment_positions_add_up after insert or update of amount_cents on payment_positions
  deferrable initially deferred for each row execute function payment_amounts_add_up();
create constraint trigger payment_options_add_up after insert or update of amount_cents on payment_options
  deferrable initially deferred for each row execute function payment_amounts_add_up();
create constraint trigger payment_transfers_add_up after insert or update of amount_cents on payment_transfers
  deferrable initially deferred for each row execute function payment_amounts_add_up();

-- Every receipt that reached the comune, once: pagoPA's (its receipt id) or an officer's "segna come
-- pagato" (offline:<uuid>). The outcome says what it did: paid the option, or why it did not (a
-- duplicate never gets here: its id is taken). Anything but 'applied' is for the admins to review.
create table payment_receipts (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references tenants(id),
  receipt_id text not null check (length(receipt_id) between 1 and 100),
  source text not null check (source in ('pagopa', 'offline')),
  iuv text not null check (length(iuv) between 1 and 35),
  option_id uuid references payment_options(id),
  amount_cents int not null check (amount_cents >= 0),
  paid_at timestamptz not null,
  psp text check (length(psp) <= 200),
  payer text check (length(payer) <= 200),
  reference text check (length(reference) <= 100),
  note text check (length(note) <= 1000),
  operator_id uuid references operators(id),
  outcome text not null check (outcome in ('applied', 'unknown_notice', 'amount_mismatch', 'already_paid', 'cancelled_position')),
  reviewed_at timestamptz,
  reviewed_by uuid references operators(id),
  raw jsonb,
  received_at timestamptz not null default now(),
  unique (tenant_id, receipt_id)
);
create index payment_receipts_option on payment_receipts (option_id) where option_id is not null;
create index payment_receipts_review on payment_receipts (tenant_id, received_at desc) where outcome <> 'applied' and reviewed_at is null;
alter table payment_options add constraint payment_options_receipt foreign key (receipt_id) references payment_receipts(id);

-- A citizen's trip to the checkout: which notices, where it went, how it came back.
create table payment_checkouts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  fiscal_code text not null,
  option_ids uuid[] not null check (cardinality(option_ids) between 1 and 5),
  provider_cart text,
  checkout_url text,
  outcome text check (outcome in ('ok', 'cancelled', 'error')),
  created_at timestamptz not null default now(),
  returned_at timestamptz
);
create index payment_checkouts_citizen on payment_checkouts (tenant_id, fiscal_code, created_at desc);

-- A position's history is its audit trail.
create index audit_log_payment on audit_log (tenant_id, entity_id, id) where entity_type = 'payment';

-- The local pagoPA simulator's own state (AMBIENTE DI PROVA): what it was sent, as pagoPA would keep
-- it. Never read by the payments module directly: only through the provider interface.
create table pagopa_sim_positions (
  organization text not null,
  iupd text not null,
  status text not null check (status in ('VALID', 'PAID', 'INVALID')),
  body jsonb not null,
  created_at timestamptz not null default now(),
  primary key (organization, iupd)
);
create table pagopa_sim_options (
  organization text not null,
  iuv text not null,
  iupd text not null,
  amount_cents int not null,
  status text not null default 'UNPAID' check (status in ('UNPAID', 'PAID')),
  primary key (organization, iuv),
  foreign key (organization, iupd) references pagopa_sim_positions (organization, iupd)
);
create table pagopa_sim_carts (
  id uuid primary key default gen_random_uuid(),
  body jsonb not null,
  outcome text check (outcome in ('paid', 'failed', 'cancelled', 'paid_late', 'paid_twice')),
  created_at timestamptz not null default now(),
  closed_at timestamptz
);
create table pagopa_sim_receipts (
  id bigint generated always as identity primary key,
  organization text not null,
  iuv text not null,
  receipt_id text not null,
  body jsonb not null,
  available_at timestamptz not null
);
create index pagopa_sim_receipts_iuv on pagopa_sim_receipts (organization, iuv, available_at);

-- An application whose fee is paid before filing: the citizen confirmed the summary and went to pay;
-- the receipt files it (applications module, on payment.paid).
alter table applications add column submit_when_paid boolean not null default false;
