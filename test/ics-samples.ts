// Hand-written iCalendar files of the shape districts publish (Google Calendar and Outlook
// exports): CRLF line endings, folded lines, a VTIMEZONE, all-day and timed events. Shared by
// the unit, database and browser tests.

const crlf = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

const CHICAGO = [
  'BEGIN:VTIMEZONE',
  'TZID:America/Chicago',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:-0600',
  'TZOFFSETTO:-0500',
  'TZNAME:CDT',
  'DTSTART:19700308T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0600',
  'TZNAME:CST',
  'DTSTART:19701101T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/**
 * A US district's 2026–27 holiday calendar: Labor Day, Veterans Day, Thanksgiving break
 * (Wed–Fri), winter break across the new year (weekends included, as published), Martin Luther
 * King Jr. Day as a yearly rule, and a weekly timed early release (not a day off) with an EXDATE.
 */
export const DISTRICT_HOLIDAYS_ICS = crlf([
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
  'CALSCALE:GREGORIAN',
  'METHOD:PUBLISH',
  'X-WR-CALNAME:Riverbend ISD 2026-27',
  'X-WR-TIMEZONE:America/Chicago',
  ...CHICAGO,
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20260907',
  'DTEND;VALUE=DATE:20260908',
  'DTSTAMP:20260601T120000Z',
  'UID:labor-day-2026@riverbend.example',
  'SUMMARY:Labor Day - No School',
  'TRANSP:TRANSPARENT',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20261111',
  'DTSTAMP:20260601T120000Z',
  'UID:veterans-day-2026@riverbend.example',
  'SUMMARY:Veterans Day',
  'DESCRIPTION:Schools and offices closed. Families are invited to the Veterans Day',
  '  assembly on Tuesday.',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20261125',
  'DTEND;VALUE=DATE:20261128',
  'DTSTAMP:20260601T120000Z',
  'UID:thanksgiving-2026@riverbend.example',
  'SUMMARY:Thanksgiving Break',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20261221',
  'DTEND;VALUE=DATE:20270102',
  'DTSTAMP:20260601T120000Z',
  'UID:winter-break-2026@riverbend.example',
  'SUMMARY:Winter Break',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;VALUE=DATE:20270118',
  'DTEND;VALUE=DATE:20270119',
  'RRULE:FREQ=YEARLY;BYMONTH=1;BYDAY=3MO',
  'DTSTAMP:20260601T120000Z',
  'UID:mlk-day@riverbend.example',
  'SUMMARY:Martin Luther King Jr. Day',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;TZID=America/Chicago:20260909T130000',
  'DTEND;TZID=America/Chicago:20260909T150000',
  'RRULE:FREQ=WEEKLY;BYDAY=WE;UNTIL=20270526T180000Z',
  'EXDATE;TZID=America/Chicago:20261125T130000',
  'DTSTAMP:20260601T120000Z',
  'UID:early-release@riverbend.example',
  'SUMMARY:Early Release Wednesday (dismissal 1:00 pm)',
  'END:VEVENT',
  'END:VCALENDAR',
]);

/**
 * All-day early-release days every Wednesday from October 7, 2026 for six weeks; October 14 is
 * excluded (EXDATE), October 21 moves to Thursday the 22nd (RECURRENCE-ID), and November 4 is
 * cancelled.
 */
export const WEEKLY_EARLY_RELEASE_ICS = crlf([
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
  'BEGIN:VEVENT',
  'UID:pd-wednesdays@riverbend.example',
  'DTSTAMP:20260601T120000Z',
  'DTSTART;VALUE=DATE:20261007',
  'DTEND;VALUE=DATE:20261008',
  'RRULE:FREQ=WEEKLY;BYDAY=WE;COUNT=6',
  'EXDATE;VALUE=DATE:20261014',
  'SUMMARY:Staff development - no students',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:pd-wednesdays@riverbend.example',
  'DTSTAMP:20260601T120000Z',
  'RECURRENCE-ID;VALUE=DATE:20261021',
  'DTSTART;VALUE=DATE:20261022',
  'DTEND;VALUE=DATE:20261023',
  'SUMMARY:Staff development (moved to Thursday) - no students',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:pd-wednesdays@riverbend.example',
  'DTSTAMP:20260601T120000Z',
  'RECURRENCE-ID;VALUE=DATE:20261104',
  'DTSTART;VALUE=DATE:20261104',
  'STATUS:CANCELLED',
  'SUMMARY:Staff development - no students',
  'END:VEVENT',
  'END:VCALENDAR',
]);

/** One all-day event; `date` as YYYYMMDD. */
export function singleDayIcs(date: string, summary: string): string {
  return crlf([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Rapport tests//EN',
    'BEGIN:VEVENT',
    `UID:${date}@tests.example`,
    'DTSTAMP:20260601T120000Z',
    `DTSTART;VALUE=DATE:${date}`,
    `SUMMARY:${summary}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ]);
}
