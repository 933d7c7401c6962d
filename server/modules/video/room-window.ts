// When a video room may be entered: from some minutes before the appointment's start until some
// minutes after its end (per service; 15 and 30 by default). Pure, so the page, the signalling
// server and the file endpoints all apply the same rule.
export interface RoomWindowRules {
  opensBeforeMin: number;
  closesAfterMin: number;
}

export const DEFAULT_ROOM_WINDOW: RoomWindowRules = { opensBeforeMin: 15, closesAfterMin: 30 };

export type RoomPhase = { phase: 'not_yet'; opensAt: number } | { phase: 'open'; closesAt: number } | { phase: 'closed'; closedAt: number };

export function roomPhase(start: number, end: number, now: number, rules: RoomWindowRules = DEFAULT_ROOM_WINDOW): RoomPhase {
  const opensAt = start - rules.opensBeforeMin * 60_000;
  const closesAt = end + rules.closesAfterMin * 60_000;
  if (now < opensAt) return { phase: 'not_yet', opensAt };
  if (now >= closesAt) return { phase: 'closed', closedAt: closesAt };
  return { phase: 'open', closesAt };
}
