import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publishGroups } from './publication.js';
import { scaleFigures } from './figures.js';
import { groupKey, publishReport, waveChange, type ReportResponse } from './report.js';
import type { Scale } from './scoring.js';

const scale: Scale = {
  key: 'connection',
  items: [
    { key: 'c1', reverse: false },
    { key: 'c2', reverse: true },
  ],
};

/** n responses in a class, each answering c1 = v and c2 = 6 − v (so every score is v). */
function classResponses(
  classId: string,
  teacherId: string,
  grade: string,
  values: number[],
): ReportResponse[] {
  return values.map((v) => ({
    answers: new Map([
      ['c1', v],
      ['c2', 6 - v],
    ]),
    classId,
    teacherId,
    grade,
  }));
}

describe('an administration report', () => {
  // Teacher T: class A (6 responses, scores 4,4,4,5,5,5), class B (5: 2,3,3,3,4).
  // Teacher U: class C (2: 1,1). School: 13 responses.
  const responses = [
    ...classResponses('A', 'T', '7', [4, 4, 4, 5, 5, 5]),
    ...classResponses('B', 'T', '7', [2, 3, 3, 3, 4]),
    ...classResponses('C', 'U', '8', [1, 1]),
  ];
  const invited = new Map([
    [groupKey('class', 'A'), 8],
    [groupKey('class', 'B'), 5],
    [groupKey('class', 'C'), 4],
    [groupKey('teacher', 'T'), 13],
    [groupKey('school', 'S'), 17],
  ]);
  const report = publishReport({
    schoolId: 'S',
    scales: [scale],
    responses,
    invited,
    minimum: 5,
  });

  it('shows n, response rate and scale figures for groups at the minimum', () => {
    const a = report.groups.get(groupKey('class', 'A'))!;
    expect(a.responses).toEqual({ shown: true, n: 6 });
    expect(a.responseRate).toBe(6 / 8);
    const s = a.scales[0]!;
    if (!s.shown) throw new Error('class A should be shown');
    expect(s.n).toBe(6);
    expect(s.score).toBe(4.5);
    // 12 keyed answers: six 4s... 4,4,4 → 4 (c1) and 4 (c2 keyed); 5s likewise: all favourable.
    expect(s.favourable).toBe(1);
    expect(s.distribution).toEqual([0, 0, 0, 6, 6]);
    // c2 as answered: 6 − 4 = 2 three times, 6 − 5 = 1 three times.
    const c2 = s.items[1]!;
    if (!c2.shown) throw new Error('item c2 should be shown');
    expect(c2.distribution).toEqual([3, 3, 0, 0, 0]);
  });

  it('says "fewer than N" (no figure) for a small class and hides what would reveal it', () => {
    const c = report.groups.get(groupKey('class', 'C'))!;
    expect(c.responses).toEqual({ shown: false, hidden: 'small' });
    expect(c.responseRate).toBeNull();
    expect(c.scales[0]).toEqual({ shown: false, key: 'connection', hidden: 'small' });
    // Grade 8 is class C (2 answers); grade 7 would then be school − grade 8: hidden too.
    expect(report.groups.get(groupKey('grade', '8'))!.responses.shown).toBe(false);
    expect(report.groups.get(groupKey('grade', '7'))!.responses.shown).toBe(false);
    // Teacher T is the school minus class C: hidden.
    expect(report.groups.get(groupKey('teacher', 'T'))!.responses.shown).toBe(false);
    const school = report.groups.get(groupKey('school', 'S'))!;
    expect(school.responses).toEqual({ shown: true, n: 13 });
    expect(school.responseRate).toBe(13 / 17);
  });

  it('computes change between waves with an interval, only for groups shown in both', () => {
    const spring = publishReport({
      schoolId: 'S',
      scales: [scale],
      responses: [
        ...classResponses('A', 'T', '7', [5, 5, 5, 5, 4, 4, 5]),
        ...classResponses('B', 'T', '7', [3, 3, 3, 4, 4]),
        ...classResponses('C', 'U', '8', [2, 2, 2, 2, 2]),
      ],
      invited: new Map(),
      minimum: 5,
    });
    const change = waveChange(report, spring, groupKey('class', 'A'), 'connection')!;
    // Fall mean 4.5 (n 6), spring 33/7 (n 7).
    expect(change.before).toEqual({ n: 6, mean: 4.5 });
    expect(change.after.n).toBe(7);
    expect(change.difference).toBeCloseTo(33 / 7 - 4.5, 12);
    expect(change.ci95[0]).toBeLessThan(change.difference);
    expect(change.ci95[1]).toBeGreaterThan(change.difference);
    // Class C was hidden in the fall: no change is shown.
    expect(waveChange(report, spring, groupKey('class', 'C'), 'connection')).toBeNull();
  });
});

describe('the one-pass publication', () => {
  const scales: Scale[] = [
    {
      key: 'a',
      items: [
        { key: 'a1', reverse: false },
        { key: 'a2', reverse: true },
        { key: 'a3', reverse: false },
      ],
    },
    {
      key: 'b',
      favourable: 'low',
      items: [
        { key: 'b1', reverse: false },
        { key: 'b2', reverse: false },
      ],
    },
  ];
  const itemKeys = scales.flatMap((s) => s.items.map((i) => i.key));
  const responseArb = fc.record({
    values: fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { freq: 4, nil: null }), {
      minLength: itemKeys.length,
      maxLength: itemKeys.length,
    }),
    cls: fc.integer({ min: 0, max: 5 }),
  });

  it('property: every shown figure equals scaleFigures (the reference, with cronbachAlpha) over the group, and what is shown equals publishGroups per measure', () => {
    fc.assert(
      fc.property(fc.array(responseArb, { maxLength: 60 }), (drawn) => {
        const responses: ReportResponse[] = drawn.map((d) => ({
          answers: new Map(
            d.values.flatMap((v, j) => (v === null ? [] : [[itemKeys[j]!, v] as const])),
          ),
          classId: `c${d.cls}`,
          teacherId: `t${d.cls % 3}`,
          grade: String(6 + (d.cls % 2)),
        }));
        const report = publishReport({
          schoolId: 'S',
          scales,
          responses,
          invited: new Map(),
          minimum: 3,
        });
        const members = new Map<string, number[]>();
        responses.forEach((r, i) => {
          for (const key of [
            groupKey('school', 'S'),
            groupKey('grade', r.grade!),
            groupKey('class', r.classId!),
            groupKey('teacher', r.teacherId!),
          ])
            members.set(key, [...(members.get(key) ?? []), i]);
        });
        const family = (key: string) => key.split(':')[0]!;
        scales.forEach((s, si) => {
          const scoredOf = (i: number) => scaleFigures([responses[i]!.answers], s).n === 1;
          const specs = [...members].map(([key, m]) => ({
            key,
            family: family(key),
            members: m.filter(scoredOf),
          }));
          const expectedShown = publishGroups(specs, 3);
          for (const [key, m] of members) {
            const g = report.groups.get(key)!;
            const result = g.scales[si]!;
            expect(result.shown ? null : result.hidden).toBe(expectedShown.get(key));
            if (!result.shown) continue;
            const reference = scaleFigures(
              m.map((i) => responses[i]!.answers),
              s,
            );
            const withAlpha = family(key) !== 'class';
            expect(result.n).toBe(reference.n);
            expect(result.distribution).toEqual(reference.distribution);
            expect(result.favourable).toBe(reference.favourable);
            expect(result.score).toBe(reference.score);
            expect(result.sd).toBe(reference.sd);
            for (const missing of ['pairwise', 'listwise'] as const) {
              const a = result.alpha[missing];
              const b = withAlpha ? reference.alpha[missing] : null;
              if (b === null) expect(a).toBeNull();
              else expect(a!.alpha).toBeCloseTo(b.alpha, 9);
            }
            result.items.forEach((it, j) => {
              // Each item is published over the scored respondents who answered it.
              const itemShown = publishGroups(
                specs.map((g) => ({
                  ...g,
                  members: g.members.filter((i) => responses[i]!.answers.has(s.items[j]!.key)),
                })),
                3,
              );
              expect(it.shown ? null : it.hidden).toBe(itemShown.get(key));
              if (!it.shown) return;
              const ref = reference.items[j]!;
              expect(it.n).toBe(ref.n);
              expect(it.mean).toBe(ref.mean);
              expect(it.favourable).toBe(ref.favourable);
              expect(it.distribution).toEqual(ref.distribution);
            });
          }
        });
      }),
      { numRuns: 150 },
    );
  });
});
