-- The comune's coat of arms ("stemma"), in the header of every citizen page and as the pages' icon:
-- a small PNG, JPEG or WebP an admin uploads (typed by its bytes; at most 128 KB). Kept in the
-- database beside the site settings: every node serves it without a storage round trip, and its hash
-- makes its address change when it changes (cached for a year under that address).
alter table site_profiles
  add column coat_of_arms bytea check (octet_length(coat_of_arms) <= 131072),
  add column coat_of_arms_type text check (coat_of_arms_type in ('image/png', 'image/jpeg', 'image/webp')),
  add column coat_of_arms_hash text,
  add constraint site_profiles_coat_of_arms_whole check (
    (coat_of_arms is null) = (coat_of_arms_type is null) and (coat_of_arms is null) = (coat_of_arms_hash is null)
  );
