import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rateRatio, riskRatio } from './ratios.js';

describe('riskRatio (Katz log interval)', () => {
  it('computes a small case by hand', () => {
    // 10/50 vs 20/200: 0.2 / 0.1 = 2, SE(ln RR) = √(1/10 − 1/50 + 1/20 − 1/200) = √0.125.
    const r = riskRatio({ events: 10, total: 50 }, { events: 20, total: 200 });
    expect(r?.ratio).toBeCloseTo(2, 14);
    expect(r?.ci95[0]).toBeCloseTo(1.0001952874512183, 9);
    expect(r?.ci95[1]).toBeCloseTo(3.9992190027140957, 9);
  });

  it('adds 0.5 to every cell when a group has no events', () => {
    // 0/12 vs 30/200 becomes 0.5/13 vs 30.5/201.
    const r = riskRatio({ events: 0, total: 12 }, { events: 30, total: 200 });
    expect(r?.ratio).toBeCloseTo(0.5 / 13 / (30.5 / 201), 14);
    expect(r?.ci95[0]).toBeCloseTo(0.01640641833872064, 9);
    expect(r?.ci95[1]).toBeCloseTo(3.9159033025335703, 9);
  });

  it('returns null without a comparison and rejects impossible counts', () => {
    expect(riskRatio({ events: 0, total: 10 }, { events: 0, total: 90 })).toBeNull();
    expect(riskRatio({ events: 0, total: 0 }, { events: 3, total: 90 })).toBeNull();
    expect(() => riskRatio({ events: 11, total: 10 }, { events: 3, total: 90 })).toThrow(
      /group.events/,
    );
    expect(() => riskRatio({ events: 1, total: 10 }, { events: -1, total: 90 })).toThrow(
      /others.events/,
    );
  });

  it('swapping the groups inverts ratio and interval (property)', () => {
    const risk = fc
      .integer({ min: 1, max: 1000 })
      .chain((total) =>
        fc.record({ total: fc.constant(total), events: fc.integer({ min: 0, max: total }) }),
      );
    fc.assert(
      fc.property(risk, risk, (g, o) => {
        const r = riskRatio(g, o);
        if (g.events === 0 && o.events === 0) {
          expect(r).toBeNull();
          return;
        }
        const back = riskRatio(o, g)!;
        expect(r!.ratio * back.ratio).toBeCloseTo(1, 9);
        expect(r!.ci95[0] * back.ci95[1]).toBeCloseTo(1, 9);
        expect(r!.ci95[0]).toBeLessThanOrEqual(r!.ratio);
        expect(r!.ci95[1]).toBeGreaterThanOrEqual(r!.ratio);
      }),
    );
  });
});

describe('rateRatio (Poisson, log interval)', () => {
  it('computes a small case by hand', () => {
    // 30 per 1000 days vs 10 per 1000 days: 3, SE(ln IRR) = √(1/30 + 1/10).
    const r = rateRatio({ count: 30, exposure: 1000 }, { count: 10, exposure: 1000 });
    expect(r?.ratio).toBeCloseTo(3, 14);
    expect(r?.ci95[0]).toBeCloseTo(1.4665821581916316, 9);
    expect(r?.ci95[1]).toBeCloseTo(6.136717230419225, 9);
  });

  it('corrects a zero count, and returns null with nothing to compare', () => {
    const r = rateRatio({ count: 0, exposure: 100 }, { count: 9, exposure: 300 });
    expect(r?.ratio).toBeCloseTo(0.5 / 100 / (9.5 / 300), 14);
    expect(rateRatio({ count: 0, exposure: 100 }, { count: 0, exposure: 300 })).toBeNull();
    expect(rateRatio({ count: 4, exposure: 0 }, { count: 2, exposure: 300 })).toBeNull();
    expect(() => rateRatio({ count: 1.5, exposure: 1 }, { count: 2, exposure: 3 })).toThrow(
      /group.count/,
    );
  });

  it('scaling both exposures leaves the ratio unchanged (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (a, c, e1, e2, k) => {
          const r = rateRatio({ count: a, exposure: e1 }, { count: c, exposure: e2 })!;
          const s = rateRatio({ count: a, exposure: e1 * k }, { count: c, exposure: e2 * k })!;
          expect(s.ratio / r.ratio).toBeCloseTo(1, 9);
          expect(s.ci95[1] / r.ci95[1]).toBeCloseTo(1, 9);
        },
      ),
    );
  });
});
