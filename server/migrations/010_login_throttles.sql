-- Officers' failed sign-ins are throttled per (username, client address) and per address, and
-- slowed down per username, instead of locking the account: a stranger's wrong passwords from one
-- address could otherwise lock a comune's only admin out from everywhere. Rows are the counts of
-- one key; they mean nothing once expires_at has passed (the scheduler deletes them then).
create table login_throttles (
  -- 'pair:<tenant>:<username>:<address>', 'address:<address>' or 'account:<tenant>:<username>'
  key text primary key,
  kind text not null check (kind in ('pair', 'address', 'account')),
  -- for 'pair' and 'account' (an admin's reset clears them); an address counts across comuni
  tenant_id uuid references tenants(id) on delete cascade,
  username text,
  -- an IPv4 address or an IPv6 /64
  address text,
  failures int not null check (failures > 0),
  -- until then, attempts from this address (for this username, for 'pair') are refused
  blocked_until timestamptz,
  last_failure_at timestamptz not null,
  expires_at timestamptz not null,
  check ((kind = 'address') = (tenant_id is null and username is null)),
  check ((kind = 'account') = (address is null))
);
create index login_throttles_expiry on login_throttles (expires_at);
create index login_throttles_username on login_throttles (tenant_id, username) where kind <> 'address';

-- The account lockout these replaced.
alter table operators drop column failed_attempts, drop column locked_until;
