// The wait estimate, as pure code: the handling times of the tickets ahead (each by its service's
// recent average), plus half a handling time for every ticket being served now, divided by the desks
// able to serve; shown as a range, because a single number is always wrong.

/** Finished tickets that make a service's average; fewer samples fall back to the service's duration. */
export const MIN_SAMPLES = 5;
export const MAX_SAMPLES = 40;

/**
 * A service's typical handling time in minutes from its latest service times (seconds, any order):
 * the mean without the extreme tenth on each side, so one forgotten "finish" does not skew it.
 */
export function typicalHandlingMinutes(samplesSeconds: readonly number[], defaultMinutes: number): number {
  const usable = samplesSeconds.filter((s) => Number.isFinite(s) && s > 0).slice(0, MAX_SAMPLES);
  if (usable.length < MIN_SAMPLES) return defaultMinutes;
  const sorted = [...usable].sort((a, b) => a - b);
  const cut = Math.floor(sorted.length / 10);
  const kept = sorted.slice(cut, sorted.length - cut);
  return kept.reduce((a, b) => a + b, 0) / kept.length / 60;
}

export interface EstimateInput {
  /** Services of the tickets ahead (repeated once per ticket). */
  aheadServices: readonly string[];
  /** Services of the tickets called or being served now at the desks of this line. */
  inServiceServices: readonly string[];
  /** Desks able to serve with an officer at them now; with none, the desks configured for the line. */
  desks: number;
  handlingMinutes(serviceId: string): number;
}

export interface WaitRange {
  minMinutes: number;
  maxMinutes: number;
}

export function estimateMinutes(input: EstimateInput): number {
  const aheadMinutes = input.aheadServices.reduce((sum, s) => sum + input.handlingMinutes(s), 0);
  const inServiceMinutes = input.inServiceServices.reduce((sum, s) => sum + input.handlingMinutes(s), 0);
  return estimateFromTotals({ aheadMinutes, inServiceMinutes, desks: input.desks });
}

/** The same, from summed handling times (the live views keep running sums along the line). */
export function estimateFromTotals(t: { aheadMinutes: number; inServiceMinutes: number; desks: number }): number {
  return (t.aheadMinutes + t.inServiceMinutes / 2) / Math.max(1, t.desks);
}

/** −25 % … +25 % around the estimate, at least two minutes wide. */
export function waitRange(minutes: number): WaitRange {
  const min = Math.max(0, Math.floor(minutes * 0.75));
  const max = Math.max(min + 2, Math.ceil(minutes * 1.25));
  return { minMinutes: min, maxMinutes: max };
}

export function estimateWait(input: EstimateInput): WaitRange {
  return waitRange(estimateMinutes(input));
}
