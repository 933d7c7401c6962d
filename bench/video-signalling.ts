// Signalling throughput and latency per node: 20 rooms with both parties connected, every citizen
// sends ICE-candidate-sized signals as fast as the socket takes them, every officer counts what
// arrives (throughput); then one message at a time (latency). Each message goes socket → NOTIFY → every node's listener → socket, as in production.
// With PostgreSQL the same is measured with the citizens on one node and the officers on another.
import type { Harness } from '../test/support/harness.ts';
import { startHarness } from '../test/support/harness.ts';
import { signIn } from '../test/support/operator.ts';
import { connectSignalling, type SignallingClient } from '../test/support/signalling-client.ts';
import { msSince, ms, percentile, type Row } from './stats.ts';

const ROOMS = 20;
const MESSAGES = 250;

async function openRooms(h: Harness): Promise<Array<{ citizen: string; officer: string }>> {
  const op = await signIn(h.app, 'bari', 'admin.bari');
  const rooms = [];
  for (let i = 0; i < ROOMS; i++) {
    const res = await op.request({ method: 'POST', url: '/api/v1/bari/operator/rooms', payload: {} });
    const { citizenUrl, officerUrl } = res.json() as { citizenUrl: string; officerUrl: string };
    rooms.push({ citizen: citizenUrl.split('/video/')[1]!, officer: officerUrl.split('/video/')[1]! });
  }
  return rooms;
}

async function measure(citizenBase: string, officerBase: string, rooms: Array<{ citizen: string; officer: string }>, label: string): Promise<Row[]> {
  const sockets: SignallingClient[] = [];
  try {
    const pairs = [];
    for (const r of rooms) {
      const citizen = await connectSignalling(citizenBase, `/api/v1/bari/video/${r.citizen}/signal`);
      const officer = await connectSignalling(officerBase, `/api/v1/bari/video/${r.officer}/signal`);
      sockets.push(citizen, officer);
      await citizen.next('peer-joined');
      pairs.push({ citizen, officer });
    }
    // Latency with nothing else in flight: one signal at a time, citizen → officer (100 of them, so
    // with the burst below a socket stays within the hub's 400-messages-per-10-s budget).
    const latencies: number[] = [];
    const { citizen: c0, officer: o0 } = pairs[0]!;
    for (let i = 0; i < 100; i++) {
      const t = process.hrtime.bigint();
      c0.send({ type: 'signal', data: { candidate: { candidate: `candidate:${i} 1 udp 1 10.0.0.1 9 typ host`, sdpMid: '0', sdpMLineIndex: 0 } } });
      await o0.next('signal');
      latencies.push(msSince(t));
    }
    const t0 = process.hrtime.bigint();
    await Promise.all(
      pairs.map(async ({ citizen, officer }) => {
        for (let i = 0; i < MESSAGES; i++) {
          citizen.send({
            type: 'signal',
            data: { candidate: { candidate: `candidate:${i} 1 udp 2122260223 192.168.1.20 ${40000 + i} typ host generation 0`, sdpMid: '0', sdpMLineIndex: 0 } },
          });
        }
        for (let i = 0; i < MESSAGES; i++) await officer.next('signal', undefined, 60_000);
      }),
    );
    const elapsed = msSince(t0);
    const total = ROOMS * MESSAGES;
    return [
      { figure: `signalling ${label}: ${total} messages in ${ROOMS} rooms`, value: `${Math.round((total / elapsed) * 1000)} msg/s` },
      { figure: `signalling ${label}: one message citizen → officer, p50 / p95`, value: `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 95))}` },
    ];
  } finally {
    for (const s of sockets) s.close();
  }
}

export async function videoSignalling(h: Harness): Promise<Row[]> {
  const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
  const rows = await measure(base, base, await openRooms(h), 'one node');
  const url = h.ctx.config.databaseUrl;
  if (!url) return rows;
  // A second node on the same database: citizens stay on the first, officers move to the second.
  const second = await startHarness({ sharedUrl: url, env: { FILES_DIR: h.ctx.config.filesDir } });
  try {
    const base2 = await second.app.listen({ port: 0, host: '127.0.0.1' });
    rows.push(...(await measure(base, base2, await openRooms(h), 'two nodes')));
  } finally {
    await second.close();
  }
  return rows;
}
