// "Call next" latency: one desk calling alone (what an officer feels), then 18 desks calling at once
// until a line of 2,000 tickets is empty (on PostgreSQL half of them through a second server node).
// Each figure is one HTTP call-next: finish the ticket in hand, claim the next with SKIP LOCKED,
// history, audit, notify, and the answer. Both nodes run in this one process, so under the 18-desk
// load the figure is mostly this process's CPU queue (Little's law: 18 desks ÷ calls per second).
import { startHarness, type Harness } from '../test/support/harness.ts';
import { registryOffice, registryOfficers, seatOfficer, takeTickets } from '../test/support/queue.ts';
import { msSince, ms, percentile, type Row } from './stats.ts';

const DESKS = 18;
const TICKETS = 2000;

export async function queueCalls(h: Harness): Promise<Row[]> {
  h.clock.set('2026-03-02T08:00:00Z'); // Monday 09:00 in Rome: the registry office is open
  const url = h.ctx.config.databaseUrl;
  const second = url ? await startHarness({ sharedUrl: url, now: '2026-03-02T08:00:00Z' }) : undefined;
  try {
    const { officeId, serviceId } = await registryOffice(h);
    const officers = await registryOfficers(h, DESKS);
    await takeTickets(h, officeId, serviceId, TICKETS);
    const alone = await seatOfficer(h, officers[0]!.deskId, officers[0]!.username);
    const single: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = process.hrtime.bigint();
      const res = await alone('call-next');
      if (res.statusCode !== 200) throw new Error(`call-next ${res.statusCode} ${res.body}`);
      if (i >= 20) single.push(msSince(t));
    }
    const latencies: number[] = [];
    const t0 = process.hrtime.bigint();
    await Promise.all(
      officers.map(async ({ deskId, username }, i) => {
        const act = await seatOfficer(second && i % 2 ? second : h, deskId, username);
        for (;;) {
          const t = process.hrtime.bigint();
          const res = await act('call-next');
          if (res.statusCode === 204) return;
          if (res.statusCode !== 200) throw new Error(`call-next ${res.statusCode} ${res.body}`);
          latencies.push(msSince(t));
        }
      }),
    );
    const seconds = msSince(t0) / 1000;
    const where = second ? `${DESKS} desks on two nodes` : `${DESKS} desks`;
    return [
      { figure: `queue call-next, one desk alone, line of ${TICKETS}: p50 / p95`, value: `${ms(percentile(single, 50))} / ${ms(percentile(single, 95))}` },
      { figure: `queue call-next, ${where} at once, ${TICKETS} tickets: p50 / p95`, value: `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 95))}` },
      { figure: `queue call-next throughput, ${where}`, value: `${Math.round(latencies.length / seconds)} calls/s` },
    ];
  } finally {
    await second?.close();
  }
}
