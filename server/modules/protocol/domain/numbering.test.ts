import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { cursorOf, parseCursor, protocolLabel, registerYear } from './numbering.ts';

describe('protocol numbering', () => {
  it('shows at least seven digits and the year, and more digits when the number needs them', () => {
    assert.equal(protocolLabel(42, 2026), '0000042/2026');
    assert.equal(protocolLabel(1, 2027), '0000001/2027');
    assert.equal(protocolLabel(12_345_678, 2026), '12345678/2026');
  });

  it('keeps the order of numbers in the order of their labels within a year (seven digits)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 1, max: 9_999_999 }), (a, b) => {
        const [la, lb] = [protocolLabel(a, 2026), protocolLabel(b, 2026)];
        assert.equal(Math.sign(la.localeCompare(lb)), Math.sign(a - b));
      }),
    );
  });

  it('starts the year at midnight of 1 January in Rome, not in UTC', () => {
    const rome = 'Europe/Rome';
    assert.equal(registerYear(Date.parse('2026-12-31T22:59:59.999Z'), rome), 2026);
    assert.equal(registerYear(Date.parse('2026-12-31T23:00:00Z'), rome), 2027);
    assert.equal(registerYear(Date.parse('2027-06-30T22:30:00Z'), rome), 2027);
  });

  it('reads back every cursor it writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 9999 }), fc.integer({ min: 1, max: 999_999_999 }), (year, number) => {
        assert.deepEqual(parseCursor(cursorOf(year, number)), { year, number });
      }),
    );
  });
});
