// The office's inbox with 100,000 cases (BENCH_CASES): 2,000 citizens' applications spread over
// Bari's offices, states and terms, copied in SQL from one really filed case; then the registry
// officer's inbox as the console asks for it (first page, by state, past term, by fiscal code, own
// cases), one request at a time; and a decision (the PDF, the outgoing protocol entry, the email)
// on cases in charge, p50/p95.
import { sql } from 'kysely';
import { loginAs } from '../test/support/citizen.ts';
import { fileResidenceChange } from '../test/support/cases.ts';
import type { Harness } from '../test/support/harness.ts';
import { signIn } from '../test/support/operator.ts';
import { ms, percentile, sample, type Row } from './stats.ts';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 30);

export async function cases(h: Harness): Promise<Row[]> {
  const mario = await loginAs(h.app, 'bari', 'RSSMRA85T10A562S');
  const template = await fileResidenceChange(mario);
  const registry = await signIn(h.app, 'bari', 'anagrafe.bari');
  const officerId = (await h.ctx.db.selectFrom('operators').select('id').where('username', '=', 'anagrafe.bari').executeTakeFirstOrThrow()).id;
  const t0 = Date.now();
  await sql`
    insert into citizens (tenant_id, fiscal_code, given_name, family_name)
    select a.tenant_id, 'BNCHCT' || lpad(g::text, 10, '0'), 'Nome' || g, 'Cognome' || g
    from applications a, generate_series(1, 2000) g where a.id = ${template}`.execute(h.ctx.db);
  // States, offices and terms spread as an office's year would have them; a third in the registry office.
  await sql`
    insert into applications (tenant_id, card_id, form_id, citizen_id, status, data, created_at, updated_at, submitted_at,
      protocol_entry_id, protocol_year, protocol_number, protocol_registered_at, summary_key, summary_sha256, summary_size,
      state, office_id, assigned_to, term_days, due_on, suspended, state_changed_at)
    select a.tenant_id, a.card_id, a.form_id, z.id, 'submitted', a.data, a.created_at, a.updated_at, a.submitted_at - (g % 300) * interval '1 day',
      a.protocol_entry_id, 2026, 1000 + g, a.protocol_registered_at - (g % 300) * interval '1 day', a.summary_key, a.summary_sha256, a.summary_size,
      (array['registered','in_charge','in_charge','integration_requested','integration_submitted','rejection_notice','accepted','accepted','rejected','withdrawn'])[1 + g % 10],
      case when g % 3 = 0 then a.office_id else o.id end,
      case when g % 10 in (1, 2, 4, 5) and g % 3 = 0 then ${officerId}::uuid end,
      45, (a.protocol_registered_at - (g % 300) * interval '1 day' + interval '45 days')::date, g % 10 = 3, now()
    from applications a
    cross join generate_series(1, ${CASES}) g
    join citizens z on z.tenant_id = a.tenant_id and z.fiscal_code = 'BNCHCT' || lpad((1 + g % 2000)::text, 10, '0')
    join lateral (select id from offices where tenant_id = a.tenant_id order by id offset (g % 4) limit 1) o on true
    where a.id = ${template}`.execute(h.ctx.db);
  // As autovacuum leaves a table in steady state: statistics, and the visibility map for index-only counts.
  await sql`vacuum analyze applications`.execute(h.ctx.db);
  const seeded = Date.now() - t0;

  const inbox = async (q: string) => {
    const res = await registry.request({ method: 'GET', url: `/api/v1/bari/operator/applications?${q}` });
    if (res.statusCode !== 200) throw new Error(`${q}: ${res.statusCode} ${res.body}`);
  };
  const rows: Row[] = [{ figure: `cases: ${CASES.toLocaleString('en')} filed cases seeded`, value: `${(seeded / 1000).toFixed(1)} s` }];
  for (const [label, q] of [
    ['first page', 'limit=50'],
    ['in charge', 'state=in_charge&limit=50'],
    ['past term', 'overdue=past&limit=50'],
    ['by fiscal code', 'q=BNCHCT0000000042'],
    ['own cases, page 3', 'assignee=me&offset=100&limit=50'],
  ] as const) {
    const times = await sample(() => inbox(q), 40, 5);
    const p95 = percentile(times, 95);
    rows.push({
      figure: `cases: inbox, ${label} (${CASES.toLocaleString('en')} cases)`,
      value: `p50 ${ms(percentile(times, 50))}, p95 ${ms(p95)}`,
      goal: 'p95 ≤ 50 ms',
      met: p95 <= 50,
    });
  }

  // Decisions: each a PDF, an outgoing protocol entry, the history, the term, the audit and the email.
  const ids: string[] = [];
  for (let i = 0; i < DECISIONS; i++) {
    const id = await fileResidenceChange(mario);
    await registry.request({ method: 'POST', url: `/api/v1/bari/operator/applications/${id}/take`, payload: {} });
    ids.push(id);
  }
  let failed = 0;
  let i = 0;
  const times = await sample(
    async () => {
      const res = await registry.request({ method: 'POST', url: `/api/v1/bari/operator/applications/${ids[i++]}/accept`, payload: { text: 'Residenza registrata.' } });
      if (res.statusCode !== 200) failed++;
    },
    DECISIONS,
    0,
  );
  rows.push({
    figure: `cases: a decision with its PDF, protocol entry and email (${DECISIONS})`,
    value: `p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, ${failed} failed`,
    goal: '0 failed',
    met: failed === 0,
  });
  return rows;
}
