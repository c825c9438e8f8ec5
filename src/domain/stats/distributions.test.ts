import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fCdf,
  fQuantile,
  inverseRegularizedIncompleteBeta,
  logGamma,
  normalCdf,
  normalQuantile,
  regularizedIncompleteBeta,
  regularizedLowerGamma,
  studentTCdf,
  studentTQuantile,
} from './distributions.js';

// A computed root is as good as double precision allows when p lies between the function's
// values a few ulps either side of it (near a pole of the density no representable x does better).
function rootWithinUlps(f: (x: number) => number, x: number, p: number, tolerance = 1e-10): void {
  if (Math.abs(f(x) - p) < tolerance) return;
  const step = 8 * Number.EPSILON * Math.max(Math.abs(x), Number.MIN_VALUE);
  const below = f(Math.max(x - step, 0));
  const above = f(x + step);
  expect(Math.min(below, above) - tolerance).toBeLessThanOrEqual(p);
  expect(Math.max(below, above) + tolerance).toBeGreaterThanOrEqual(p);
}

function closeTo(actual: number, expected: number, relative = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    relative * Math.max(1, Math.abs(expected)),
  );
}

describe('special functions', () => {
  it('computes ln Γ at integers and one half', () => {
    closeTo(logGamma(1), 0, 1e-14);
    closeTo(logGamma(5), Math.log(24), 1e-14);
    closeTo(logGamma(0.5), 0.5 * Math.log(Math.PI), 1e-14);
    closeTo(logGamma(101), 363.73937555556347, 1e-13);
  });

  it('computes the incomplete beta in closed-form cases', () => {
    // I_x(2, 3) = Σ_{j=2..4} C(4, j) x^j (1 − x)^(4−j): at 0.4, 0.3456 + 0.1536 + 0.0256.
    closeTo(regularizedIncompleteBeta(0.4, 2, 3), 0.5248, 1e-14);
    // I_x(1/2, 1/2) = (2/π) arcsin √x.
    closeTo(
      regularizedIncompleteBeta(0.3, 0.5, 0.5),
      (2 / Math.PI) * Math.asin(Math.sqrt(0.3)),
      1e-13,
    );
    // I_x(a, 1) = x^a.
    closeTo(regularizedIncompleteBeta(0.7, 3.5, 1), Math.pow(0.7, 3.5), 1e-14);
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0);
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1);
  });

  it('matches reference values of the incomplete beta and gamma (scipy.special)', () => {
    closeTo(regularizedIncompleteBeta(0.2, 10, 20), 0.049263517304212585, 1e-12);
    closeTo(regularizedIncompleteBeta(0.41, 200, 300), 0.677628164772179, 1e-11);
    // P(3, x) = 1 − e^{−x}(1 + x + x²/2).
    closeTo(regularizedLowerGamma(3, 2.5), 1 - Math.exp(-2.5) * (1 + 2.5 + 3.125), 1e-14);
  });

  it('rejects arguments outside the domain', () => {
    expect(() => regularizedIncompleteBeta(1.5, 2, 3)).toThrow(/x must be in \[0, 1\]/);
    expect(() => regularizedIncompleteBeta(0.5, 0, 3)).toThrow(/a must be/);
    expect(() => studentTQuantile(0.5, -1)).toThrow(/df must be/);
    expect(() => fQuantile(1.2, 1, 1)).toThrow(/probability/);
    expect(() => normalQuantile(Number.NaN)).toThrow(/probability/);
  });

  it('inverts the incomplete beta (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 0.2, max: 500, noNaN: true }),
        fc.double({ min: 0.2, max: 500, noNaN: true }),
        (p, a, b) => {
          const x = inverseRegularizedIncompleteBeta(p, a, b);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
          rootWithinUlps((y) => regularizedIncompleteBeta(Math.min(y, 1), a, b), x, p);
        },
      ),
    );
  });
});

describe('Student t', () => {
  it('matches printed table values', () => {
    closeTo(studentTQuantile(0.975, 10), 2.228138852, 1e-9);
    closeTo(studentTQuantile(0.995, 5), 4.032142984, 1e-9);
    closeTo(studentTQuantile(0.975, 30), 2.042272456, 1e-9);
    closeTo(studentTQuantile(0.025, 10), -2.228138852, 1e-9);
  });

  it('matches the closed forms for 1 and 2 degrees of freedom', () => {
    // df = 1 is the Cauchy distribution: t_p = tan(π(p − 1/2)).
    closeTo(studentTQuantile(0.95, 1), Math.tan(Math.PI * 0.45), 1e-12);
    // df = 2: t_p = (2p − 1) / √(2p(1 − p)).
    closeTo(studentTQuantile(0.9, 2), 0.8 / Math.sqrt(2 * 0.9 * 0.1), 1e-12);
    closeTo(studentTCdf(1, 1), 0.75, 1e-14);
  });

  it('matches reference values at fractional df, near the centre and far in the tail (scipy.stats)', () => {
    closeTo(studentTQuantile(0.975, 2.5), 3.5746548420036817, 1e-10);
    closeTo(studentTQuantile(0.6, 3), 0.2766706623326898, 1e-10);
    closeTo(studentTQuantile(0.999999, 4), 41.5778541501515, 1e-9);
    closeTo(studentTCdf(2, 3), 0.9303370157205785, 1e-12);
    closeTo(studentTCdf(-1.5, 7), 0.088649243494985, 1e-12);
  });

  it('the quantile inverts the CDF (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 0.5, max: 10_000, noNaN: true }),
        (p, df) => {
          const t = studentTQuantile(p, df);
          rootWithinUlps((y) => studentTCdf(y, df), t, p);
        },
      ),
    );
  });
});

describe('F', () => {
  it('matches printed table values', () => {
    closeTo(fQuantile(0.95, 5, 10), 3.32583453, 1e-9);
    closeTo(fQuantile(0.99, 2, 20), 5.848931925, 1e-9);
    // The Feldt interval for 15 respondents and 10 items uses F(14, 126).
    closeTo(fQuantile(0.975, 14, 126), 1.9718730746580704, 1e-10);
    closeTo(fQuantile(0.025, 14, 126), 0.39232569229080744, 1e-10);
  });

  it('is symmetric where it must be', () => {
    closeTo(fQuantile(0.5, 1, 1), 1, 1e-12);
    // F_p(d1, d2) = 1 / F_{1−p}(d2, d1).
    closeTo(fQuantile(0.001, 3, 4), 1 / fQuantile(0.999, 4, 3), 1e-10);
    closeTo(fQuantile(0.001, 3, 4), 0.0072939267274681, 1e-10);
  });

  it('the quantile inverts the CDF (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 0.5, max: 5000, noNaN: true }),
        fc.double({ min: 0.5, max: 50_000, noNaN: true }),
        (p, d1, d2) => {
          const x = fQuantile(p, d1, d2);
          rootWithinUlps((y) => fCdf(y, d1, d2), x, p);
        },
      ),
    );
  });
});

describe('standard normal', () => {
  it('matches printed table values', () => {
    closeTo(normalQuantile(0.975), 1.959963985, 1e-9);
    closeTo(normalQuantile(0.995), 2.575829304, 1e-9);
    closeTo(normalQuantile(0.999), 3.090232306, 1e-9);
    closeTo(normalQuantile(0.3), -0.5244005127080409, 1e-13);
    closeTo(normalQuantile(1e-10), -6.361340902404056, 1e-12);
    expect(normalQuantile(0.5)).toBe(0);
    closeTo(normalCdf(1), 0.8413447460685429, 1e-14);
    closeTo(normalCdf(-2.5), 0.006209665325776132, 1e-13);
  });

  it('the quantile inverts the CDF (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(1e-14);
      }),
    );
  });
});
