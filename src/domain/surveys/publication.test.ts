import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attackableSizes } from '../../../test/survey-attacks.js';
import { publishGroups, type GroupSpec } from './publication.js';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('publishing groups', () => {
  it('hides small classes, and a teacher whose report would differ from the school by one small class', () => {
    // School of 12: class A (7), B (3) taught by T; class C (2) by someone else.
    const A = range(0, 7);
    const B = range(7, 10);
    const C = range(10, 12);
    const groups: GroupSpec[] = [
      { key: 'school', family: 'school', members: [...A, ...B, ...C] },
      { key: 'A', family: 'class', members: A },
      { key: 'B', family: 'class', members: B },
      { key: 'C', family: 'class', members: C },
      { key: 'T', family: 'teacher', members: [...A, ...B] },
      { key: 'U', family: 'teacher', members: C },
    ];
    const s = publishGroups(groups, 5);
    expect(Object.fromEntries(s)).toEqual({
      school: null,
      A: null, // school − A is B and C together: 5 answers
      B: 'small',
      C: 'small',
      // The teachers partition the school too: showing T would leave U's two answers (and
      // T − A would be class B's three).
      T: 'complementary',
      U: 'small',
    });
  });

  it('shows everything when every group is large and nested cleanly', () => {
    const groups: GroupSpec[] = [
      { key: 'school', family: 'school', members: range(0, 30) },
      { key: 'A', family: 'class', members: range(0, 10) },
      { key: 'B', family: 'class', members: range(10, 20) },
      { key: 'C', family: 'class', members: range(20, 30) },
      { key: 'T', family: 'teacher', members: range(0, 20) },
      { key: 'U', family: 'teacher', members: range(20, 30) },
    ];
    const s = publishGroups(groups, 5);
    expect([...s.values()].every((v) => v === null)).toBe(true);
  });

  it('treats respondents in no child (a remainder) as hidden', () => {
    // 14 respondents, grades known for 11: 7th (6) and 8th (5); 3 without a grade.
    const groups: GroupSpec[] = [
      { key: 'school', family: 'school', members: range(0, 14) },
      { key: 'g7', family: 'grade', members: range(0, 6) },
      { key: 'g8', family: 'grade', members: range(6, 11) },
    ];
    const s = publishGroups(groups, 5);
    // Showing both grades would leave school − g7 − g8 = 3 answers.
    expect(s.get('school')).toBeNull();
    expect(s.get('g8')).toBe('complementary');
    expect(s.get('g7')).toBeNull();
  });

  it('property: no shown group, difference of two shown groups, or hidden remainder is about 1..minimum−1 respondents', () => {
    const world = fc.record({
      minimum: fc.integer({ min: 3, max: 6 }),
      classSizes: fc.array(fc.integer({ min: 0, max: 14 }), { minLength: 1, maxLength: 7 }),
      teacherOf: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 7, maxLength: 7 }),
      gradeOf: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 100, maxLength: 100 }),
    });
    fc.assert(
      fc.property(world, ({ minimum, classSizes, teacherOf, gradeOf }) => {
        const groups: GroupSpec[] = [];
        let next = 0;
        const classes = classSizes.map((n, c) => {
          const members = range(next, next + n);
          next += n;
          return { key: `class${c}`, family: 'class', members, teacher: `t${teacherOf[c]}` };
        });
        groups.push({ key: 'school', family: 'school', members: range(0, next) });
        groups.push(...classes);
        for (const t of new Set(classes.map((c) => c.teacher))) {
          const mine = classes.filter((c) => c.teacher === t);
          groups.push({ key: t, family: 'teacher', members: mine.flatMap((c) => c.members) });
        }
        // Grades cut across classes; respondent 0 has no grade (a remainder).
        const grades = [0, 1, 2].map((g) => ({
          key: `grade${g}`,
          family: 'grade',
          members: range(1, next).filter((m) => gradeOf[m % 100] === g),
        }));
        groups.push(...grades);

        const status = publishGroups(groups, minimum);
        const shown = (k: string) => status.get(k) === null;
        for (const size of attackableSizes(groups.filter((g) => shown(g.key))))
          expect(size === 0 || size >= minimum).toBe(true);
        // A school at the minimum or more is always shown (hiding goes to the finer groups).
        expect(shown('school')).toBe(next >= minimum);
      }),
      { numRuns: 200 },
    );
  });
});
