// "Who needs me this week": at most five students, each with the reason, in a deterministic
// order. Reflection on which students would benefit most is one of the practices the research
// brief describes; a short list keeps it doable.
import { isUrgentRepair } from './repairs.js';

export const FOCUS_LIMIT = 5;

/**
 * Reasons in priority order: the earlier, the more urgent. A student has the first that applies.
 * `old_repair` is an open repair past REPAIR_URGENT_SCHOOL_DAYS (src/domain/repairs.ts): still
 * worth a look, but after everything else.
 */
export const FOCUS_REASONS = [
  'open_repair',
  'plan_day_today',
  'no_positive_lately',
  'low_ratio',
  'pre_establish',
  'old_repair',
] as const;
export type FocusReason = (typeof FOCUS_REASONS)[number];

export interface FocusCandidate {
  studentId: string;
  displayName: string;
  /** Age of the open repair in hours, when there is one (null when none is open). */
  openRepairHours: number | null;
  /** School days since the day the open repair began (0: today), when there is one. */
  openRepairSchoolDays: number | null;
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
  const repair = c.openRepairHours !== null;
  if (repair && isUrgentRepair(c.openRepairSchoolDays ?? 0)) return 'open_repair';
  if (c.planDayToday) return 'plan_day_today';
  if (c.schoolDaysWithoutPositive !== null) return 'no_positive_lately';
  if (c.lowRatio !== null) return 'low_ratio';
  if (c.preEstablish) return 'pre_establish';
  if (repair) return 'old_repair';
  return null;
}

/**
 * Within a reason, the most pressing first: the oldest urgent repair, the longest drought, the
 * lowest ratio; among old repairs the newest first (the likeliest still to matter).
 */
function severity(c: FocusCandidate, reason: FocusReason): number {
  switch (reason) {
    case 'open_repair':
      return -(c.openRepairHours ?? 0);
    case 'old_repair':
      return c.openRepairHours ?? 0;
    case 'no_positive_lately':
      return -(c.schoolDaysWithoutPositive ?? 0);
    case 'low_ratio':
      return c.lowRatio ?? 0;
    default:
      return 0;
  }
}

type Ranked = { c: FocusCandidate; reason: FocusReason };

/**
 * The week's focus list: undismissed students with a reason, at most `limit`, mixing reasons.
 * Each reason is ranked on its own (severity, then name, then id); the list then takes the
 * first of each reason in priority order, then the second of each, and so on, so five urgent
 * repairs cannot fill every slot while another student has had no positive moment for weeks.
 * A reason with no other reason beside it still fills the list.
 */
export function weeklyFocus(
  candidates: readonly FocusCandidate[],
  limit = FOCUS_LIMIT,
): FocusItem[] {
  const byReason = new Map<FocusReason, Ranked[]>(FOCUS_REASONS.map((r) => [r, []]));
  for (const c of candidates) {
    if (c.dismissed) continue;
    const reason = reasonOf(c);
    if (reason) byReason.get(reason)!.push({ c, reason });
  }
  const queues = FOCUS_REASONS.map((r) =>
    byReason
      .get(r)!
      .sort(
        (a, b) =>
          severity(a.c, r) - severity(b.c, r) ||
          a.c.displayName.localeCompare(b.c.displayName, 'en') ||
          (a.c.studentId < b.c.studentId ? -1 : a.c.studentId > b.c.studentId ? 1 : 0),
      ),
  );
  const picked: Ranked[] = [];
  for (let round = 0; picked.length < limit; round++) {
    const layer = queues.filter((q) => q.length > round).map((q) => q[round]!);
    if (layer.length === 0) break;
    picked.push(...layer.slice(0, limit - picked.length));
  }
  return picked.map(({ c, reason }) => ({
    studentId: c.studentId,
    displayName: c.displayName,
    reason,
  }));
}

/** The Monday that starts the week of `date` (dismissals last for that week). */
export function weekStart(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const iso = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
  d.setUTCDate(d.getUTCDate() - (iso - 1));
  return d.toISOString().slice(0, 10);
}
