import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { euro, instalmentTransfers, splitByWeights, splitEvenly } from './amounts.ts';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const cents = fc.integer({ min: 1, max: 99_999_999 });

describe('amounts in cents', () => {
  it('splits evenly to the cent, the first parts taking the extra cents', () => {
    assert.deepEqual(splitEvenly(10000, 3), [3334, 3333, 3333]);
    fc.assert(
      fc.property(cents, fc.integer({ min: 1, max: 60 }), (total, n) => {
        fc.pre(n <= total);
        const parts = splitEvenly(total, n);
        assert.equal(parts.length, n);
        assert.equal(sum(parts), total);
        assert.ok(Math.max(...parts) - Math.min(...parts) <= 1);
        assert.ok(parts.every((p, i) => i === 0 || p <= parts[i - 1]!));
      }),
    );
  });

  it('splits by weights exactly, never more than a cent from the exact share', () => {
    assert.deepEqual(splitByWeights(100, [1, 1, 1]), [34, 33, 33]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.array(fc.integer({ min: 0, max: 999_999_999 }), { minLength: 1, maxLength: 5 }), (total, weights) => {
        fc.pre(sum(weights) > 0);
        const parts = splitByWeights(total, weights);
        assert.equal(sum(parts), total);
        const w = sum(weights);
        parts.forEach((p, i) => void assert.ok(Math.abs(p - (total * weights[i]!) / w) < 1 + 1e-6));
      }),
    );
  });

  it('spreads transfers over instalments so that rows and columns both add up, none negative', () => {
    assert.deepEqual(instalmentTransfers([6000, 4000], [5000, 5000]), [
      [5000, 0],
      [1000, 4000],
    ]);
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 12 }), (transfers, n) => {
        const total = sum(transfers);
        fc.pre(n <= total);
        const rows = splitEvenly(total, n);
        const matrix = instalmentTransfers(transfers, rows);
        matrix.forEach((row, i) => void assert.equal(sum(row), rows[i]));
        transfers.forEach((t, j) => void assert.equal(sum(matrix.map((row) => row[j]!)), t));
        assert.ok(matrix.flat().every((c) => c >= 0 && Number.isInteger(c)));
      }),
    );
    assert.throws(() => instalmentTransfers([100], [60, 30]), RangeError);
  });

  it('prints euro the Italian way', () => {
    assert.equal(euro(0), '0,00 €');
    assert.equal(euro(1650), '16,50 €');
    assert.equal(euro(123456789), '1.234.567,89 €');
    assert.throws(() => euro(1.5), RangeError);
  });
});
