// Small numeric helpers shared by the benchmarks: percentiles, timing, and the result rows each
// benchmark hands back to run.ts, which prints them as one table per engine.

/** Nearest-rank percentile (p in 0..100) of a list of samples; NaN for an empty list. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** Milliseconds since an origin taken with hrtime, as a float. */
export function msSince(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Times `fn` `runs` times after `warmup` untimed calls, one call at a time; returns per-call ms. */
export async function sample(fn: () => Promise<unknown>, runs: number, warmup: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    out.push(msSince(t0));
  }
  return out;
}

export const ms = (v: number) => `${v.toFixed(2)} ms`;

/** One printed figure: `met` undefined means informational (no goal attached). */
export interface Row {
  figure: string;
  value: string;
  goal?: string;
  met?: boolean;
}

export function printTable(title: string, rows: Row[]): void {
  const w1 = Math.max(6, ...rows.map((r) => r.figure.length));
  const w2 = Math.max(5, ...rows.map((r) => r.value.length));
  const w3 = Math.max(4, ...rows.map((r) => (r.goal ?? '').length));
  console.log(`\n== ${title} ==`);
  console.log(`${'figure'.padEnd(w1)}  ${'value'.padEnd(w2)}  ${'goal'.padEnd(w3)}  result`);
  console.log('-'.repeat(w1 + w2 + w3 + 16));
  for (const r of rows) {
    const verdict = r.met === undefined ? '' : r.met ? 'GOAL MET' : 'GOAL MISSED';
    console.log(`${r.figure.padEnd(w1)}  ${r.value.padEnd(w2)}  ${(r.goal ?? '').padEnd(w3)}  ${verdict}`.trimEnd());
  }
}
