// Dates and school days. Calendar dates are plain "YYYY-MM-DD" strings; instants are ISO-8601
// UTC strings. Time zones come from the district and are handled with Intl, so no date library
// is needed (docs/decisions/003-dates-without-a-library.md).

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** Adds whole days to a calendar date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function isWeekend(date: string): boolean {
  return isoWeekday(date) >= 6;
}

export interface TermCalendar {
  startDate: string;
  endDate: string;
  /** Non-school days inside the term (holidays, breaks). Weekends are implied. */
  daysOff: ReadonlySet<string>;
}

export function isSchoolDay(cal: TermCalendar, date: string): boolean {
  return date >= cal.startDate && date <= cal.endDate && !isWeekend(date) && !cal.daysOff.has(date);
}

/** The school days of a term from `from` to `to`, both inclusive, in order. */
export function schoolDaysBetween(cal: TermCalendar, from: string, to: string): string[] {
  const out: string[] = [];
  const start = from < cal.startDate ? cal.startDate : from;
  const end = to > cal.endDate ? cal.endDate : to;
  for (let d = start; d <= end; d = addDays(d, 1)) if (isSchoolDay(cal, d)) out.push(d);
  return out;
}

/** The last `count` school days up to and including `date` (fewer near the term's start). */
export function recentSchoolDays(cal: TermCalendar, date: string, count: number): string[] {
  const out: string[] = [];
  for (
    let d = date > cal.endDate ? cal.endDate : date;
    d >= cal.startDate && out.length < count;
    d = addDays(d, -1)
  ) {
    if (isSchoolDay(cal, d)) out.push(d);
  }
  return out.reverse();
}

// Intl formatters are costly to build (hundreds of microseconds) and cheap to reuse: one per zone.
const partsFormatters = new Map<string, Intl.DateTimeFormat>();
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

function zoneOffsetMs(instantMs: number, timeZone: string): number {
  const parts = partsFormatter(timeZone).formatToParts(new Date(instantMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The calendar date of an instant in a time zone. */
export function localDate(instant: Date | string, timeZone: string): string {
  let f = dateFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    dateFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(typeof instant === 'string' ? new Date(instant) : instant);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

/** The UTC instant at which a calendar date starts in a time zone (handles DST changes). */
export function startOfLocalDay(date: string, timeZone: string): string {
  const guess = Date.parse(`${date}T00:00:00Z`);
  let ms = guess - zoneOffsetMs(guess, timeZone);
  // A second pass settles days whose offset differs from the guess's (DST transitions).
  ms = guess - zoneOffsetMs(ms, timeZone);
  return new Date(ms).toISOString();
}

/** [start, end) of a calendar date in a time zone, as ISO instants. */
export function localDayRange(date: string, timeZone: string): { start: string; end: string } {
  return {
    start: startOfLocalDay(date, timeZone),
    end: startOfLocalDay(addDays(date, 1), timeZone),
  };
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Clock skew tolerated from a device whose clock runs ahead. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * When a logged moment happened: the given instant, or `now` when none was given. Returns the
 * reason it is refused instead when it is not an instant or lies in the future.
 */
export function readOccurredAt(raw: string | undefined, now: Date): Date | { reason: string } {
  if (raw === undefined) return now;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms) || !/^\d{4}-\d{2}-\d{2}T/.test(raw)) {
    return { reason: 'must be a date and time such as 2026-11-23T09:15:00Z' };
  }
  if (ms > now.getTime() + FUTURE_TOLERANCE_MS) return { reason: 'cannot be in the future' };
  return new Date(ms);
}
