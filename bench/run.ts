// npm run bench: Lighthouse on the citizen pages (PGlite only), the office's case inbox, pagoPA positions and receipts, the booking race, availability latency, booking throughput, video signalling, the
// time to a call's first video frame, the queue's call-next latency, live fan-out and wait estimate, on PGlite in
// memory and on PostgreSQL (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local default;
// BENCH_DATABASE_URL=off skips it). Figures that miss a goal are printed as such; the exit code
// stays 0 so a slow machine does not look like a broken build.
import os from 'node:os';
import pg from 'pg';
import type { Harness } from '../test/support/harness.ts';
import { availability } from './availability.ts';
import { applications } from './applications.ts';
import { cases } from './cases.ts';
import { catalogue } from './catalogue.ts';
import { commits } from './commits.ts';
import { raceCie, raceSingleDesk } from './race.ts';
import { payments } from './payments.ts';
import { protocol } from './protocol.ts';
import { rush } from './rush.ts';
import { boot, unreachable, type Engine } from './setup.ts';
import { printTable, type Row } from './stats.ts';
import { videoFirstFrame } from './video-first-frame.ts';
import { videoSignalling } from './video-signalling.ts';
import { queueCalls } from './queue-calls.ts';
import { queueEstimate } from './queue-estimate.ts';
import { queueFanout } from './queue-fanout.ts';
import { lighthousePages } from './lighthouse.ts';

const DEFAULT_PG = 'postgres://postgres@127.0.0.1:5432/postgres';

const benchmarks: Array<[string, (h: Harness) => Promise<Row[]>]> = [
  ['race 1-desk', raceSingleDesk],
  ['race CIE', raceCie],
  ['availability', availability],
  ['commits', commits],
  ['rush', rush],
  ['video signalling', videoSignalling],
  ['video first frame', videoFirstFrame],
  ['queue call-next', queueCalls],
  ['queue fan-out', queueFanout],
  ['queue estimate', queueEstimate],
  ['protocol', protocol],
  ['catalogue', catalogue],
  ['applications', applications],
  ['cases', cases],
  ['payments', payments],
  ['lighthouse', lighthousePages],
];

async function runEngine(engine: Engine, title: string): Promise<void> {
  const rows: Row[] = [];
  // A fresh app and database per benchmark: each one's bookings would change the next one's figures.
  // BENCH_ONLY=availability (a substring of the names above) reruns just one benchmark.
  const only = process.env.BENCH_ONLY;
  for (const [name, bench] of benchmarks.filter(([n]) => !only || n.includes(only))) {
    let h: Harness | undefined;
    try {
      h = await boot(engine);
      rows.push(...(await bench(h)));
    } catch (err) {
      rows.push({ figure: name, value: `error: ${(err as Error).stack ?? err}`, goal: 'runs', met: false });
    } finally {
      await h?.close().catch(() => undefined);
    }
  }
  printTable(title, rows);
}

async function main(): Promise<void> {
  // The load average says whether the machine was shared during the run (figures scale with it).
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  console.log(`Sportello bench: node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model.trim()}), load average ${load}, clock fixed at 2026-03-02T07:00:00Z`);
  // BENCH_ENGINE=postgres (or pglite) runs one engine only.
  const engineOnly = process.env.BENCH_ENGINE;
  if (engineOnly !== 'postgres') await runEngine({ name: 'pglite' }, 'PGlite (in-process, in memory)');
  if (engineOnly === 'pglite') return;

  const configured = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (configured === 'off') return console.log('\nskipped PostgreSQL: BENCH_DATABASE_URL=off');
  const url = configured || DEFAULT_PG;
  const shown = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  const reason = await unreachable(url);
  if (reason) return console.log(`\nskipped PostgreSQL: ${reason} (${shown})`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const version = (await client.query<{ server_version: string }>('show server_version')).rows[0]!.server_version;
  await client.end();
  await runEngine({ name: 'postgres', url }, `PostgreSQL ${version} (${shown}, fresh schema per benchmark, pool of 20)`);
}

main()
  .catch((err) => console.error('bench failed:', err))
  .finally(() => process.exit(0));
