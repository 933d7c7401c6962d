-- Case handling (L. 241/1990): a filed application is handled by an office to a decision. `status`
-- keeps saying whether it was filed (draft | submitted: the record's own rules); `state` follows the
-- case (server/modules/applications/domain/lifecycle.ts). The office is the card's at submission,
-- the term the card's maximum days then (null: 30); `due_on` is the latest expected date as the law
-- counts it (null while an integration request suspends it), recomputed at every change.
alter table applications
  add column state text not null default 'draft' check (state in (
    'draft', 'submitted', 'registered', 'in_charge', 'integration_requested', 'integration_submitted',
    'rejection_notice', 'accepted', 'rejected', 'withdrawn', 'cancelled')),
  add column office_id uuid,
  add column assigned_to uuid references operators(id),
  add column taken_at timestamptz,
  add column term_days int check (term_days between 1 and 3650),
  add column due_on date,
  add column suspended boolean not null default false,
  add column decided_at timestamptz,
  add column outcome text check (length(outcome) between 1 and 8000),
  add column response_key text,
  add column response_sha256 text,
  add column response_size int,
  add column response_protocol text,
  add column state_changed_at timestamptz,
  add constraint applications_state_filed check ((status = 'draft') = (state = 'draft')),
  add constraint applications_office foreign key (tenant_id, office_id) references offices (tenant_id, id);

update applications a set state = 'registered', office_id = c.office_id, term_days = c.max_days, state_changed_at = a.submitted_at
  from service_cards c where c.id = a.card_id and a.status = 'submitted';

-- The office's inbox, the most urgent first (due_on, then the oldest filed), read in index order and
-- stopped at the page's end: by office, by office and state, by assignee, and the whole comune's
-- (officers attached to no office).
create index applications_inbox on applications (tenant_id, office_id, due_on, submitted_at) where status = 'submitted';
create index applications_inbox_state on applications (tenant_id, office_id, state, due_on, submitted_at) where status = 'submitted';
create index applications_inbox_all on applications (tenant_id, due_on, submitted_at) where status = 'submitted';
create index applications_assignee on applications (tenant_id, assigned_to, due_on, submitted_at) where assigned_to is not null;

-- Everything that happened to a case, in order: state changes (with who and why), messages between
-- the citizen and the office, the office's internal notes (never shown to the citizen). Written once.
create table application_events (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  application_id uuid not null,
  at timestamptz not null,
  kind text not null check (kind in ('state', 'message', 'note')),
  action text check (length(action) <= 40),
  from_state text,
  to_state text,
  actor_type text not null check (actor_type in ('citizen', 'operator', 'system')),
  actor_id uuid,
  author text not null check (length(author) between 1 and 200),
  text text check (length(text) between 1 and 8000),
  -- an integration request's deadline for the citizen, and the form's fields it asks again
  due_on date,
  asked jsonb check (asked is null or jsonb_typeof(asked) = 'array'),
  -- the citizen's answer to those fields, checked by the same form engine
  data jsonb check (data is null or jsonb_typeof(data) = 'object'),
  internal boolean not null default false,
  foreign key (tenant_id, application_id) references applications (tenant_id, id),
  check (kind <> 'note' or internal),
  check (kind = 'state' or text is not null)
);
create index application_events_case on application_events (application_id, id);

create function application_events_write_once() returns trigger language plpgsql as $$
begin
  raise exception 'application_events: a case''s history is never changed (% refused)', tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger application_events_write_once before update or delete on application_events
  for each row execute function application_events_write_once();

-- Files the citizen sends with a message, an integration or observations: uploaded first (event_id
-- null), then attached to the history entry they belong to, never changed afterwards.
create table application_case_files (
  id uuid primary key,
  tenant_id uuid not null,
  application_id uuid not null,
  event_id bigint references application_events(id),
  uploaded_by uuid not null,
  name text not null check (length(name) between 1 and 255),
  media_type text not null,
  size int not null check (size > 0),
  sha256 text not null,
  storage_key text not null unique,
  created_at timestamptz not null,
  foreign key (tenant_id, application_id) references applications (tenant_id, id)
);
create index application_case_files_case on application_case_files (application_id, created_at);
