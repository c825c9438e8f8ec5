import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cronbachAlpha } from '../stats/reliability.js';
import { scaleFigures } from './figures.js';
import {
  isFavourable,
  keyedValue,
  minimumAnswered,
  respondentScaleScore,
  type Answers,
  type Scale,
} from './scoring.js';

const scale: Scale = {
  key: 'relationship',
  items: [
    { key: 'a', reverse: false },
    { key: 'b', reverse: false },
    { key: 'c', reverse: false },
    { key: 'd', reverse: true },
  ],
};
const answers = (o: Record<string, number>): Answers => new Map(Object.entries(o));

// Hand-computed: d is reverse-keyed (6 − v); r3 answered one item of four (< half): no score.
const r1 = answers({ a: 5, b: 4, c: 4, d: 1 }); // keyed 5 4 4 5 → 4.5
const r2 = answers({ a: 3, b: 3, d: 3 }); // keyed 3 3 – 3 → 3
const r3 = answers({ a: 1 }); // no score
const r4 = answers({ a: 2, b: 1, c: 2, d: 5 }); // keyed 2 1 2 1 → 1.5

describe('scoring one respondent', () => {
  it('reverse-keys 6 − v and refuses values outside 1..5', () => {
    expect([1, 2, 3, 4, 5].map((v) => keyedValue(v, true))).toEqual([5, 4, 3, 2, 1]);
    expect(keyedValue(2, false)).toBe(2);
    expect(() => keyedValue(6, false)).toThrow(/1..5/);
    expect(() => keyedValue(2.5, true)).toThrow(/1..5/);
  });

  it('scores the mean of keyed answers when at least half the items are answered', () => {
    expect(respondentScaleScore(r1, scale)).toBe(4.5);
    expect(respondentScaleScore(r2, scale)).toBe(3);
    expect(respondentScaleScore(r3, scale)).toBeNull();
    expect(respondentScaleScore(r4, scale)).toBe(1.5);
    expect(minimumAnswered(4)).toBe(2);
    expect(minimumAnswered(5)).toBe(3);
  });

  it('counts the top two options as favourable', () => {
    expect([1, 2, 3, 4, 5].map((v) => isFavourable(v))).toEqual([false, false, false, true, true]);
    expect([1, 2, 3, 4, 5].map((v) => isFavourable(v, 'low'))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('property: a score is within 1..5 and reverse-keying every item mirrors it (6 − score)', () => {
    const anyAnswers = fc.dictionary(
      fc.constantFrom('a', 'b', 'c', 'd'),
      fc.integer({ min: 1, max: 5 }),
    );
    fc.assert(
      fc.property(anyAnswers, (o) => {
        const a = answers(o);
        const s = respondentScaleScore(a, scale);
        const mirrored: Scale = {
          key: 'm',
          items: scale.items.map((i) => ({ ...i, reverse: !i.reverse })),
        };
        const m = respondentScaleScore(a, mirrored);
        if (Object.keys(o).length < 2) {
          expect(s).toBeNull();
          return;
        }
        expect(s).not.toBeNull();
        expect(s!).toBeGreaterThanOrEqual(1);
        expect(s!).toBeLessThanOrEqual(5);
        expect(m!).toBeCloseTo(6 - s!, 12);
      }),
    );
  });
});

describe('the figures of a scale for a group', () => {
  const f = scaleFigures([r1, r2, r3, r4], scale);

  it('scores the respondents with a scale score (n, mean, sd, favourable, distribution)', () => {
    expect(f.n).toBe(3);
    expect(f.score).toBe(3);
    expect(f.sd).toBeCloseTo(1.5, 12);
    // Their 11 keyed answers: 5 4 4 5 | 3 3 3 | 2 1 2 1 → 4 favourable.
    expect(f.favourable).toBeCloseTo(4 / 11, 12);
    expect(f.distribution).toEqual([2, 2, 3, 2, 2]);
  });

  it('gives item results: keyed mean and favourable, the distribution as answered', () => {
    const d = f.items.find((i) => i.key === 'd')!;
    expect(d).toEqual({
      key: 'd',
      reverse: true,
      n: 3,
      mean: 3,
      favourable: 1 / 3,
      distribution: [1, 0, 1, 0, 1],
    });
    const c = f.items.find((i) => i.key === 'c')!;
    expect(c.n).toBe(2);
    expect(c.mean).toBe(3);
    expect(c.favourable).toBe(0.5);
  });

  it('counts the bottom two as favourable on a scale whose favourable end is low', () => {
    const conflict = scaleFigures([r1, r2, r3, r4], { ...scale, favourable: 'low' });
    // Keyed answers 5 4 4 5 | 3 3 3 | 2 1 2 1 → 4 in the bottom two.
    expect(conflict.favourable).toBeCloseTo(4 / 11, 12);
    expect(conflict.score).toBe(3);
  });

  it('computes alpha on the keyed rows of the scored respondents, both ways', () => {
    const rows = [
      [5, 4, 4, 5],
      [3, 3, null, 3],
      [2, 1, 2, 1],
    ];
    expect(f.alpha.pairwise).toEqual(cronbachAlpha(rows, { missing: 'pairwise' }));
    expect(f.alpha.listwise).toEqual(cronbachAlpha(rows, { missing: 'listwise' }));
    expect(f.alpha.pairwise?.n).toBe(3);
  });

  it('property: distribution totals equal the answers, favourable is the top-two share', () => {
    const resp = fc.array(
      fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 1, max: 5 })),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(resp, (list) => {
        const g = scaleFigures(list.map(answers), scale);
        const total = g.distribution.reduce((s, v) => s + v, 0);
        expect(total).toBe(g.items.reduce((s, i) => s + i.n, 0));
        if (total === 0) expect(g.favourable).toBeNull();
        else
          expect(g.favourable).toBeCloseTo((g.distribution[3]! + g.distribution[4]!) / total, 12);
        for (const i of g.items) expect(i.distribution.reduce((s, v) => s + v, 0)).toBe(i.n);
      }),
    );
  });
});
