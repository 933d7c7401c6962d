// Booking throughput with contention: 32 clients take work from one queue of CIE desk-slots
// ordered by time, so at any moment many of them want the same slot on different desks: that is
// what SKIP LOCKED in desk-claim.ts is for. Each request is a distinct citizen; a 409 would mean a
// booking was refused while a desk was still free (the queue never offers more than capacity).
import type { Harness } from '../test/support/harness.ts';
import { bookingRequest, CIE, countInsertAttempts, overbooked, serviceByName, slots, tally } from './setup.ts';
import { msSince, percentile, ms, type Row } from './stats.ts';

const CLIENTS = 32;
const BOOKINGS = Number(process.env.COMMITS_N ?? 2000);

export async function commits(h: Harness): Promise<Row[]> {
  const svc = await serviceByName(h, 'bari', CIE);
  const queue = (await slots(h.app, svc, '2026-03-03', '2026-04-30')).flatMap((s) => Array.from({ length: s.available }, () => s.start)).slice(0, BOOKINGS);
  if (queue.length < BOOKINGS) throw new Error(`only ${queue.length} free desk-slots`);
  const attempts = await countInsertAttempts(h);

  let next = 0;
  const statuses: number[] = [];
  const latencies: number[] = [];
  const client = async () => {
    while (next < queue.length) {
      const start = queue[next++]!;
      const t0 = process.hrtime.bigint();
      const res = await h.app.inject(bookingRequest(svc, start, 'commits')).catch(() => null);
      latencies.push(msSince(t0));
      statuses.push(res?.statusCode ?? -1);
    }
  };
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const seconds = msSince(t0) / 1000;

  const t = tally(statuses);
  const retries = (await attempts()) - t.ok;
  const over = await overbooked(h, svc);
  return [
    {
      figure: `commits: ${CLIENTS} clients, ${BOOKINGS} CIE bookings`,
      value: `${(t.ok / seconds).toFixed(0)} commits/s (${seconds.toFixed(1)} s), p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}`,
      // Issue 10's goal is for PostgreSQL; PGlite is one connection in the same process.
      ...(h.ctx.database.engine === 'postgres' ? { goal: '≥ 300/s', met: t.ok / seconds >= 300 } : {}),
    },
    {
      figure: `commits: outcomes`,
      value: `201=${t.ok} 409=${t.conflict} other=${t.other}${t.otherCodes ? ` (${t.otherCodes})` : ''}, ${retries} retried inserts`,
      goal: `201 = ${BOOKINGS}`,
      met: t.ok === BOOKINGS,
    },
    {
      figure: `commits: overbooked (SQL)`,
      value: `desk overlaps=${over.deskOverlaps}, over capacity=${over.overCapacity}`,
      goal: '0 and 0',
      met: over.deskOverlaps === 0 && over.overCapacity === 0,
    },
  ];
}
