// The stage rule follows the research's numbers (5:1, Cook et al. 2018) and its sentence is
// true: every number it states is the signal's own and every comparison holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TARGET_RATIO } from './ratio.js';
import { explainStage, FEW_INTERACTIONS, suggestStage, type StageSignals } from './stages.js';

const signalsArb: fc.Arbitrary<StageSignals> = fc.record({
  openRepair: fc.boolean(),
  window: fc.record({
    positive: fc.integer({ min: 0, max: 60 }),
    corrections: fc.integer({ min: 0, max: 15 }),
  }),
  conflictHistory: fc.boolean(),
  interactionsThisTerm: fc.integer({ min: 0, max: 200 }),
});

const numbersIn = (sentence: string) => (sentence.match(/\d+/g) ?? []).map(Number);

describe('stage rule (properties)', () => {
  it("calls a dyad 'maintain' only at five positives to each correction or better", () => {
    fc.assert(
      fc.property(signalsArb, (s) => {
        const { stage } = suggestStage(s);
        const { positive: p, corrections: c } = s.window;
        if (stage === 'maintain') {
          expect(p).toBeGreaterThanOrEqual(TARGET_RATIO * c);
          expect(p).toBeGreaterThan(0);
          expect(s.openRepair).toBe(false);
        }
        // 1 : 1 up to just under 5 : 1, with enough history and nothing else going on: establish.
        if (!s.openRepair && !s.conflictHistory && s.interactionsThisTerm >= FEW_INTERACTIONS)
          if (c > 0 && p >= c && p < TARGET_RATIO * c) expect(stage).toBe('establish');
      }),
    );
  });

  it('says only what holds for the numbers, in English and Spanish', () => {
    fc.assert(
      fc.property(signalsArb, fc.constantFrom('en' as const, 'es' as const), (s, locale) => {
        const suggestion = suggestStage(s);
        const text = explainStage(suggestion, s, locale);
        const { positive: p, corrections: c } = s.window;
        const n = s.interactionsThisTerm;
        const t = TARGET_RATIO;
        switch (suggestion.reason) {
          case 'open_repair':
            expect(s.openRepair).toBe(true);
            expect(numbersIn(text)).toEqual([]);
            break;
          case 'corrections_outnumber_positives':
            expect(c).toBeGreaterThan(p);
            expect(numbersIn(text)).toEqual([c, p]);
            break;
          case 'conflict_history':
            expect(s.conflictHistory).toBe(true);
            expect(numbersIn(text)).toEqual([]);
            break;
          case 'few_interactions':
            expect(n).toBeLessThan(FEW_INTERACTIONS);
            expect(numbersIn(text)).toEqual([n]);
            break;
          case 'below_five_to_one':
            // "fewer than five positive moments for each correction"
            expect(c).toBeGreaterThan(0);
            expect(p).toBeLessThan(t * c);
            expect(numbersIn(text)).toEqual([p, c, t, t, 1]);
            break;
          case 'no_positive_in_window':
            expect(p).toBe(0);
            expect(c).toBe(0);
            expect(numbersIn(text)).toEqual([]);
            break;
          case 'meets_five_to_one':
            // "at least five for each correction" / "no corrections", and nothing waits for repair
            expect(s.openRepair).toBe(false);
            expect(p).toBeGreaterThan(0);
            if (c === 0) expect(numbersIn(text)).toEqual([p]);
            else {
              expect(p).toBeGreaterThanOrEqual(t * c);
              expect(numbersIn(text)).toEqual([p, c, t, t, 1]);
            }
            break;
        }
        // Singular and plural agree with the number.
        expect(text).not.toMatch(
          /\b1 (corrections|moments|interactions|correcciones|momentos|interacciones)\b/,
        );
        expect(text).not.toMatch(
          /\b([02-9]|\d\d+) (correction|moment|interaction|corrección|momento|interacción)\b/,
        );
        expect(text).toMatch(/\.$/);
      }),
    );
  });

  it('reads as before for the common cases', () => {
    const base: StageSignals = {
      openRepair: false,
      window: { positive: 4, corrections: 4 },
      conflictHistory: false,
      interactionsThisTerm: 30,
    };
    expect(suggestStage(base)).toEqual({ stage: 'establish', reason: 'below_five_to_one' });
    expect(explainStage(suggestStage(base), base, 'en')).toBe(
      'There were 4 positive moments and 4 corrections over the last school days: fewer than 5 positive moments for each correction, the 5 : 1 guide that holds a relationship steady, so keep building it.',
    );
    const steady = { ...base, window: { positive: 11, corrections: 2 } };
    expect(explainStage(suggestStage(steady), steady, 'es')).toMatch(
      /^Hubo 11 momentos positivos y 2 correcciones .* al menos 5 por cada corrección/,
    );
  });
});
