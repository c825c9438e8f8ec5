import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayName, listNames, type ListedPerson } from './names.js';

const p = (
  id: string,
  givenName: string,
  familyName: string,
  preferredName: string | null = null,
) => ({
  id,
  givenName,
  familyName,
  preferredName,
});

describe('names in a list', () => {
  it('keeps a first name that is unique in the list', () => {
    const names = listNames([p('1', 'Lucia', 'Garcia'), p('2', 'Omar', 'Garcia', 'Oms')]);
    expect([...names.values()]).toEqual(['Lucia', 'Oms']);
  });
  it('tells two Lucias apart by the family name initial, or more letters when initials collide', () => {
    const names = listNames([
      p('1', 'Lucia', 'Garcia'),
      p('2', 'Lucia', 'Martinez'),
      p('3', 'Lucia', 'Marin'),
      p('4', 'Ben', 'Kim'),
    ]);
    expect(Object.fromEntries(names)).toEqual({
      '1': 'Lucia G.',
      '2': 'Lucia Mart.',
      '3': 'Lucia Mari.',
      '4': 'Ben',
    });
  });
  it('counts preferred names: a "Sam" who is Samir and a Sam', () => {
    const names = listNames([p('1', 'Samir', 'Lee', 'Sam'), p('2', 'Sam', 'Lopez')]);
    expect(Object.fromEntries(names)).toEqual({ '1': 'Sam Le.', '2': 'Sam Lo.' });
  });
  it('uses the whole family name when one is the start of the other, and the given name when families match', () => {
    expect(Object.fromEntries(listNames([p('1', 'Ana', 'Mar'), p('2', 'Ana', 'Martin')]))).toEqual({
      '1': 'Ana Mar',
      '2': 'Ana Mart.',
    });
    expect(
      Object.fromEntries(
        listNames([p('1', 'Lucinda', 'Kim', 'Lucy'), p('2', 'Lucille', 'Kim', 'Lucy')]),
      ),
    ).toEqual({ '1': 'Lucy Kim (Lucinda)', '2': 'Lucy Kim (Lucille)' });
  });

  const personArb: fc.Arbitrary<ListedPerson> = fc.record({
    id: fc.uuid(),
    givenName: fc.constantFrom('Lucia', 'lucia', 'Ana', 'Sam', 'Samir', 'Lucinda'),
    preferredName: fc.option(fc.constantFrom('Lucia', 'Sam', 'Lucy', ' ')),
    familyName: fc.constantFrom(
      'Mar',
      'Martin',
      'Martinez',
      'Marin',
      'Garcia',
      'garcia',
      'G',
      'Kim',
    ),
  });
  const full = (x: ListedPerson) => `${x.givenName} ${x.familyName}`.toLowerCase();

  it('shows different names for people whose full names differ, whatever the list (property)', () => {
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 25 }), (people) => {
        const names = listNames(people);
        for (const a of people)
          for (const b of people)
            if (a.id !== b.id && full(a) !== full(b))
              expect(names.get(a.id)!.toLowerCase()).not.toBe(names.get(b.id)!.toLowerCase());
        for (const a of people) {
          const shown = displayName(a.givenName, a.preferredName);
          expect(names.get(a.id)!.startsWith(shown)).toBe(true);
          const alone = people.every(
            (b) =>
              b.id === a.id ||
              displayName(b.givenName, b.preferredName).toLowerCase() !== shown.toLowerCase(),
          );
          if (alone) expect(names.get(a.id)).toBe(shown);
        }
      }),
    );
  });
  it('does not depend on the order of the list (property)', () => {
    fc.assert(
      fc.property(
        fc
          .array(personArb, { maxLength: 25 })
          .chain((xs) =>
            fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length })),
          ),
        ([xs, ys]) => {
          expect(Object.fromEntries([...listNames(ys)].sort())).toEqual(
            Object.fromEntries([...listNames(xs)].sort()),
          );
        },
      ),
    );
  });
});
