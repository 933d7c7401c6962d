-- Officer accounts (forced password change, TOTP second factor, idle sessions) and the
-- tamper-evident audit log (a hash chain per comune, linked after commit by the sealer).

alter table operators
  -- set by an admin's create or reset: the temporary password must be replaced at the next login
  add column must_change_password boolean not null default false,
  add column password_changed_at timestamptz,
  -- TOTP secrets, AES-256-GCM sealed (never stored in clear); pending = enrolment not yet confirmed
  add column totp_secret text,
  add column totp_pending_secret text,
  add column totp_enabled_at timestamptz,
  -- the last 30-second step accepted: a code is never accepted twice
  add column totp_last_step bigint;

alter table operator_sessions
  -- idle timeout: refreshed at most once a minute by the officer's requests
  add column last_seen_at timestamptz not null default now();
create index operator_sessions_operator on operator_sessions (operator_id);

-- Demo and test mode only, when SESSION_SECRET is not set: a random key kept here so TOTP
-- enrolments survive a restart. Production requires SESSION_SECRET and never reads this table.
create table demo_keys (
  name text primary key,
  value text not null,
  created_at timestamptz not null default now()
);

-- The chain: entries of one comune (tenant_id null: the platform's own chain) are linked in the
-- order the sealer finds them committed. chain_seq is the position, prev_hash the hash of the
-- previous entry (64 zeros for the first), hash the SHA-256 of the entry's canonical form.
alter table audit_log
  add column chain_seq bigint,
  add column prev_hash text,
  add column hash text,
  add column sealed_at timestamptz;
create unique index audit_log_chain on audit_log (coalesce(tenant_id, '00000000-0000-0000-0000-000000000000'::uuid), chain_seq) where chain_seq is not null;
create index audit_log_unsealed on audit_log (id) where hash is null;

-- Append-only: entries are inserted unsealed and never deleted; the only update allowed is the
-- sealer's one-time setting of the chain columns of an unsealed entry, its content unchanged.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    if new.chain_seq is not null or new.prev_hash is not null or new.hash is not null or new.sealed_at is not null then
      raise exception 'audit_log: entries are inserted unsealed (the sealer links them)' using errcode = 'check_violation';
    end if;
    return new;
  end if;
  if tg_op = 'UPDATE'
     and old.hash is null and old.chain_seq is null and old.prev_hash is null and old.sealed_at is null
     and new.hash is not null and new.chain_seq is not null and new.prev_hash is not null and new.sealed_at is not null
     and new.id = old.id
     and new.tenant_id is not distinct from old.tenant_id
     and new.actor_type = old.actor_type
     and new.actor_id is not distinct from old.actor_id
     and new.action = old.action
     and new.entity_type is not distinct from old.entity_type
     and new.entity_id is not distinct from old.entity_id
     and new.details = old.details
     and new.at = old.at then
    return new;
  end if;
  raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_log_append_only
  before insert or update or delete on audit_log
  for each row execute function audit_log_append_only();

create trigger audit_log_no_truncate
  before truncate on audit_log
  for each statement execute function audit_log_append_only();
