import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './ids.js';

describe('timeOrderedId', () => {
  it('is a version 7 UUID', () => {
    expect(timeOrderedId()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('ids made one after another sort in the order they were made, and never repeat', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 200 }),
        (steps) => {
          let t = Date.now() + 10_000;
          const ids = steps.map((s) => timeOrderedId((t += s)));
          expect([...ids].sort()).toEqual(ids);
          expect(new Set(ids).size).toBe(ids.length);
        },
      ),
    );
  });

  it('5,000 ids in one millisecond still increase', () => {
    const at = Date.now() + 60_000;
    const ids = Array.from({ length: 5000 }, () => timeOrderedId(at));
    expect([...ids].sort()).toEqual(ids);
  });
});
