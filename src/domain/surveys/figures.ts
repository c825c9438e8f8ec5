// The figures of one scale (and its items) for one group of respondents. Everything about a
// scale in a group is computed over the same respondents: those with a scale score (at least
// half of its items answered, scoring.ts), so the n shown is the n behind every figure.
import { cronbachAlpha } from '../stats/reliability.js';
import { summarize } from '../stats/change.js';
import {
  POINTS,
  isFavourable,
  keyedRow,
  respondentScaleScore,
  type Answers,
  type Scale,
  type ScaleItem,
} from './scoring.js';

export interface AlphaFigure {
  alpha: number;
  ci95: [number, number];
  n: number;
  k: number;
}

export interface ItemFigures {
  key: string;
  reverse: boolean;
  /** Respondents (with a scale score) who answered this item. */
  n: number;
  /** Mean of the keyed answers (higher is more favourable). */
  mean: number | null;
  /** Share (0–1) of the answers in the top two options after keying. */
  favourable: number | null;
  /** Count of answers per option as answered, options 1..5 (before keying: what the labels say). */
  distribution: number[];
}

export interface ScaleFigures {
  key: string;
  /** Respondents with a scale score. */
  n: number;
  /** Mean of the respondents' scale scores, 1..5. */
  score: number | null;
  sd: number | null;
  /** Share (0–1) of all their answers in the favourable two options (top two, or bottom two for a low-is-favourable scale), after keying. */
  favourable: number | null;
  /** Count of their answers per keyed value 1..5, over all the scale's items. */
  distribution: number[];
  alpha: { pairwise: AlphaFigure | null; listwise: AlphaFigure | null };
  items: ItemFigures[];
}

/** The indices (into `responses`) of the respondents who have a score on the scale. */
export function scaleRespondents(responses: readonly Answers[], scale: Scale): number[] {
  const out: number[] = [];
  responses.forEach((r, i) => {
    if (respondentScaleScore(r, scale) !== null) out.push(i);
  });
  return out;
}

/** Indices of the scale's respondents who answered the item. */
export function itemRespondents(
  responses: readonly Answers[],
  scale: Scale,
  item: ScaleItem,
): number[] {
  return scaleRespondents(responses, scale).filter((i) => responses[i]!.has(item.key));
}

export function scaleFigures(responses: readonly Answers[], scale: Scale): ScaleFigures {
  const rows: Array<Array<number | null>> = [];
  const scores: number[] = [];
  for (const r of responses) {
    const score = respondentScaleScore(r, scale);
    if (score === null) continue;
    scores.push(score);
    rows.push(keyedRow(r, scale));
  }
  return figuresOfRows(scale, rows, scores, true);
}

/**
 * The figures from the scored respondents' keyed rows and scale scores (already computed once
 * per administration by report.ts). Alpha is left out (null) when `withAlpha` is false.
 */
export function figuresOfRows(
  scale: Scale,
  rows: ReadonlyArray<ReadonlyArray<number | null>>,
  scores: readonly number[],
  withAlpha: boolean,
): ScaleFigures {
  const distribution = new Array<number>(POINTS).fill(0);
  let answers = 0;
  let favourable = 0;
  for (const row of rows)
    for (const v of row) {
      if (v === null) continue;
      distribution[v - 1]!++;
      answers++;
      if (isFavourable(v, scale.favourable)) favourable++;
    }
  const s = scores.length > 0 ? summarize(scores) : null;
  const items = scale.items.map((item, j) =>
    itemFigures(rows, item, j, scale.favourable ?? 'high'),
  );
  return {
    key: scale.key,
    n: scores.length,
    score: s ? s.mean : null,
    sd: s && s.n > 1 ? s.sd : null,
    favourable: answers > 0 ? favourable / answers : null,
    distribution,
    alpha: withAlpha
      ? {
          pairwise: cronbachAlpha(rows, { missing: 'pairwise' }),
          listwise: cronbachAlpha(rows, { missing: 'listwise' }),
        }
      : { pairwise: null, listwise: null },
    items,
  };
}

function itemFigures(
  rows: ReadonlyArray<ReadonlyArray<number | null>>,
  item: ScaleItem,
  j: number,
  end: 'high' | 'low',
): ItemFigures {
  const distribution = new Array<number>(POINTS).fill(0);
  let n = 0;
  let sum = 0;
  let favourable = 0;
  for (const row of rows) {
    const v = row[j];
    if (v === null || v === undefined) continue;
    n++;
    sum += v;
    if (isFavourable(v, end)) favourable++;
    // Back to the option as answered: keying is its own inverse.
    const answered = item.reverse ? POINTS + 1 - v : v;
    distribution[answered - 1]!++;
  }
  return {
    key: item.key,
    reverse: item.reverse,
    n,
    mean: n > 0 ? sum / n : null,
    favourable: n > 0 ? favourable / n : null,
    distribution,
  };
}
