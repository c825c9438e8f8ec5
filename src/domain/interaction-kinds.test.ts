import { describe, expect, it } from 'vitest';
import { canUndo, formatRatio, isPositive, tallyRatio } from './interaction-kinds.js';

describe('interaction kinds', () => {
  it('counts affirmations and warm moments as positive, corrections apart, the rest in neither', () => {
    expect(isPositive('warm_moment')).toBe(true);
    expect(isPositive('affirmation')).toBe(true);
    expect(isPositive('correction')).toBe(false);
    expect(
      tallyRatio([
        ['warm_moment', 4],
        ['affirmation', 3],
        ['correction', 2],
        ['empathy_statement', 5],
        ['bogus', 9],
      ]),
    ).toEqual({ positive: 7, corrections: 2 });
  });

  it('shows zero corrections as "7 : 0", never infinity', () => {
    expect(formatRatio(7, 0)).toBe('7 : 0');
  });

  it('allows undo for ten minutes', () => {
    const created = '2026-11-23T15:00:00.000Z';
    expect(canUndo(created, Date.parse(created) + 10 * 60_000)).toBe(true);
    expect(canUndo(created, Date.parse(created) + 10 * 60_000 + 1)).toBe(false);
  });
});
