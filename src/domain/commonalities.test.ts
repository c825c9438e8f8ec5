import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countFrequencies,
  frequencyKey,
  rarity,
  scoreCommonalities,
  topCommonalities,
  type Choices,
  type CommonalityItem,
  type Frequencies,
} from './commonalities.js';

const interests: CommonalityItem = {
  id: 'interests',
  weight: 1,
  phrase: { en: 'You both like {{option}}', es: 'A los dos les gusta {{option}}' },
  options: [
    { id: 'basketball', label: { en: 'basketball', es: 'el baloncesto' } },
    { id: 'music', label: { en: 'music', es: 'la música' } },
    { id: 'cello', label: { en: 'the cello', es: 'el violonchelo' } },
    { id: 'cooking', label: { en: 'cooking', es: 'cocinar' } },
  ],
};
const values: CommonalityItem = {
  id: 'values',
  weight: 2,
  phrase: { en: 'You both value {{option}}', es: 'Los dos valoran {{option}}' },
  options: [
    { id: 'family', label: { en: 'family', es: 'la familia' } },
    { id: 'honesty', label: { en: 'honesty', es: 'la honestidad' } },
  ],
};
const catalogue = [interests, values];

const choices = (o: Record<string, string[]>): Choices => new Map(Object.entries(o));
const freq = (
  respondents: Record<string, number>,
  chosen: Record<string, number>,
): Frequencies => ({
  respondents: new Map(Object.entries(respondents)),
  chosen: new Map(Object.entries(chosen)),
});

describe('commonalities', () => {
  it('scores shared choices by weight × (1 + ln((N+1)/(n+1))), rarest first', () => {
    const teacher = choices({ interests: ['music', 'cello', 'cooking'], values: ['family'] });
    const student = choices({ interests: ['cello', 'music', 'basketball'], values: ['family'] });
    // 99 answered each item; music 89 chose, the cello 9, family 49.
    const f = freq(
      { interests: 99, values: 99 },
      { 'interests:music': 89, 'interests:cello': 9, 'values:family': 49 },
    );
    const all = scoreCommonalities(catalogue, teacher, student, f, 'en');
    expect(all.map((c) => c.phrase)).toEqual([
      'You both value family', // 2 × (1 + ln 2) = 3.386
      'You both like the cello', // 1 + ln 10 = 3.303
      'You both like music', // 1 + ln(100/90) = 1.105
    ]);
    expect(all[0]!.score).toBeCloseTo(2 * (1 + Math.log(2)), 12);
    expect(all[1]!.score).toBeCloseTo(1 + Math.log(10), 12);
    expect(all[2]!.score).toBeCloseTo(1 + Math.log(100 / 90), 12);
  });

  it('phrases in Spanish, and keeps only the top few (3 by default)', () => {
    const both = choices({
      interests: ['basketball', 'music', 'cello', 'cooking'],
      values: ['family', 'honesty'],
    });
    const f = freq({}, {});
    const top = topCommonalities(catalogue, both, both, f, 'es');
    // Nobody counted: every option is equally rare, so the item weight decides, then order.
    expect(top.map((c) => c.phrase)).toEqual([
      'Los dos valoran la familia',
      'Los dos valoran la honestidad',
      'A los dos les gusta el baloncesto',
    ]);
    expect(topCommonalities(catalogue, both, both, f, 'en', 1)).toHaveLength(1);
  });

  it('finds nothing when nothing is shared or one side has not answered', () => {
    const f = freq({ interests: 10 }, {});
    expect(
      scoreCommonalities(catalogue, choices({ interests: ['music'] }), choices({}), f, 'en'),
    ).toEqual([]);
    expect(
      scoreCommonalities(
        catalogue,
        choices({ interests: ['music'] }),
        choices({ interests: ['cello'] }),
        f,
        'en',
      ),
    ).toEqual([]);
  });

  it('ignores options outside the catalogue', () => {
    const a = choices({ interests: ['skydiving', 'music'], unknown: ['x'] });
    const found = scoreCommonalities(catalogue, a, a, freq({}, {}), 'en');
    expect(found.map((c) => c.optionId)).toEqual(['music']);
  });

  it('counts respondents and choosers, each person once per option', () => {
    const f = countFrequencies([
      choices({ interests: ['music', 'music', 'cello'] }),
      choices({ interests: ['music'], values: [] }),
      choices({ values: ['family'] }),
    ]);
    expect(f.respondents.get('interests')).toBe(2);
    expect(f.respondents.get('values')).toBe(1);
    expect(f.chosen.get(frequencyKey('interests', 'music'))).toBe(2);
    expect(f.chosen.get(frequencyKey('interests', 'cello'))).toBe(1);
  });

  it('gives an option everyone chose a rarity of exactly 1', () => {
    expect(rarity(30, 30)).toBe(1);
    expect(rarity(30, 45)).toBe(1); // inconsistent counts are clamped
    expect(rarity(0, 0)).toBe(1);
  });
});

// ---- properties ------------------------------------------------------------------------------

const optionIds = interests.options.map((o) => o.id);
const valueIds = values.options.map((o) => o.id);
const arbChoices = fc
  .record({
    interests: fc.subarray([...optionIds, 'unknown-option']),
    values: fc.subarray(valueIds),
  })
  .map((o) => choices(o));
const arbFreq = fc
  .record({
    interests: fc.nat(200),
    values: fc.nat(200),
    counts: fc.array(fc.nat(200), { minLength: 6, maxLength: 6 }),
  })
  .map(({ interests: ni, values: nv, counts }) =>
    freq(
      { interests: ni, values: nv },
      Object.fromEntries(
        [...optionIds.map((o) => `interests:${o}`), ...valueIds.map((o) => `values:${o}`)].map(
          (k, i) => [k, counts[i]!],
        ),
      ),
    ),
  );

describe('commonalities properties', () => {
  it('is symmetric: the same list whichever side comes first', () => {
    fc.assert(
      fc.property(arbChoices, arbChoices, arbFreq, (a, b, f) => {
        expect(scoreCommonalities(catalogue, a, b, f, 'en')).toEqual(
          scoreCommonalities(catalogue, b, a, f, 'en'),
        );
      }),
    );
  });

  it('never lists a choice that both did not make', () => {
    fc.assert(
      fc.property(arbChoices, arbChoices, arbFreq, (a, b, f) => {
        for (const c of scoreCommonalities(catalogue, a, b, f, 'en')) {
          expect(a.get(c.itemId)).toContain(c.optionId);
          expect(b.get(c.itemId)).toContain(c.optionId);
        }
      }),
    );
  });

  it('lists every shared catalogue choice exactly once', () => {
    fc.assert(
      fc.property(arbChoices, arbChoices, arbFreq, (a, b, f) => {
        const found = scoreCommonalities(catalogue, a, b, f, 'en').map((c) =>
          frequencyKey(c.itemId, c.optionId),
        );
        const expected = catalogue.flatMap((item) =>
          item.options
            .filter((o) => a.get(item.id)?.includes(o.id) && b.get(item.id)?.includes(o.id))
            .map((o) => frequencyKey(item.id, o.id)),
        );
        expect([...found].sort()).toEqual([...expected].sort());
      }),
    );
  });

  it('never scores a rarer shared option below a more common one of the same weight', () => {
    fc.assert(
      fc.property(arbChoices, arbChoices, arbFreq, (a, b, f) => {
        const found = scoreCommonalities(catalogue, a, b, f, 'en').filter(
          (c) => c.itemId === 'interests',
        );
        const n = (c: { itemId: string; optionId: string }) =>
          Math.min(f.chosen.get(frequencyKey(c.itemId, c.optionId)) ?? 0, 1e9);
        for (const x of found)
          for (const y of found) if (n(x) < n(y)) expect(x.score).toBeGreaterThanOrEqual(y.score);
        // and the list is best first
        for (let i = 1; i < found.length; i++)
          expect(found[i - 1]!.score).toBeGreaterThanOrEqual(found[i]!.score);
      }),
    );
  });

  it('is stable: the same answers in any order give the same list', () => {
    fc.assert(
      fc.property(arbChoices, arbChoices, arbFreq, (a, b, f) => {
        const shuffled = new Map([...a].reverse().map(([k, v]) => [k, [...v].reverse()]));
        expect(topCommonalities(catalogue, shuffled, b, f, 'en')).toEqual(
          topCommonalities(catalogue, a, b, f, 'en'),
        );
      }),
    );
  });
});
