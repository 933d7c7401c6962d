// How protocol numbers read and page (pure). A number is shown with at least 7 digits and its year
// (DPR 445/2000 art. 57: "numero progressivo … costituito da almeno sette cifre numeriche"), e.g.
// "0000042/2026"; the year is the calendar year in the comune's time zone at registration.
import { localDate } from '../../../platform/time/zoned-time.ts';

export const NUMBER_DIGITS = 7;

export function protocolLabel(number: number, year: number): string {
  return `${String(number).padStart(NUMBER_DIGITS, '0')}/${year}`;
}

/** The register's year of an instant: 1 January starts a new numbering at midnight in `tz`. */
export function registerYear(instantMs: number, tz: string): number {
  return Number(localDate(instantMs, tz).slice(0, 4));
}

/** A paging cursor "2026/42" → its parts (the schema has already checked the shape). */
export function parseCursor(cursor: string): { year: number; number: number } {
  const [year, number] = cursor.split('/');
  return { year: Number(year), number: Number(number) };
}

export function cursorOf(year: number, number: number): string {
  return `${year}/${number}`;
}
