import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLUMNS, ORG_TYPES, ROLES_1_2, SESSION_TYPES, STATUS, type ColumnSpec } from './spec.js';
import {
  MAX_VALUE_BYTES,
  readBoolean,
  readCell,
  readDate,
  readDateTime,
  readEnum,
  readList,
  readYear,
} from './values.js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
// Written out here rather than borrowed from Date, so the test does not share the code's slips.
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysIn = (y: number, m: number) =>
  m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

/** A day of the proleptic Gregorian calendar, years 0000–9999. */
const calendarDay = fc
  .record({ y: fc.integer({ min: 0, max: 9999 }), m: fc.integer({ min: 1, max: 12 }) })
  .chain(({ y, m }) =>
    fc.integer({ min: 1, max: daysIn(y, m) }).map((d) => ({ y, m, d, iso: isoOf(y, m, d) })),
  );
const isoOf = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** Any string, including unpaired surrogates, NUL and control characters. */
const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom(...'0123456789-/.:TZ+ ,'), maxLength: 30 }),
);

describe('readDate', () => {
  it('reads every calendar day written YYYY-MM-DD as itself, with no warning', () => {
    expect(readDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    // Year 0 is a leap year of the proleptic calendar (Date.UTC would read it as 1900).
    expect(readDate('0000-02-29')).toEqual({ ok: true, value: '0000-02-29' });
    expect(readDate('0100-02-29')).toMatchObject({ ok: false });
    fc.assert(
      fc.property(calendarDay, ({ iso }) => {
        expect(readDate(iso)).toEqual({ ok: true, value: iso });
      }),
    );
  });

  it('rejects a YYYY-MM-DD that is not a day of the calendar', () => {
    expect(readDate('2023-02-29')).toEqual({
      ok: false,
      reason: '"2023-02-29" is not a day of the calendar',
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        (y, m, d) => {
          fc.pre(m < 1 || m > 12 || d < 1 || d > daysIn(y, m));
          const r = readDate(isoOf(y, m, d));
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.reason).toMatch(/not a day of the calendar/);
        },
      ),
    );
  });

  it('rejects any numeric date with the day and month first, whichever order, even 15/06/2023', () => {
    for (const raw of ['1/05/2023', '05/01/2023', '15/06/2023', '6/15/23', '01.02.2023'])
      expect(readDate(raw)).toMatchObject({
        ok: false,
        reason: expect.stringMatching(
          /first number is the day or the month; write it as YYYY-MM-DD/,
        ),
      });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.oneof(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1000, max: 9999 })),
        fc.constantFrom('/', '.', '-'),
        fc.boolean(),
        (a, b, y, sep, padded) => {
          const part = (n: number) => (padded || n > 9 ? pad(n) : String(n));
          const raw = [part(a), part(b), y < 100 ? pad(y) : String(y)].join(sep);
          const date = readDate(raw);
          const dateTime = readDateTime(raw);
          for (const r of [date, dateTime]) {
            expect(r.ok).toBe(false);
            if (!r.ok) expect(r.reason).toContain('the day or the month');
          }
        },
      ),
    );
  });

  it('reads a year-first date with another separator (2023/5/1) with a warning', () => {
    expect(readDate('2023/5/1')).toEqual({
      ok: true,
      value: '2023-05-01',
      warning: 'a date not written YYYY-MM-DD; read year, month, day',
    });
    fc.assert(
      fc.property(
        calendarDay,
        fc.constantFrom('/', '.'),
        fc.boolean(),
        ({ y, m, d, iso }, sep, padded) => {
          const raw = [pad(y, 4), padded ? pad(m) : m, padded ? pad(d) : d].join(sep);
          const r = readDate(raw);
          expect(r).toMatchObject({ ok: true, value: iso, warning: expect.any(String) });
        },
      ),
    );
  });

  it('reads the date part of a date and time with a warning', () => {
    expect(readDate('2024-08-15T14:03:00Z')).toEqual({
      ok: true,
      value: '2024-08-15',
      warning: 'a date and time where a date (YYYY-MM-DD) belongs; the date part was read',
    });
  });

  it('never throws, and any value it accepts is a calendar day written YYYY-MM-DD', () => {
    fc.assert(
      fc.property(anyString, (raw) => {
        const r = readDate(raw);
        if (!r.ok) return;
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(r.value);
        expect(m).not.toBeNull();
        const [y, mo, d] = [Number(m![1]), Number(m![2]), Number(m![3])];
        expect(mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo)).toBe(true);
      }),
    );
  });
});

describe('readDateTime', () => {
  /** An instant and a time-zone offset in minutes, ±14:00 as in the world's zones. */
  const instant = fc.record({
    ms: fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
    offset: fc.integer({ min: -14 * 60, max: 14 * 60 }),
    extraDigits: fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 6 }),
    style: fc.constantFrom('colon', 'compact', 'hours'),
  });

  function write(ms: number, offset: number, extraDigits: string, style: string) {
    const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23); // YYYY-MM-DDTHH:MM:SS.sss
    const sign = offset < 0 ? '-' : '+';
    const [h, m] = [Math.floor(Math.abs(offset) / 60), Math.abs(offset) % 60];
    const zone =
      style === 'colon'
        ? `${sign}${pad(h)}:${pad(m)}`
        : style === 'compact'
          ? `${sign}${pad(h)}${pad(m)}`
          : `${sign}${pad(h)}`;
    return `${local}${extraDigits}${zone}`;
  }

  it('normalises an offset to UTC, the same instant as new Date()', () => {
    expect(readDateTime('2024-08-15T09:03:00-05:00')).toEqual({
      ok: true,
      value: '2024-08-15T14:03:00.000Z',
    });
    fc.assert(
      fc.property(instant, ({ ms, offset, extraDigits, style }) => {
        // "+05" has no minutes to write: only whole-hour offsets.
        const off = style === 'hours' ? Math.trunc(offset / 60) * 60 : offset;
        const raw = write(ms, off, extraDigits, style);
        const expected = new Date(ms).toISOString();
        expect(readDateTime(raw)).toEqual({ ok: true, value: expected });
        if (style === 'colon') expect(new Date(raw).toISOString()).toBe(expected);
      }),
    );
  });

  it('reads Z, and warns for a missing zone, a space for T, or a date alone', () => {
    expect(readDateTime('2024-08-15T14:03:00Z')).toEqual({
      ok: true,
      value: '2024-08-15T14:03:00.000Z',
    });
    expect(readDateTime('2024-08-15 14:03')).toEqual({
      ok: true,
      value: '2024-08-15T14:03:00.000Z',
      warning: 'a space where ISO 8601 puts "T"; no time zone; read as UTC',
    });
    expect(readDateTime('2024-08-15')).toEqual({
      ok: true,
      value: '2024-08-15T00:00:00.000Z',
      warning: 'a date where a date and time belongs; read as midnight UTC',
    });
    expect(readDateTime('2024-02-30T00:00:00Z')).toMatchObject({ ok: false });
    expect(readDateTime('2024-08-15T24:00:00Z')).toMatchObject({ ok: false });
  });

  it('rejects what no instant can be (a leap second, an offset past 23:59) without throwing', () => {
    for (const raw of [
      '2016-12-31T23:59:60Z',
      '2024-01-01T00:00:00+99:00',
      '2024-01-01T00:00:00+24',
      '2024-01-01T00:00:00-2360',
    ])
      expect(readDateTime(raw)).toEqual({
        ok: false,
        reason: `"${raw}" is not a valid date and time`,
      });
  });

  it('never throws, and any value it accepts is a UTC instant', () => {
    const nearlyValid = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom('', 'Z', '+', '-'),
        fc.integer({ min: 0, max: 9999 }),
      )
      .map(
        ([y, mo, d, h, mi, s, z, off]) =>
          `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}${z}${z === '+' || z === '-' ? pad(off, 4) : ''}`,
      );
    fc.assert(
      fc.property(fc.oneof(anyString, nearlyValid), (raw) => {
        const r = readDateTime(raw);
        if (r.ok) expect(new Date(r.value).toISOString()).toBe(r.value);
      }),
    );
  });
});

describe('readEnum, readBoolean, readYear, readList', () => {
  const enums = [STATUS, ORG_TYPES, SESSION_TYPES, ROLES_1_2] as const;

  it('accepts a permitted value in another case with a warning naming the spelling read', () => {
    expect(readEnum('School', ORG_TYPES, 'type')).toEqual({
      ok: true,
      value: 'school',
      warning: '"School" read as "school" (the specification\'s spelling)',
    });
    fc.assert(
      fc.property(
        fc
          .constantFrom(...enums)
          .chain((values) =>
            fc.tuple(
              fc.constant(values),
              fc.constantFrom(...values),
              fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
            ),
          ),
        ([values, value, upper]) => {
          const raw = [...value].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join('');
          const r = readEnum(raw, values, 'role');
          expect(r).toMatchObject({ ok: true, value });
          expect('warning' in r).toBe(raw !== value);
        },
      ),
    );
  });

  it('rejects any other value, listing the permitted ones', () => {
    fc.assert(
      fc.property(fc.constantFrom(...enums), anyString, (values, raw) => {
        fc.pre(!values.some((v) => v.toLowerCase() === raw.toLowerCase()));
        fc.pre(raw.toLowerCase() !== 'inactive');
        expect(readEnum(raw, values, 'role')).toEqual({
          ok: false,
          reason: `"${raw}" is not one of ${values.join(', ')}`,
        });
      }),
    );
  });

  it('reads OneRoster 1.0 "inactive" as tobedeleted, in the status column only', () => {
    expect(readEnum('Inactive', STATUS, 'status')).toMatchObject({
      ok: true,
      value: 'tobedeleted',
    });
    expect(readEnum('inactive', ['a', 'b'], 'type')).toMatchObject({ ok: false });
  });

  it('reads true and false in any case, lower case without a warning', () => {
    expect(readBoolean('true')).toEqual({ ok: true, value: true });
    expect(readBoolean('FALSE')).toMatchObject({
      ok: true,
      value: false,
      warning: expect.any(String),
    });
    fc.assert(
      fc.property(anyString, (raw) => {
        const r = readBoolean(raw);
        const lower = raw.toLowerCase();
        if (lower === 'true' || lower === 'false')
          expect(r).toMatchObject({ ok: true, value: lower === 'true' });
        else expect(r).toEqual({ ok: false, reason: `"${raw}" is not true or false` });
      }),
    );
  });

  it('reads a year of four digits only', () => {
    expect(readYear('2025')).toEqual({ ok: true, value: '2025' });
    for (const raw of ['25', '2025-26', ' 2025', '２０２５']) expect(readYear(raw).ok).toBe(false);
  });

  it('splits a list on commas, trimmed, without empty items, and loses no text', () => {
    expect(readList(' a, b,,c ,')).toEqual(['a', 'b', 'c']);
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ maxLength: 8 }).filter((s) => !s.includes(',')),
          { maxLength: 6 },
        ),
        (items) => {
          const expected = items.map((s) => s.trim()).filter((s) => s !== '');
          expect(readList(items.join(','))).toEqual(expected);
        },
      ),
    );
  });
});

describe('readCell', () => {
  const allColumns: ColumnSpec[] = Object.values(COLUMNS['1.2']).flat();

  it('reads a blank cell as null, whatever the column', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allColumns),
        fc.string({ unit: fc.constantFrom(' ', '\t'), maxLength: 4 }),
        (spec, blank) => {
          expect(readCell(blank, spec)).toEqual({ ok: true, value: null });
        },
      ),
    );
  });

  it('never throws on any cell of any column, and a failure always has a reason', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allColumns), anyString, (spec, raw) => {
        const r = readCell(raw, spec);
        if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a NUL character, which a database cannot store as text', () => {
    for (const spec of allColumns)
      expect(readCell('a\u0000b', spec)).toEqual({
        ok: false,
        reason: 'the value holds a NUL character (byte 0), which is not text',
      });
  });

  it('refuses a value, or a list item, longer than MAX_VALUE_BYTES of UTF-8', () => {
    const [sourcedId, grades] = ['sourcedId', 'grades'].map((n) =>
      allColumns.find((s) => s.name === n)!,
    ) as [ColumnSpec, ColumnSpec];
    const fits = 'é'.repeat(MAX_VALUE_BYTES / 2);
    expect(readCell(fits, sourcedId)).toEqual({ ok: true, value: fits });
    expect(readCell(`${fits}x`, sourcedId)).toEqual({
      ok: false,
      reason: `the value is ${MAX_VALUE_BYTES + 1} bytes long; Rapport reads at most ${MAX_VALUE_BYTES} bytes in one field`,
    });
    // A long list of short items is fine; one long item is not.
    const many = Array.from({ length: 500 }, (_, i) => `g${i}`).join(',');
    expect(readCell(many, grades)).toMatchObject({ ok: true });
    expect(readCell(`07,${'x'.repeat(MAX_VALUE_BYTES + 1)}`, grades)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^an item of the list is \d+ bytes long/),
    });
  });

  it('trims the value it reads', () => {
    const title = allColumns.find((s) => s.name === 'title')!;
    expect(readCell('  Science 7 ', title)).toEqual({ ok: true, value: 'Science 7' });
  });
});
