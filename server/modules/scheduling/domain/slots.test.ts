import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { holidaySet } from '../../../platform/time/holidays.ts';
import { computeAvailability, desksOffering, workingIntervals, type DeskSchedule, type Occupation, type SlotRules } from './slots.ts';
import { formatInstant, localDate } from '../../../platform/time/zoned-time.ts';

const TZ = 'Europe/Rome';
const weekdays = (start: number, end: number) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end }));
const rules: SlotRules = { durationMin: 30, bufferMin: 0, minNoticeMin: 0, horizonDays: 365 };
const desk = (id: string, weekly = weekdays(9 * 60, 12 * 60)): DeskSchedule => ({ deskId: id, weekly });
const MONDAY_MORNING = Date.parse('2026-03-02T06:00:00Z');

function run(overrides: Partial<Parameters<typeof computeAvailability>[0]> = {}) {
  return computeAvailability({
    tz: TZ,
    from: '2026-03-02',
    to: '2026-03-02',
    now: MONDAY_MORNING,
    rules,
    desks: [desk('a')],
    exceptions: [],
    holidays: new Set(),
    occupations: [],
    ...overrides,
  });
}

describe('slot generation', () => {
  it('lays out a morning in steps of the duration, in local time', () => {
    const [day] = run();
    assert.equal(day!.slots.length, 6);
    assert.equal(formatInstant(day!.slots[0]!.start, TZ), '2026-03-02T09:00:00+01:00');
    assert.equal(formatInstant(day!.slots[5]!.end, TZ), '2026-03-02T12:00:00+01:00');
  });

  it('keeps the buffer between slots and never runs past closing', () => {
    const [day] = run({ rules: { ...rules, durationMin: 25, bufferMin: 10 } });
    const starts = day!.slots.map((s) => formatInstant(s.start, TZ).slice(11, 16));
    assert.deepEqual(starts, ['09:00', '09:35', '10:10', '10:45', '11:20']);
  });

  it('counts free desks and removes occupied ones', () => {
    const start = Date.parse('2026-03-02T08:00:00Z');
    const [day] = run({ desks: [desk('a'), desk('b')], occupations: [{ deskId: 'a', start, end: start + 30 * 60_000 }] });
    assert.deepEqual(day!.slots[0]!.freeDesks, ['b']);
    assert.deepEqual(day!.slots[1]!.freeDesks.sort(), ['a', 'b']);
  });

  it('respects minimum notice and the booking horizon', () => {
    const days = run({ now: Date.parse('2026-03-02T08:20:00Z'), rules: { ...rules, minNoticeMin: 60, horizonDays: 1 }, to: '2026-03-10' });
    assert.equal(formatInstant(days[0]!.slots[0]!.start, TZ), '2026-03-02T10:30:00+01:00');
    assert.deepEqual(
      days.map((d) => d.date),
      ['2026-03-02', '2026-03-03'],
    );
  });

  it('closes on holidays, on office closures and honours extra openings', () => {
    const holidays = holidaySet('2026-04-01', '2026-04-30');
    assert.deepEqual(run({ from: '2026-04-06', to: '2026-04-06', holidays }), []); // Easter Monday
    assert.deepEqual(run({ exceptions: [{ deskId: null, day: '2026-03-02', kind: 'closed', start: null, end: null }] }), []);
    const partial = run({ exceptions: [{ deskId: 'a', day: '2026-03-02', kind: 'closed', start: 10 * 60, end: 11 * 60 }] });
    assert.equal(partial[0]!.slots.length, 4);
    const saturday = run({ from: '2026-03-07', to: '2026-03-07', exceptions: [{ deskId: null, day: '2026-03-07', kind: 'open', start: 9 * 60, end: 10 * 60 }] });
    assert.equal(saturday[0]!.slots.length, 2);
  });

  it('treats a break as the gap between two intervals', () => {
    const weekly = [
      { weekday: 1, start: 9 * 60, end: 10 * 60 },
      { weekday: 1, start: 11 * 60, end: 12 * 60 },
    ];
    const intervals = workingIntervals(desk('a', weekly), '2026-03-02', [], new Set());
    assert.deepEqual(intervals, [
      [540, 600],
      [660, 720],
    ]);
  });

  it('finds the desks offering a given start', () => {
    const input = { tz: TZ, now: MONDAY_MORNING, rules, desks: [desk('a'), desk('b', weekdays(10 * 60, 12 * 60))], exceptions: [], holidays: new Set<string>() };
    assert.deepEqual(desksOffering(input, Date.parse('2026-03-02T08:00:00Z')), ['a']);
    assert.deepEqual(desksOffering(input, Date.parse('2026-03-02T09:00:00Z')), ['a', 'b']);
    assert.deepEqual(desksOffering(input, Date.parse('2026-03-02T09:10:00Z')), []);
  });
});

// Around the last Sundays of March and October, with desks open at any hours (including through
// the night of the change), every slot must be a real, distinct instant of exactly the service's
// duration, inside the desk's local hours, on the right local date.
describe('slot generation across daylight-saving changes (property)', () => {
  const dstDays = ['2025-03-30', '2025-10-26', '2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31'];
  const arbInterval = fc.tuple(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 48 })).map(([a, len]) => ({ start: a * 30, end: Math.min(1440, a * 30 + len * 30) }));
  const arbDesk = fc.array(arbInterval, { minLength: 1, maxLength: 3 });

  it('produces exact, distinct, in-hours slots', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...dstDays),
        fc.array(arbDesk, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(10, 15, 20, 30, 45, 60),
        fc.constantFrom(0, 5, 10),
        (day, desks, durationMin, bufferMin) => {
          const schedules: DeskSchedule[] = desks.map((intervals, i) => ({ deskId: `d${i}`, weekly: intervals.map((iv) => ({ weekday: 7, ...iv })) }));
          const result = computeAvailability({
            tz: TZ,
            from: day,
            to: day,
            now: Date.parse(`${day}T00:00:00Z`) - 86_400_000,
            rules: { durationMin, bufferMin, minNoticeMin: 0, horizonDays: 30 },
            desks: schedules,
            exceptions: [],
            holidays: new Set(),
            occupations: [],
          });
          for (const d of result) {
            assert.equal(d.date, day);
            const seen = new Set<number>();
            for (const s of d.slots) {
              assert.equal(s.end - s.start, durationMin * 60_000);
              assert.ok(!seen.has(s.start));
              seen.add(s.start);
              assert.equal(localDate(s.start, TZ), day);
              assert.ok(s.freeDesks.length === s.offeredBy && s.offeredBy >= 1);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a 24-hour desk has 23 hours of slots in March and 25 in October', () => {
    const full = [{ deskId: 'a', weekly: [{ weekday: 7, start: 0, end: 1440 }] }];
    const hourly = { durationMin: 60, bufferMin: 0, minNoticeMin: 0, horizonDays: 30 };
    const count = (day: string) =>
      computeAvailability({ tz: TZ, from: day, to: day, now: Date.parse(day) - 86_400_000, rules: hourly, desks: full, exceptions: [], holidays: new Set(), occupations: [] })[0]!
        .slots.length;
    assert.equal(count('2026-03-29'), 23);
    assert.equal(count('2026-10-25'), 25);
    assert.equal(count('2026-10-18'), 24);
  });

  it('never offers a desk that an occupation overlaps (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 6 })), { maxLength: 12 }), (occ) => {
        const base = Date.parse('2026-03-02T08:00:00Z');
        const occupations: Occupation[] = occ.map(([s, len]) => ({ deskId: 'a', start: base + s * 5 * 60_000, end: base + (s + len) * 5 * 60_000 }));
        const [day] = run({ occupations });
        for (const slot of day?.slots ?? []) {
          const clash = occupations.some((o) => o.start < slot.end && o.end > slot.start);
          assert.equal(slot.freeDesks.includes('a'), !clash);
        }
      }),
      { numRuns: 500 },
    );
  });
});
