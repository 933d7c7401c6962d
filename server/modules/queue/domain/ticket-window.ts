// When tickets can be taken: while some desk of the line works today, from `opensBeforeMin` before
// its opening to its closing. Pure: the intervals come from the desks' hours, closures and holidays
// (scheduling/domain/slots.ts workingIntervals), in local minutes of the day.
import { formatTimeOfDay } from '../../../platform/time/zoned-time.ts';

export type TicketWindow = { open: true } | { open: false; reason: string };

export function ticketWindow(intervals: ReadonlyArray<readonly [number, number]>, nowMinutes: number, opensBeforeMin: number): TicketWindow {
  if (!intervals.length) return { open: false, reason: "Oggi l'ufficio è chiuso: non si possono prendere numeri." };
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  if (sorted.some(([s, e]) => nowMinutes >= s - opensBeforeMin && nowMinutes < e)) return { open: true };
  const next = sorted.find(([s]) => s - opensBeforeMin > nowMinutes);
  if (next) return { open: false, reason: `I numeri per oggi si prendono dalle ${formatTimeOfDay(next[0] - opensBeforeMin)} (l'ufficio apre alle ${formatTimeOfDay(next[0])}).` };
  return { open: false, reason: "L'ufficio ha chiuso per oggi: si potrà prendere il numero nel prossimo giorno di apertura." };
}
