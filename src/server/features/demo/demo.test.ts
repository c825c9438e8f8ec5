import { describe, expect, it } from 'vitest';
import { isSchoolDay, localDate, recentSchoolDays } from '../../../domain/calendar.js';
import { DEMO_TIMEZONE, demoHolidays, generateDemo } from './demo.generator.js';

const today = '2026-11-23';
const demo = generateDemo({ seed: 1, today, students: 1200, staff: 60 });

describe('demo district generator', () => {
  it('is deterministic: the same seed and day give identical data', () => {
    const again = generateDemo({ seed: 1, today, students: 1200, staff: 60 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(demo));
    const other = generateDemo({ seed: 2, today, students: 1200, staff: 60 });
    expect(other.district.id).not.toBe(demo.district.id);
  });

  it('has the shape the issue asks for: two schools, ~60 staff, ~1,200 students with guardians', () => {
    expect(demo.schools.map((s) => s.level)).toEqual(['middle', 'high']);
    const count = (k: string) => demo.people.filter((p) => p.kind === k).length;
    expect(count('staff')).toBe(60);
    expect(count('student')).toBe(1200);
    const withGuardian = new Set(demo.guardianships.map((g) => g.student_id));
    expect(withGuardian.size).toBe(1200);
    // Every student is in one class per subject of their school; class sizes are classroom-like.
    const sizes = new Map<string, number>();
    for (const e of demo.enrollments)
      if (e.role === 'student') sizes.set(e.class_id, (sizes.get(e.class_id) ?? 0) + 1);
    const values = [...sizes.values()];
    expect(Math.min(...values)).toBeGreaterThanOrEqual(8);
    expect(Math.max(...values)).toBeLessThanOrEqual(40);
  });

  it('has a realistic term: it contains today, weekends and holidays are off, about three months of history', () => {
    const term = demo.terms[0]!;
    expect(term.start_date <= today && today <= term.end_date).toBe(true);
    const cal = {
      startDate: term.start_date,
      endDate: term.end_date,
      daysOff: new Set(demo.daysOff.map((d) => d.date)),
    };
    expect(demo.daysOff.map((d) => d.reason)).toContain('Thanksgiving');
    const days = new Set(demo.interactions.map((i) => localDate(i.occurred_at, DEMO_TIMEZONE)));
    for (const d of days) expect(isSchoolDay(cal, d)).toBe(true);
    expect(days.size).toBeGreaterThanOrEqual(55);
    expect([...days].every((d) => d < today)).toBe(true);
  });

  it('varies: most teachers log more positives than corrections, some do not; some students have had no positive moment for weeks', () => {
    const byTeacher = new Map<string, { pos: number; cor: number }>();
    for (const i of demo.interactions) {
      const t = byTeacher.get(i.teacher_id) ?? { pos: 0, cor: 0 };
      if (i.kind === 'warm_moment' || i.kind === 'affirmation') t.pos++;
      if (i.kind === 'correction') t.cor++;
      byTeacher.set(i.teacher_id, t);
    }
    const tallies = [...byTeacher.values()];
    const morePositive = tallies.filter((t) => t.pos > t.cor).length;
    expect(morePositive / tallies.length).toBeGreaterThan(0.6);
    expect(tallies.length - morePositive).toBeGreaterThan(0);

    const term = demo.terms[0]!;
    const cal = {
      startDate: term.start_date,
      endDate: term.end_date,
      daysOff: new Set(demo.daysOff.map((d) => d.date)),
    };
    const since = recentSchoolDays(cal, '2026-11-20', 15)[0]!; // three school weeks
    const recentPositive = new Set(
      demo.interactions
        .filter(
          (i) =>
            (i.kind === 'warm_moment' || i.kind === 'affirmation') &&
            localDate(i.occurred_at, DEMO_TIMEZONE) >= since,
        )
        .map((i) => i.student_id),
    );
    const overlooked = demo.people.filter(
      (p) => p.kind === 'student' && !recentPositive.has(p.id),
    ).length;
    expect(overlooked).toBeGreaterThanOrEqual(20);
    expect(overlooked).toBeLessThan(400);
  });

  it('lists real holidays only on weekdays inside the range', () => {
    const h = demoHolidays('2026-08-24', '2026-12-18');
    expect(h.find((x) => x.reason === 'Labor Day')?.date).toBe('2026-09-07');
    expect(h.find((x) => x.reason === 'Thanksgiving')?.date).toBe('2026-11-26');
    expect(h.some((x) => x.reason === 'Winter break')).toBe(false);
  });
});
