// Italian public holidays (L. 260/1949 and later amendments) plus the comune's patron saint's day.
import { addDays } from './zoned-time.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** Easter Sunday, Gregorian calendar (anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const FIXED: Array<[string, string]> = [
  ['01-01', 'Capodanno'],
  ['01-06', 'Epifania'],
  ['04-25', 'Festa della Liberazione'],
  ['05-01', 'Festa del Lavoro'],
  ['06-02', 'Festa della Repubblica'],
  ['08-15', 'Assunzione di Maria'],
  ['11-01', 'Ognissanti'],
  ['12-08', 'Immacolata Concezione'],
  ['12-25', 'Natale'],
  ['12-26', 'Santo Stefano'],
];

export interface Holiday {
  date: string;
  name: string;
}

export function holidaysOfYear(year: number, patron?: { day: string | null; name: string | null }): Holiday[] {
  const list: Holiday[] = FIXED.map(([md, name]) => ({ date: `${year}-${md}`, name }));
  // 4 October (San Francesco d'Assisi e Santa Caterina da Siena) is a national holiday again from 2026.
  if (year >= 2026) list.push({ date: `${year}-10-04`, name: "San Francesco d'Assisi e Santa Caterina da Siena" });
  const easter = easterSunday(year);
  list.push({ date: easter, name: 'Pasqua' }, { date: addDays(easter, 1), name: "Lunedì dell'Angelo" });
  if (patron?.day) list.push({ date: `${year}-${patron.day}`, name: patron.name ? `Festa patronale (${patron.name})` : 'Festa patronale' });
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

/** A set of holiday dates covering [from, to], for fast look-ups while generating slots. */
export function holidaySet(from: string, to: string, patron?: { day: string | null; name: string | null }): Set<string> {
  const set = new Set<string>();
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    for (const h of holidaysOfYear(y, patron)) set.add(h.date);
  }
  return set;
}
