-- The comune's service catalogue: one card per service ("scheda servizio" of the Designers Italia
-- Modello Comuni), published or not, with its sections as plain text (paragraphs, "- " lists). A
-- card may point to one of the appointment services ("Prenota appuntamento") and names the office in
-- charge; both belong to the same comune (composite foreign keys).
-- array_to_string is only stable (in general it depends on the element type's output); for text[]
-- it is immutable, which a generated column needs.
create function service_card_topics_text(topics text[]) returns text language sql immutable parallel safe
  as $$ select array_to_string(topics, ' ') $$;

create table service_cards (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  slug text not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 100),
  title text not null check (length(title) between 2 and 160),
  summary text not null check (length(summary) between 1 and 160),
  category text not null,
  -- active, or not active with the reason shown to citizens
  active boolean not null default true,
  inactive_reason text,
  published boolean not null default false,
  audience text not null default '',
  description text not null default '',
  how_to text not null default '',
  what_you_need text not null default '',
  what_you_get text not null default '',
  times_and_deadlines text not null default '',
  -- the maximum term of the procedure in days (L. 241/1990 art. 2: 30 where no term is set)
  max_days int check (max_days between 1 and 3650),
  costs text not null default '',
  linked_procedures text not null default '',
  access_online text not null default '',
  access_in_person text not null default '',
  conditions text not null default '',
  special_cases text not null default '',
  more_info text not null default '',
  topics text[] not null default '{}',
  office_id uuid not null,
  booking_service_id uuid,
  position int not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    setweight(to_tsvector('italian', title), 'A') ||
    setweight(to_tsvector('italian', summary), 'B') ||
    setweight(to_tsvector('italian', service_card_topics_text(topics)), 'B') ||
    setweight(to_tsvector('italian', description), 'C')
  ) stored,
  unique (tenant_id, slug),
  unique (tenant_id, id),
  check (active or inactive_reason is not null),
  foreign key (tenant_id, office_id) references offices (tenant_id, id),
  foreign key (tenant_id, booking_service_id) references services (tenant_id, id)
);
create index service_cards_search on service_cards using gin (search);
create index service_cards_category on service_cards (tenant_id, category, title);
