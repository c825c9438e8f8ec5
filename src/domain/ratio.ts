// The 5:1 ratio over a rolling window of school days (Cook et al. 2018: five positive
// interactions to each correction; non-contingent warmth counts as positive).
import { localDayRange, recentSchoolDays, type TermCalendar } from './calendar.js';
import { isPositive, isInteractionKind } from './interaction-kinds.js';

/** Default rolling window, in school days. */
export const RATIO_WINDOW_SCHOOL_DAYS = 10;
/** "No positive moment lately" means none in this many school days. */
export const NO_POSITIVE_SCHOOL_DAYS = 5;
/** The research's target, shown as a reference, never as a grade. */
export const TARGET_RATIO = 5;

/** A window of school days ending today, with the instants that bound its moments. */
export interface RatioWindow {
  /** Its school days, oldest first (fewer near the term's start, none without a term). */
  days: string[];
  /** [start, end) of those days in the district's time zone, or null when there are none. */
  range: { start: string; end: string } | null;
  /** What a screen shows of it. */
  view: { schoolDays: number; from: string | null; to: string | null };
}

/**
 * The last `count` school days up to `today` (RATIO_WINDOW_SCHOOL_DAYS unless a screen asks
 * otherwise). Every screen that shows a ratio takes its window from here, so they all mean the
 * same days.
 */
export function ratioWindow(
  cal: TermCalendar | null | undefined,
  today: string,
  timeZone: string,
  count: number = RATIO_WINDOW_SCHOOL_DAYS,
): RatioWindow {
  return windowOfDays(cal ? recentSchoolDays(cal, today, count) : [], timeZone);
}

/** The last NO_POSITIVE_SCHOOL_DAYS school days of a window ("no positive moment lately"). */
export function noPositiveWindow(w: RatioWindow, timeZone: string): RatioWindow {
  return windowOfDays(w.days.slice(-NO_POSITIVE_SCHOOL_DAYS), timeZone);
}

function windowOfDays(days: string[], timeZone: string): RatioWindow {
  const range =
    days.length > 0
      ? {
          start: localDayRange(days[0]!, timeZone).start,
          end: localDayRange(days.at(-1)!, timeZone).end,
        }
      : null;
  return {
    days,
    range,
    view: { schoolDays: days.length, from: days[0] ?? null, to: days.at(-1) ?? null },
  };
}

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
