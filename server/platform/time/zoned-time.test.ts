import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, formatInstant, isValidDate, isoWeekday, localDate, localTime, localToInstant, offsetMinutes } from './zoned-time.ts';

const TZ = 'Europe/Rome';

describe('zoned time in Europe/Rome', () => {
  it('knows the offsets of winter and summer', () => {
    assert.equal(offsetMinutes(Date.parse('2026-01-15T12:00:00Z'), TZ), 60);
    assert.equal(offsetMinutes(Date.parse('2026-07-15T12:00:00Z'), TZ), 120);
  });

  it('formats instants with their offset', () => {
    assert.equal(formatInstant(Date.parse('2026-03-02T08:00:00Z'), TZ), '2026-03-02T09:00:00+01:00');
    assert.equal(formatInstant(Date.parse('2026-06-02T07:30:00Z'), TZ), '2026-06-02T09:30:00+02:00');
  });

  it('has no instant for 02:30 on the spring-forward Sunday (29 March 2026)', () => {
    assert.equal(localToInstant('2026-03-29', 150, TZ), null);
    assert.equal(localToInstant('2026-03-29', 180, TZ), Date.parse('2026-03-29T01:00:00Z'));
  });

  it('maps 02:30 on the fall-back Sunday (25 October 2026) to its first occurrence', () => {
    assert.equal(localToInstant('2026-10-25', 150, TZ), Date.parse('2026-10-25T00:30:00Z'));
  });

  it('round-trips every existing local minute of any day 2024-2030', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 * 366 - 1 }), fc.integer({ min: 0, max: 1439 }), (dayOffset, minute) => {
        const date = addDays('2024-01-01', dayOffset);
        const t = localToInstant(date, minute, TZ);
        if (t === null) return; // the spring-forward gap
        assert.equal(localDate(t, TZ), date);
        const [h, m] = localTime(t, TZ).split(':').map(Number);
        assert.equal(h! * 60 + m!, minute);
      }),
      { numRuns: 2000 },
    );
  });

  it('computes ISO weekdays and validates dates', () => {
    assert.equal(isoWeekday('2026-03-02'), 1);
    assert.equal(isoWeekday('2026-03-08'), 7);
    assert.ok(isValidDate('2028-02-29'));
    assert.ok(!isValidDate('2026-02-29'));
    assert.ok(!isValidDate('2026-13-01'));
  });
});
