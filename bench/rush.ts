// The CIE opening rush: 2,000 citizens, each reading the CIE service's availability and then booking
// one of the first free slots they saw, arriving evenly within one minute, against ONE real node
// (server/main.ts as a child process, web + worker + scheduler roles) over real HTTP, driven by
// autocannon. Every booking clears the read cache, so nearly every read is a cold one. Reported: p50
// and p99 of reads and of bookings, the outcomes (a 409 is a fair "taken, here are alternatives"),
// any 5xx (goal 0), and overbooking checked in the database afterwards (goal 0).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { openDatabase } from '../server/platform/db/database.ts';
import type { Harness } from '../test/support/harness.ts';
import { startServer } from '../test/support/server-process.ts';
import { CIE, overbooked, serviceByName } from './setup.ts';
import { ms, percentile, type Row } from './stats.ts';

const CITIZENS = 2000;
const SECONDS = 60;
// autocannon gives each connection an integer rate and an equal share of the requests: 40
// connections of 100 requests (50 citizens each, read then book) at 2 per second: 4,000 in 50 s.
const CONNECTIONS = 40;
/** Citizens want the earliest slots: each picks at random among the first ones shown free. */
const FIRST_SLOTS = 40;

interface Citizen {
  n: number;
  slot?: string;
  sentAt: number;
}

export async function rush(h: Harness): Promise<Row[]> {
  const svc = await serviceByName(h, 'bari', CIE);
  // The child node shares the harness's PostgreSQL schema, or gets its own PGlite folder.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sportello-rush-'));
  const sharedUrl = h.ctx.config.databaseUrl;
  const server = await startServer({
    SPORTELLO_MODE: 'test',
    DATA_DIR: dataDir,
    DATABASE_URL: sharedUrl ?? '',
    DEMO_NOW: '2026-03-02T07:00:00Z',
  });
  try {
    // On PGlite the child seeded its own database: its service id is the one to book.
    const services = (await (await fetch(`${server.baseUrl}/api/v1/bari/offices`)).json()) as { offices: Array<{ id: string; name: string }> };
    let serviceId = svc.serviceId;
    for (const o of services.offices) {
      const list = (await (await fetch(`${server.baseUrl}/api/v1/bari/offices/${o.id}/services`)).json()) as { services: Array<{ id: string; name: string }> };
      const found = list.services.find((s) => s.name === CIE);
      if (found) serviceId = found.id;
    }
    const availabilityPath = `/api/v1/bari/services/${serviceId}/availability?from=2026-03-02&to=2026-03-15`;

    let seq = 0;
    let rnd = 7;
    const random = () => {
      rnd = (Math.imul(rnd, 1103515245) + 12345) >>> 0;
      return rnd / 2 ** 32;
    };
    const reads: number[] = [];
    const books: number[] = [];
    const statuses = new Map<string, number>();
    const count = (kind: string, status: number) => statuses.set(`${kind} ${status}`, (statuses.get(`${kind} ${status}`) ?? 0) + 1);
    let noSlot = 0;
    const address = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

    const t0 = performance.now();
    const result = await autocannon({
      url: server.baseUrl,
      connections: CONNECTIONS,
      // Two requests per citizen, evenly spread over the minute.
      overallRate: 2 * CONNECTIONS,
      amount: 2 * CITIZENS,
      timeout: 30,
      requests: [
        {
          method: 'GET',
          path: availabilityPath,
          setupRequest: (req, context) => {
            const c: Citizen = { n: ++seq, sentAt: performance.now() };
            (context as { citizen?: Citizen }).citizen = c;
            return { ...req, headers: { ...req.headers, 'x-forwarded-for': address(c.n) } };
          },
          onResponse: (status, body, context) => {
            const c = (context as { citizen: Citizen }).citizen;
            reads.push(performance.now() - c.sentAt);
            count('read', status);
            if (status !== 200) return;
            const free = (JSON.parse(body) as { days: Array<{ slots: Array<{ start: string; available: number }> }> }).days
              .flatMap((d) => d.slots)
              .filter((s) => s.available > 0)
              .slice(0, FIRST_SLOTS);
            c.slot = free[Math.floor(random() * free.length)]?.start;
          },
        },
        {
          method: 'POST',
          path: '/api/v1/bari/bookings',
          setupRequest: (req, context) => {
            const c = (context as { citizen: Citizen }).citizen;
            if (!c.slot) noSlot++;
            c.sentAt = performance.now();
            return {
              ...req,
              headers: { ...req.headers, 'content-type': 'application/json', 'x-forwarded-for': address(c.n) },
              body: JSON.stringify({
                serviceId,
                start: c.slot ?? '2026-03-02T10:00:00+01:00',
                applicant: { name: 'Rush', surname: `Citizen ${c.n}`, email: `rush.${c.n}@example.it` },
              }),
            };
          },
          onResponse: (status, _body, context) => {
            books.push(performance.now() - (context as { citizen: Citizen }).citizen.sentAt);
            count('book', status);
          },
        },
      ],
    });
    const seconds = (performance.now() - t0) / 1000;

    // Overbooking as the data shows it, on the node's own database.
    let over: { deskOverlaps: number; overCapacity: number };
    if (sharedUrl) over = await overbooked(h, svc);
    else {
      await server.stop();
      const db = await openDatabase({ dataDir });
      try {
        const id = (await sql<{ id: string }>`select id from services where name = ${CIE} and tenant_id = (select id from tenants where slug = 'bari')`.execute(db.db)).rows[0]!.id;
        over = await overbooked({ ctx: { db: db.db } } as unknown as Harness, { ...svc, serviceId: id });
      } finally {
        await db.close();
      }
    }
    const fivexx = [...statuses].filter(([k]) => / 5\d\d$/.test(k)).reduce((n, [, v]) => n + v, 0) + result.errors + result.timeouts;
    const outcomes = [...statuses]
      .sort()
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    return [
      {
        figure: `rush: ${CITIZENS} citizens in ${SECONDS} s, 1 node, HTTP`,
        value: `${seconds.toFixed(1)} s, ${(result.requests.total / seconds).toFixed(0)} req/s over ${CONNECTIONS} connections`,
        goal: `≤ ${SECONDS + 5} s`,
        met: seconds <= SECONDS + 5,
      },
      { figure: `rush: availability (mostly cold)`, value: `p50 ${ms(percentile(reads, 50))}, p99 ${ms(percentile(reads, 99))}` },
      { figure: `rush: booking`, value: `p50 ${ms(percentile(books, 50))}, p99 ${ms(percentile(books, 99))}` },
      { figure: `rush: outcomes`, value: `${outcomes}${noSlot ? `, ${noSlot} saw no free slot` : ''}` },
      { figure: `rush: 5xx, errors, timeouts`, value: `${fivexx}`, goal: '0', met: fivexx === 0 },
      {
        figure: `rush: overbooked (SQL)`,
        value: `desk overlaps=${over.deskOverlaps}, over capacity=${over.overCapacity}`,
        goal: '0 and 0',
        met: over.deskOverlaps === 0 && over.overCapacity === 0,
      },
    ];
  } finally {
    await server.stop().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
