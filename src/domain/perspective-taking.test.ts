import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accuracyByWeek,
  jaccard,
  meanScore,
  mondayOf,
  scorePrediction,
} from './perspective-taking.js';

describe('scoring a prediction', () => {
  it('scores a multi-select prediction by the Jaccard index', () => {
    // 2 right of 4 distinct options named by either side.
    expect(scorePrediction('multi', ['music', 'art', 'games'], ['music', 'art', 'soccer'])).toBe(
      2 / 4,
    );
    expect(scorePrediction('multi', ['music'], ['music'])).toBe(1);
    expect(scorePrediction('multi', ['music'], ['art'])).toBe(0);
    // Guessing everything is not rewarded: 1 right of 5.
    expect(scorePrediction('multi', ['a', 'b', 'c', 'd', 'e'], ['a'])).toBe(1 / 5);
  });

  it('scores a single-choice prediction as exactly right or wrong', () => {
    expect(scorePrediction('single', ['quiet'], ['quiet'])).toBe(1);
    expect(scorePrediction('single', ['groups'], ['quiet'])).toBe(0);
    expect(scorePrediction('single', [], ['quiet'])).toBe(0);
  });

  it('averages scores, and has no mean without scores', () => {
    expect(meanScore([1, 0, 0.5])).toBe(0.5);
    expect(meanScore([])).toBeNull();
  });
});

describe('accuracy over time', () => {
  it('finds the Monday of a date', () => {
    expect(mondayOf('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // the Sunday after
    expect(mondayOf('2026-12-01')).toBe('2026-11-30');
  });

  it('averages the reveals of each week, oldest first, skipping reveals without predictions', () => {
    expect(
      accuracyByWeek([
        { date: '2026-11-25', accuracy: 0.5, predictions: 2 },
        { date: '2026-11-17', accuracy: 0.2, predictions: 3 },
        { date: '2026-11-24', accuracy: 1, predictions: 1 },
        { date: '2026-11-26', accuracy: 0, predictions: 0 },
      ]),
    ).toEqual([
      { weekStart: '2026-11-16', accuracy: 0.2, reveals: 1, predictions: 3 },
      { weekStart: '2026-11-23', accuracy: 0.75, reveals: 2, predictions: 3 },
    ]);
  });
});

const option = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const set = fc.uniqueArray(option, { maxLength: 6 });

describe('scoring properties', () => {
  it('is between 0 and 1, symmetric, and 1 exactly when the sets match', () => {
    fc.assert(
      fc.property(set, set, (p, a) => {
        const s = jaccard(p, a);
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
        expect(jaccard(a, p)).toBe(s);
        const same = p.length === a.length && p.every((x) => a.includes(x));
        expect(s === 1).toBe(same);
      }),
    );
  });

  it('never scores lower for adding a right option, never higher for adding a wrong one', () => {
    fc.assert(
      fc.property(set, set, option, (p, a, x) => {
        const before = jaccard(p, a);
        if (p.includes(x)) return;
        const after = jaccard([...p, x], a);
        if (a.includes(x)) expect(after).toBeGreaterThanOrEqual(before);
        else expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('puts each reveal in the week of its date, and each weekly mean within 0 and 1', () => {
    const day = fc
      .integer({ min: 0, max: 400 })
      .map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    const reveal = fc.record({
      date: day,
      accuracy: fc.double({ min: 0, max: 1, noNaN: true }),
      predictions: fc.integer({ min: 1, max: 5 }),
    });
    fc.assert(
      fc.property(fc.array(reveal, { maxLength: 30 }), (reveals) => {
        const weeks = accuracyByWeek(reveals);
        expect(weeks.reduce((s, w) => s + w.reveals, 0)).toBe(reveals.length);
        for (const w of weeks) {
          expect(new Date(`${w.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
          expect(w.accuracy).toBeGreaterThanOrEqual(0);
          expect(w.accuracy).toBeLessThanOrEqual(1 + 1e-12);
        }
        const starts = weeks.map((w) => w.weekStart);
        expect(starts).toEqual([...starts].sort());
      }),
    );
  });
});
