-- desk_days.spans in half the text, and triggers that cost nothing when a statement changed no row.
--
-- Spans: "start length start length …", the start in epoch seconds and
-- the length (duration + buffer) in seconds. Availability of a busy month reads ~140 KB of spans
-- through the driver on every cold call; epoch milliseconds twice per span was most of it.
-- The start is rounded down and the end up, so a span never shrinks: availability can only be more
-- cautious than the bookings, never offer a taken slot (the exclusion constraint decides anyway).
create or replace function desk_days_refresh(keys jsonb) returns void language plpgsql as $$
begin
  if keys = '[]'::jsonb then
    return;
  end if;
  insert into desk_days (desk_id, day)
  select distinct (k->>'desk_id')::uuid, (k->>'day')::date from jsonb_array_elements(keys) k
  order by 1, 2
  on conflict do nothing;
  perform 1 from desk_days d
  where (d.desk_id, d.day) in (select (k->>'desk_id')::uuid, (k->>'day')::date from jsonb_array_elements(keys) k)
  order by d.desk_id, d.day
  for update;
  update desk_days d set spans = coalesce((
    select string_agg(floor(extract(epoch from b.start_at))::bigint::text || ' '
        || (ceil(extract(epoch from b.block_end)) - floor(extract(epoch from b.start_at)))::bigint::text, ' ' order by b.start_at)
    from bookings b
    where b.desk_id = d.desk_id and b.status not in ('cancelled', 'held')
      and b.start_at >= d.day::timestamp at time zone 'UTC' and b.start_at < (d.day + 1)::timestamp at time zone 'UTC'), '')
  where (d.desk_id, d.day) in (select (k->>'desk_id')::uuid, (k->>'day')::date from jsonb_array_elements(keys) k);
end $$;

-- Statement triggers fire for statements that touched no row too: a booking's lazy removal of
-- expired holds (usually none) paid a full refresh. They now return at once.
create or replace function desk_days_after_insert() returns trigger language plpgsql as $$
begin
  if not exists (select from new_rows) then
    return null;
  end if;
  perform desk_days_refresh(coalesce((
    select jsonb_agg(distinct jsonb_build_object('desk_id', desk_id, 'day', (start_at at time zone 'UTC')::date))
    from new_rows where status not in ('cancelled', 'held')), '[]'));
  return null;
end $$;

create or replace function desk_days_after_delete() returns trigger language plpgsql as $$
begin
  if not exists (select from old_rows) then
    return null;
  end if;
  perform desk_days_refresh(coalesce((
    select jsonb_agg(distinct jsonb_build_object('desk_id', desk_id, 'day', (start_at at time zone 'UTC')::date))
    from old_rows where status not in ('cancelled', 'held')), '[]'));
  return null;
end $$;

create or replace function desk_days_after_update() returns trigger language plpgsql as $$
begin
  if not exists (select from new_rows) then
    return null;
  end if;
  perform desk_days_refresh(coalesce((
    select jsonb_agg(distinct jsonb_build_object('desk_id', x.desk_id, 'day', (x.start_at at time zone 'UTC')::date))
    from old_rows o join new_rows n on n.id = o.id
    cross join lateral (values (o.desk_id, o.start_at, o.status), (n.desk_id, n.start_at, n.status)) x(desk_id, start_at, status)
    where (o.status, o.desk_id, o.start_at, o.block_end) is distinct from (n.status, n.desk_id, n.start_at, n.block_end)
      and x.status not in ('cancelled', 'held')), '[]'));
  return null;
end $$;

select desk_days_refresh(coalesce((select jsonb_agg(jsonb_build_object('desk_id', desk_id, 'day', day)) from desk_days), '[]'));
