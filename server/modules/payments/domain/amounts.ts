// Money as whole euro cents, everywhere: a position's options and transfers always add up to the
// cent. Splits use the largest-remainder rule, so parts differ by at most one cent and the first
// parts take the extra cents. Pure.

/** `total` in `n` parts as equal as cents allow, summing exactly to `total` (extra cents first). */
export function splitEvenly(total: number, n: number): number[] {
  assertCents(total);
  if (!Number.isInteger(n) || n < 1 || n > total) throw new RangeError('parts: 1 to the amount in cents');
  const base = Math.floor(total / n);
  const extra = total - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < extra ? 1 : 0));
}

/**
 * `total` split in proportion to `weights` (e.g. each transfer's share of a position, applied to one
 * instalment), summing exactly to `total`: floors first, then one cent each to the largest
 * remainders (ties to the earlier part).
 */
export function splitByWeights(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError('amount in cents');
  if (weights.length === 0 || weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError('weights');
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) throw new RangeError('weights add up to zero');
  // BigInt: total × weight can pass 2^53 for large amounts.
  const exact = weights.map((w) => BigInt(total) * BigInt(w));
  const floors = exact.map((e) => Number(e / BigInt(sum)));
  const remainders = exact.map((e, i) => ({ i, r: e % BigInt(sum) }));
  let left = total - floors.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return floors;
}

/**
 * How a position's transfers are spread over its instalments, exactly: lay the transfers end to end
 * and the instalments end to end over the same total; each cell is where they overlap. Rows add up to
 * the instalments, columns to the transfers, no cell is negative (a proportional split per row could
 * not promise the columns). A cell of 0 is a transfer that instalment does not carry.
 */
export function instalmentTransfers(transferAmounts: readonly number[], instalments: readonly number[]): number[][] {
  transferAmounts.forEach((a) => void assertCents(a));
  instalments.forEach((a) => void assertCents(a));
  const total = transferAmounts.reduce((a, b) => a + b, 0);
  if (instalments.reduce((a, b) => a + b, 0) !== total) throw new RangeError('instalments must add up to the transfers');
  const rows: number[][] = [];
  let rowStart = 0;
  for (const instalment of instalments) {
    const rowEnd = rowStart + instalment;
    let colStart = 0;
    rows.push(
      transferAmounts.map((amount) => {
        const colEnd = colStart + amount;
        const overlap = Math.max(0, Math.min(rowEnd, colEnd) - Math.max(rowStart, colStart));
        colStart = colEnd;
        return overlap;
      }),
    );
    rowStart = rowEnd;
  }
  return rows;
}

/** "1.234,56 €": the Italian way, as the notice prints amounts. */
export function euro(cents: number): string {
  assertCents(cents, 0);
  const whole = Math.floor(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${whole},${String(cents % 100).padStart(2, '0')} €`;
}

function assertCents(value: number, min = 1): void {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError('amount in cents');
}
