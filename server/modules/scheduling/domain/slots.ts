// Slot generation: pure functions from hours, exceptions, holidays and existing occupations to the
// free places of a service. Times of day are local (Europe/Rome); slots are absolute instants, laid
// out from each opening's start in steps of duration + buffer, so a day with a daylight-saving
// change keeps exact durations and never produces two slots for one instant.
import { addDays, daysBetween, isoWeekday, localDate, localToInstant } from '../../../platform/time/zoned-time.ts';

export interface WeeklyInterval {
  weekday: number; // 1 = Monday … 7 = Sunday
  start: number; // minutes past local midnight
  end: number;
}

export interface DeskSchedule {
  deskId: string;
  weekly: WeeklyInterval[];
}

export interface DateException {
  deskId: string | null; // null: the whole office
  day: string;
  kind: 'closed' | 'open';
  start: number | null; // null with 'closed': the whole day
  end: number | null;
}

export interface Occupation {
  deskId: string;
  start: number; // epoch ms
  end: number; // epoch ms, including the buffer
}

export interface SlotRules {
  durationMin: number;
  bufferMin: number;
  minNoticeMin: number;
  horizonDays: number;
}

export interface Slot {
  start: number;
  end: number;
  /** Desks free for the whole slot (and its buffer). */
  freeDesks: string[];
  /** Desks whose hours offer this slot, free or not. */
  offeredBy: number;
}

export interface DayAvailability {
  date: string;
  slots: Slot[];
}

type Interval = [number, number];

function subtract(intervals: Interval[], cut: Interval): Interval[] {
  const out: Interval[] = [];
  for (const [s, e] of intervals) {
    if (cut[1] <= s || cut[0] >= e) out.push([s, e]);
    else {
      if (cut[0] > s) out.push([s, cut[0]]);
      if (cut[1] < e) out.push([cut[1], e]);
    }
  }
  return out;
}

function union(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv[0] <= last[1]) last[1] = Math.max(last[1], iv[1]);
    else out.push([iv[0], iv[1]]);
  }
  return out;
}

/**
 * A desk's working intervals on a date, in local minutes: weekly hours, minus holidays and closures
 * (of the office or of the desk), plus extra openings, which win over a holiday.
 */
export function workingIntervals(desk: DeskSchedule, date: string, exceptions: DateException[], holidays: Set<string>): Interval[] {
  const weekday = isoWeekday(date);
  const relevant = exceptions.filter((x) => x.day === date && (x.deskId === null || x.deskId === desk.deskId));
  let intervals: Interval[] = holidays.has(date) ? [] : desk.weekly.filter((w) => w.weekday === weekday).map((w) => [w.start, w.end] as Interval);
  for (const x of relevant) {
    if (x.kind === 'closed') intervals = x.start === null || x.end === null ? [] : subtract(intervals, [x.start, x.end]);
  }
  const openings = relevant.filter((x) => x.kind === 'open' && x.start !== null && x.end !== null).map((x) => [x.start!, x.end!] as Interval);
  return union([...intervals, ...openings]).filter(([s, e]) => e > s);
}

/** Slot starts a desk offers on a date, as [start, end] instants. */
export function deskSlotsOn(desk: DeskSchedule, date: string, tz: string, rules: SlotRules, exceptions: DateException[], holidays: Set<string>): Interval[] {
  const step = (rules.durationMin + rules.bufferMin) * 60_000;
  const duration = rules.durationMin * 60_000;
  const out: Interval[] = [];
  for (const [startMin, endMin] of workingIntervals(desk, date, exceptions, holidays)) {
    // An interval edge inside the spring-forward gap moves to the first existing minute after it.
    const from = firstInstantAtOrAfter(date, startMin, tz);
    const to = firstInstantAtOrAfter(date, endMin, tz);
    if (from === null || to === null) continue;
    for (let t = from; t + duration <= to; t += step) out.push([t, t + duration]);
  }
  return out;
}

function firstInstantAtOrAfter(date: string, minutes: number, tz: string): number | null {
  for (let m = minutes; m <= minutes + 120; m += 15) {
    const day = m >= 1440 ? addDays(date, 1) : date;
    const t = localToInstant(day, m % 1440, tz);
    if (t !== null) return t;
  }
  return null;
}

export interface AvailabilityInput {
  tz: string;
  from: string; // local dates, inclusive
  to: string;
  now: number;
  rules: SlotRules;
  desks: DeskSchedule[];
  exceptions: DateException[];
  holidays: Set<string>;
  occupations: Occupation[];
}

/** Earliest and latest local dates a citizen may book, given notice and horizon. */
export function bookableWindow(now: number, tz: string, rules: SlotRules): { earliest: number; lastDate: string } {
  const today = localDate(now, tz);
  return { earliest: now + rules.minNoticeMin * 60_000, lastDate: addDays(today, rules.horizonDays) };
}

export function computeAvailability(input: AvailabilityInput): DayAvailability[] {
  const { tz, rules } = input;
  const { earliest, lastDate } = bookableWindow(input.now, tz, rules);
  const to = daysBetween(input.to, lastDate) < 0 ? lastDate : input.to;
  const blockMs = (rules.durationMin + rules.bufferMin) * 60_000;

  const byDesk = new Map<string, Occupation[]>();
  for (const o of input.occupations) {
    let list = byDesk.get(o.deskId);
    if (!list) byDesk.set(o.deskId, (list = []));
    list.push(o);
  }
  for (const list of byDesk.values()) list.sort((a, b) => a.start - b.start);
  const occupations = input.desks.map((d) => byDesk.get(d.deskId) ?? []);
  // Each desk's slots come in ascending order over the whole range, so its position in its sorted
  // occupations only moves forward: one pass over them per call, not one per day.
  const cursor = input.desks.map(() => 0);

  // Desks with the same weekly hours and no exception of their own share a day's slots: computed
  // once per date and hours, not once per desk (18 CIE desks usually keep the same hours).
  const groups = new Map<string, number>();
  const groupOf = input.desks.map((d) => {
    const key = JSON.stringify(d.weekly);
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = groups.size));
    return g;
  });
  const ownExceptionDays = new Map<string, Set<string>>();
  for (const x of input.exceptions) {
    if (x.deskId === null) continue;
    let days = ownExceptionDays.get(x.deskId);
    if (!days) ownExceptionDays.set(x.deskId, (days = new Set()));
    days.add(x.day);
  }

  const days: DayAvailability[] = [];
  for (let date = input.from; daysBetween(date, to) >= 0; date = addDays(date, 1)) {
    const layouts: Array<Interval[] | undefined> = [];
    const slots = new Map<number, Slot>();
    for (let k = 0; k < input.desks.length; k++) {
      const desk = input.desks[k]!;
      let deskSlots: Interval[];
      if (ownExceptionDays.get(desk.deskId)?.has(date)) deskSlots = deskSlotsOn(desk, date, tz, rules, input.exceptions, input.holidays);
      else deskSlots = layouts[groupOf[k]!] ??= deskSlotsOn(desk, date, tz, rules, input.exceptions, input.holidays);
      const occ = occupations[k]!;
      let i = cursor[k]!;
      for (const [start, end] of deskSlots) {
        if (start < earliest) continue;
        const blockEnd = start + blockMs;
        // Occupations are sorted by start; skip the ones that end before this slot begins.
        while (i < occ.length && occ[i]!.end <= start) i++;
        let free = true;
        for (let j = i; j < occ.length && occ[j]!.start < blockEnd; j++) {
          if (occ[j]!.end > start) {
            free = false;
            break;
          }
        }
        let slot = slots.get(start);
        if (!slot) slots.set(start, (slot = { start, end, freeDesks: [], offeredBy: 0 }));
        slot.offeredBy++;
        if (free) slot.freeDesks.push(desk.deskId);
      }
      cursor[k] = i;
    }
    if (slots.size) days.push({ date, slots: [...slots.values()].sort((a, b) => a.start - b.start) });
  }
  return days;
}

/** Desks whose hours offer a slot starting at `start` (the booking transaction picks a free one). */
export function desksOffering(input: Omit<AvailabilityInput, 'occupations' | 'from' | 'to'>, start: number): string[] {
  const date = localDate(start, input.tz);
  return input.desks.filter((desk) => deskSlotsOn(desk, date, input.tz, input.rules, input.exceptions, input.holidays).some(([s]) => s === start)).map((d) => d.deskId);
}
