// The dyad perception gap: how the teacher rates a relationship (closeness, 1..5) minus how the
// student experiences it (their connection score, 1..5). Positive: the teacher feels closer than
// the student does (Brinkworth et al. 2018 found such gaps common).

/** Teacher's rating minus the student's score; null unless both exist. */
export function dyadGap(teacher: number | null, student: number | null): number | null {
  return teacher === null || student === null ? null : teacher - student;
}

/** Mean of the values that exist; null when none does. */
export function meanOf(values: ReadonlyArray<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((s, v) => s + v, 0) / present.length;
}
