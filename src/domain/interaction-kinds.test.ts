import { describe, expect, it } from 'vitest';
import {
  canUndo,
  formatRatio,
  isPositive,
  MAX_NOTE_LENGTH,
  noteProblem,
  STUDENT_PAGE_KINDS,
  tallyRatio,
} from './interaction-kinds.js';

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

  it("counts none of a student's page kinds (meetings, family contacts, conversations, notes) in the ratio", () => {
    for (const kind of STUDENT_PAGE_KINDS) expect(isPositive(kind)).toBe(false);
    expect(tallyRatio(STUDENT_PAGE_KINDS.map((k) => [k, 3] as const))).toEqual({
      positive: 0,
      corrections: 0,
    });
  });

  it('requires the text of a short note, and keeps every note within its length', () => {
    expect(noteProblem('note', undefined)).toBe('is required for a note');
    expect(noteProblem('note', ' \n ')).toBe('is required for a note');
    expect(noteProblem('note', 'Asked about robotics')).toBeNull();
    expect(noteProblem('note', 'x'.repeat(MAX_NOTE_LENGTH))).toBeNull();
    expect(noteProblem('note', 'x'.repeat(MAX_NOTE_LENGTH + 1))).toBe(
      `must be at most ${MAX_NOTE_LENGTH} characters`,
    );
    // Other kinds may carry a note, or not.
    expect(noteProblem('one_on_one', undefined)).toBeNull();
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
