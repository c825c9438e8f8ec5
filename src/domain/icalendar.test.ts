import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DISTRICT_HOLIDAYS_ICS,
  WEEKLY_EARLY_RELEASE_ICS,
  singleDayIcs,
} from '../../test/ics-samples.js';
import { addDays, isoWeekday } from './calendar.js';
import { IcsError, MAX_ICS_BYTES, readDaysOff } from './icalendar.js';

const SCHOOL_YEAR = { from: '2026-08-17', to: '2027-05-28' };

function errorOf(fn: () => unknown): IcsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof IcsError) return error;
    throw new Error(`expected an IcsError, got ${String(error)}`);
  }
  throw new Error('expected an IcsError, nothing was thrown');
}

const calendar = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//t//EN', ...lines, 'END:VCALENDAR'].join('\r\n');

describe('readDaysOff on a district holiday calendar', () => {
  const { days, skipped } = readDaysOff(DISTRICT_HOLIDAYS_ICS, SCHOOL_YEAR);
  const dates = days.map((d) => d.date);

  it('reads single days, with or without DTEND', () => {
    expect(days).toContainEqual({ date: '2026-09-07', reason: 'Labor Day - No School' });
    expect(days).toContainEqual({ date: '2026-11-11', reason: 'Veterans Day' });
    expect(dates).not.toContain('2026-09-08');
    expect(dates).not.toContain('2026-11-12');
  });

  it('reads Thanksgiving break Wednesday to Friday (DTEND is exclusive)', () => {
    expect(days.filter((d) => d.reason === 'Thanksgiving Break').map((d) => d.date)).toEqual([
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
    ]);
  });

  it('reads winter break across the new year, weekends included as the file says', () => {
    const winter = days.filter((d) => d.reason === 'Winter Break').map((d) => d.date);
    expect(winter).toHaveLength(12);
    expect(winter[0]).toBe('2026-12-21');
    expect(winter.at(-1)).toBe('2027-01-01');
    expect(winter).toContain('2026-12-26'); // a Saturday
  });

  it('expands a yearly rule within the range only', () => {
    expect(days.filter((d) => d.reason.startsWith('Martin')).map((d) => d.date)).toEqual([
      '2027-01-18',
    ]);
    const next = readDaysOff(DISTRICT_HOLIDAYS_ICS, { from: '2027-06-01', to: '2028-06-01' });
    expect(next.days).toEqual([{ date: '2028-01-17', reason: 'Martin Luther King Jr. Day' }]);
  });

  it('skips the timed early release and says so, with its line', () => {
    expect(skipped).toEqual([
      {
        line: expect.any(Number),
        summary: 'Early Release Wednesday (dismissal 1:00 pm)',
        reason: 'timed',
      },
    ]);
    const line = DISTRICT_HOLIDAYS_ICS.split('\r\n')[skipped[0]!.line - 1];
    expect(line).toBe('BEGIN:VEVENT');
    expect(dates.filter((d) => isoWeekday(d) === 3)).toEqual([
      '2026-11-11', // Veterans Day, not an early release
      '2026-11-25',
      '2026-12-23',
      '2026-12-30',
    ]);
  });

  it('lists each date once, in order, and only within the range', () => {
    expect(dates).toEqual([...new Set(dates)].sort());
    expect(dates).toHaveLength(1 + 1 + 3 + 12 + 1);
    const fall = readDaysOff(DISTRICT_HOLIDAYS_ICS, { from: '2026-11-01', to: '2026-11-30' });
    expect(fall.days.map((d) => d.date)).toEqual([
      '2026-11-11',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
    ]);
  });
});

describe('readDaysOff on a weekly recurring event', () => {
  it('applies EXDATE, a moved instance and a cancelled one', () => {
    const { days } = readDaysOff(WEEKLY_EARLY_RELEASE_ICS, SCHOOL_YEAR);
    expect(days).toEqual([
      { date: '2026-10-07', reason: 'Staff development - no students' },
      { date: '2026-10-22', reason: 'Staff development (moved to Thursday) - no students' },
      { date: '2026-10-28', reason: 'Staff development - no students' },
      { date: '2026-11-11', reason: 'Staff development - no students' },
    ]);
  });

  it('joins the reasons of events on the same date', () => {
    const both = calendar(
      'BEGIN:VEVENT',
      'UID:a',
      'DTSTART;VALUE=DATE:20261111',
      'SUMMARY:Veterans Day',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:b',
      'DTSTART;VALUE=DATE:20261111',
      'END:VEVENT',
    );
    expect(readDaysOff(both, SCHOOL_YEAR).days).toEqual([
      { date: '2026-11-11', reason: 'Veterans Day; Day off' },
    ]);
  });

  it('refuses a rule that repeats too often before the range ends, naming its event', () => {
    const e = errorOf(() =>
      readDaysOff(
        calendar(
          'BEGIN:VEVENT',
          'UID:forever',
          'DTSTART;VALUE=DATE:19900101',
          'RRULE:FREQ=DAILY',
          'SUMMARY:Every day since 1990',
          'END:VEVENT',
        ),
        SCHOOL_YEAR,
      ),
    );
    expect(e.line).toBe(4);
    expect(e.reason).toBe('the event repeats more than 5000 times before 2027-05-28');
  });

  it('refuses an hourly rule on all-day dates, naming its event', () => {
    const e = errorOf(() =>
      readDaysOff(
        calendar(
          'BEGIN:VEVENT',
          'UID:hourly',
          'DTSTART;VALUE=DATE:20260901',
          'RRULE:FREQ=HOURLY',
          'END:VEVENT',
        ),
        SCHOOL_YEAR,
      ),
    );
    expect(e.line).toBe(4);
    expect(e.reason).toMatch(/^the event could not be read: /);
  });
});

describe('readDaysOff refuses bad files with the line and the reason', () => {
  const cases: Array<[string, string, number | null, RegExp]> = [
    ['plain text', 'hello world', 1, /not an iCalendar file/],
    ['JSON', '{"events": []}', 1, /must start with BEGIN:VCALENDAR/],
    ['a vCard', 'BEGIN:VCARD\r\nFN:Ana\r\nEND:VCARD', 1, /must start with BEGIN:VCALENDAR/],
    ['an empty file', '', 1, /not an iCalendar file/],
    [
      'a line without a colon',
      calendar('BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261111', 'SUMMARY Veterans Day', 'END:VEVENT'),
      6,
      /"SUMMARY Veterans Day" has no ":"/,
    ],
    [
      'a bad date',
      calendar('BEGIN:VEVENT', 'DTSTART;VALUE=DATE:2026-11-11', 'END:VEVENT'),
      5,
      /DTSTART "2026-11-11" is not a date/,
    ],
    [
      'an impossible date',
      calendar('BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20260231', 'END:VEVENT'),
      5,
      /"20260231" is not a calendar date/,
    ],
    [
      'a bad rule',
      calendar('BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261111', 'RRULE:FREQ=SOMETIMES', 'END:VEVENT'),
      6,
      /RRULE is not valid/,
    ],
    [
      'an event never closed',
      ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'DTSTART;VALUE=DATE:20261111', 'END:VCALENDAR'].join(
        '\n',
      ),
      4,
      /END:VCALENDAR closes BEGIN:VEVENT \(line 2\)/,
    ],
    [
      'a calendar never closed',
      ['BEGIN:VCALENDAR', 'VERSION:2.0'].join('\n'),
      1,
      /BEGIN:VCALENDAR is never closed/,
    ],
    ['an event without a start', calendar('BEGIN:VEVENT', 'UID:x', 'END:VEVENT'), 4, /no DTSTART/],
    ['binary data', `BEGIN:VCALENDAR\r\nX:\u0000\u0001`, 2, /binary data/],
  ];
  for (const [name, text, line, reason] of cases) {
    it(`refuses ${name}`, () => {
      const e = errorOf(() => readDaysOff(text, SCHOOL_YEAR));
      expect(e.line).toBe(line);
      expect(e.reason).toMatch(reason);
      expect(e.message).toBe(line === null ? e.reason : `line ${line}: ${e.reason}`);
    });
  }

  it('refuses a file over 2 MB before reading it', () => {
    const big = calendar(`X-PADDING:${'x'.repeat(MAX_ICS_BYTES)}`);
    const e = errorOf(() => readDaysOff(big, SCHOOL_YEAR));
    expect(e.line).toBeNull();
    expect(e.reason).toBe('the file is larger than 2 MB');
  });

  it('counts folded lines by the line they start on', () => {
    const e = errorOf(() =>
      readDaysOff(
        calendar(
          'BEGIN:VEVENT',
          'DESCRIPTION:a long',
          '  description',
          'DTSTART;VALUE=DATE:2026111',
          'END:VEVENT',
        ),
        SCHOOL_YEAR,
      ),
    );
    expect(e.line).toBe(7);
  });
});

describe('readDaysOff properties', () => {
  const day = fc
    .integer({ min: 0, max: 700 })
    .map((n) => addDays('2026-01-01', n))
    .map((d) => d.replaceAll('-', ''));

  it('a weekly rule with COUNT n gives n dates on one weekday, none on an EXDATE', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 60 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 59 }), { maxLength: 5 }),
        (start, n, excluded) => {
          const startIso = `${start.slice(0, 4)}-${start.slice(4, 6)}-${start.slice(6)}`;
          const exdates = excluded.map((k) => addDays(startIso, 7 * k).replaceAll('-', ''));
          const text = calendar(
            'BEGIN:VEVENT',
            'UID:weekly',
            `DTSTART;VALUE=DATE:${start}`,
            `RRULE:FREQ=WEEKLY;COUNT=${n}`,
            ...(exdates.length ? [`EXDATE;VALUE=DATE:${exdates.join(',')}`] : []),
            'SUMMARY:Weekly',
            'END:VEVENT',
          );
          const { days } = readDaysOff(text, { from: '2025-01-01', to: '2029-12-31' });
          const dates = days.map((d) => d.date);
          const excludedInRule = excluded.filter((k) => k < n).length;
          expect(dates).toHaveLength(n - excludedInRule);
          for (const d of dates) {
            expect(isoWeekday(d)).toBe(isoWeekday(startIso));
            expect(exdates).not.toContain(d.replaceAll('-', ''));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a multi-day event covers every date from DTSTART up to DTEND, exclusive', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 30 }), (start, length) => {
        const startIso = `${start.slice(0, 4)}-${start.slice(4, 6)}-${start.slice(6)}`;
        const end = addDays(startIso, length).replaceAll('-', '');
        const text = calendar(
          'BEGIN:VEVENT',
          'UID:span',
          `DTSTART;VALUE=DATE:${start}`,
          `DTEND;VALUE=DATE:${end}`,
          'END:VEVENT',
        );
        const dates = readDaysOff(text, { from: '2025-01-01', to: '2029-12-31' }).days.map(
          (d) => d.date,
        );
        expect(dates).toEqual(Array.from({ length }, (_, i) => addDays(startIso, i)));
      }),
      { numRuns: 100 },
    );
  });

  it('random bytes never crash: they are read or refused with an IcsError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const text = new TextDecoder().decode(bytes);
        try {
          readDaysOff(text, SCHOOL_YEAR);
        } catch (error) {
          expect(error).toBeInstanceOf(IcsError);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('mangled real files never crash: they are read or refused with an IcsError', () => {
    const lines = DISTRICT_HOLIDAYS_ICS.split('\r\n');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: lines.length - 1 }),
        fc.string({ maxLength: 30 }),
        fc.constantFrom('replace', 'insert', 'delete', 'truncate'),
        (at, junk, how) => {
          const copy = [...lines];
          if (how === 'replace') copy[at] = junk;
          else if (how === 'insert') copy.splice(at, 0, junk);
          else if (how === 'delete') copy.splice(at, 1);
          else copy[at] = copy[at]!.slice(0, junk.length);
          try {
            readDaysOff(copy.join('\r\n'), SCHOOL_YEAR);
          } catch (error) {
            expect(error).toBeInstanceOf(IcsError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

it('a single-day file round-trips', () => {
  expect(readDaysOff(singleDayIcs('20261120', 'Snow day'), SCHOOL_YEAR).days).toEqual([
    { date: '2026-11-20', reason: 'Snow day' },
  ]);
});
