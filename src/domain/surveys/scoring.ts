// Scoring one respondent's answers on a five-point scale (docs/decisions/015-survey-reports.md).
// - Reverse-keyed items are scored 6 − v, so a higher score is always the more favourable.
// - A respondent's scale score is the mean of their keyed answers to the scale's items, and
//   exists only when they answered at least half of the scale's items (rounded up): one answer
//   out of eight says too little about the scale to stand for it.
// - "Favourable" is one of the top two of the five options, after reverse keying; for a scale
//   whose favourable end is low (conflict), one of the bottom two.

export const POINTS = 5;

export interface ScaleItem {
  key: string;
  reverse: boolean;
}

export interface Scale {
  key: string;
  items: readonly ScaleItem[];
  /** Which end of the keyed scale is favourable (default high). */
  favourable?: 'high' | 'low';
}

/** One response's answers: item key → the option chosen, 1..5 as answered (before keying). */
export type Answers = ReadonlyMap<string, number>;

export function isOption(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= POINTS;
}

/** The answer as scored: reverse-keyed items count 6 − v. */
export function keyedValue(value: number, reverse: boolean): number {
  if (!isOption(value)) throw new RangeError(`an answer must be 1..${POINTS}, got ${value}`);
  return reverse ? POINTS + 1 - value : value;
}

export function isFavourable(keyed: number, end: 'high' | 'low' = 'high'): boolean {
  return end === 'high' ? keyed >= POINTS - 1 : keyed <= 2;
}

/** How many of a scale's k items a respondent must answer to have a scale score. */
export function minimumAnswered(itemCount: number): number {
  return Math.ceil(itemCount / 2);
}

/** A respondent's keyed answers to the scale's items, in item order (null where skipped). */
export function keyedRow(answers: Answers, scale: Scale): Array<number | null> {
  return scale.items.map((item) => {
    const v = answers.get(item.key);
    return v === undefined ? null : keyedValue(v, item.reverse);
  });
}

/** The respondent's scale score, or null when fewer than half the items were answered. */
export function respondentScaleScore(answers: Answers, scale: Scale): number | null {
  let sum = 0;
  let answered = 0;
  for (const item of scale.items) {
    const v = answers.get(item.key);
    if (v === undefined) continue;
    sum += keyedValue(v, item.reverse);
    answered++;
  }
  if (answered === 0 || answered < minimumAnswered(scale.items.length)) return null;
  return sum / answered;
}
