// Wall-clock time in a named time zone (Europe/Rome) without a date library. Offices open at local
// times; bookings are instants. Conversions must be exact across the daylight-saving changes: a
// local time that does not exist (the spring-forward hour) has no instant, and one that occurs
// twice (the fall-back hour) maps to its first occurrence.

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function wallClock(instantMs: number, tz: string): WallClock {
  const parts = formatter(tz).formatToParts(new Date(instantMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

// Offsets change at most twice a year, on the hour; caching by hour keeps formatting of thousands of
// slots cheap. Keyed by zone, then by the hour's number: no key string is built per call.
const offsetCache = new Map<string, Map<number, number>>();
/** Offset of the zone from UTC at an instant, in minutes (Rome: +60 in winter, +120 in summer). */
export function offsetMinutes(instantMs: number, tz: string): number {
  let zone = offsetCache.get(tz);
  if (!zone) offsetCache.set(tz, (zone = new Map()));
  const hour = Math.floor(instantMs / 3_600_000);
  const cached = zone.get(hour);
  if (cached !== undefined) return cached;
  const w = wallClock(instantMs, tz);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const offset = Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
  if (zone.size > 50_000) zone.clear();
  zone.set(hour, offset);
  return offset;
}

export function parseDate(date: string): { year: number; month: number; day: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { year: y, month: m, day: d };
}

export function isValidDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const { year, month, day } = parseDate(date);
  const t = new Date(Date.UTC(year, month - 1, day));
  return t.getUTCFullYear() === year && t.getUTCMonth() === month - 1 && t.getUTCDate() === day;
}

/** The instant when the wall clock in `tz` shows `date` at `minutes` past midnight, or null if it never does. */
export function localToInstant(date: string, minutes: number, tz: string): number | null {
  // Memoised: a month of 18 desks' availability asks for the same few wall times thousands of times.
  const key = `${tz}|${date}|${minutes}`;
  const cached = instantCache.get(key);
  if (cached !== undefined) return cached;
  const t = computeLocalToInstant(date, minutes, tz);
  if (instantCache.size > 50_000) instantCache.clear();
  instantCache.set(key, t);
  return t;
}

const instantCache = new Map<string, number | null>();

function computeLocalToInstant(date: string, minutes: number, tz: string): number | null {
  const { year, month, day } = parseDate(date);
  const naive = Date.UTC(year, month - 1, day, 0, minutes);
  // The true offset is one of the offsets in force around that wall time.
  const candidates = new Set([offsetMinutes(naive - 14 * 3_600_000, tz), offsetMinutes(naive + 14 * 3_600_000, tz), offsetMinutes(naive, tz)]);
  let best: number | null = null;
  for (const off of candidates) {
    const t = naive - off * 60_000;
    if (offsetMinutes(t, tz) === off && (best === null || t < best)) best = t;
  }
  return best;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO 8601 with the zone's offset, e.g. 2026-03-02T09:00:00+01:00. */
export function formatInstant(instantMs: number, tz: string): string {
  const off = offsetMinutes(instantMs, tz);
  const local = new Date(instantMs + off * 60_000);
  const sign = off >= 0 ? '+' : '-';
  const abs = Math.abs(off);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The local calendar date of an instant, YYYY-MM-DD. */
export function localDate(instantMs: number, tz: string): string {
  const off = offsetMinutes(instantMs, tz);
  const local = new Date(instantMs + off * 60_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
}

/** Local time of day as HH:MM. */
export function localTime(instantMs: number, tz: string): string {
  const off = offsetMinutes(instantMs, tz);
  const local = new Date(instantMs + off * 60_000);
  return `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

export function addDays(date: string, n: number): string {
  const { year, month, day } = parseDate(date);
  const t = new Date(Date.UTC(year, month - 1, day + n));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

export function daysBetween(from: string, to: string): number {
  const a = parseDate(from);
  const b = parseDate(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const { year, month, day } = parseDate(date);
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** "HH:MM" to minutes past midnight; "24:00" is allowed as the end of a day. */
export function parseTimeOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export function formatTimeOfDay(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}
