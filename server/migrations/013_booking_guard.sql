-- A booking's first step in one round trip instead of two: the citizen's advisory locks (the
-- idempotency key, the per-citizen limit), then, with them held, the earlier request under the same
-- key and the citizen's active bookings. The reads must not share the locks' statement: a
-- statement's snapshot is taken before its locks are granted, so it could miss the booking of the
-- transaction it waited for. In a volatile function each statement takes a fresh snapshot (read
-- committed), so these reads see everything committed before the locks were granted.
create function booking_guard(
  p_idem_lock text, p_limit_lock text, p_tenant uuid, p_service uuid, p_idem_key text, p_fiscal_code text, p_email text, p_now timestamptz,
  out booking_id uuid, out request_hash text, out active int
) language plpgsql volatile as $$
begin
  if p_idem_lock is not null then
    perform pg_advisory_xact_lock(hashtext(p_idem_lock));
  end if;
  perform pg_advisory_xact_lock(hashtext(p_limit_lock));
  if p_idem_key is not null then
    select i.booking_id, i.request_hash into booking_id, request_hash
    from idempotency_keys i where i.tenant_id = p_tenant and i.key = p_idem_key;
  end if;
  -- Two queries rather than one with a condition, so each can use its index.
  if p_fiscal_code is not null then
    select count(*)::int into active from bookings b
    where b.tenant_id = p_tenant and b.service_id = p_service and b.status in ('pending', 'confirmed') and b.start_at > p_now
      and b.fiscal_code = p_fiscal_code;
  else
    select count(*)::int into active from bookings b
    where b.tenant_id = p_tenant and b.service_id = p_service and b.status in ('pending', 'confirmed') and b.start_at > p_now
      and lower(b.applicant_email) = p_email;
  end if;
end $$;
