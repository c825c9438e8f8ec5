import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MINIMUM_GROUP_SIZE,
  minimumGroupSize,
  suppressNested,
  suppressPartition,
  type Cell,
  type SuppressionReason,
} from './suppression.js';

const decisions = (m: Map<string, SuppressionReason | null>) => Object.fromEntries(m);

describe('minimumGroupSize', () => {
  it('defaults to 5 and refuses anything below 3 or fractional', () => {
    expect(minimumGroupSize()).toBe(DEFAULT_MINIMUM_GROUP_SIZE);
    expect(minimumGroupSize(null)).toBe(5);
    expect(minimumGroupSize(3)).toBe(3);
    expect(minimumGroupSize(10)).toBe(10);
    expect(() => minimumGroupSize(2)).toThrow(/at least 3, got 2/);
    expect(() => minimumGroupSize(4.5)).toThrow(/whole number/);
  });
});

describe('suppressPartition', () => {
  it('shows everything when every group is large enough', () => {
    const m = suppressPartition(
      [
        { key: 'a', n: 12 },
        { key: 'b', n: 5 },
      ],
      5,
    );
    expect(decisions(m)).toEqual({ a: null, b: null });
  });

  it('hides a lone small group and the next smallest group with it', () => {
    const m = suppressPartition(
      [
        { key: 'a', n: 40 },
        { key: 'b', n: 3 },
        { key: 'c', n: 9 },
        { key: 'd', n: 9 },
        { key: 'e', n: 0 },
      ],
      5,
    );
    // c and d tie at 9: c sorts first. The empty group stays shown.
    expect(decisions(m)).toEqual({ a: null, b: 'small', c: 'complementary', d: null, e: null });
  });

  it('needs a complement when two small groups add up to less than the minimum', () => {
    const cells = [
      { key: 'a', n: 1 },
      { key: 'b', n: 2 },
      { key: 'c', n: 20 },
      { key: 'd', n: 30 },
    ];
    expect(decisions(suppressPartition(cells, 5))).toEqual({
      a: 'small',
      b: 'small',
      c: 'complementary',
      d: null,
    });
    // 2 + 3 = 5 is enough on its own.
    expect(
      decisions(
        suppressPartition(
          [
            { key: 'a', n: 2 },
            { key: 'b', n: 3 },
            { key: 'c', n: 20 },
          ],
          5,
        ),
      ),
    ).toEqual({ a: 'small', b: 'small', c: null });
  });

  it('without a shown total only small groups are hidden', () => {
    const m = suppressPartition(
      [
        { key: 'a', n: 2 },
        { key: 'b', n: 20 },
      ],
      5,
      { totalShown: false },
    );
    expect(decisions(m)).toEqual({ a: 'small', b: null });
  });

  it('rejects repeated keys, bad sizes and a bad minimum', () => {
    const dup = [
      { key: 'a', n: 2 },
      { key: 'a', n: 3 },
    ];
    expect(() => suppressPartition(dup, 5)).toThrow(/cell a: the key appears twice/);
    expect(() => suppressPartition([{ key: 'x', n: -1 }], 5)).toThrow(/cell x: n must be/);
    expect(() => suppressPartition([{ key: 'x', n: 1 }], 0)).toThrow(/minimum/);
  });
});

// Partitions with distinct keys; sizes cluster near the minimum so suppression happens often.
const partition = fc.uniqueArray(
  fc.record({ key: fc.string({ minLength: 1, maxLength: 3 }), n: fc.nat({ max: 25 }) }),
  { selector: (c) => c.key, maxLength: 12 },
);
const minimum = fc.integer({ min: 3, max: 8 });

/** Could a reader recover a hidden cell from the shown total and the shown cells? */
function recoverable(
  cells: readonly Cell<string>[],
  hidden: (key: string) => boolean,
  min: number,
) {
  const hiddenCells = cells.filter((c) => c.n > 0 && hidden(c.key));
  if (hiddenCells.length === 0) return false;
  const sum = hiddenCells.reduce((s, c) => s + c.n, 0);
  return hiddenCells.length < 2 || sum < min;
}

describe('suppressPartition properties', () => {
  it('(a) hides every group with 0 < n < minimum, and never an empty one', () => {
    fc.assert(
      fc.property(partition, minimum, (cells, min) => {
        const m = suppressPartition(cells, min);
        for (const c of cells) {
          if (c.n > 0 && c.n < min) expect(m.get(c.key)).toBe('small');
          if (c.n === 0) expect(m.get(c.key)).toBeNull();
          if (c.n >= min) expect(m.get(c.key)).not.toBe('small');
        }
      }),
    );
  });

  it('(b) leaves no hidden group recoverable from the total, unless the total itself is small', () => {
    fc.assert(
      fc.property(partition, minimum, (cells, min) => {
        const m = suppressPartition(cells, min);
        const total = cells.reduce((s, c) => s + c.n, 0);
        const leak = recoverable(cells, (k) => m.get(k) !== null, min);
        if (total >= min) expect(leak).toBe(false);
        else expect(cells.every((c) => c.n === 0 || m.get(c.key) === 'small')).toBe(true);
      }),
    );
  });

  it('(c) hides no more than needed: showing any complementary group again leaks', () => {
    fc.assert(
      fc.property(partition, minimum, (cells, min) => {
        const m = suppressPartition(cells, min);
        for (const c of cells) {
          if (m.get(c.key) !== 'complementary') continue;
          const leak = recoverable(cells, (k) => k !== c.key && m.get(k) !== null, min);
          expect(leak).toBe(true);
        }
      }),
    );
  });

  it('(d) decides the same whatever the order of the cells', () => {
    fc.assert(
      fc.property(
        partition.chain((cells) =>
          fc.tuple(fc.constant(cells), fc.shuffledSubarray(cells, { minLength: cells.length })),
        ),
        minimum,
        ([cells, shuffled], min) => {
          expect(decisions(suppressPartition(shuffled, min))).toEqual(
            decisions(suppressPartition(cells, min)),
          );
        },
      ),
    );
  });
});

describe('suppressNested', () => {
  it('protects a small class inside a shown grade, and hides the classes of a hidden grade', () => {
    const result = suppressNested(
      [
        {
          key: 'grade6',
          n: 30,
          children: [
            { key: '6A', n: 2 },
            { key: '6B', n: 14 },
            { key: '6C', n: 14 },
          ],
        },
        { key: 'grade7', n: 3, children: [{ key: '7A', n: 3 }] },
        {
          key: 'grade8',
          n: 12,
          children: [
            { key: '8A', n: 6 },
            { key: '8B', n: 6 },
          ],
        },
      ],
      5,
    );
    expect(decisions(result.parents)).toEqual({
      grade6: null,
      grade7: 'small',
      grade8: 'complementary',
    });
    expect(decisions(result.children.get('grade6')!)).toEqual({
      '6A': 'small',
      '6B': 'complementary',
      '6C': null,
    });
    expect(decisions(result.children.get('grade7')!)).toEqual({ '7A': 'small' });
    // Shown classes would add up to the hidden grade 8.
    expect(decisions(result.children.get('grade8')!)).toEqual({
      '8A': 'complementary',
      '8B': 'complementary',
    });
  });

  it('rejects children that do not add up to their parent', () => {
    expect(() => suppressNested([{ key: 'g', n: 10, children: [{ key: 'a', n: 4 }] }], 5)).toThrow(
      /group g: its parts add up to 4, not to its size 10/,
    );
  });

  it('no hidden group is recoverable at either level (property)', () => {
    const nested = fc.uniqueArray(
      fc.record({ key: fc.string({ minLength: 1, maxLength: 3 }), children: partition }),
      { selector: (p) => p.key, maxLength: 6 },
    );
    fc.assert(
      fc.property(nested, minimum, (raw, min) => {
        const parents = raw.map((p) => ({ ...p, n: p.children.reduce((s, c) => s + c.n, 0) }));
        const result = suppressNested(parents, min);
        const total = parents.reduce((s, p) => s + p.n, 0);
        if (total >= min)
          expect(recoverable(parents, (k) => result.parents.get(k) !== null, min)).toBe(false);
        for (const p of parents) {
          const own = result.children.get(p.key)!;
          const isHidden = (k: string) => own.get(k) !== null;
          if (result.parents.get(p.key) !== null) {
            // Nothing of a hidden parent shows, so its size cannot be summed back.
            expect(p.children.every((c) => c.n === 0 || isHidden(c.key))).toBe(true);
          } else if (p.n >= min) {
            expect(recoverable(p.children, isHidden, min)).toBe(false);
          }
          for (const c of p.children)
            if (c.n > 0 && c.n < min) expect(own.get(c.key)).toBe('small');
        }
      }),
    );
  });
});
