import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { meanChange, proportionChange, summarize, wilsonInterval } from './change.js';

describe('summarize', () => {
  it('gives n, mean and the n − 1 standard deviation', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, 32/7.
    const s = summarize([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.n).toBe(8);
    expect(s.mean).toBeCloseTo(5, 14);
    expect(s.sd).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(summarize([3]).sd).toBeNaN();
    expect(summarize([]).mean).toBeNaN();
    expect(() => summarize([1, Number.POSITIVE_INFINITY])).toThrow(/value 1/);
  });
});

describe('meanChange (Welch)', () => {
  it('equal sizes and SDs: df = 2(n − 1) and the interval uses t(0.975, 18) = 2.10092204', () => {
    const r = meanChange({ n: 10, mean: 3, sd: 1 }, { n: 10, mean: 3.5, sd: 1 });
    expect(r?.difference).toBeCloseTo(0.5, 14);
    expect(r?.df).toBeCloseTo(18, 10);
    const half = 2.1009220402410382 * Math.sqrt(0.2);
    expect(r?.ci95[0]).toBeCloseTo(0.5 - half, 9);
    expect(r?.ci95[1]).toBeCloseTo(0.5 + half, 9);
  });

  it('matches a Welch test on raw scores (scipy.stats.ttest_ind, equal_var=False)', () => {
    const r = meanChange(summarize([1, 2, 3, 4, 5]), summarize([2, 4, 6, 8, 10, 3]));
    expect(r?.df).toBeCloseTo(7.697044334975367, 9);
    expect(r?.ci95[0]).toBeCloseTo(-0.8513722886079274, 9);
    expect(r?.ci95[1]).toBeCloseTo(5.851372288607927, 9);
  });

  it('returns null below two scores a wave; a zero-width interval with no variation', () => {
    expect(meanChange({ n: 1, mean: 3, sd: Number.NaN }, { n: 10, mean: 3, sd: 1 })).toBeNull();
    expect(meanChange(summarize([4, 4, 4]), summarize([5, 5]))).toEqual({
      difference: 1,
      ci95: [1, 1],
      df: 3,
    });
  });

  it('the interval holds the difference and is symmetric about it (property)', () => {
    const sample = fc.record({
      n: fc.integer({ min: 2, max: 5000 }),
      mean: fc.double({ min: 1, max: 5, noNaN: true }),
      sd: fc.double({ min: 0.01, max: 3, noNaN: true }),
    });
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const r = meanChange(a, b)!;
        expect(r.ci95[0]).toBeLessThan(r.difference);
        expect(r.ci95[1]).toBeGreaterThan(r.difference);
        expect(r.ci95[1] - r.difference).toBeCloseTo(r.difference - r.ci95[0], 9);
        expect(r.df).toBeGreaterThanOrEqual(Math.min(a.n, b.n) - 1 - 1e-9);
        expect(r.df).toBeLessThanOrEqual(a.n + b.n - 2 + 1e-9);
      }),
    );
  });
});

describe('proportionChange (Newcombe hybrid score)', () => {
  it("reproduces Newcombe's (1998) worked example: 56/70 vs 48/80 → 0.2 [0.0524, 0.3339]", () => {
    const r = proportionChange({ favourable: 48, n: 80 }, { favourable: 56, n: 70 });
    expect(r?.difference).toBeCloseTo(0.2, 14);
    expect(r?.ci95[0]).toBeCloseTo(0.0524, 4);
    expect(r?.ci95[1]).toBeCloseTo(0.3339, 4);
  });

  it('Wilson interval: 0 of 10 is [0, 0.2775]', () => {
    const [lo, hi] = wilsonInterval(0, 10);
    expect(lo).toBe(0);
    // z²/(n + z²) with z = 1.959964.
    expect(hi).toBeCloseTo(3.841459 / 13.841459, 6);
  });

  it('handles empty waves and rejects impossible counts', () => {
    expect(proportionChange({ favourable: 0, n: 0 }, { favourable: 3, n: 5 })).toBeNull();
    expect(() => proportionChange({ favourable: 6, n: 5 }, { favourable: 3, n: 5 })).toThrow(
      /before.favourable/,
    );
    expect(() => proportionChange({ favourable: 1, n: 5 }, { favourable: 1.5, n: 5 })).toThrow(
      /after.favourable/,
    );
  });

  it('stays inside [−1, 1] and holds the difference (property)', () => {
    const wave = fc
      .integer({ min: 1, max: 400 })
      .chain((n) => fc.record({ n: fc.constant(n), favourable: fc.integer({ min: 0, max: n }) }));
    fc.assert(
      fc.property(wave, wave, (a, b) => {
        const r = proportionChange(a, b)!;
        expect(r.ci95[0]).toBeGreaterThanOrEqual(-1 - 1e-12);
        expect(r.ci95[1]).toBeLessThanOrEqual(1 + 1e-12);
        expect(r.ci95[0]).toBeLessThanOrEqual(r.difference + 1e-12);
        expect(r.ci95[1]).toBeGreaterThanOrEqual(r.difference - 1e-12);
        // Swapping the waves mirrors the interval.
        const back = proportionChange(b, a)!;
        expect(back.ci95[0]).toBeCloseTo(-r.ci95[1], 12);
      }),
    );
  });
});
