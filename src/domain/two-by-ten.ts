// Two-by-ten: two minutes of personal, non-academic conversation on ten consecutive school
// days (Mendler; described in the seeds' practitioner guide). Consistency matters more than
// length, so the plan counts school days from the term calendar, not calendar days.
import { addDays, isSchoolDay, type TermCalendar } from './calendar.js';

export const PLAN_SCHOOL_DAYS = 10;

export class PlanDateError extends Error {
  constructor(
    readonly reason: 'outside_term' | 'too_late',
    message: string,
  ) {
    super(message);
  }
}

/**
 * The school days of a plan that starts on `startDate`: the first school day on or after it,
 * and the next nine. Throws PlanDateError when the start is outside the term or the term ends
 * before ten school days fit.
 */
export function planDays(cal: TermCalendar, startDate: string, count = PLAN_SCHOOL_DAYS): string[] {
  if (startDate < cal.startDate || startDate > cal.endDate) {
    throw new PlanDateError(
      'outside_term',
      `must fall within the term (${cal.startDate} to ${cal.endDate})`,
    );
  }
  const days: string[] = [];
  for (let d = startDate; d <= cal.endDate && days.length < count; d = addDays(d, 1)) {
    if (isSchoolDay(cal, d)) days.push(d);
  }
  if (days.length < count) {
    throw new PlanDateError(
      'too_late',
      `leaves only ${days.length} school days before the term ends on ${cal.endDate}; a plan needs ${count}`,
    );
  }
  return days;
}

export type PlanDayState = 'done' | 'missed' | 'today' | 'upcoming';

export interface PlanProgress {
  days: Array<{ date: string; number: number; state: PlanDayState }>;
  done: number;
  missed: number;
  /** The plan's day number today, when today is one of its days. */
  todayNumber: number | null;
  /** Every day has passed (or today is the last and it is done): time for the reflection. */
  finished: boolean;
}

/** Where a plan stands on `today`, given the dates with a logged conversation. */
export function planProgress(
  days: readonly string[],
  conversationDates: ReadonlySet<string>,
  today: string,
): PlanProgress {
  let done = 0;
  let missed = 0;
  let todayNumber: number | null = null;
  const out = days.map((date, i) => {
    let state: PlanDayState;
    if (conversationDates.has(date)) state = 'done';
    else if (date < today) state = 'missed';
    else if (date === today) state = 'today';
    else state = 'upcoming';
    if (state === 'done') done++;
    if (state === 'missed') missed++;
    if (date === today) todayNumber = i + 1;
    return { date, number: i + 1, state };
  });
  const last = days.at(-1)!;
  const finished = today > last || (today === last && conversationDates.has(last));
  return { days: out, done, missed, todayNumber, finished };
}
