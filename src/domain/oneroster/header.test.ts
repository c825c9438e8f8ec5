import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, isExtensionColumn, mapHeader } from './header.js';
import { COLUMNS, type ColumnSpec } from './spec.js';

/** Every file's columns in both versions. */
const specs = (['1.1', '1.2'] as const).flatMap((v) =>
  Object.entries(COLUMNS[v]).map(([file, spec]) => ({ file: `${v} ${file}`, spec: spec! })),
);
const aSpec = fc.constantFrom(...specs);
const names = (spec: readonly ColumnSpec[]) => spec.map((s) => s.name);
const letters = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ');

/** The spec with its header: the columns shuffled (or not). */
const shuffled = aSpec.chain(({ file, spec }) =>
  fc
    .shuffledSubarray(names(spec), { minLength: spec.length })
    .map((header) => ({ file, spec, header })),
);

const extensionName = fc
  .tuple(
    fc.constantFrom('metadata.', 'ext_', 'EXT_', 'x-', 'metadata.ext.'),
    fc.string({ unit: letters, maxLength: 10 }),
  )
  .map(([prefix, rest]) => prefix + rest);

describe('mapHeader', () => {
  it('maps the spec columns in the spec order with no finding at all', () => {
    for (const { spec } of specs) {
      const map = mapHeader(names(spec), spec);
      expect(map.findings).toEqual([]);
      expect([...map.index]).toEqual(spec.map((s, i) => [s.name, i]));
    }
  });

  it('maps every column of a permuted header by name, with one order warning at most', () => {
    fc.assert(
      fc.property(shuffled, ({ spec, header }) => {
        const map = mapHeader(header, spec);
        for (const s of spec) expect(map.index.get(s.name)).toBe(header.indexOf(s.name));
        const inOrder = header.every((n, i) => n === spec[i]!.name);
        expect(map.findings).toEqual(
          inOrder
            ? []
            : [
                {
                  severity: 'warning',
                  position: expect.any(Number),
                  column: expect.any(String),
                  reason: expect.stringMatching(/not in the specification's order/),
                },
              ],
        );
      }),
    );
  });

  it('errors for each missing required column, naming it, and warns for a missing optional one', () => {
    fc.assert(
      fc.property(
        aSpec.chain(({ spec }) =>
          fc.tuple(fc.constant(spec), fc.subarray(names(spec), { minLength: 1 })),
        ),
        ([spec, dropped]) => {
          const header = names(spec).filter((n) => !dropped.includes(n));
          const map = mapHeader(header, spec);
          for (const name of dropped) {
            const required = spec.find((s) => s.name === name)!.required === 'yes';
            expect(map.findings).toContainEqual({
              severity: required ? 'error' : 'warning',
              position: null,
              column: name,
              reason: required
                ? `the required column "${name}" is missing`
                : `the column "${name}" is missing; read as empty`,
            });
            expect(map.index.has(name)).toBe(false);
          }
          // Nothing else: the remaining columns are in order, so no other finding.
          expect(map.findings).toHaveLength(dropped.length);
        },
      ),
    );
  });

  it('ignores extension columns (metadata.*, ext_*) silently, wherever they stand', () => {
    fc.assert(
      fc.property(
        aSpec,
        fc.array(fc.tuple(extensionName, fc.nat()), { minLength: 1, maxLength: 4 }),
        ({ spec }, extras) => {
          const header = [...names(spec)];
          for (const [name, at] of extras) header.splice(at % (header.length + 1), 0, name);
          fc.pre(new Set(header).size === header.length);
          const map = mapHeader(header, spec);
          expect(map.findings).toEqual([]);
          for (const s of spec) expect(map.index.get(s.name)).toBe(header.indexOf(s.name));
          for (const [name] of extras) expect(isExtensionColumn(name)).toBe(true);
        },
      ),
    );
  });

  /** A name one or two letter edits away from `name`. */
  const misspelt = (name: string) =>
    fc
      .array(fc.tuple(fc.constantFrom('sub', 'ins', 'del'), fc.nat(), letters), {
        minLength: 1,
        maxLength: 2,
      })
      .map((edits) => {
        let s = name;
        for (const [op, at, ch] of edits) {
          const i = at % (s.length + (op === 'ins' ? 1 : 0));
          s =
            op === 'del'
              ? s.slice(0, i) + s.slice(i + 1)
              : s.slice(0, i) + ch + s.slice(i + (op === 'sub' ? 1 : 0));
        }
        return s;
      });

  it('reads a column misspelt by one or two letters as the one spec column it is close to, with a warning', () => {
    fc.assert(
      fc.property(
        aSpec.chain(({ spec }) =>
          fc
            .constantFrom(...spec)
            .chain((target) =>
              fc.tuple(fc.constant(spec), fc.constant(target), misspelt(target.name)),
            ),
        ),
        ([spec, target, typo]) => {
          fc.pre(typo !== target.name && typo.trim() === typo && typo !== '');
          fc.pre(!isExtensionColumn(typo));
          fc.pre(
            !names(spec).some((n) => n !== target.name && n.toLowerCase() === typo.toLowerCase()),
          );
          const header = names(spec).map((n) => (n === target.name ? typo : n));
          const map = mapHeader(header, spec);
          expect(map.index.get(target.name)).toBe(names(spec).indexOf(target.name));
          expect(map.findings).toEqual([
            {
              severity: 'warning',
              position: names(spec).indexOf(target.name) + 1,
              column: typo,
              reason: `"${typo}" is not a column of the specification; read as "${target.name}"`,
            },
          ]);
        },
      ),
    );
  });

  it('rejects a name close to two missing columns, and ignores one close to none', () => {
    const spec: ColumnSpec[] = [
      { name: 'beginDate', required: 'no', kind: 'date' },
      { name: 'endDate', required: 'no', kind: 'date' },
      { name: 'gradeA', required: 'no', kind: 'string' },
      { name: 'gradeB', required: 'no', kind: 'string' },
    ];
    const map = mapHeader(['beginDate', 'endDate', 'gradeC', 'colour'], spec);
    expect(map.findings).toContainEqual({
      severity: 'error',
      position: 3,
      column: 'gradeC',
      reason: '"gradeC" could be any of "gradeA", "gradeB"',
    });
    expect(map.findings).toContainEqual({
      severity: 'warning',
      position: 4,
      column: 'colour',
      reason: '"colour" is not a column of the specification; ignored',
    });
  });

  it('rejects a column named twice, since which one holds the value cannot be told', () => {
    const spec = COLUMNS['1.2'].orgs!;
    const header = [...names(spec), 'name'];
    expect(mapHeader(header, spec).findings).toContainEqual({
      severity: 'error',
      position: header.length,
      column: 'name',
      reason: `the column "name" appears twice (columns 4 and ${header.length}); which one holds the value cannot be told`,
    });
  });

  it('never throws on any header, and accounts for every spec column', () => {
    fc.assert(
      fc.property(
        aSpec,
        fc.array(
          fc.oneof(
            fc.constantFrom(...specs.flatMap(({ spec }) => names(spec))),
            fc.string({ maxLength: 14 }),
            // Unpaired surrogates, NUL, a byte-order mark, quotes. (unit: 'binary' is slow
            // to generate inside arrays.)
            fc.string({
              unit: fc.constantFrom(
                'a',
                'é',
                '\u0000',
                '\ud800',
                '\udc00',
                '\ufeff',
                '"',
                ',',
                '\n',
                ' ',
              ),
              maxLength: 6,
            }),
          ),
          { maxLength: 30 },
        ),
        ({ spec }, header) => {
          const map = mapHeader(header, spec);
          for (const s of spec)
            expect(map.findings.some((f) => f.column === s.name && f.position === null)).toBe(
              !map.index.has(s.name),
            );
          for (const i of map.index.values()) expect(i).toBeLessThan(header.length);
        },
      ),
    );
  });
});

describe('editDistance', () => {
  const word = fc.string({ unit: fc.constantFrom(...'abcde'), maxLength: 8 });

  it('is a metric: zero on equals only, symmetric, and the triangle inequality holds', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    fc.assert(
      fc.property(word, word, word, (a, b, c) => {
        expect(editDistance(a, b) === 0).toBe(a === b);
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
        expect(editDistance(a, b)).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(editDistance(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});
