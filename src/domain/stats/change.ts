// Change between two survey waves. Waves are anonymous, so the same student cannot be matched
// across them: both comparisons treat the waves as independent samples.
import { normalQuantile, studentTQuantile } from './distributions.js';

const Z975 = normalQuantile(0.975);

/** A summary of one wave's scores. */
export interface Sample {
  n: number;
  mean: number;
  /** Sample standard deviation (divisor n − 1). */
  sd: number;
}

export interface MeanChange {
  /** after.mean − before.mean */
  difference: number;
  ci95: [number, number];
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
}

/**
 * n, mean and sample SD (divisor n − 1) of finite values. The mean is NaN for no values and the
 * SD NaN for fewer than two; meanChange returns null for such samples.
 */
export function summarize(values: readonly number[]): Sample {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) throw new RangeError(`value ${n}: must be a finite number, got ${v}`);
    n++;
    const delta = v - mean;
    mean += delta / n;
    m2 += delta * (v - mean);
  }
  return { n, mean: n === 0 ? Number.NaN : mean, sd: n < 2 ? Number.NaN : Math.sqrt(m2 / (n - 1)) };
}

/**
 * Difference of two wave means with Welch's 95% interval (unequal variances, independent waves).
 * Null when either wave has fewer than 2 scores or a non-finite mean or SD. When both SDs are 0
 * the interval is the difference itself, with df = n1 + n2 − 2.
 */
export function meanChange(before: Sample, after: Sample): MeanChange | null {
  if (!usable(before) || !usable(after)) return null;
  const difference = after.mean - before.mean;
  const v1 = (before.sd * before.sd) / before.n;
  const v2 = (after.sd * after.sd) / after.n;
  const variance = v1 + v2;
  if (variance === 0)
    return { difference, ci95: [difference, difference], df: before.n + after.n - 2 };
  const df = (variance * variance) / ((v1 * v1) / (before.n - 1) + (v2 * v2) / (after.n - 1));
  const half = studentTQuantile(0.975, df) * Math.sqrt(variance);
  return { difference, ci95: [difference - half, difference + half], df };
}

function usable(s: Sample): boolean {
  return (
    Number.isInteger(s.n) &&
    s.n >= 2 &&
    Number.isFinite(s.mean) &&
    Number.isFinite(s.sd) &&
    s.sd >= 0
  );
}

/** Favourable answers out of n in one wave. */
export interface Proportion {
  favourable: number;
  n: number;
}

export interface ProportionChange {
  /** after − before, as a proportion (0.05 = five points). */
  difference: number;
  ci95: [number, number];
  before: number;
  after: number;
}

/** Wilson score 95% interval for x successes in n. */
export function wilsonInterval(x: number, n: number, z = Z975): [number, number] {
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Change in the share of favourable answers, with Newcombe's hybrid score interval (1998,
 * method 10: built from each wave's Wilson interval). Unlike the Wald interval it stays inside
 * [−1, 1] and behaves at 0 % and 100 %. Null when either wave has no answers; throws when
 * favourable is not an integer between 0 and n.
 */
export function proportionChange(before: Proportion, after: Proportion): ProportionChange | null {
  checkProportion(before, 'before');
  checkProportion(after, 'after');
  if (before.n === 0 || after.n === 0) return null;
  const p1 = before.favourable / before.n;
  const p2 = after.favourable / after.n;
  const [l1, u1] = wilsonInterval(before.favourable, before.n);
  const [l2, u2] = wilsonInterval(after.favourable, after.n);
  const difference = p2 - p1;
  return {
    difference,
    ci95: [
      difference - Math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2),
      difference + Math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2),
    ],
    before: p1,
    after: p2,
  };
}

function checkProportion(p: Proportion, name: string): void {
  if (!Number.isInteger(p.n) || p.n < 0)
    throw new RangeError(`${name}.n must be a whole number of answers, got ${p.n}`);
  if (!Number.isInteger(p.favourable) || p.favourable < 0 || p.favourable > p.n)
    throw new RangeError(
      `${name}.favourable must be a whole number from 0 to n, got ${p.favourable}`,
    );
}
