// pagoPA positions and receipts. (1) Positions created per second: 16 officers' clients create fees
// through HTTP at once in one comune (each with its notice PDF for the email); every notice number
// must be unique. (2) 1,000 receipts plus 30 % duplicates (the same receipt delivered again), shuffled
// and applied 32 at a time: every notice paid exactly once, one receipt kept per notice.
import { sql } from 'kysely';
import { applyReceipt, createPosition } from '../server/modules/payments/index.ts';
import { findTenantBySlug } from '../server/platform/tenants/repository.ts';
import type { Harness } from '../test/support/harness.ts';
import { signIn } from '../test/support/operator.ts';
import { ms, msSince, percentile, type Row } from './stats.ts';

const CLIENTS = 16;
const POSITIONS = Number(process.env.PAYMENTS_N ?? 1000);
const RECEIPTS = Number(process.env.RECEIPTS_N ?? 1000);
const DUPLICATES = Math.round(RECEIPTS * 0.3);
const APPLIERS = 32;

export async function payments(h: Harness): Promise<Row[]> {
  const officers = await Promise.all(['admin.bari', 'urp.bari', 'anagrafe.bari', 'ambiente.bari'].map((u) => signIn(h.app, 'bari', u)));
  const body = (i: number) => ({
    debtor: { fiscalCode: 'RSSMRA85T10A562S', name: 'Mario Rossi', email: 'mario.rossi@example.it' },
    amountCents: 1000 + (i % 500),
    description: `Diritti di segreteria n. ${i}`,
    dueDate: '2026-12-31',
    kind: 'diritti-segreteria',
  });
  let next = 0;
  let failed = 0;
  const latencies: number[] = [];
  const client = async (c: number) => {
    while (next < POSITIONS) {
      const i = next++;
      const t0 = process.hrtime.bigint();
      const res = await officers[c % officers.length]!.request({
        method: 'POST',
        url: '/api/v1/bari/operator/payments',
        payload: body(i),
        headers: { 'idempotency-key': `bench-${i}-key` },
      });
      latencies.push(msSince(t0));
      if (res.statusCode !== 201) failed++;
    }
  };
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
  const seconds = msSince(t0) / 1000;
  const { rows: unique } = await sql<{ n: number; iuvs: number }>`select count(*)::int as n, count(distinct iuv)::int as iuvs from payment_options`.execute(h.ctx.db);

  // Receipts: positions made in-process, then their receipts as pagoPA would report them.
  const tenant = (await findTenantBySlug(h.ctx.db, 'bari'))!;
  const options: Array<{ iuv: string; amount: number }> = [];
  for (let i = 0; i < RECEIPTS; i++) {
    const { position } = await createPosition(h.ctx, tenant, {
      ...body(i),
      debtor: { fiscalCode: 'SPSNNA90D55A662O', name: 'Anna Esposito' },
      dueOn: '2026-12-31',
      origin: 'desk',
    });
    options.push({ iuv: position.options[0]!.iuv, amount: position.amount_cents });
  }
  const receipts = options.map((o, i) => ({ receiptId: `bench-receipt-${i}`, iuv: o.iuv, amountCents: o.amount, paidAt: new Date(), psp: 'Banca bench', payer: null, raw: {} }));
  const deliveries = [...receipts, ...receipts.slice(0, DUPLICATES)].sort(() => Math.random() - 0.5);
  let d = 0;
  const outcomes = new Map<string, number>();
  const applier = async () => {
    while (d < deliveries.length) {
      const r = deliveries[d++]!;
      const out = await applyReceipt(h.ctx, tenant, r);
      outcomes.set(out, (outcomes.get(out) ?? 0) + 1);
    }
  };
  const r0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: APPLIERS }, () => applier()));
  const receiptSeconds = msSince(r0) / 1000;
  const { rows: paid } = await sql<{ paid: number; kept: number; events: number }>`
    select (select count(*)::int from payment_options o join payment_positions p on p.id = o.position_id where p.debtor_fiscal_code = 'SPSNNA90D55A662O' and o.status = 'paid') as paid,
           (select count(*)::int from payment_receipts where receipt_id like 'bench-receipt-%') as kept,
           (select count(*)::int from audit_log where action = 'payment.paid') as events`.execute(h.ctx.db);
  const once = paid[0]!.paid === RECEIPTS && paid[0]!.kept === RECEIPTS && paid[0]!.events === RECEIPTS && outcomes.get('duplicate') === DUPLICATES;
  const engine = h.ctx.database.engine;
  return [
    {
      figure: `payments: ${CLIENTS} officers create ${POSITIONS} positions (${engine})`,
      value: `${(POSITIONS / seconds).toFixed(0)} positions/s, p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}`,
    },
    {
      figure: 'payments: notice numbers unique',
      value: `${unique[0]!.iuvs} distinct of ${unique[0]!.n}, ${failed} failed`,
      goal: 'all distinct, 0 failed',
      met: unique[0]!.iuvs === unique[0]!.n && failed === 0,
    },
    {
      figure: `payments: ${RECEIPTS} receipts + ${DUPLICATES} duplicates, ${APPLIERS} at a time`,
      value: `${receiptSeconds.toFixed(2)} s, ${(deliveries.length / receiptSeconds).toFixed(0)} receipts/s`,
    },
    {
      figure: 'payments: each notice paid exactly once',
      value: `${paid[0]!.paid} paid, ${paid[0]!.kept} receipts kept, ${paid[0]!.events} "paid" events, ${outcomes.get('duplicate') ?? 0} duplicates ignored`,
      goal: `${RECEIPTS} / ${RECEIPTS} / ${RECEIPTS} / ${DUPLICATES}`,
      met: once,
    },
  ];
}
