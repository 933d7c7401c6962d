// Where every waiting ticket of a snapshot stands: its position in its line and the handling time
// of the tickets ahead. Computed once per snapshot by sorting each line (a queue's untargeted
// tickets, or the tickets sent to one desk), so a thousand citizens' screens cost one sort, not a
// thousand scans. The same order as domain/line-order.ts's ticketsAhead (a test checks it).
import { sortLine, type LineTicket } from './domain/line-order.ts';
import { estimateFromTotals, waitRange, type WaitRange } from './domain/wait-estimate.ts';
import { desksFor, waitingOf, type OfficeSnapshot } from './office-snapshot.ts';
import type { LineRow } from './repository.ts';

export interface Placement {
  /** 1: the next to be called in its line. */
  position: number;
  aheadMinutes: number;
}

const cache = new WeakMap<OfficeSnapshot, Map<string, Placement>>();

export function placements(s: OfficeSnapshot): Map<string, Placement> {
  const hit = cache.get(s);
  if (hit) return hit;
  const lines = new Map<string, Array<LineTicket & { serviceId: string }>>();
  for (const t of waitingOf(s)) {
    const key = t.targetDeskId ? `desk:${t.targetDeskId}` : `queue:${t.queueId}`;
    const line = lines.get(key) ?? [];
    line.push(t);
    lines.set(key, line);
  }
  const out = new Map<string, Placement>();
  for (const unsorted of lines.values()) {
    const line = sortLine(unsorted, s.now, s.rules, unsorted[0]!.targetDeskId ?? undefined);
    let ahead = 0;
    line.forEach((t, i) => {
      out.set(t.id, { position: i + 1, aheadMinutes: ahead });
      ahead += s.handlingMinutes(t.serviceId);
    });
  }
  cache.set(s, out);
  return out;
}

/** Handling time of the tickets called or being served in a ticket's line (they count half). */
function inServiceMinutes(s: OfficeSnapshot, t: Pick<LineRow, 'queue_id' | 'target_desk_id'>): number {
  let sum = 0;
  for (const x of s.tickets) {
    if ((x.status !== 'called' && x.status !== 'serving') || x.service_day !== s.day) continue;
    if (t.target_desk_id ? x.desk_id === t.target_desk_id : x.queue_id === t.queue_id) sum += s.handlingMinutes(x.service_id);
  }
  return sum;
}

export function waitFor(s: OfficeSnapshot, t: LineRow, placement: Placement): WaitRange {
  const d = desksFor(s, t.queue_id);
  const desks = t.target_desk_id ? 1 : d.open || d.configured;
  return waitRange(estimateFromTotals({ aheadMinutes: placement.aheadMinutes, inServiceMinutes: inServiceMinutes(s, t), desks }));
}

/** The estimate for someone joining a queue now (the office's queue page). */
export function waitForNewcomer(s: OfficeSnapshot, queueId: string): { waiting: number; wait: WaitRange } {
  const lineTickets = waitingOf(s).filter((t) => t.queueId === queueId && t.targetDeskId === null);
  const aheadMinutes = lineTickets.reduce((sum, t) => sum + s.handlingMinutes(t.serviceId), 0);
  const d = desksFor(s, queueId);
  return {
    waiting: lineTickets.length,
    wait: waitRange(estimateFromTotals({ aheadMinutes, inServiceMinutes: inServiceMinutes(s, { queue_id: queueId, target_desk_id: null }), desks: d.open || d.configured })),
  };
}
