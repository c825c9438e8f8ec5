// Perspective taking: a teacher predicts some of a student's answers before seeing them, and
// learns how close they were (Gehlbach, Mascio & McIntyre 2023: practice that makes teachers'
// efforts to understand students more frequent and more accurate).
//
// Scoring, from 0 (nothing right) to 1 (exactly right):
// - a multi-select item: the Jaccard index |predicted ∩ actual| / |predicted ∪ actual|, so
//   guessing every option is not rewarded and missing one costs as much as adding a wrong one;
// - a single-choice item: 1 when the predicted option is the answer, else 0.
// The accuracy of one reveal is the mean score of the predictions made; the trend over time is
// the mean per week (Monday to Sunday) of the reveals in it.

export type ItemKind = 'multi' | 'single';

export interface PredictionScore {
  itemId: string;
  score: number;
}

export function jaccard(predicted: readonly string[], actual: readonly string[]): number {
  const p = new Set(predicted);
  const a = new Set(actual);
  if (p.size === 0 && a.size === 0) return 1;
  let both = 0;
  for (const x of p) if (a.has(x)) both++;
  return both / (p.size + a.size - both);
}

/** How close one prediction was to the student's answer, 0 to 1. */
export function scorePrediction(
  kind: ItemKind,
  predicted: readonly string[],
  actual: readonly string[],
): number {
  if (kind === 'single') {
    const p = [...new Set(predicted)];
    const a = [...new Set(actual)];
    return p.length === 1 && a.length === 1 && p[0] === a[0] ? 1 : 0;
  }
  return jaccard(predicted, actual);
}

/** The mean of scores, or null when there is none. */
export function meanScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return scores.reduce((s, x) => s + x, 0) / scores.length;
}

export interface RevealAccuracy {
  /** The local date of the reveal, YYYY-MM-DD. */
  date: string;
  accuracy: number;
  predictions: number;
}

export interface AccuracyWeek {
  /** Monday of the week, YYYY-MM-DD. */
  weekStart: string;
  /** Mean accuracy of the week's reveals, 0 to 1. */
  accuracy: number;
  reveals: number;
  predictions: number;
}

/** Mean accuracy per week, oldest first; weeks without a reveal are left out. */
export function accuracyByWeek(reveals: readonly RevealAccuracy[]): AccuracyWeek[] {
  const weeks = new Map<string, { sum: number; reveals: number; predictions: number }>();
  for (const r of reveals) {
    if (r.predictions === 0) continue;
    const week = mondayOf(r.date);
    const w = weeks.get(week) ?? { sum: 0, reveals: 0, predictions: 0 };
    w.sum += r.accuracy;
    w.reveals += 1;
    w.predictions += r.predictions;
    weeks.set(week, w);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([weekStart, w]) => ({
      weekStart,
      accuracy: w.sum / w.reveals,
      reveals: w.reveals,
      predictions: w.predictions,
    }));
}

export function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}
