// A case's legal term (L. 241/1990): the service's maximum days (30 where the card sets none, art. 2)
// counted in calendar days from the protocol registration, plus the days the term was suspended (an
// integration request until the citizen answers; a notice of rejection until the observations arrive
// or its 10 days pass, art. 10-bis); a term ending on a Sunday or a holiday moves to the next working
// day. Pure: dates are the comune's calendar days (YYYY-MM-DD), holidays a predicate.
import { addDays, daysBetween, isoWeekday } from '../../../platform/time/zoned-time.ts';

export const DEFAULT_TERM_DAYS = 30;
/** Art. 10-bis: the days the applicant has for observations after a notice of rejection. */
export const OBSERVATION_DAYS = 10;
/** A case this close to its term (or closer) is flagged. */
export const NEAR_TERM_DAYS = 5;

export interface Suspension {
  from: string;
  /** The day it ended (or will end at the latest); null while it lasts with no known end. */
  to: string | null;
}

export interface TermInput {
  /** The registration day. */
  start: string;
  maxDays: number | null;
  suspensions: Suspension[];
  today: string;
  isHoliday(date: string): boolean;
}

export interface Term {
  /** The latest expected date; null while an open-ended suspension lasts. */
  expectedBy: string | null;
  /** A suspension covers today. */
  suspended: boolean;
  suspendedDays: number;
  /** Days from today to the expected date (negative: past it). */
  daysLeft: number | null;
  flag: 'on_time' | 'near' | 'past' | 'suspended';
}

/** The next working day from `date` on (itself when it is one): not a Sunday, not a holiday. */
export function workingDayFrom(date: string, isHoliday: (d: string) => boolean): string {
  let d = date;
  while (isoWeekday(d) === 7 || isHoliday(d)) d = addDays(d, 1);
  return d;
}

/** A notice of rejection suspends the term until the observations, or for its 10 days at most. */
export function noticeSuspension(noticeDay: string, observationsDay: string | null): Suspension {
  const latest = addDays(noticeDay, OBSERVATION_DAYS);
  return { from: noticeDay, to: observationsDay && observationsDay < latest ? observationsDay : latest };
}

/** Suspended days once overlapping periods are merged (a day counts once). */
function closedDays(suspensions: Suspension[]): number {
  const closed = suspensions.filter((s): s is { from: string; to: string } => s.to !== null && s.to > s.from).sort((a, b) => a.from.localeCompare(b.from));
  let days = 0;
  let end: string | null = null;
  for (const s of closed) {
    const from = end && end > s.from ? end : s.from;
    if (s.to > from) days += daysBetween(from, s.to);
    if (!end || s.to > end) end = s.to;
  }
  return days;
}

export function caseTerm(input: TermInput): Term {
  const suspended = input.suspensions.some((s) => s.from <= input.today && (s.to === null || input.today < s.to));
  const suspendedDays = closedDays(input.suspensions);
  if (input.suspensions.some((s) => s.to === null)) return { expectedBy: null, suspended: true, suspendedDays, daysLeft: null, flag: 'suspended' };
  const raw = addDays(input.start, (input.maxDays ?? DEFAULT_TERM_DAYS) + suspendedDays);
  const expectedBy = workingDayFrom(raw, input.isHoliday);
  const daysLeft = daysBetween(input.today, expectedBy);
  const flag = suspended ? 'suspended' : daysLeft < 0 ? 'past' : daysLeft <= NEAR_TERM_DAYS ? 'near' : 'on_time';
  return { expectedBy, suspended, suspendedDays, daysLeft, flag };
}
