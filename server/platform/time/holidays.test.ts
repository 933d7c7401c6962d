import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { easterSunday, holidaySet, holidaysOfYear } from './holidays.ts';

describe('Italian holidays', () => {
  it('computes Easter Sunday for known years', () => {
    assert.equal(easterSunday(2024), '2024-03-31');
    assert.equal(easterSunday(2025), '2025-04-20');
    assert.equal(easterSunday(2026), '2026-04-05');
    assert.equal(easterSunday(2027), '2027-03-28');
    assert.equal(easterSunday(2038), '2038-04-25');
  });

  it("includes Easter Monday, the national days and the patron's day", () => {
    const dates = holidaysOfYear(2026, { day: '12-06', name: 'San Nicola' }).map((h) => h.date);
    for (const d of [
      '2026-01-01',
      '2026-01-06',
      '2026-04-06',
      '2026-04-25',
      '2026-05-01',
      '2026-06-02',
      '2026-08-15',
      '2026-11-01',
      '2026-12-08',
      '2026-12-25',
      '2026-12-26',
      '2026-12-06',
    ]) {
      assert.ok(dates.includes(d), d);
    }
    assert.ok(!dates.includes('2026-04-07'));
  });

  it('spans year boundaries', () => {
    const set = holidaySet('2026-12-20', '2027-01-10');
    assert.ok(set.has('2026-12-25') && set.has('2027-01-06'));
  });
});
