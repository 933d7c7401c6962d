import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { holidaySet } from '../../../platform/time/holidays.ts';
import { addDays, daysBetween, isoWeekday } from '../../../platform/time/zoned-time.ts';
import { caseTerm, noticeSuspension, type Suspension, workingDayFrom } from './terms.ts';

const HOLIDAYS = holidaySet('2025-01-01', '2032-12-31', { day: '12-06', name: 'San Nicola' });
const isHoliday = (d: string) => HOLIDAYS.has(d);
const day = fc.integer({ min: 0, max: 5 * 365 }).map((n) => addDays('2026-01-01', n));
const suspension = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 60 })).map(([offset, length]): [number, number] => [offset, length]);

describe('legal terms', () => {
  it('counts 30 calendar days from registration when the card sets no term (L. 241 art. 2)', () => {
    const t = caseTerm({ start: '2026-03-02', maxDays: null, suspensions: [], today: '2026-03-02', isHoliday });
    assert.equal(t.expectedBy, '2026-04-01');
    assert.equal(t.daysLeft, 30);
    assert.equal(t.flag, 'on_time');
  });

  it('moves a term ending on a Sunday or a holiday to the next working day', () => {
    // 2 March + 27 days = Sunday 29 March 2026 → Monday 30.
    assert.equal(caseTerm({ start: '2026-03-02', maxDays: 27, suspensions: [], today: '2026-03-02', isHoliday }).expectedBy, '2026-03-30');
    // 1 June + 1 = 2 June (Festa della Repubblica, a Tuesday) → Wednesday 3.
    assert.equal(caseTerm({ start: '2026-06-01', maxDays: 1, suspensions: [], today: '2026-06-01', isHoliday }).expectedBy, '2026-06-03');
    // Bari's patron, San Nicola (6 December 2027, a Monday).
    assert.equal(workingDayFrom('2027-12-05', isHoliday), '2027-12-07');
  });

  it('adds the days an integration request suspended the term, and has no date while it lasts', () => {
    const open = caseTerm({ start: '2026-03-02', maxDays: 30, suspensions: [{ from: '2026-03-10', to: null }], today: '2026-03-12', isHoliday });
    assert.deepEqual([open.expectedBy, open.flag], [null, 'suspended']);
    const closed = caseTerm({ start: '2026-03-02', maxDays: 30, suspensions: [{ from: '2026-03-10', to: '2026-03-17' }], today: '2026-03-17', isHoliday });
    assert.equal(closed.suspendedDays, 7);
    assert.equal(closed.expectedBy, '2026-04-08');
  });

  it('suspends for a notice of rejection until the observations, or 10 days at most (art. 10-bis)', () => {
    assert.deepEqual(noticeSuspension('2026-03-20', '2026-03-24'), { from: '2026-03-20', to: '2026-03-24' });
    assert.deepEqual(noticeSuspension('2026-03-20', null), { from: '2026-03-20', to: '2026-03-30' });
    assert.deepEqual(noticeSuspension('2026-03-20', '2026-04-15'), { from: '2026-03-20', to: '2026-03-30' }, 'late observations do not extend it');
    const during = caseTerm({ start: '2026-03-02', maxDays: 30, suspensions: [noticeSuspension('2026-03-20', null)], today: '2026-03-22', isHoliday });
    assert.equal(during.flag, 'suspended');
    assert.equal(during.expectedBy, '2026-04-11', 'known already: 30 + 10 days');
  });

  it('flags a case near its term and past it', () => {
    const t = (today: string) => caseTerm({ start: '2026-03-02', maxDays: 30, suspensions: [], today, isHoliday });
    assert.equal(t('2026-03-26').flag, 'on_time');
    assert.equal(t('2026-03-27').flag, 'near');
    assert.equal(t('2026-04-01').flag, 'near');
    assert.equal(t('2026-04-02').flag, 'past');
    assert.equal(t('2026-04-02').daysLeft, -1);
  });

  it('never ends on a Sunday or a holiday, never before start + term + suspended days, and at most a few days after', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 365 }), fc.array(suspension, { maxLength: 4 }), (start, maxDays, periods) => {
        const suspensions: Suspension[] = periods.map(([o, l]) => ({ from: addDays(start, o), to: addDays(start, o + l) }));
        const t = caseTerm({ start, maxDays, suspensions, today: start, isHoliday });
        assert.ok(t.expectedBy);
        assert.notEqual(isoWeekday(t.expectedBy), 7);
        assert.ok(!isHoliday(t.expectedBy));
        const raw = addDays(start, maxDays + t.suspendedDays);
        assert.ok(t.expectedBy >= raw);
        assert.ok(daysBetween(raw, t.expectedBy) <= 3, 'Christmas, Santo Stefano and a Sunday at most');
        assert.ok(t.suspendedDays <= periods.reduce((n, [, l]) => n + l, 0), 'overlaps count once');
      }),
    );
  });

  it('only ever moves the term later when a suspension is added, never earlier', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 180 }), fc.array(suspension, { maxLength: 3 }), suspension, (start, maxDays, periods, extra) => {
        const toSusp = ([o, l]: [number, number]): Suspension => ({ from: addDays(start, o), to: addDays(start, o + l) });
        const before = caseTerm({ start, maxDays, suspensions: periods.map(toSusp), today: start, isHoliday });
        const after = caseTerm({ start, maxDays, suspensions: [...periods.map(toSusp), toSusp(extra)], today: start, isHoliday });
        assert.ok(after.expectedBy! >= before.expectedBy!);
        const longer = caseTerm({ start, maxDays: maxDays + 1, suspensions: periods.map(toSusp), today: start, isHoliday });
        assert.ok(longer.expectedBy! >= before.expectedBy!);
      }),
    );
  });
});
