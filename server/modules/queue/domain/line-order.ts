// The order of the line, as pure code. Four lanes, served in this order:
//   desk         tickets an officer transferred to this very desk;
//   appointment  checked-in bookings whose time is near (from `earlyMin` before it), by appointment
//                time: a booked citizen who arrived in time is served at their time, ahead of walk-ins;
//   priority     walk-ins of a priority class (disability, pregnancy, elderly…), by arrival;
//   walk_in      everyone else by arrival, including bookings checked in too late and bookings
//                checked in so early that their time is not near yet.
// Within a lane, ties go to the ticket written first (`arrival`, unique), so the order is total.
// repository.ts's call-next query orders by the same key in SQL; a test compares the two.

export interface LineTicket {
  id: string;
  queueId: string;
  /** Epoch ms: arrival in the line (taken, checked in, or moved to the end by a transfer). */
  sortAt: number;
  /** Epoch ms of the booked appointment; null for walk-ins. */
  appointmentAt: number | null;
  /** Checked in after the late limit: a walk-in. */
  late: boolean;
  priority: boolean;
  targetDeskId: string | null;
  /** Unique and increasing in the order tickets were written: the last tie-break. */
  arrival: number;
}

export type Lane = 'desk' | 'appointment' | 'priority' | 'walk_in';
const LANE_RANK: Record<Lane, number> = { desk: 0, appointment: 1, priority: 2, walk_in: 3 };

export interface LineRules {
  /** Minutes before its time from which a checked-in appointment goes ahead of walk-ins. */
  earlyMin: number;
}

/** The lane of a ticket, seen from `deskId` (or from no desk in particular: the citizen's view). */
export function laneOf(t: LineTicket, now: number, rules: LineRules, deskId?: string): Lane {
  if (deskId !== undefined && t.targetDeskId === deskId) return 'desk';
  if (t.appointmentAt !== null && !t.late && t.appointmentAt - rules.earlyMin * 60_000 <= now) return 'appointment';
  return t.priority ? 'priority' : 'walk_in';
}

/** The ticket's place as a tuple compared left to right: lane, time within the lane, arrival. */
export function sortKey(t: LineTicket, now: number, rules: LineRules, deskId?: string): [number, number, number] {
  const lane = laneOf(t, now, rules, deskId);
  return [LANE_RANK[lane], lane === 'appointment' ? t.appointmentAt! : t.sortAt, t.arrival];
}

function compareKeys(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

export function compareTickets(a: LineTicket, b: LineTicket, now: number, rules: LineRules, deskId?: string): number {
  return compareKeys(sortKey(a, now, rules, deskId), sortKey(b, now, rules, deskId));
}

/** Sorts a line (a new array): each key computed once, which matters with thousands of tickets. */
export function sortLine<T extends LineTicket>(tickets: readonly T[], now: number, rules: LineRules, deskId?: string): T[] {
  return tickets
    .map((t) => ({ t, k: sortKey(t, now, rules, deskId) }))
    .sort((a, b) => compareKeys(a.k, b.k))
    .map((x) => x.t);
}

/** Whether a desk serving `queueIds` may call the ticket: its own transfers, or its queues' untargeted tickets. */
export function callableBy(t: LineTicket, deskId: string, queueIds: ReadonlySet<string>): boolean {
  return t.targetDeskId === deskId || (t.targetDeskId === null && queueIds.has(t.queueId));
}

/** The tickets a desk may call, in the order call-next takes them. */
export function deskLine<T extends LineTicket>(tickets: readonly T[], deskId: string, queueIds: ReadonlySet<string>, now: number, rules: LineRules): T[] {
  return sortLine(
    tickets.filter((t) => callableBy(t, deskId, queueIds)),
    now,
    rules,
    deskId,
  );
}

/**
 * What the citizen holding `ticket` sees: the tickets that will be called before theirs. A ticket
 * sent to one desk waits behind that desk's other transfers; any other ticket behind the tickets of
 * its queue that come first.
 */
export function ticketsAhead<T extends LineTicket>(ticket: LineTicket, waiting: readonly T[], now: number, rules: LineRules): T[] {
  if (ticket.targetDeskId !== null) {
    const desk = ticket.targetDeskId;
    return waiting.filter((t) => t.id !== ticket.id && t.targetDeskId === desk && compareTickets(t, ticket, now, rules, desk) < 0);
  }
  return waiting.filter((t) => t.id !== ticket.id && t.targetDeskId === null && t.queueId === ticket.queueId && compareTickets(t, ticket, now, rules) < 0);
}
