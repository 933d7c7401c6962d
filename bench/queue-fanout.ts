// From a desk's call to 1,000 live screens: 100 display boards and 900 citizens' ticket pages of the
// registry office (each ticket's position changes at every call). The clock starts before the
// officer's call-next request and stops when a screen receives its update (sockets held by a worker
// thread). On PostgreSQL the screens are on a second server node, the call on the first.
import { Worker } from 'node:worker_threads';
import { startHarness, type Harness } from '../test/support/harness.ts';
import { registryOffice, registryOfficers, seatOfficer, takeTickets } from '../test/support/queue.ts';
import { ms, percentile, type Row } from './stats.ts';

const BOARDS = 100;
const TICKET_PAGES = 900;
const CALLS = 20;

function once<T>(w: Worker, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== type) return;
      w.off('message', onMessage);
      w.off('error', reject);
      resolve(m as T);
    };
    w.on('message', onMessage);
    w.once('error', reject);
  });
}

export async function queueFanout(h: Harness): Promise<Row[]> {
  h.clock.set('2026-03-02T08:00:00Z');
  const url = h.ctx.config.databaseUrl;
  const screensNode = url ? await startHarness({ sharedUrl: url, now: '2026-03-02T08:00:00Z' }) : h;
  try {
    const { officeId, serviceId } = await registryOffice(h);
    const [officer] = await registryOfficers(h, 1);
    // In line order (numbers taken in parallel come back in any order).
    const tickets = (await takeTickets(h, officeId, serviceId, TICKET_PAGES + CALLS)).sort((x, y) => Number(x.number.slice(1)) - Number(y.number.slice(1)));
    const base = await screensNode.app.listen({ port: 0, host: '127.0.0.1' });
    // The tickets called during the run are the first ones; the pages watch the ones behind them.
    const watched = tickets.slice(CALLS);
    const paths = [
      ...Array.from({ length: BOARDS }, () => `/api/v1/bari/offices/${officeId}/board/live`),
      ...watched.map((t) => `/api/v1/bari/tickets/${t.id}/live?token=${t.token}`),
    ];
    const worker = new Worker(new URL('./queue-fanout-clients.mjs', import.meta.url), { workerData: { base, paths } });
    await once(worker, 'ready');
    const act = await seatOfficer(h, officer!.deskId, officer!.username);
    const delays: number[] = [];
    let missed = 0;
    for (let i = 0; i < CALLS; i++) {
      await new Promise((r) => setTimeout(r, 100)); // let the previous fan-out settle
      const marked = once(worker, 'marked');
      const result = once<{ delays: Array<number | null> }>(worker, 'delays');
      worker.postMessage({ type: 'mark' });
      await marked;
      worker.postMessage({ type: 'started', at: performance.timeOrigin + performance.now() });
      const res = await act('call-next');
      if (res.statusCode !== 200) throw new Error(`call-next ${res.statusCode}`);
      const got = (await result).delays;
      for (const d of got) d === null ? missed++ : delays.push(d);
    }
    worker.postMessage({ type: 'close' });
    await once(worker, 'closed');
    await worker.terminate();
    const p99 = percentile(delays, 99);
    const where = screensNode === h ? 'same node' : 'screens on a second node';
    return [
      { figure: `queue call → ${BOARDS + TICKET_PAGES} live screens (${where}), ${CALLS} calls: p50`, value: ms(percentile(delays, 50)) },
      { figure: `queue call → ${BOARDS + TICKET_PAGES} live screens (${where}): p99`, value: ms(p99), goal: '< 200 ms', met: p99 < 200 && missed === 0 },
      ...(missed ? [{ figure: 'queue screens that missed an update within 5 s', value: String(missed), goal: '0', met: false }] : []),
    ];
  } finally {
    if (screensNode !== h) await screensNode.close();
  }
}
