-- Per-day occupancy of each desk, kept by the database in step with bookings: availability reads a
-- few hundred short rows (one per desk and day) instead of every booking of the window, whose
-- transfer and decoding cost ten times the query (see bench/availability.ts). Holds are not here:
-- they expire by the clock, so availability reads the live ones from bookings (there are few).
--
-- spans: the desk's occupied spans that start on `day` (UTC), as epoch milliseconds
-- "start end start end …" ordered by start; bookings that are not cancelled and not held.
create table desk_days (
  desk_id uuid not null,
  day date not null,
  spans text not null default '',
  primary key (desk_id, day)
);

-- Recomputes the listed desk-days from bookings. The rows are locked first (in key order, so two
-- writers cannot deadlock on them) and the spans are read by a later statement, whose snapshot
-- then includes every transaction that held those locks before: no concurrent change is lost.
create function desk_days_refresh(keys jsonb) returns void language plpgsql as $$
begin
  insert into desk_days (desk_id, day)
  select distinct (k->>'desk_id')::uuid, (k->>'day')::date from jsonb_array_elements(keys) k
  order by 1, 2
  on conflict do nothing;
  perform 1 from desk_days d
  where (d.desk_id, d.day) in (select (k->>'desk_id')::uuid, (k->>'day')::date from jsonb_array_elements(keys) k)
  order by d.desk_id, d.day
  for update;
  update desk_days d set spans = coalesce((
    select string_agg(floor(extract(epoch from b.start_at) * 1000)::bigint::text || ' ' || floor(extract(epoch from b.block_end) * 1000)::bigint::text, ' ' order by b.start_at)
    from bookings b
    where b.desk_id = d.desk_id and b.status not in ('cancelled', 'held')
      and b.start_at >= d.day::timestamp at time zone 'UTC' and b.start_at < (d.day + 1)::timestamp at time zone 'UTC'), '')
  where (d.desk_id, d.day) in (select (k->>'desk_id')::uuid, (k->>'day')::date from jsonb_array_elements(keys) k);
end $$;

create function desk_days_after_insert() returns trigger language plpgsql as $$
begin
  perform desk_days_refresh(coalesce((
    select jsonb_agg(distinct jsonb_build_object('desk_id', desk_id, 'day', (start_at at time zone 'UTC')::date))
    from new_rows where status not in ('cancelled', 'held')), '[]'));
  return null;
end $$;

create function desk_days_after_delete() returns trigger language plpgsql as $$
begin
  perform desk_days_refresh(coalesce((
    select jsonb_agg(distinct jsonb_build_object('desk_id', desk_id, 'day', (start_at at time zone 'UTC')::date))
    from old_rows where status not in ('cancelled', 'held')), '[]'));
  return null;
end $$;

-- Only updates that move a span (status, desk, times) touch the table: a reminder flag does not.
create function desk_days_after_update() returns trigger language plpgsql as $$
begin
  perform desk_days_refresh(coalesce((
    select jsonb_agg(distinct jsonb_build_object('desk_id', x.desk_id, 'day', (x.start_at at time zone 'UTC')::date))
    from old_rows o join new_rows n on n.id = o.id
    cross join lateral (values (o.desk_id, o.start_at, o.status), (n.desk_id, n.start_at, n.status)) x(desk_id, start_at, status)
    where (o.status, o.desk_id, o.start_at, o.block_end) is distinct from (n.status, n.desk_id, n.start_at, n.block_end)
      and x.status not in ('cancelled', 'held')), '[]'));
  return null;
end $$;

create trigger desk_days_insert after insert on bookings referencing new table as new_rows
  for each statement execute function desk_days_after_insert();
create trigger desk_days_delete after delete on bookings referencing old table as old_rows
  for each statement execute function desk_days_after_delete();
create trigger desk_days_update after update on bookings referencing old table as old_rows new table as new_rows
  for each statement execute function desk_days_after_update();

-- Bookings written before this migration.
select desk_days_refresh(coalesce((
  select jsonb_agg(distinct jsonb_build_object('desk_id', desk_id, 'day', (start_at at time zone 'UTC')::date))
  from bookings where status not in ('cancelled', 'held')), '[]'));
