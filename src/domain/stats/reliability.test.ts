import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cronbachAlpha, feldtInterval } from './reliability.js';

describe('Cronbach alpha', () => {
  it('computes a small case by hand', () => {
    // Items (1,2,3) and (1,3,2): variances 1 and 1, covariance 1/2, total 3 → 2(1 − 2/3) = 2/3.
    const result = cronbachAlpha([
      [1, 1],
      [2, 3],
      [3, 2],
    ]);
    expect(result?.alpha).toBeCloseTo(2 / 3, 14);
    expect(result?.n).toBe(3);
    expect(result?.k).toBe(2);
    // F(2, 2) has CDF x/(1 + x): its 0.975 and 0.025 quantiles are 39 and 1/39.
    expect(result?.ci95[0]).toBeCloseTo(1 - 39 / 3, 10);
    expect(result?.ci95[1]).toBeCloseTo(1 - 1 / 117, 10);
  });

  it('is 1 when the items move together exactly', () => {
    expect(
      cronbachAlpha([
        [1, 2],
        [2, 3],
        [3, 4],
      ])?.alpha,
    ).toBeCloseTo(1, 14);
  });

  it('uses each pair of answers with pairwise deletion, only complete rows with listwise', () => {
    const rows = [
      [1, 1],
      [2, null],
      [3, 3],
      [null, 2],
      [2, 2],
    ];
    // Item variances over their own 4 answers: 2/3 each; covariance over rows 0, 2, 4: 1.
    // 2 · (1 − (4/3) / (4/3 + 2)) = 1.2: pairwise alpha can leave [0, 1].
    const pairwise = cronbachAlpha(rows);
    expect(pairwise?.alpha).toBeCloseTo(1.2, 14);
    expect(pairwise?.n).toBe(5);
    const listwise = cronbachAlpha(rows, { missing: 'listwise' });
    expect(listwise?.alpha).toBeCloseTo(1, 14);
    expect(listwise?.n).toBe(3);
  });

  it('returns null when alpha does not exist', () => {
    expect(cronbachAlpha([])).toBeNull();
    expect(cronbachAlpha([[1], [2], [3]])).toBeNull(); // one item
    expect(cronbachAlpha([[1, 2]])).toBeNull(); // one respondent
    expect(
      cronbachAlpha([
        [1, 2],
        [null, null],
      ]),
    ).toBeNull(); // a respondent with no answer is not counted
    expect(
      cronbachAlpha(
        [
          [1, 2],
          [2, null],
          [null, 3],
        ],
        { missing: 'listwise' },
      ),
    ).toBeNull(); // one complete row
  });

  it('returns null when a pair of items has fewer than two shared answers, or no variance', () => {
    expect(
      cronbachAlpha([
        [1, null],
        [2, null],
        [null, 3],
        [null, 4],
      ]),
    ).toBeNull();
    expect(
      cronbachAlpha([
        [3, 3, 3],
        [3, 3, 3],
        [3, 3, 3],
      ]),
    ).toBeNull();
    // Items vary but every total is 8: the rounding residue must not pass for a variance.
    expect(
      cronbachAlpha([
        [5, 2, 1],
        [3, 4, 1],
        [3, 1, 4],
      ]),
    ).toBeNull();
  });

  it('names the row of bad input', () => {
    expect(() => cronbachAlpha([[1, 2], [3]])).toThrow(/row 1: has 1 answers, expected 2/);
    expect(() =>
      cronbachAlpha([
        [1, 2],
        [3, Number.NaN],
      ]),
    ).toThrow(/row 1, item 1/);
  });

  it('Feldt interval rejects impossible sizes', () => {
    expect(() => feldtInterval(0.8, 1, 5)).toThrow(/n must be/);
    expect(() => feldtInterval(0.8, 10, 1.5)).toThrow(/k must be/);
  });
});

const completeRows = fc
  .tuple(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 3, max: 30 }))
  .chain(([k, n]) =>
    fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: k, maxLength: k }), {
      minLength: n,
      maxLength: n,
    }),
  );

describe('Cronbach alpha properties', () => {
  it('with complete answers: at most 1, pairwise = listwise, interval around alpha', () => {
    fc.assert(
      fc.property(completeRows, (rows) => {
        const pairwise = cronbachAlpha(rows);
        const listwise = cronbachAlpha(rows, { missing: 'listwise' });
        expect(listwise).toEqual(pairwise);
        if (!pairwise) return;
        expect(pairwise.alpha).toBeLessThanOrEqual(1 + 1e-12);
        expect(pairwise.ci95[0]).toBeLessThanOrEqual(pairwise.alpha);
        expect(pairwise.ci95[1]).toBeGreaterThanOrEqual(pairwise.alpha);
      }),
    );
  });

  it('does not depend on the order of respondents or items, nor on one linear rescaling', () => {
    fc.assert(
      fc.property(completeRows, fc.integer({ min: 1, max: 10 }), fc.integer(), (rows, a, b) => {
        const base = cronbachAlpha(rows);
        const reversed = cronbachAlpha(rows.map((r) => [...r].reverse()).reverse());
        const rescaled = cronbachAlpha(rows.map((r) => r.map((v) => a * v + (b % 100))));
        if (!base) {
          expect(reversed).toBeNull();
          return;
        }
        expect(reversed?.alpha).toBeCloseTo(base.alpha, 9);
        expect(rescaled?.alpha).toBeCloseTo(base.alpha, 9);
      }),
    );
  });
});
