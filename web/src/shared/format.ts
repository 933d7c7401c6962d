// Dates and times are always shown in the comune's time zone (Europe/Rome), whatever the device's.
export const ROME = 'Europe/Rome';

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(tz: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = tz + JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat('it-IT', { timeZone: tz, ...opts })));
  return f;
}

/** "lunedì 2 marzo 2026" */
export function longDate(iso: string | Date, tz = ROME): string {
  return fmt(tz, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

/** A YYYY-MM-DD local date as "lunedì 2 marzo 2026" (the date is a calendar day, not an instant). */
export function longDay(day: string): string {
  return fmt('UTC', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${day}T12:00:00Z`));
}

/** "09:30" */
export function time(iso: string | Date, tz = ROME): string {
  return fmt(tz, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** "lunedì 2 marzo 2026, ore 09:30" */
export function when(iso: string | Date, tz = ROME): string {
  return `${longDate(iso, tz)}, ore ${time(iso, tz)}`;
}

/** The local calendar day of an instant, YYYY-MM-DD. */
export function localDay(iso: string | Date, tz = ROME): string {
  return fmt(tz, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso)).split('/').reverse().join('-');
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function minutesLabel(n: number): string {
  if (n < 60) return `${n} minuti`;
  const h = Math.floor(n / 60);
  const m = n % 60;
  return `${h} ${h === 1 ? 'ora' : 'ore'}${m ? ` e ${m} minuti` : ''}`;
}

const sizeFmt = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 });

/** "512 byte", "34 KB", "1,2 MB" (Italian decimal comma). */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${sizeFmt.format(bytes / 1024 / 1024)} MB`;
}

/** Euro cents as "16,50 €". */
export function euro(cents: number): string {
  return (cents / 100).toLocaleString('it-IT', { style: 'currency', currency: 'EUR' });
}

/** A pagoPA notice number as printed on the notice: groups of four digits. */
export function noticeCode(nav: string): string {
  return nav.replace(/(\d{4})(?=\d)/g, '$1 ');
}
