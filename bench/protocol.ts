// Protocol registrations per second: 32 officers' clients register letters at once in one comune,
// all waiting on the same yearly counter row (the price of numbers with no gap), and a registration
// with a 5 MB scanned document through multipart. Numbers must come out 1..N exactly.
import { sql } from 'kysely';
import { renderPdf } from '../server/platform/pdf.ts';
import type { Harness } from '../test/support/harness.ts';
import { multipart } from '../test/support/multipart.ts';
import { signIn } from '../test/support/operator.ts';
import { ms, msSince, percentile, type Row } from './stats.ts';

const CLIENTS = 32;
const REGISTRATIONS = Number(process.env.PROTOCOL_N ?? 2000);
const UPLOADS = 20;

export async function protocol(h: Harness): Promise<Row[]> {
  const officers = await Promise.all(['admin.bari', 'urp.bari', 'anagrafe.bari', 'ambiente.bari'].map((u) => signIn(h.app, 'bari', u)));
  const body = { direction: 'incoming', correspondent: 'Mario Rossi', subject: 'Richiesta di accesso agli atti' };
  let next = 0;
  const latencies: number[] = [];
  let failed = 0;
  const client = async (c: number) => {
    while (next < REGISTRATIONS) {
      next++;
      const t0 = process.hrtime.bigint();
      const res = await officers[c % officers.length]!.request({ method: 'POST', url: '/api/v1/bari/operator/protocol', payload: body });
      latencies.push(msSince(t0));
      if (res.statusCode !== 201) failed++;
    }
  };
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  const seconds = msSince(t0) / 1000;
  const { rows } = await sql<{ n: number; max: number }>`select count(*)::int as n, max(number) as max from protocol_entries`.execute(h.ctx.db);
  const gapless = rows[0]!.n === REGISTRATIONS && rows[0]!.max === REGISTRATIONS;

  // A 5 MB scan: PDF header, then filler (the type is decided by the first bytes).
  const scan = Buffer.concat([await renderPdf({ title: 'scan', author: 'bench', createdAt: new Date() }, (d) => d.text('scan')), Buffer.alloc(5 * 1024 * 1024)]);
  const uploads: number[] = [];
  for (let i = 0; i < UPLOADS; i++) {
    const form = multipart([...Object.entries(body).map(([name, value]) => ({ name, value })), { name: 'document', filename: 'scansione.pdf', content: scan }]);
    const u0 = process.hrtime.bigint();
    const res = await officers[0]!.request({ method: 'POST', url: '/api/v1/bari/operator/protocol', ...form });
    uploads.push(msSince(u0));
    if (res.statusCode !== 201) failed++;
  }
  const engine = h.ctx.database.engine;
  return [
    {
      figure: `protocol: ${CLIENTS} writers, ${REGISTRATIONS} registrations`,
      value: `${(REGISTRATIONS / seconds).toFixed(0)} registrations/s, p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}`,
    },
    {
      figure: 'protocol: numbers 1..N, no gap, no repeat',
      value: `${rows[0]!.n} entries, last ${rows[0]!.max}, ${failed} failed`,
      goal: 'gapless, 0 failed',
      met: gapless && failed === 0,
    },
    { figure: `protocol: with a 5 MB scan (${UPLOADS}, ${engine})`, value: `p50 ${ms(percentile(uploads, 50))}, p95 ${ms(percentile(uploads, 95))}` },
  ];
}
