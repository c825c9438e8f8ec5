// Cronbach's alpha for a survey scale, with the Feldt, Woodruff & Salih (1987) 95% interval.
// Computed as pingouin's cronbach_alpha does (its results agree with R's psych::alpha), which
// the conformance test checks on that package's published data sets.
import { fQuantile } from './distributions.js';

export interface AlphaResult {
  alpha: number;
  ci95: [number, number];
  /** The n of the Feldt interval: the respondents behind the estimate (see IntervalSample). */
  n: number;
  /** Items. */
  k: number;
}

export type MissingAnswers = 'pairwise' | 'listwise';

/**
 * Which respondents make the n of the Feldt interval after listwise deletion: `'complete'`
 * (default) the rows the estimate rests on, as pingouin does since it changed this; `'all'` every
 * respondent with an answer, as R's psych::alpha(use = "complete.obs") and earlier pingouin
 * releases do (a narrower interval). The two agree when no answer is missing and for pairwise.
 */
export type IntervalSample = 'complete' | 'all';

/**
 * Cronbach's alpha of a scale: `rows` are respondents, columns are items, null is a missing answer.
 *
 * alpha = k/(k−1) · (1 − Σ item variances / Σ all entries of the item covariance matrix).
 * - `pairwise` (default): each covariance uses the respondents who answered both items, each
 *   variance those who answered the item (pandas' DataFrame.cov); n counts respondents who
 *   answered at least one item (a respondent with no answer at all is not in the sample).
 * - `listwise`: only respondents who answered every item; n counts them.
 *
 * Returns null when alpha is undefined:
 * - fewer than 2 items (k < 2);
 * - fewer than 2 respondents left (n < 2);
 * - some pair of items answered together by fewer than 2 respondents (pairwise only: their
 *   covariance does not exist);
 * - the total-score variance is 0 (every respondent has the same total score; up to rounding) or, with pairwise
 *   covariances that do not fit together, not positive.
 *
 * Throws a RangeError naming the row (0-based) for rows of different lengths or non-finite values.
 */
export function cronbachAlpha(
  rows: readonly (readonly (number | null)[])[],
  options?: { missing?: MissingAnswers; intervalSample?: IntervalSample },
): AlphaResult | null {
  const missing = options?.missing ?? 'pairwise';
  const answered = rows.filter((row) => row.some((v) => v !== null)).length;
  const k = rows[0]?.length ?? 0;
  rows.forEach((row, r) => {
    if (row.length !== k)
      throw new RangeError(`row ${r}: has ${row.length} answers, expected ${k} (one per item)`);
    row.forEach((v, i) => {
      if (v !== null && !Number.isFinite(v))
        throw new RangeError(
          `row ${r}, item ${i}: answer must be a finite number or null, got ${v}`,
        );
    });
  });
  if (k < 2) return null;

  const sample =
    missing === 'listwise'
      ? rows.filter((row) => row.every((v) => v !== null))
      : rows.filter((row) => row.some((v) => v !== null));
  const n = sample.length;
  if (n < 2) return null;

  // Items as columns, NaN for a missing answer, so each pair is one pass without allocation.
  const columns = Array.from({ length: k }, (_, i) =>
    Float64Array.from(sample, (row) => row[i] ?? Number.NaN),
  );
  let trace = 0;
  let total = 0;
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      const c = pairwiseCovariance(columns[i]!, columns[j]!);
      if (c === null) return null;
      if (i === j) {
        trace += c;
        total += c;
      } else total += 2 * c;
    }
  }
  // Zero up to rounding: totals that cancel exactly come out as ±1e-16, not 0.
  if (!(total > trace * 1e-12)) return null;
  const alpha = (k / (k - 1)) * (1 - trace / total);
  const intervalN = options?.intervalSample === 'all' ? answered : n;
  return { alpha, ci95: feldtInterval(alpha, intervalN, k), n: intervalN, k };
}

// Sample covariance (n − 1) of two items over the rows that answer both; null below 2 rows.
function pairwiseCovariance(x: Float64Array, y: Float64Array): number | null {
  let m = 0;
  let sx = 0;
  let sy = 0;
  for (let r = 0; r < x.length; r++) {
    const a = x[r]!;
    const b = y[r]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    m++;
    sx += a;
    sy += b;
  }
  if (m < 2) return null;
  const mx = sx / m;
  const my = sy / m;
  let sum = 0;
  for (let r = 0; r < x.length; r++) {
    const a = x[r]!;
    const b = y[r]!;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    sum += (a - mx) * (b - my);
  }
  return sum / (m - 1);
}

/**
 * Feldt's interval for alpha from n respondents and k items: 1 − (1 − alpha)·F, with F the
 * upper and lower (1 − level)/2 quantiles of F(n − 1, (n − 1)(k − 1)).
 */
export function feldtInterval(alpha: number, n: number, k: number, level = 0.95): [number, number] {
  if (!Number.isInteger(n) || n < 2)
    throw new RangeError(`n must be an integer of 2 or more, got ${n}`);
  if (!Number.isInteger(k) || k < 2)
    throw new RangeError(`k must be an integer of 2 or more, got ${k}`);
  if (!(level > 0 && level < 1))
    throw new RangeError(`level must be between 0 and 1, got ${level}`);
  const df1 = n - 1;
  const df2 = df1 * (k - 1);
  const tail = (1 - level) / 2;
  return [
    1 - (1 - alpha) * fQuantile(1 - tail, df1, df2),
    1 - (1 - alpha) * fQuantile(tail, df1, df2),
  ];
}

/**
 * Running sums from which cronbachAlpha follows without keeping the rows: for every pair of items
 * (i ≤ j) the respondents who answered both, the sums of each over them and the sum of their
 * products; the same over complete rows for listwise. Add rows with addAlphaRow, read with
 * alphaFromSums: the same result as cronbachAlpha on the rows (up to rounding).
 */
export interface AlphaSums {
  k: number;
  /** Rows with at least one answer (pairwise n). */
  answered: number;
  /** Pairwise: index i·k + j (i ≤ j). */
  m: Float64Array;
  sx: Float64Array;
  sy: Float64Array;
  sxy: Float64Array;
  /** Listwise: complete rows, their item sums and cross-product sums (i·k + j). */
  complete: number;
  cs: Float64Array;
  cxy: Float64Array;
}

export function alphaSums(k: number): AlphaSums {
  const kk = k * k;
  return {
    k,
    answered: 0,
    m: new Float64Array(kk),
    sx: new Float64Array(kk),
    sy: new Float64Array(kk),
    sxy: new Float64Array(kk),
    complete: 0,
    cs: new Float64Array(k),
    cxy: new Float64Array(kk),
  };
}

/** Adds one respondent: `row[offset + i]` is item i's answer, `missing` where skipped. */
export function addAlphaRow(
  acc: AlphaSums,
  row: ArrayLike<number>,
  offset: number,
  missing: number,
): void {
  const k = acc.k;
  let given = 0;
  for (let i = 0; i < k; i++) {
    const a = row[offset + i]!;
    if (a === missing) continue;
    given++;
    for (let j = i; j < k; j++) {
      const b = row[offset + j]!;
      if (b === missing) continue;
      const p = i * k + j;
      acc.m[p]!++;
      acc.sx[p]! += a;
      acc.sy[p]! += b;
      acc.sxy[p]! += a * b;
    }
  }
  if (given === 0) return;
  acc.answered++;
  if (given < k) return;
  acc.complete++;
  for (let i = 0; i < k; i++) {
    const a = row[offset + i]!;
    acc.cs[i]! += a;
    for (let j = i; j < k; j++) acc.cxy[i * k + j]! += a * row[offset + j]!;
  }
}

/** cronbachAlpha (default interval sample) from the running sums. */
export function alphaFromSums(acc: AlphaSums, missing: MissingAnswers): AlphaResult | null {
  const k = acc.k;
  if (k < 2) return null;
  const n = missing === 'listwise' ? acc.complete : acc.answered;
  if (n < 2) return null;
  let trace = 0;
  let total = 0;
  for (let i = 0; i < k; i++)
    for (let j = i; j < k; j++) {
      const p = i * k + j;
      let c: number;
      if (missing === 'listwise') c = (n * acc.cxy[p]! - acc.cs[i]! * acc.cs[j]!) / (n * (n - 1));
      else {
        const m = acc.m[p]!;
        if (m < 2) return null;
        c = (m * acc.sxy[p]! - acc.sx[p]! * acc.sy[p]!) / (m * (m - 1));
      }
      if (i === j) {
        trace += c;
        total += c;
      } else total += 2 * c;
    }
  if (!(total > trace * 1e-12)) return null;
  const alpha = (k / (k - 1)) * (1 - trace / total);
  return { alpha, ci95: feldtInterval(alpha, n, k), n, k };
}
