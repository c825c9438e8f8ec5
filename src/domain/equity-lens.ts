// The equity lens: a teacher's private look at how their own affirmations and corrections fall
// across groups of their students (sex, race and ethnicity, and other roster demographics), for
// self-reflection on implicit bias. Only aggregates, never a name: each group shows its size,
// affirmations and corrections per student, and how its corrections compare with all other
// students' (rate ratio of corrections per student; risk ratio of being corrected at least once),
// each with a 95% confidence interval.
//
// Small groups are hidden. A group with no student is shown as empty (zero is no one's count);
// groups below the minimum size are hidden, and complementary suppression hides more until no
// hidden group can be worked out from the totals and the shown groups. Within a dimension either
// nothing is hidden, or at least two groups are, holding together more students than there are
// hidden groups (each has at least one, so fewer would pin each to one) and a share of every
// non-zero total (affirmations, corrections, students corrected), so no hidden group's count or
// rate follows by subtraction.
import { rateRatio, riskRatio } from './stats/ratios.js';
import { suppressPartition } from './stats/suppression.js';

// Residence status, birthplace and birth date are left out: too identifying, too rarely filled.
export const DIMENSIONS = ['sex', 'race_ethnicity'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Groups of each dimension with a fixed list, in display order (all listed, even empty). */
export const SEX_GROUPS = ['female', 'male', 'other', 'unspecified', 'not_reported'] as const;
export const RACE_ETHNICITY_GROUPS = [
  'american_indian_or_alaska_native',
  'asian',
  'black_or_african_american',
  'hispanic_or_latino',
  'native_hawaiian_or_other_pacific_islander',
  'white',
  'two_or_more_races',
  'not_reported',
] as const;
export const NOT_REPORTED = 'not_reported';

/** The roster's demographics of one student (OneRoster demographics.csv), as stored. */
export interface DemographicsRow {
  sex: string | null;
  american_indian_or_alaska_native: string | null;
  asian: string | null;
  black_or_african_american: string | null;
  native_hawaiian_or_other_pacific_islander: string | null;
  white: string | null;
  two_or_more_races: string | null;
  hispanic_or_latino: string | null;
}

/** The roster's one-race columns (OneRoster demographics), each "true" or "false". */
export const RACE_COLUMNS = [
  'american_indian_or_alaska_native',
  'asian',
  'black_or_african_american',
  'native_hawaiian_or_other_pacific_islander',
  'white',
] as const;

const yes = (v: string | null) => v !== null && v.trim().toLowerCase() === 'true';

/**
 * The group of each dimension a student belongs to. Race and ethnicity are one partition, as in
 * federal reporting: Hispanic or Latino (of any race), else the one race reported, else two or
 * more races, else not reported. A student without demographics is "not reported" everywhere.
 */
export function demographicGroups(row: DemographicsRow | null): Record<Dimension, string> {
  if (!row) return { sex: NOT_REPORTED, race_ethnicity: NOT_REPORTED };
  const sexValue = row.sex?.trim().toLowerCase() ?? '';
  const sex = (SEX_GROUPS as readonly string[]).includes(sexValue) ? sexValue : NOT_REPORTED;
  const races = RACE_COLUMNS.filter((r) => yes(row[r]));
  const race_ethnicity = yes(row.hispanic_or_latino)
    ? 'hispanic_or_latino'
    : yes(row.two_or_more_races) || races.length > 1
      ? 'two_or_more_races'
      : races.length === 1
        ? races[0]!
        : NOT_REPORTED;
  return { sex, race_ethnicity };
}

export interface LensStudent {
  groups: Record<Dimension, string>;
  affirmations: number;
  corrections: number;
}

export interface Estimate {
  ratio: number;
  ci95: [number, number];
}

export interface Totals {
  students: number;
  affirmations: number;
  corrections: number;
  correctedStudents: number;
}

export interface ShownGroup extends Totals {
  group: string;
  shown: true;
  /** Null for a group without students. */
  affirmationsPerStudent: number | null;
  correctionsPerStudent: number | null;
  /** Corrections per student against all other students' (null when it cannot be estimated). */
  correctionRateRatio: Estimate | null;
  /** Share corrected at least once against all other students' share. */
  correctedRiskRatio: Estimate | null;
}
export interface HiddenGroup {
  group: string;
  shown: false;
}
export type LensGroup = ShownGroup | HiddenGroup;

export interface LensDimension {
  dimension: Dimension;
  groups: LensGroup[];
}

export interface EquityLens {
  minimumGroupSize: number;
  totals: Totals;
  dimensions: LensDimension[];
}

const MEASURES = ['students', 'affirmations', 'corrections', 'correctedStudents'] as const;

function tally(students: readonly LensStudent[]): Totals {
  const t: Totals = { students: 0, affirmations: 0, corrections: 0, correctedStudents: 0 };
  for (const s of students) {
    t.students += 1;
    t.affirmations += s.affirmations;
    t.corrections += s.corrections;
    if (s.corrections > 0) t.correctedStudents += 1;
  }
  return t;
}

const GROUPS: Record<Dimension, readonly string[]> = {
  sex: SEX_GROUPS,
  race_ethnicity: RACE_ETHNICITY_GROUPS,
};

/**
 * The lens over a teacher's students, each with the affirmations and corrections the teacher
 * logged for them. `minimum` is the smallest group shown (already at least 3).
 */
export function computeEquityLens(
  students: readonly LensStudent[],
  minimum: number,
  dimensions: readonly Dimension[] = DIMENSIONS,
): EquityLens {
  const totals = tally(students);
  return {
    minimumGroupSize: minimum,
    totals,
    dimensions: dimensions.map((dimension) => {
      const keys = GROUPS[dimension];
      const cells = new Map(
        keys.map((k) => [k, tally(students.filter((s) => s.groups[dimension] === k))]),
      );
      const hidden = hiddenGroups(cells, totals, minimum);
      return {
        dimension,
        groups: keys.map((group): LensGroup => {
          if (hidden.has(group)) return { group, shown: false };
          return shownGroup(group, cells.get(group)!, totals);
        }),
      };
    }),
  };
}

function shownGroup(group: string, g: Totals, totals: Totals): ShownGroup {
  const others = {
    students: totals.students - g.students,
    corrections: totals.corrections - g.corrections,
    correctedStudents: totals.correctedStudents - g.correctedStudents,
  };
  return {
    group,
    shown: true,
    ...g,
    affirmationsPerStudent: g.students > 0 ? g.affirmations / g.students : null,
    correctionsPerStudent: g.students > 0 ? g.corrections / g.students : null,
    correctionRateRatio: rateRatio(
      { count: g.corrections, exposure: g.students },
      { count: others.corrections, exposure: others.students },
    ),
    correctedRiskRatio: riskRatio(
      { events: g.correctedStudents, total: g.students },
      { events: others.correctedStudents, total: others.students },
    ),
  };
}

/** Small groups, their complements, and more until nothing hidden can be derived. */
function hiddenGroups(
  cells: ReadonlyMap<string, Totals>,
  totals: Totals,
  minimum: number,
): Set<string> {
  const occupied = [...cells].filter(([, t]) => t.students > 0);
  const marks = suppressPartition(
    occupied.map(([key, t]) => ({ key, n: t.students })),
    minimum,
    { totalShown: true },
  );
  const hidden = new Set([...marks].filter(([, mark]) => mark !== null).map(([key]) => key));
  // Complete what the partition rule may leave derivable here.
  for (;;) {
    if (hidden.size === 0) return hidden;
    const inHidden = (m: (typeof MEASURES)[number]) =>
      [...hidden].reduce((sum, key) => sum + cells.get(key)![m], 0);
    const lacking = MEASURES.filter((m) => totals[m] > 0 && inHidden(m) === 0);
    if (hidden.size >= 2 && inHidden('students') > hidden.size && lacking.length === 0)
      return hidden;
    // Hide the smallest shown group that helps (holds a lacking measure), ties by list order.
    let pick: [string, Totals] | null = null;
    for (const c of occupied) {
      if (hidden.has(c[0])) continue;
      if (lacking.length > 0 && !lacking.some((m) => c[1][m] > 0)) continue;
      if (pick === null || c[1].students < pick[1].students) pick = c;
    }
    // Every occupied group is hidden and one could still be pinned (a single one, or one
    // student each): hide the empty groups too, so which groups are occupied is unknown.
    if (!pick) return new Set(cells.keys());
    hidden.add(pick[0]);
  }
}
