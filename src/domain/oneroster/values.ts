// Reading one OneRoster CSV value. Each reader returns the value, or the reason it cannot be
// read. A value that breaks the specification but means one thing only is read with a warning;
// a value that could mean two things (a date whose day and month could be swapped) is an error.
import type { ColumnSpec } from './spec.js';

export type Read<T> = { ok: true; value: T; warning?: string } | { ok: false; reason: string };

const ok = <T>(value: T, warning?: string): Read<T> =>
  warning ? { ok: true, value, warning } : { ok: true, value };
const fail = (reason: string): Read<never> => ({ ok: false, reason });

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  // Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear does not.
  const last = new Date(0);
  last.setUTCFullYear(y, m, 0);
  return d <= last.getUTCDate();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Dates written with the day and month in an order that cannot be read from the value alone. */
const NUMERIC_DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;

function numericDateReason(raw: string): string {
  return (
    `"${raw}" is not a YYYY-MM-DD date, and Rapport does not guess whether its first number is ` +
    `the day or the month; write it as YYYY-MM-DD`
  );
}

/** A calendar date, YYYY-MM-DD. */
export function readDate(raw: string): Read<string> {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isCalendarDate(y, mo, d) ? ok(raw) : fail(`"${raw}" is not a day of the calendar`);
  }
  // A date with a time where a date belongs: the date part means one thing.
  m = /^(\d{4})-(\d{2})-(\d{2})T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/.exec(raw);
  if (m && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])))
    return ok(
      `${m[1]}-${m[2]}-${m[3]}`,
      'a date and time where a date (YYYY-MM-DD) belongs; the date part was read',
    );
  // Year first with another separator (2023/05/01) is never ambiguous.
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(raw);
  if (m && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])))
    return ok(
      `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`,
      'a date not written YYYY-MM-DD; read year, month, day',
    );
  if (NUMERIC_DMY.test(raw)) return fail(numericDateReason(raw));
  return fail(`"${raw}" is not a date (YYYY-MM-DD)`);
}

/** An instant, ISO 8601 with a time zone; returned as UTC `YYYY-MM-DDTHH:MM:SS.sssZ`. */
export function readDateTime(raw: string): Read<string> {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(
      raw,
    );
  if (m) {
    const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59 || s > 60)
      return fail(`"${raw}" is not a valid date and time`);
    const frac = (m[7] ?? '').slice(0, 4).padEnd(4, '0').slice(1) || '000';
    const zone = m[8] ?? 'Z';
    const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${pad(s)}.${frac}${zone === 'Z' ? 'Z' : zone.length === 3 ? `${zone}:00` : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`}`;
    // A leap second or an offset past 23:59 is no instant a Date can hold.
    const instant = new Date(iso);
    if (Number.isNaN(instant.getTime())) return fail(`"${raw}" is not a valid date and time`);
    const value = instant.toISOString();
    const warnings: string[] = [];
    if (raw[10] === ' ') warnings.push('a space where ISO 8601 puts "T"');
    if (!m[8]) warnings.push('no time zone; read as UTC');
    return ok(value, warnings.length ? warnings.join('; ') : undefined);
  }
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (date) {
    if (!isCalendarDate(Number(date[1]), Number(date[2]), Number(date[3])))
      return fail(`"${raw}" is not a day of the calendar`);
    return ok(`${raw}T00:00:00.000Z`, 'a date where a date and time belongs; read as midnight UTC');
  }
  if (NUMERIC_DMY.test(raw) || /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}[ T]/.test(raw))
    return fail(numericDateReason(raw));
  return fail(`"${raw}" is not a date and time (ISO 8601, e.g. 2024-08-15T14:03:00Z)`);
}

export function readYear(raw: string): Read<string> {
  return /^\d{4}$/.test(raw) ? ok(raw) : fail(`"${raw}" is not a year (YYYY)`);
}

export function readBoolean(raw: string): Read<boolean> {
  if (raw === 'true' || raw === 'false') return ok(raw === 'true');
  const lower = raw.toLowerCase();
  if (lower === 'true' || lower === 'false')
    return ok(
      lower === 'true',
      `"${raw}" read as "${lower}" (the specification writes it in lower case)`,
    );
  return fail(`"${raw}" is not true or false`);
}

export function readEnum(raw: string, values: readonly string[], column: string): Read<string> {
  if (values.includes(raw)) return ok(raw);
  const match = values.find((v) => v.toLowerCase() === raw.toLowerCase());
  if (match) return ok(match, `"${raw}" read as "${match}" (the specification's spelling)`);
  // OneRoster 1.0 spelled a deactivated record "inactive".
  if (column === 'status' && raw.toLowerCase() === 'inactive')
    return ok('tobedeleted', '"inactive" (OneRoster 1.0) read as "tobedeleted"');
  return fail(`"${raw}" is not one of ${values.join(', ')}`);
}

/** A comma-separated list; items are trimmed and empty items dropped. */
export function readList(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export type CellValue = string | string[] | boolean | null;

/**
 * The longest value (or list item) read, in UTF-8 bytes. No OneRoster field needs more, and
 * PostgreSQL cannot index a key past 2,704 bytes (sourcedIds, usernames and emails are keys).
 */
export const MAX_VALUE_BYTES = 1024;

function tooLong(v: string): string | null {
  // A UTF-16 unit is at most 3 bytes of UTF-8: short values need no count.
  if (v.length * 3 <= MAX_VALUE_BYTES) return null;
  const bytes = new TextEncoder().encode(v).length;
  return bytes > MAX_VALUE_BYTES
    ? `the value is ${bytes} bytes long; Rapport reads at most ${MAX_VALUE_BYTES} bytes in one field`
    : null;
}

/**
 * Reads one cell by its column's spec. Empty cells are null; whether null is allowed is the
 * caller's rule (required columns), since it depends on bulk or delta.
 */
// A roster file repeats the same few dates on most rows (one export stamp, a term's start):
// a bounded memo makes reading them a map lookup. The readers are pure, so this changes nothing
// but speed.
const MEMO_LIMIT = 4096;
const dates = new Map<string, Read<string>>();
const dateTimes = new Map<string, Read<string>>();
function remembered(
  memo: Map<string, Read<string>>,
  v: string,
  read: (raw: string) => Read<string>,
) {
  let r = memo.get(v);
  if (r === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    r = read(v);
    memo.set(v, r);
  }
  return r;
}

export function readCell(raw: string, spec: ColumnSpec): Read<CellValue> {
  const v = raw.trim();
  if (v === '') return ok(null);
  // PostgreSQL text cannot hold U+0000, and no roster value means one.
  if (v.includes('\u0000'))
    return fail('the value holds a NUL character (byte 0), which is not text');
  switch (spec.kind) {
    case 'guid':
    case 'ref':
    case 'string': {
      const long = tooLong(v);
      return long ? fail(long) : ok(v);
    }
    case 'refs':
    case 'strings': {
      const items = readList(v);
      const long = items.map(tooLong).find((r) => r !== null);
      return long ? fail(long.replace('the value', 'an item of the list')) : ok(items);
    }
    case 'date':
      return remembered(dates, v, readDate);
    case 'datetime':
      return remembered(dateTimes, v, readDateTime);
    case 'year':
      return readYear(v);
    case 'boolean':
      return readBoolean(v);
    case 'enum':
      return readEnum(v, spec.values ?? [], spec.name);
  }
}
