-- desk_days.spans in half the text: "start length start length …", the start in epoch seconds and
-- the length (duration + buffer) in seconds. Availability of a busy month reads ~140 KB of spans
-- through the driver on every cold call; epoch milliseconds twice per span was most of it.
-- The start is rounded down and the end up, so a span never shrinks: availability can only be more
-- cautious than the bookings, never offer a taken slot (the exclusion constraint decides anyway).
create or replace function desk_days_refresh(keys jsonb) returns void language plpgsql as $$
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
    select string_agg(floor(extract(epoch from b.start_at))::bigint::text || ' '
        || (ceil(extract(epoch from b.block_end)) - floor(extract(epoch from b.start_at)))::bigint::text, ' ' order by b.start_at)
    from bookings b
    where b.desk_id = d.desk_id and b.status not in ('cancelled', 'held')
      and b.start_at >= d.day::timestamp at time zone 'UTC' and b.start_at < (d.day + 1)::timestamp at time zone 'UTC'), '')
  where (d.desk_id, d.day) in (select (k->>'desk_id')::uuid, (k->>'day')::date from jsonb_array_elements(keys) k);
end $$;

select desk_days_refresh(coalesce((select jsonb_agg(jsonb_build_object('desk_id', desk_id, 'day', day)) from desk_days), '[]'));
