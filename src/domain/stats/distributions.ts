// The few distribution functions Rapport's reports need (docs/decisions/013-statistics.md):
// the regularized incomplete beta and gamma functions, and from them the Student t, F and standard
// normal CDFs and quantiles. Continued fractions use the modified Lentz method; quantiles are
// found by Newton steps kept inside a shrinking bisection bracket, so they always converge.

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_ITERATIONS = 100_000;

function requireProbability(p: number, name = 'p'): void {
  if (!(p >= 0 && p <= 1))
    throw new RangeError(`${name} must be a probability in [0, 1], got ${p}`);
}

function requirePositive(value: number, name: string): void {
  if (!(value > 0) || !Number.isFinite(value))
    throw new RangeError(`${name} must be a finite number above 0, got ${value}`);
}

// Lanczos approximation (g = 7, n = 9): about 15 significant digits for x > 0.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  requirePositive(x, 'x');
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

// Continued fraction for I_x(a, b), evaluated by the modified Lentz method.
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) return h;
  }
  throw new Error(`incomplete beta did not converge (x=${x}, a=${a}, b=${b})`);
}

/** The regularized incomplete beta function I_x(a, b), for 0 ≤ x ≤ 1 and a, b > 0. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  requirePositive(a, 'a');
  requirePositive(b, 'b');
  if (!(x >= 0 && x <= 1)) throw new RangeError(`x must be in [0, 1], got ${x}`);
  if (x === 0) return 0;
  if (x === 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b));
  // The fraction converges fast only on this side of the mean; use the symmetry otherwise.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** The x with I_x(a, b) = p. */
export function inverseRegularizedIncompleteBeta(p: number, a: number, b: number): number {
  requireProbability(p);
  requirePositive(a, 'a');
  requirePositive(b, 'b');
  if (p === 0) return 0;
  if (p === 1) return 1;
  const lbeta = logBeta(a, b);
  let lo = 0;
  let hi = 1;
  let x = initialBetaGuess(p, a, b);
  for (let i = 0; i < 1000; i++) {
    const f = regularizedIncompleteBeta(x, a, b) - p;
    if (f === 0) return x;
    if (f < 0) lo = x;
    else hi = x;
    const density = Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - lbeta);
    let next = x - f / density;
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 4 * Number.EPSILON * Math.max(x, TINY) || hi - lo <= TINY)
      return next;
    x = next;
  }
  return x;
}

// Starting point for the inverse (Abramowitz & Stegun 26.5.22 for a, b ≥ 1; a power-law
// approximation of each tail otherwise).
function initialBetaGuess(p: number, a: number, b: number): number {
  let x: number;
  if (a >= 1 && b >= 1) {
    const pp = p < 0.5 ? p : 1 - p;
    const t = Math.sqrt(-2 * Math.log(pp));
    let z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
    if (p < 0.5) z = -z;
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w =
      (z * Math.sqrt(al + h)) / h -
      (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    x = a / (a + b * Math.exp(2 * w));
  } else {
    const lna = Math.log(a / (a + b));
    const lnb = Math.log(b / (a + b));
    const t = Math.exp(a * lna) / a;
    const u = Math.exp(b * lnb) / b;
    const w = t + u;
    x = p < t / w ? Math.pow(a * w * p, 1 / a) : 1 - Math.pow(b * w * (1 - p), 1 / b);
  }
  return Math.min(Math.max(x, 1e-300), 1 - 1e-16);
}

/** The regularized lower incomplete gamma function P(a, x), for a > 0 and x ≥ 0. */
export function regularizedLowerGamma(a: number, x: number): number {
  requirePositive(a, 'a');
  if (!(x >= 0)) throw new RangeError(`x must be 0 or more, got ${x}`);
  if (x === 0) return 0;
  return x < a + 1 ? gammaSeries(a, x) : 1 - gammaContinuedFraction(a, x);
}

/** The regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x), without cancellation. */
export function regularizedUpperGamma(a: number, x: number): number {
  requirePositive(a, 'a');
  if (!(x >= 0)) throw new RangeError(`x must be 0 or more, got ${x}`);
  if (x === 0) return 1;
  return x < a + 1 ? 1 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
}

function gammaSeries(a: number, x: number): number {
  let ap = a;
  let del = 1 / a;
  let sum = del;
  for (let n = 0; n < MAX_ITERATIONS; n++) {
    ap += 1;
    del *= x / ap;
    sum += del;
    if (Math.abs(del) < Math.abs(sum) * EPS) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

function gammaContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i <= MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  requirePositive(df, 'df');
  if (Number.isNaN(t)) throw new RangeError('t must be a number');
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const t2 = t * t;
  // Tail mass P(|T| > |t|) / 2; near the centre the mirrored function keeps the digits.
  const tail =
    t2 < df
      ? 0.5 - 0.5 * regularizedIncompleteBeta(t2 / (df + t2), 0.5, df / 2)
      : 0.5 * regularizedIncompleteBeta(df / (df + t2), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/** The t with P(T ≤ t) = p, for Student's t with `df` degrees of freedom. */
export function studentTQuantile(p: number, df: number): number {
  requireProbability(p);
  requirePositive(df, 'df');
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  // Two-sided tail probability q = 2(1 − p) = I_x(df/2, 1/2) with x = df / (df + t²).
  const q = 2 * (1 - p);
  if (q < 0.5) {
    const x = inverseRegularizedIncompleteBeta(q, df / 2, 0.5);
    return Math.sqrt((df * (1 - x)) / x);
  }
  // Near the centre invert the mirrored function, so that 1 − x keeps its digits.
  const y = inverseRegularizedIncompleteBeta(1 - q, 0.5, df / 2);
  return Math.sqrt((df * y) / (1 - y));
}

/** P(X ≤ x) for the F distribution with (d1, d2) degrees of freedom. */
export function fCdf(x: number, d1: number, d2: number): number {
  requirePositive(d1, 'd1');
  requirePositive(d2, 'd2');
  if (Number.isNaN(x)) throw new RangeError('x must be a number');
  if (x <= 0) return 0;
  if (x === Infinity) return 1;
  const scaled = d1 * x;
  // Above the middle, 1 − u = d2 / (d1 x + d2) is the argument that keeps its digits.
  if (scaled <= d2) return regularizedIncompleteBeta(scaled / (scaled + d2), d1 / 2, d2 / 2);
  return 1 - regularizedIncompleteBeta(d2 / (scaled + d2), d2 / 2, d1 / 2);
}

/** The x with P(X ≤ x) = p for the F distribution with (d1, d2) degrees of freedom. */
export function fQuantile(p: number, d1: number, d2: number): number {
  requireProbability(p);
  requirePositive(d1, 'd1');
  requirePositive(d2, 'd2');
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  if (p <= 0.5) {
    const u = inverseRegularizedIncompleteBeta(p, d1 / 2, d2 / 2);
    return (d2 * u) / (d1 * (1 - u));
  }
  // Upper half: v = 1 − u from the mirrored function, so 1 − u keeps its digits.
  const v = inverseRegularizedIncompleteBeta(1 - p, d2 / 2, d1 / 2);
  return (d2 * (1 - v)) / (d1 * v);
}

/** Φ(z), the standard normal CDF. */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) throw new RangeError('z must be a number');
  if (z === Infinity) return 1;
  if (z === -Infinity) return 0;
  // Φ(z) = Q(1/2, z²/2) / 2 below the mean, 1 − that above it.
  if (z === 0) return 0.5;
  const tail = 0.5 * regularizedUpperGamma(0.5, (z * z) / 2);
  return z < 0 ? tail : 1 - tail;
}

// Acklam's rational approximation (relative error below 1.2e-9), then refined below.
const A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2,
  -3.066479806614716e1, 2.506628277459239,
];
const B = [
  -5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1,
  -1.328068155288572e1,
];
const C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734,
  4.374664141464968, 2.938163982698783,
];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/** The z with Φ(z) = p (the probit). */
export function normalQuantile(p: number): number {
  requireProbability(p);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p > 0.5) return -normalQuantile(1 - p);
  const low = 0.02425;
  let x: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
      (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1);
  }
  // Two Halley steps on Φ(x) − p take the approximation to full double precision.
  for (let i = 0; i < 2; i++) {
    const e = normalCdf(x) - p;
    const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
    x -= u / (1 + (x * u) / 2);
  }
  return x;
}
