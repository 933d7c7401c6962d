// Booting the app for a benchmark and the SQL the benchmarks check their results with. Each
// benchmark gets a fresh app (test harness: PGlite in memory, or a fresh PostgreSQL schema) so one
// benchmark's bookings never change another's figures; PostgreSQL schemas are dropped afterwards.
import { sql } from 'kysely';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pg from 'pg';
import { startHarness, DEFAULT_NOW, type Harness } from '../test/support/harness.ts';

export interface Engine {
  name: string;
  /** undefined: PGlite in memory */
  url?: string;
}

export async function boot(engine: Engine): Promise<Harness> {
  // A simulated day jumps the clock ahead between a desk's requests, where a real console keeps its
  // session alive with its own: officers' idle timeout at its maximum, 10 hours (the session's life).
  const h = await startHarness({ url: engine.url, now: DEFAULT_NOW, env: { OPERATOR_IDLE_MINUTES: '600' } });
  if (!engine.url) return h;
  // The harness leaves its schema behind (fine for tests, not for repeated benchmark runs).
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(h.ctx.db);
  const schema = rows[0]!.schema;
  return {
    ...h,
    async close() {
      await h.close();
      const admin = new pg.Client({ connectionString: engine.url });
      await admin.connect();
      await admin.query(`drop schema if exists ${pg.escapeIdentifier(schema)} cascade`);
      await admin.end();
    },
  };
}

/** null when reachable, else the reason; short timeout so a missing server does not stall the run. */
export async function unreachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (err) {
    return (err as Error).message || String(err);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface ServiceInfo {
  tenant: string;
  serviceId: string;
  officeId: string;
  /** active desks offering the service: the number of bookings one slot can take */
  capacity: number;
}

/** A seeded service by tenant slug and exact name, with its capacity per slot. */
export async function serviceByName(h: Harness, tenant: string, name: string): Promise<ServiceInfo> {
  const { rows } = await sql<{ id: string; office_id: string; desks: number }>`
    select s.id, s.office_id,
      (select count(*)::int from desk_services ds join desks d on d.id = ds.desk_id where ds.service_id = s.id and d.active) as desks
    from services s join tenants t on t.id = s.tenant_id
    where t.slug = ${tenant} and s.name = ${name}`.execute(h.ctx.db);
  const row = rows[0];
  if (!row) throw new Error(`service "${name}" not found in ${tenant}`);
  return { tenant, serviceId: row.id, officeId: row.office_id, capacity: row.desks };
}

export const CIE = "Carta d'identità elettronica";

export type Slot = { start: string; end: string; available: number };

export async function slots(app: FastifyInstance, svc: ServiceInfo, from: string, to: string): Promise<Slot[]> {
  const res = await app.inject(`/api/v1/${svc.tenant}/services/${svc.serviceId}/availability?from=${from}&to=${to}`);
  if (res.statusCode !== 200) throw new Error(`availability ${res.statusCode}: ${res.body}`);
  return (res.json().days as Array<{ slots: Slot[] }>).flatMap((d) => d.slots);
}

let seq = 0;
/**
 * A booking request as a distinct citizen from a distinct address: the per-citizen limit is by
 * email, and public writes are rate-limited per client address (30/min; trustProxy is on, so
 * x-forwarded-for sets it). There is no configuration switch for the limit.
 */
export function bookingRequest(svc: ServiceInfo, start: string, tag: string): InjectOptions {
  const n = ++seq;
  const local = tag.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    method: 'POST',
    url: `/api/v1/${svc.tenant}/bookings`,
    headers: { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
    payload: { serviceId: svc.serviceId, start, applicant: { name: 'Bench', surname: tag, email: `bench.${local}.${n}@example.it` } },
  };
}

/**
 * Overbooking as the data shows it, independent of the code that prevents it: pairs of active
 * bookings overlapping on one desk, and bookings beyond the capacity of a slot.
 */
export async function overbooked(h: Harness, svc: ServiceInfo): Promise<{ deskOverlaps: number; overCapacity: number }> {
  const a = await sql<{ n: number }>`
    select count(*)::int as n from bookings a join bookings b
      on a.desk_id = b.desk_id and a.id < b.id
     and a.start_at < b.block_end and b.start_at < a.block_end
    where a.status <> 'cancelled' and b.status <> 'cancelled'`.execute(h.ctx.db);
  const b = await sql<{ n: number }>`
    select coalesce(sum(n - ${svc.capacity}), 0)::int as n from (
      select start_at, count(*) as n from bookings
      where service_id = ${svc.serviceId} and status <> 'cancelled'
      group by start_at having count(*) > ${svc.capacity}) s`.execute(h.ctx.db);
  return { deskOverlaps: a.rows[0]!.n, overCapacity: b.rows[0]!.n };
}

/**
 * Counts INSERT attempts on bookings, including the ones the exclusion constraint refuses and
 * whose transaction is then retried: a sequence is not rolled back, so attempts minus committed
 * rows is the number of retries the server did internally (they are invisible over HTTP).
 * Bench-only: installed on the throwaway database, never on a real one.
 */
export async function countInsertAttempts(h: Harness): Promise<() => Promise<number>> {
  await sql`create sequence if not exists bench_insert_attempts`.execute(h.ctx.db);
  await sql`create or replace function bench_count_insert() returns trigger language plpgsql as $$
    begin perform nextval('bench_insert_attempts'); return new; end $$`.execute(h.ctx.db);
  await sql`create or replace trigger bench_count_insert before insert on bookings for each row execute function bench_count_insert()`.execute(h.ctx.db);
  const read = async () => {
    const { rows } = await sql<{ n: number }>`select case when is_called then last_value else 0 end::int as n from bench_insert_attempts`.execute(h.ctx.db);
    return rows[0]!.n;
  };
  const base = await read();
  return async () => (await read()) - base;
}

/** Tallies HTTP outcomes of booking attempts. */
export function tally(statuses: number[]): { ok: number; conflict: number; other: number; otherCodes: string } {
  const ok = statuses.filter((s) => s === 201).length;
  const conflict = statuses.filter((s) => s === 409).length;
  const others = statuses.filter((s) => s !== 201 && s !== 409);
  const counts = new Map<number, number>();
  for (const s of others) counts.set(s, (counts.get(s) ?? 0) + 1);
  return { ok, conflict, other: others.length, otherCodes: [...counts].map(([s, n]) => `${n}×${s}`).join(',') };
}
