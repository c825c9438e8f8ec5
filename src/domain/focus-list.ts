// "Who needs me this week": at most five students, each with the reason, in a deterministic
// order. Reflection on which students would benefit most is one of the practices the research
// brief describes; a short list keeps it doable.

export const FOCUS_LIMIT = 5;

/** Reasons in priority order: the earlier, the more urgent. */
export const FOCUS_REASONS = [
  'open_repair',
  'plan_day_today',
  'no_positive_lately',
  'low_ratio',
  'pre_establish',
] as const;
export type FocusReason = (typeof FOCUS_REASONS)[number];

export interface FocusCandidate {
  studentId: string;
  displayName: string;
  /** Age of the open repair in hours, when there is one. */
  openRepairHours: number | null;
  planDayToday: boolean;
  /** School days since the last positive moment (at least NO_POSITIVE_SCHOOL_DAYS to count), or null. */
  schoolDaysWithoutPositive: number | null;
  /** Positives per correction over the window, when below the 5:1 reference; null otherwise. */
  lowRatio: number | null;
  preEstablish: boolean;
  dismissed: boolean;
}

export interface FocusItem {
  studentId: string;
  displayName: string;
  reason: FocusReason;
}

function reasonOf(c: FocusCandidate): FocusReason | null {
  if (c.openRepairHours !== null) return 'open_repair';
  if (c.planDayToday) return 'plan_day_today';
  if (c.schoolDaysWithoutPositive !== null) return 'no_positive_lately';
  if (c.lowRatio !== null) return 'low_ratio';
  if (c.preEstablish) return 'pre_establish';
  return null;
}

/** Within a reason, the most pressing first: the oldest repair, the longest drought, the lowest ratio. */
function severity(c: FocusCandidate, reason: FocusReason): number {
  switch (reason) {
    case 'open_repair':
      return -(c.openRepairHours ?? 0);
    case 'no_positive_lately':
      return -(c.schoolDaysWithoutPositive ?? 0);
    case 'low_ratio':
      return c.lowRatio ?? 0;
    default:
      return 0;
  }
}

/** The week's focus list: undismissed students with a reason, most urgent first, at most five. */
export function weeklyFocus(
  candidates: readonly FocusCandidate[],
  limit = FOCUS_LIMIT,
): FocusItem[] {
  return candidates
    .filter((c) => !c.dismissed)
    .map((c) => ({ c, reason: reasonOf(c) }))
    .filter((x): x is { c: FocusCandidate; reason: FocusReason } => x.reason !== null)
    .sort(
      (a, b) =>
        FOCUS_REASONS.indexOf(a.reason) - FOCUS_REASONS.indexOf(b.reason) ||
        severity(a.c, a.reason) - severity(b.c, b.reason) ||
        a.c.displayName.localeCompare(b.c.displayName, 'en') ||
        (a.c.studentId < b.c.studentId ? -1 : a.c.studentId > b.c.studentId ? 1 : 0),
    )
    .slice(0, limit)
    .map(({ c, reason }) => ({ studentId: c.studentId, displayName: c.displayName, reason }));
}

/** The Monday that starts the week of `date` (dismissals last for that week). */
export function weekStart(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const iso = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  d.setUTCDate(d.getUTCDate() - (iso - 1));
  return d.toISOString().slice(0, 10);
}
