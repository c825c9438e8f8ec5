import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAlphaRow, alphaFromSums, alphaSums, cronbachAlpha } from './reliability.js';

/** Rows of k answers 1..5 or null (skipped), as survey scales have them. */
const rowsArb = fc.integer({ min: 1, max: 6 }).chain((k) =>
  fc.array(
    fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { freq: 4, nil: null }), {
      minLength: k,
      maxLength: k,
    }),
    { maxLength: 40 },
  ),
);

function streamed(rows: ReadonlyArray<ReadonlyArray<number | null>>, k: number) {
  const acc = alphaSums(k);
  const flat = new Int8Array(rows.length * k);
  rows.forEach((row, r) => row.forEach((v, j) => (flat[r * k + j] = v ?? 0)));
  for (let r = 0; r < rows.length; r++) addAlphaRow(acc, flat, r * k, 0);
  return acc;
}

describe('alpha from running sums', () => {
  for (const missing of ['pairwise', 'listwise'] as const)
    it(`property: equals cronbachAlpha on the rows (${missing})`, () => {
      fc.assert(
        fc.property(rowsArb, (rows) => {
          const k = rows[0]?.length ?? 0;
          const expected = cronbachAlpha(rows, { missing });
          const actual = alphaFromSums(streamed(rows, k), missing);
          if (expected === null) {
            expect(actual).toBeNull();
            return;
          }
          expect(actual).not.toBeNull();
          expect(actual!.n).toBe(expected.n);
          expect(actual!.k).toBe(expected.k);
          expect(actual!.alpha).toBeCloseTo(expected.alpha, 9);
          expect(actual!.ci95[0]).toBeCloseTo(expected.ci95[0], 9);
          expect(actual!.ci95[1]).toBeCloseTo(expected.ci95[1], 9);
        }),
        { numRuns: 300 },
      );
    });

  it('gives the hand-computed alpha of a small case, a skip left out pairwise', () => {
    // Items (1,2,3) and (1,3,2) as in reliability.test.ts, plus a row with the second item skipped.
    const rows = [
      [1, 1],
      [2, 3],
      [3, 2],
      [4, null],
    ];
    const acc = streamed(rows, 2);
    expect(alphaFromSums(acc, 'listwise')?.alpha).toBeCloseTo(2 / 3, 12);
    expect(alphaFromSums(acc, 'listwise')?.n).toBe(3);
    expect(alphaFromSums(acc, 'pairwise')?.n).toBe(4);
    expect(alphaFromSums(acc, 'pairwise')?.alpha).toBeCloseTo(
      cronbachAlpha(rows, { missing: 'pairwise' })!.alpha,
      12,
    );
  });
});
