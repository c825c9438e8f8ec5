import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  isIsoDate,
  isSchoolDay,
  isoWeekday,
  localDate,
  localDayRange,
  readOccurredAt,
  recentSchoolDays,
  schoolDaysBetween,
  startOfLocalDay,
  type TermCalendar,
} from './calendar.js';

const fall: TermCalendar = {
  startDate: '2026-08-24',
  endDate: '2026-12-18',
  daysOff: new Set(['2026-09-07', '2026-11-11', '2026-11-25', '2026-11-26', '2026-11-27']),
};

const dateArb = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

describe('calendar dates', () => {
  it('knows weekdays and validates dates', () => {
    expect(isoWeekday('2026-11-23')).toBe(1); // Monday
    expect(isoWeekday('2026-11-29')).toBe(7); // Sunday
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-11-5')).toBe(false);
  });

  it('addDays round-trips and crosses month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: -800, max: 800 }),
        (d, n) => addDays(addDays(d, n), -n) === d,
      ),
    );
  });
});

describe('school days', () => {
  it('skips weekends and holidays and stays inside the term', () => {
    expect(isSchoolDay(fall, '2026-11-23')).toBe(true);
    expect(isSchoolDay(fall, '2026-11-22')).toBe(false); // Sunday
    expect(isSchoolDay(fall, '2026-11-26')).toBe(false); // Thanksgiving
    expect(isSchoolDay(fall, '2026-12-21')).toBe(false); // after the term
    expect(schoolDaysBetween(fall, '2026-11-23', '2026-11-30')).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-30',
    ]);
  });

  it('takes the last N school days, fewer at the start of the term', () => {
    expect(recentSchoolDays(fall, '2026-11-30', 4)).toEqual([
      '2026-11-20',
      '2026-11-23',
      '2026-11-24',
      '2026-11-30',
    ]);
    expect(recentSchoolDays(fall, '2026-08-25', 10)).toEqual(['2026-08-24', '2026-08-25']);
    expect(recentSchoolDays(fall, '2026-08-01', 10)).toEqual([]);
  });

  it('property: every day returned is a school day, in order, without gaps of school days', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.integer({ min: 1, max: 30 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 15 }),
        (date, n, offsets) => {
          const cal: TermCalendar = {
            startDate: '2026-08-24',
            endDate: '2026-12-18',
            daysOff: new Set(offsets.map((o) => addDays('2026-08-24', o))),
          };
          const days = recentSchoolDays(cal, date, n);
          expect(days.length).toBeLessThanOrEqual(n);
          for (const d of days) expect(isSchoolDay(cal, d)).toBe(true);
          for (let i = 1; i < days.length; i++) {
            expect(days[i]! > days[i - 1]!).toBe(true);
            expect(schoolDaysBetween(cal, days[i - 1]!, days[i]!)).toEqual([days[i - 1], days[i]]);
          }
          if (days.length > 0 && days.length < n)
            expect(schoolDaysBetween(cal, cal.startDate, days[0]!)).toEqual([days[0]]);
        },
      ),
    );
  });
});

describe('time zones', () => {
  it('finds the local date of an instant', () => {
    expect(localDate('2026-11-23T05:30:00Z', 'America/Chicago')).toBe('2026-11-22');
    expect(localDate('2026-11-23T06:30:00Z', 'America/Chicago')).toBe('2026-11-23');
    expect(localDate('2026-11-23T23:30:00Z', 'Europe/Madrid')).toBe('2026-11-24');
  });

  it('finds where a local day starts, across daylight-saving changes', () => {
    expect(startOfLocalDay('2026-11-23', 'America/Chicago')).toBe('2026-11-23T06:00:00.000Z');
    expect(startOfLocalDay('2026-07-01', 'America/Chicago')).toBe('2026-07-01T05:00:00.000Z');
    // 2026-11-01: clocks fall back at 02:00; the day is 25 hours long.
    const { start, end } = localDayRange('2026-11-01', 'America/Chicago');
    expect((Date.parse(end) - Date.parse(start)) / 3600_000).toBe(25);
  });

  it("property: the local date of a day's start is that day", () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.constantFrom(
          'America/Chicago',
          'America/Los_Angeles',
          'Europe/Madrid',
          'Pacific/Auckland',
          'UTC',
        ),
        (d, tz) => {
          expect(localDate(startOfLocalDay(d, tz), tz)).toBe(d);
          expect(localDate(new Date(Date.parse(startOfLocalDay(d, tz)) - 1), tz)).toBe(
            addDays(d, -1),
          );
        },
      ),
    );
  });
});

describe('occurredAt', () => {
  const now = new Date('2026-11-23T15:00:00Z');
  it('defaults to now, accepts the past and a small clock skew, refuses the future and non-instants', () => {
    expect(readOccurredAt(undefined, now)).toEqual(now);
    expect(readOccurredAt('2026-11-20T08:00:00Z', now)).toEqual(new Date('2026-11-20T08:00:00Z'));
    expect(readOccurredAt('2026-11-23T15:04:00Z', now)).toBeInstanceOf(Date);
    expect(readOccurredAt('2026-11-23T15:06:00Z', now)).toEqual({
      reason: 'cannot be in the future',
    });
    expect(readOccurredAt('yesterday', now)).toEqual({
      reason: expect.stringMatching(/a date and time/),
    });
    expect(readOccurredAt('2026-11-20', now)).toEqual({
      reason: expect.stringMatching(/a date and time/),
    });
  });
});
