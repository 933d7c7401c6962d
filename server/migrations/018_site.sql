-- The comune's site shell (Designers Italia Modello Comuni): the settings an admin keeps for the
-- header and footer (contacts, the institutional site's pages, social links, statements), the FAQ,
-- and the page ratings citizens give ("Quanto sono chiare le informazioni su questa pagina?").

-- One row per comune; the profile's shape is contracts/site.ts (SiteProfile), checked on the way in.
create table site_profiles (
  tenant_id uuid primary key references tenants(id),
  profile jsonb not null default '{}' check (jsonb_typeof(profile) = 'object'),
  updated_at timestamptz not null default now()
);

create table faq_entries (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  topic text not null check (length(topic) between 2 and 80),
  question text not null check (length(question) between 5 and 300),
  answer text not null check (length(answer) between 1 and 5000),
  position int not null default 0,
  published boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  search tsvector generated always as (
    setweight(to_tsvector('italian', question), 'A') ||
    setweight(to_tsvector('italian', topic), 'B') ||
    setweight(to_tsvector('italian', answer), 'C')
  ) stored
);
create index faq_entries_search on faq_entries using gin (search);
create index faq_entries_order on faq_entries (tenant_id, topic, position);

-- Anonymous: no citizen, no address, no cookie; only the page, the rating and what the person chose
-- to write (≤ 200 characters, as the model's component).
create table page_ratings (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references tenants(id),
  page text not null check (page like '/%' and length(page) <= 200),
  rating smallint not null check (rating between 1 and 5),
  aspect text check (length(aspect) <= 80),
  comment text check (length(comment) <= 200),
  created_at timestamptz not null default now()
);
create index page_ratings_by_page on page_ratings (tenant_id, created_at, page);
