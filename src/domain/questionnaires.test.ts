import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAnswer, textLength, type QuestionnaireItem } from './questionnaires.js';

const label = (s: string) => ({ en: s, es: s });
function item(over: Partial<QuestionnaireItem> = {}): QuestionnaireItem {
  const options = ['soccer', 'chess', 'baking', 'anime', 'hiking'].map((id) => ({
    id,
    label: label(id),
    category: null,
  }));
  return {
    id: 'interests',
    kind: 'multi',
    prompt: label('What do you like?'),
    teacherPrompt: label('What do you like?'),
    hint: null,
    catalogue: null,
    options,
    maxChoices: 3,
    text: { label: label('Other'), maxLength: 20 },
    ...over,
  };
}

describe('checkAnswer', () => {
  const it3 = item();
  const ids = it3.options.map((o) => o.id);

  it('accepts any set of distinct options up to the limit, in the order given', () => {
    fc.assert(
      fc.property(
        fc
          .subarray(ids, { maxLength: 3 })
          .chain((s) => fc.shuffledSubarray(s, { minLength: s.length })),
        (chosen) => {
          const r = checkAnswer(it3, { optionIds: chosen });
          expect(r).toEqual({ ok: true, answer: { optionIds: chosen, text: null } });
        },
      ),
    );
  });

  it('refuses an option outside the item, naming its position and the item', () => {
    fc.assert(
      fc.property(
        fc.subarray(ids, { maxLength: 2 }),
        fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !ids.includes(s)),
        fc.nat(),
        (chosen, stranger, at) => {
          const i = at % (chosen.length + 1);
          const optionIds = [...chosen.slice(0, i), stranger, ...chosen.slice(i)];
          const r = checkAnswer(it3, { optionIds });
          expect(r).toEqual({
            ok: false,
            problem: {
              field: `optionIds[${i}]`,
              reason: `"${stranger}" is not an option of item "interests"`,
            },
          });
        },
      ),
    );
  });

  it('refuses more choices than the limit, and an option chosen twice', () => {
    expect(checkAnswer(it3, { optionIds: ['soccer', 'chess', 'baking', 'anime'] })).toEqual({
      ok: false,
      problem: { field: 'optionIds', reason: 'item "interests" allows at most 3 choices (got 4)' },
    });
    expect(checkAnswer(it3, { optionIds: ['chess', 'chess'] })).toEqual({
      ok: false,
      problem: { field: 'optionIds[1]', reason: '"chess" is chosen twice' },
    });
    const single = item({ kind: 'single', maxChoices: 1 });
    expect(checkAnswer(single, { optionIds: ['chess', 'anime'] })).toMatchObject({
      ok: false,
      problem: { field: 'optionIds', reason: 'item "interests" allows at most 1 choice (got 2)' },
    });
  });

  it('free text: trimmed, blank is none, and over the limit is refused with the limit named', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const r = checkAnswer(it3, { optionIds: [], text });
        const trimmed = text.trim();
        if (textLength(trimmed) > 20)
          expect(r).toEqual({
            ok: false,
            problem: {
              field: 'text',
              reason: `at most 20 characters for item "interests" (got ${textLength(trimmed)})`,
            },
          });
        else expect(r).toEqual({ ok: true, answer: { optionIds: [], text: trimmed || null } });
      }),
    );
  });

  it('counts an emoji as one character', () => {
    expect(checkAnswer(it3, { optionIds: [], text: '⚽'.repeat(20) }).ok).toBe(true);
    expect(checkAnswer(it3, { optionIds: [], text: '⚽'.repeat(21) }).ok).toBe(false);
  });

  it('refuses text where the item has none, and options for a text item', () => {
    expect(checkAnswer(item({ text: null }), { optionIds: [], text: 'hi' })).toEqual({
      ok: false,
      problem: { field: 'text', reason: 'item "interests" takes no free text' },
    });
    const textItem = item({ id: 'good-day', kind: 'text', options: [], maxChoices: 0 });
    expect(checkAnswer(textItem, { optionIds: ['chess'] })).toEqual({
      ok: false,
      problem: {
        field: 'optionIds[0]',
        reason: 'item "good-day" takes free text only, not options',
      },
    });
  });
});
