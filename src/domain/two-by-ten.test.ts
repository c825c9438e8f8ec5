import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isSchoolDay, schoolDaysBetween, type TermCalendar } from './calendar.js';
import { PlanDateError, planDays, planProgress } from './two-by-ten.js';

const fall: TermCalendar = {
  startDate: '2026-08-24',
  endDate: '2026-12-18',
  daysOff: new Set(['2026-11-11', '2026-11-25', '2026-11-26', '2026-11-27']),
};

describe('two-by-ten plan days', () => {
  it('counts ten school days, skipping weekends and holidays', () => {
    expect(planDays(fall, '2026-11-16')).toEqual([
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-23',
      '2026-11-24',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
  });

  it('starts on the next school day when the start is a weekend or holiday', () => {
    expect(planDays(fall, '2026-11-26')[0]).toBe('2026-11-30');
    expect(planDays(fall, '2026-11-22')[0]).toBe('2026-11-23');
  });

  it('refuses a start outside the term, or too close to its end, saying why', () => {
    expect(() => planDays(fall, '2026-08-01')).toThrow(
      /within the term \(2026-08-24 to 2026-12-18\)/,
    );
    expect(() => planDays(fall, '2026-12-10')).toThrow(
      /leaves only 7 school days before the term ends on 2026-12-18/,
    );
    expect(planDays(fall, '2026-12-07').at(-1)).toBe('2026-12-18');
  });

  it('property: ten distinct school days in order, consecutive in school days, none before the start', () => {
    const offsets = fc.uniqueArray(fc.integer({ min: 0, max: 116 }), { maxLength: 20 });
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 130 }), offsets, (startOffset, off) => {
        const cal: TermCalendar = {
          ...fall,
          daysOff: new Set(off.map((o) => addDays(fall.startDate, o))),
        };
        const start = addDays(fall.startDate, startOffset);
        let days: string[];
        try {
          days = planDays(cal, start);
        } catch (e) {
          expect(e).toBeInstanceOf(PlanDateError);
          const available =
            start < cal.startDate || start > cal.endDate
              ? -1
              : schoolDaysBetween(cal, start, cal.endDate).length;
          expect(available).toBeLessThan(10);
          return;
        }
        expect(days).toHaveLength(10);
        expect(days[0]! >= start).toBe(true);
        for (const d of days) expect(isSchoolDay(cal, d)).toBe(true);
        expect(schoolDaysBetween(cal, days[0]!, days[9]!)).toEqual(days);
        expect(schoolDaysBetween(cal, start, days[0]!)).toEqual([days[0]]);
      }),
    );
  });
});

describe('plan progress', () => {
  const days = planDays(fall, '2026-11-16');
  it('marks done, missed, today and upcoming days', () => {
    const p = planProgress(days, new Set(['2026-11-16', '2026-11-18']), '2026-11-19');
    expect(p.days.map((d) => d.state).slice(0, 5)).toEqual([
      'done',
      'missed',
      'done',
      'today',
      'upcoming',
    ]);
    expect([p.done, p.missed, p.todayNumber, p.finished]).toEqual([2, 1, 4, false]);
  });
  it('is finished after the tenth school day, or on it once it is done', () => {
    expect(planProgress(days, new Set(), '2026-12-03').finished).toBe(true);
    expect(planProgress(days, new Set(['2026-12-02']), '2026-12-02').finished).toBe(true);
    expect(planProgress(days, new Set(), '2026-12-02').finished).toBe(false);
  });
});
