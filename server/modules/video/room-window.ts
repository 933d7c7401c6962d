// When a video room may be entered: from some minutes before the appointment's start until some
// minutes after its end (per service; 15 and 30 by default). Pure, so the page, the signalling
// server and the file endpoints all apply the same rule.
export interface RoomWindowRules {
  opensBeforeMin: number;
  closesAfterMin: number;
}

export const DEFAULT_ROOM_WINDOW: RoomWindowRules = { opensBeforeMin: 15, closesAfterMin: 30 };

export type RoomPhaseName = RoomPhase['phase'] | 'ended' | 'cancelled';

export type RoomPhase = { phase: 'not_yet'; opensAt: number } | { phase: 'open'; closesAt: number } | { phase: 'closed'; closedAt: number };

export function roomPhase(start: number, end: number, now: number, rules: RoomWindowRules = DEFAULT_ROOM_WINDOW): RoomPhase {
  const opensAt = start - rules.opensBeforeMin * 60_000;
  const closesAt = end + rules.closesAfterMin * 60_000;
  if (now < opensAt) return { phase: 'not_yet', opensAt };
  if (now >= closesAt) return { phase: 'closed', closedAt: closesAt };
  return { phase: 'open', closesAt };
}

/** A booking's lifecycle overrides the clock: a cancelled or concluded appointment has no open room. */
export function bookingRoomPhase(status: string, ended: boolean, byClock: RoomPhase['phase']): RoomPhaseName {
  if (status === 'cancelled') return 'cancelled';
  if (ended || status === 'done') return 'ended';
  if (status === 'no_show') return 'closed';
  return byClock;
}

/** An immediate room has its own window, and ends when the officer ends it. */
export function immediatePhase(r: { ended_at: Date | null; opens_at: Date | null; closes_at: Date | null }, now: Date): RoomPhaseName {
  if (r.ended_at) return 'ended';
  if (now < r.opens_at!) return 'not_yet';
  return now >= r.closes_at! ? 'closed' : 'open';
}
