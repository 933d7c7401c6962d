// Race: many citizens try the same few slots at the same instant. All requests are in flight
// together (Promise.all over app.inject): on PostgreSQL they contend for the pool's connections and
// the desks' row locks; on PGlite the single connection serialises transactions, so it checks the
// logic rather than the locking. Success means exactly capacity bookings and no overbooking.
import type { InjectOptions } from 'fastify';
import type { Harness } from '../test/support/harness.ts';
import { bookingRequest, CIE, countInsertAttempts, overbooked, serviceByName, slots, tally, type ServiceInfo } from './setup.ts';
import { msSince, type Row } from './stats.ts';

type Send = (r: InjectOptions) => Promise<{ status: number; code?: string }>;

const viaInject =
  (h: Harness): Send =>
  async (r) => {
    const res = await h.app.inject(r);
    return { status: res.statusCode, code: res.statusCode === 201 ? undefined : res.json().code };
  };

/** Real HTTP over loopback: all requests on their own sockets (undici's default pool is unbounded). */
const viaHttp =
  (base: string): Send =>
  async (r) => {
    const res = await fetch(`${base}${r.url}`, {
      method: r.method,
      headers: { 'content-type': 'application/json', ...(r.headers as Record<string, string>) },
      body: JSON.stringify(r.payload),
    });
    const body = (await res.json()) as { code?: string };
    return { status: res.status, code: res.status === 201 ? undefined : body.code };
  };

async function race(h: Harness, svc: ServiceInfo, starts: string[], attempts: number, tag: string, send: Send = viaInject(h)): Promise<Row[]> {
  const attemptsSoFar = await countInsertAttempts(h);
  const requests = Array.from({ length: attempts }, (_, i) => bookingRequest(svc, starts[i % starts.length]!, tag));
  const t0 = process.hrtime.bigint();
  const results = await Promise.all(requests.map((r) => send(r).catch(() => ({ status: -1, code: 'network' }))));
  const elapsed = msSince(t0);
  const t = tally(results.map((r) => r.status));
  // A 409 must be SLOT_TAKEN (the slot filled up), not another refusal that happens to share the status.
  const codes = [...new Set(results.filter((r) => r.status !== 201).map((r) => r.code))].join(',');
  const over = await overbooked(h, svc);
  const retries = (await attemptsSoFar()) - t.ok;
  const capacity = svc.capacity * starts.length;
  return [
    {
      figure: `race ${tag}: ${attempts} attempts on ${starts.length} slot(s) × ${svc.capacity} desk(s)`,
      value: `201=${t.ok} 409=${t.conflict} other=${t.other}${t.otherCodes ? ` (${t.otherCodes})` : ''} [${codes}] in ${(elapsed / 1000).toFixed(1)} s, ${retries} retried inserts`,
      goal: `201 = ${capacity}, other = 0`,
      met: t.ok === capacity && t.other === 0,
    },
    {
      figure: `race ${tag}: overbooked (SQL)`,
      value: `desk overlaps=${over.deskOverlaps}, over capacity=${over.overCapacity}`,
      goal: '0 and 0',
      met: over.deskOverlaps === 0 && over.overCapacity === 0,
    },
  ];
}

/** 1,000 attempts over 20 slots of a one-desk service (Bitonto URP). */
export async function raceSingleDesk(h: Harness): Promise<Row[]> {
  const svc = await serviceByName(h, 'bitonto', 'Informazioni e accesso agli atti');
  if (svc.capacity !== 1) throw new Error(`expected a one-desk service, found ${svc.capacity} desks`);
  const free = (await slots(h.app, svc, '2026-03-02', '2026-03-13')).filter((s) => s.available > 0).slice(0, 20);
  if (free.length < 20) throw new Error(`only ${free.length} free slots`);
  return race(
    h,
    svc,
    free.map((s) => s.start),
    1000,
    '1-desk',
  );
}

/** 200 attempts on one slot of the 18-desk CIE service (Bari Anagrafe). */
export async function raceCie(h: Harness): Promise<Row[]> {
  const svc = await serviceByName(h, 'bari', CIE);
  const free = (await slots(h.app, svc, '2026-03-03', '2026-03-03')).filter((s) => s.available === svc.capacity);
  if (free.length < 2) throw new Error('no fully free CIE slots on 2026-03-03');
  const rows = await race(h, svc, [free[0]!.start], 200, 'CIE');
  // With a connection pool the same race also runs over real sockets (PGlite would only repeat
  // the serialised run); another slot, so the two races do not see each other's bookings.
  if (h.ctx.database.engine === 'postgres') {
    const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
    rows.push(...(await race(h, svc, [free[1]!.start], 200, 'CIE over HTTP', viaHttp(base))));
  }
  return rows;
}
