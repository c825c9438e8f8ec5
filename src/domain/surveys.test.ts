import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InstrumentFile } from './instruments.js';
import { isoWeekday } from './calendar.js';
import { findAnswerProblem, UUID_V4, weekStart, windowState } from './surveys.js';

const instrument: InstrumentFile = {
  id: 'demo',
  version: 1,
  respondent: 'student',
  about: 'school',
  title: { en: 'T', es: 'T' },
  intro: { en: 'I', es: 'I' },
  scales: [{ id: 's', title: { en: 'S', es: 'S' }, favourable: 'high' }],
  items: [
    { id: 'a', scale: 's', options: 'extent', text: { en: 'A', es: 'A' } },
    { id: 'b', scale: 's', options: 'extent', reverse: true, text: { en: 'B', es: 'B' } },
    { id: 'adult', kind: 'adult', options: 'adults', text: { en: 'C', es: 'C' } },
  ],
};

describe('weekStart', () => {
  it('is the Monday on or before the date, within six days', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (d) => {
          const date = d.toISOString().slice(0, 10);
          const monday = weekStart(date);
          expect(isoWeekday(monday)).toBe(1);
          const gap = (Date.parse(date) - Date.parse(monday)) / 86_400_000;
          expect(gap).toBeGreaterThanOrEqual(0);
          expect(gap).toBeLessThanOrEqual(6);
        },
      ),
    );
  });
  it('maps a Sunday to the Monday six days earlier', () => {
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
  });
});

describe('windowState', () => {
  it('opens at opensAt and closes at closesAt', () => {
    const o = '2026-11-01T00:00:00.000Z';
    const c = '2026-11-15T00:00:00.000Z';
    expect(windowState(o, c, new Date('2026-10-31T23:59:59Z'))).toBe('scheduled');
    expect(windowState(o, c, new Date(o))).toBe('open');
    expect(windowState(o, c, new Date(c))).toBe('closed');
  });
});

describe('findAnswerProblem', () => {
  it('accepts any subset of items with values 1..5, in any order', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(['a', 'b', 'adult']),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }),
        (ids, values) => {
          const answers = ids.map((itemId, i) => ({ itemId, value: values[i]! }));
          expect(findAnswerProblem(instrument, answers)).toBeNull();
        },
      ),
    );
  });
  it('names the row and field of any value outside 1..5', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ max: 0 }),
          fc.integer({ min: 6 }),
          fc.double({ min: 1.01, max: 4.99, noNaN: true }),
        ),
        (bad) => {
          const p = findAnswerProblem(instrument, [
            { itemId: 'a', value: 3 },
            { itemId: 'b', value: bad },
          ]);
          expect(p).toMatchObject({ field: 'answers[1].value', row: 1 });
        },
      ),
    );
  });
  it('refuses an item not in the instrument, an item twice, and names on a rating item', () => {
    expect(findAnswerProblem(instrument, [{ itemId: 'zzz', value: 1 }])?.reason).toBe(
      '"zzz" is not an item of the instrument demo',
    );
    expect(
      findAnswerProblem(instrument, [
        { itemId: 'a', value: 1 },
        { itemId: 'a', value: 2 },
      ])?.field,
    ).toBe('answers[1].itemId');
    expect(findAnswerProblem(instrument, [{ itemId: 'a', value: 4, people: ['p1'] }])?.field).toBe(
      'answers[0].people',
    );
    expect(
      findAnswerProblem(instrument, [{ itemId: 'adult', value: 1, people: ['p1'] }])?.reason,
    ).toMatch(/nobody/);
    expect(
      findAnswerProblem(instrument, [{ itemId: 'adult', value: 4, people: ['p1'] }]),
    ).toBeNull();
  });
});

describe('UUID_V4', () => {
  it('accepts random ids and refuses time-ordered (v7) ones', () => {
    expect(UUID_V4.test(crypto.randomUUID())).toBe(true);
    expect(UUID_V4.test('01936b2e-8f3a-7c41-9d2e-4b5c6d7e8f90')).toBe(false);
  });
});
