// The 5:1 ratio over a rolling window of school days (Cook et al. 2018: five positive
// interactions to each correction; non-contingent warmth counts as positive).
import { isPositive, isInteractionKind } from './interaction-kinds.js';

/** Default rolling window, in school days. */
export const RATIO_WINDOW_SCHOOL_DAYS = 10;
/** "No positive moment lately" means none in this many school days. */
export const NO_POSITIVE_SCHOOL_DAYS = 5;
/** The research's target, shown as a reference, never as a grade. */
export const TARGET_RATIO = 5;

export interface Ratio {
  positive: number;
  corrections: number;
}

export interface DayRatio extends Ratio {
  date: string;
}

/** One moment, reduced to what the ratio needs: its school day and its kind. */
export interface DatedKind {
  date: string;
  kind: string;
}

/** Positive and correction counts per school day, one entry for every day in `days`. */
export function dailySeries(days: readonly string[], moments: Iterable<DatedKind>): DayRatio[] {
  const byDay = new Map(days.map((d) => [d, { date: d, positive: 0, corrections: 0 }]));
  for (const m of moments) {
    const day = byDay.get(m.date);
    if (!day || !isInteractionKind(m.kind)) continue;
    if (isPositive(m.kind)) day.positive++;
    else if (m.kind === 'correction') day.corrections++;
  }
  return [...byDay.values()];
}

export function sumRatio(parts: Iterable<Ratio>): Ratio {
  let positive = 0;
  let corrections = 0;
  for (const p of parts) {
    positive += p.positive;
    corrections += p.corrections;
  }
  return { positive, corrections };
}

/** Positives per correction, or null when there were no corrections (shown as "7 : 0"). */
export function positivesPerCorrection(r: Ratio): number | null {
  return r.corrections === 0 ? null : r.positive / r.corrections;
}

/** Below the 5:1 reference: fewer than five positives for each correction. */
export function belowTarget(r: Ratio): boolean {
  return r.corrections > 0 && r.positive < TARGET_RATIO * r.corrections;
}
