import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DIMENSIONS,
  RACE_ETHNICITY_GROUPS,
  SEX_GROUPS,
  computeEquityLens,
  demographicGroups,
  type DemographicsRow,
  type EquityLens,
  type LensStudent,
  type ShownGroup,
} from './equity-lens.js';

const noDemographics: DemographicsRow = {
  sex: null,
  american_indian_or_alaska_native: null,
  asian: null,
  black_or_african_american: null,
  native_hawaiian_or_other_pacific_islander: null,
  white: null,
  two_or_more_races: null,
  hispanic_or_latino: null,
};

function students(
  n: number,
  groups: LensStudent['groups'],
  each: { affirmations: number; corrections: number },
): LensStudent[] {
  return Array.from({ length: n }, () => ({ groups, ...each }));
}
const shown = (lens: EquityLens, dimension: string, group: string) => {
  const g = lens.dimensions
    .find((d) => d.dimension === dimension)!
    .groups.find((x) => x.group === group)!;
  return g.shown ? g : null;
};

describe('demographic groups', () => {
  it('puts Hispanic or Latino students there whatever their race, as federal reporting does', () => {
    expect(
      demographicGroups({
        ...noDemographics,
        sex: 'female',
        white: 'true',
        hispanic_or_latino: 'true',
      }),
    ).toEqual({ sex: 'female', race_ethnicity: 'hispanic_or_latino' });
  });

  it('counts one race as that race, several or the roster flag as two or more', () => {
    expect(
      demographicGroups({ ...noDemographics, asian: 'true', white: 'false' }).race_ethnicity,
    ).toBe('asian');
    expect(
      demographicGroups({ ...noDemographics, asian: 'true', white: 'TRUE' }).race_ethnicity,
    ).toBe('two_or_more_races');
    expect(demographicGroups({ ...noDemographics, two_or_more_races: 'true' }).race_ethnicity).toBe(
      'two_or_more_races',
    );
  });

  it('calls anything missing or unknown "not reported"', () => {
    expect(demographicGroups(null)).toEqual({
      sex: 'not_reported',
      race_ethnicity: 'not_reported',
    });
    expect(demographicGroups({ ...noDemographics, sex: 'x' })).toEqual({
      sex: 'not_reported',
      race_ethnicity: 'not_reported',
    });
    expect(demographicGroups({ ...noDemographics, sex: 'Male' }).sex).toBe('male');
  });
});

describe('the equity lens', () => {
  it('shows per-student figures and the ratio of corrections against all other students', () => {
    // 10 girls: 3 affirmations and 1 correction each (half of them corrected: 2 and 0).
    // 10 boys: 2 affirmations each, 3 of them corrected twice.
    const girls: LensStudent[] = Array.from({ length: 10 }, (_, i) => ({
      groups: { sex: 'female', race_ethnicity: 'white' },
      affirmations: 3,
      corrections: i < 5 ? 2 : 0,
    }));
    const boys: LensStudent[] = Array.from({ length: 10 }, (_, i) => ({
      groups: { sex: 'male', race_ethnicity: 'white' },
      affirmations: 2,
      corrections: i < 3 ? 2 : 0,
    }));
    const lens = computeEquityLens([...girls, ...boys], 5);
    expect(lens.totals).toEqual({
      students: 20,
      affirmations: 50,
      corrections: 16,
      correctedStudents: 8,
    });
    const f = shown(lens, 'sex', 'female')!;
    expect(f).toMatchObject({
      students: 10,
      affirmations: 30,
      corrections: 10,
      correctedStudents: 5,
      affirmationsPerStudent: 3,
      correctionsPerStudent: 1,
    });
    // Rate: 10/10 against 6/10 → 1.667; risk: 5/10 against 3/10 → 1.667.
    expect(f.correctionRateRatio!.ratio).toBeCloseTo(10 / 6, 10);
    expect(f.correctedRiskRatio!.ratio).toBeCloseTo(5 / 3, 10);
    const [lo, hi] = f.correctionRateRatio!.ci95;
    expect(lo).toBeLessThan(10 / 6);
    expect(hi).toBeGreaterThan(10 / 6);
    // Empty groups are shown as empty, never hidden (no one's count is zero).
    expect(shown(lens, 'sex', 'other')).toMatchObject({
      students: 0,
      affirmationsPerStudent: null,
    });
    // Everyone is white: that group is the whole class, compared with no one.
    const white = shown(lens, 'race_ethnicity', 'white')!;
    expect(white.students).toBe(20);
    expect(white.correctionRateRatio).toBeNull();
  });

  it('hides a small group and the next smallest, so neither follows from the total', () => {
    const lens = computeEquityLens(
      [
        ...students(
          12,
          { sex: 'female', race_ethnicity: 'asian' },
          { affirmations: 1, corrections: 1 },
        ),
        ...students(
          9,
          { sex: 'male', race_ethnicity: 'asian' },
          { affirmations: 1, corrections: 1 },
        ),
        ...students(
          2,
          { sex: 'other', race_ethnicity: 'asian' },
          { affirmations: 1, corrections: 1 },
        ),
      ],
      5,
    );
    const sex = lens.dimensions.find((d) => d.dimension === 'sex')!;
    expect(sex.groups.map((g) => [g.group, g.shown])).toEqual([
      ['female', true],
      ['male', false],
      ['other', false],
      ['unspecified', true],
      ['not_reported', true],
    ]);
    expect(Object.keys(sex.groups[1]!)).toEqual(['group', 'shown']); // nothing else leaks
  });

  it('hides every group of a dimension when hiding fewer would still pin one down', () => {
    // 3 students, minimum 5: every occupied group is small; with 2 of them holding 1 student
    // each, showing which groups are empty would give both away.
    const lens = computeEquityLens(
      [
        ...students(
          1,
          { sex: 'female', race_ethnicity: 'asian' },
          { affirmations: 1, corrections: 0 },
        ),
        ...students(
          1,
          { sex: 'male', race_ethnicity: 'asian' },
          { affirmations: 1, corrections: 0 },
        ),
      ],
      5,
    );
    const sex = lens.dimensions.find((d) => d.dimension === 'sex')!;
    expect(sex.groups.every((g) => !g.shown)).toBe(true);
  });

  it('hides more when the hidden groups hold no correction (a zero there would be derivable)', () => {
    // The two small groups hold 6 students together (enough), but no correction: that zero
    // would follow from the totals, so the smallest shown group with corrections is hidden too.
    const lens = computeEquityLens(
      [
        ...students(
          20,
          { sex: 'female', race_ethnicity: 'asian' },
          { affirmations: 1, corrections: 1 },
        ),
        ...students(
          15,
          { sex: 'male', race_ethnicity: 'asian' },
          { affirmations: 1, corrections: 1 },
        ),
        ...students(
          3,
          { sex: 'other', race_ethnicity: 'asian' },
          { affirmations: 1, corrections: 0 },
        ),
        ...students(
          3,
          { sex: 'unspecified', race_ethnicity: 'asian' },
          { affirmations: 1, corrections: 0 },
        ),
      ],
      5,
    );
    const sex = lens.dimensions.find((d) => d.dimension === 'sex')!;
    expect(sex.groups.filter((g) => !g.shown).map((g) => g.group)).toEqual([
      'male',
      'other',
      'unspecified',
    ]);
  });
});

// ---- the attacker's view -------------------------------------------------------------------

const arbStudent = fc.record({
  groups: fc.record({
    sex: fc.constantFrom(...SEX_GROUPS),
    race_ethnicity: fc.constantFrom(...RACE_ETHNICITY_GROUPS),
  }),
  affirmations: fc.nat(6),
  corrections: fc.oneof(fc.constant(0), fc.nat(4)),
});

describe('no hidden group can be computed from what the lens returns', () => {
  it('leaves every hidden count and rate open to more than one value', () => {
    fc.assert(
      fc.property(
        fc.array(arbStudent, { maxLength: 60 }),
        fc.integer({ min: 3, max: 8 }),
        (list, minimum) => {
          const lens = computeEquityLens(list, minimum);
          for (const dim of lens.dimensions) {
            const hidden = dim.groups.filter((g) => !g.shown);
            if (hidden.length === 0) continue;
            const visible = dim.groups.filter((g): g is ShownGroup => g.shown);
            // What an onlooker knows: the totals and the shown groups. Empty groups are shown, so
            // when any group is shown every hidden one holds at least one student.
            const least = visible.length > 0 ? 1 : 0;
            const rest = (m: 'students' | 'affirmations' | 'corrections' | 'correctedStudents') =>
              lens.totals[m] - visible.reduce((s, g) => s + g[m], 0);
            const k = hidden.length;
            expect(k).toBeGreaterThanOrEqual(2);
            // Largest size a hidden group could have, against the smallest: never the same.
            expect(rest('students') - least * (k - 1)).toBeGreaterThan(least);
            for (const m of ['affirmations', 'corrections', 'correctedStudents'] as const)
              if (lens.totals[m] > 0) expect(rest(m)).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('hides every group below the minimum and shows every empty one unless all are hidden', () => {
    fc.assert(
      fc.property(
        fc.array(arbStudent, { maxLength: 60 }),
        fc.integer({ min: 3, max: 8 }),
        (list, minimum) => {
          const lens = computeEquityLens(list, minimum);
          for (const dim of lens.dimensions) {
            const allHidden = dim.groups.every((g) => !g.shown);
            for (const g of dim.groups) {
              const n = list.filter((s) => s.groups[dim.dimension] === g.group).length;
              if (n > 0 && n < minimum) expect(g.shown).toBe(false);
              if (n === 0 && !allHidden) expect(g.shown).toBe(true);
              if (g.shown) expect(g.students).toBe(n);
            }
          }
          expect(lens.dimensions.map((d) => d.dimension)).toEqual([...DIMENSIONS]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
