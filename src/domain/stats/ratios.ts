// Ratios for the equity lens: how often something happens to one group compared with everyone
// else, with a 95% interval on the log scale.
import { normalQuantile } from './distributions.js';

const Z975 = normalQuantile(0.975);

export interface RatioEstimate {
  ratio: number;
  ci95: [number, number];
}

/** Students in a group and how many of them had the outcome. */
export interface Risk {
  events: number;
  total: number;
}

/** Occurrences over an exposure (e.g. corrections over instructional days). */
export interface Rate {
  count: number;
  exposure: number;
}

/**
 * Risk ratio of `group` to `others`, (a/n1)/(c/n2), with the Katz log interval
 * exp(ln RR ± z·√(1/a − 1/n1 + 1/c − 1/n2)).
 * Zero cells: when either group has no events, 0.5 is added to every cell of the 2×2 table
 * (events + 0.5, total + 1 in both groups; Haldane–Anscombe), so the ratio and interval stay
 * finite and the interval honestly wide. Null when a group is empty or neither group has any event
 * (no ratio to speak of). Throws when counts are not whole numbers with 0 ≤ events ≤ total.
 */
export function riskRatio(group: Risk, others: Risk): RatioEstimate | null {
  checkRisk(group, 'group');
  checkRisk(others, 'others');
  if (group.total === 0 || others.total === 0) return null;
  if (group.events === 0 && others.events === 0) return null;
  const correct = group.events === 0 || others.events === 0 ? 0.5 : 0;
  const a = group.events + correct;
  const n1 = group.total + 2 * correct;
  const c = others.events + correct;
  const n2 = others.total + 2 * correct;
  const ratio = a / n1 / (c / n2);
  return { ratio, ci95: logInterval(ratio, Math.sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2)) };
}

/**
 * Poisson rate ratio of `group` to `others`, (a/E1)/(c/E2), with the log interval
 * exp(ln IRR ± z·√(1/a + 1/c)).
 * Zero counts: when either count is 0, 0.5 is added to both counts (as for riskRatio). Null when
 * both counts are 0 or an exposure is 0. Throws for negative or non-integer counts and for
 * negative or non-finite exposures.
 */
export function rateRatio(group: Rate, others: Rate): RatioEstimate | null {
  checkRate(group, 'group');
  checkRate(others, 'others');
  if (group.exposure === 0 || others.exposure === 0) return null;
  if (group.count === 0 && others.count === 0) return null;
  const correct = group.count === 0 || others.count === 0 ? 0.5 : 0;
  const a = group.count + correct;
  const c = others.count + correct;
  const ratio = a / group.exposure / (c / others.exposure);
  return { ratio, ci95: logInterval(ratio, Math.sqrt(1 / a + 1 / c)) };
}

function logInterval(ratio: number, se: number): [number, number] {
  return [ratio * Math.exp(-Z975 * se), ratio * Math.exp(Z975 * se)];
}

function checkRisk(r: Risk, name: string): void {
  if (!Number.isInteger(r.total) || r.total < 0)
    throw new RangeError(`${name}.total must be a whole number, got ${r.total}`);
  if (!Number.isInteger(r.events) || r.events < 0 || r.events > r.total)
    throw new RangeError(`${name}.events must be a whole number from 0 to total, got ${r.events}`);
}

function checkRate(r: Rate, name: string): void {
  if (!Number.isInteger(r.count) || r.count < 0)
    throw new RangeError(`${name}.count must be a whole number, got ${r.count}`);
  if (!(r.exposure >= 0) || !Number.isFinite(r.exposure))
    throw new RangeError(
      `${name}.exposure must be a finite number of 0 or more, got ${r.exposure}`,
    );
}
