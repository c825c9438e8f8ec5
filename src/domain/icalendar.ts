// Days off from an iCalendar (RFC 5545) file: what a district's holiday calendar says there is
// no school. Pure: text in, dates out. Parsing and recurrence expansion are ical.js's (Mozilla);
// this module checks the file line by line first so that a bad file is refused with the line
// and the reason, and decides what an event means for school days
// (docs/decisions/010-icalendar.md).
import ICAL from 'ical.js';
import { addDays, isIsoDate } from './calendar.js';

/** The largest file read (UTF-8 bytes). */
export const MAX_ICS_BYTES = 2 * 1024 * 1024;
/** Occurrences one recurring event may produce before the end of the range. */
export const MAX_OCCURRENCES_PER_EVENT = 5_000;
/** Occurrences all recurring events of a file may produce together. */
export const MAX_OCCURRENCES_PER_FILE = 100_000;
export const MAX_REASON_LENGTH = 200;
/** The reason given to an all-day event without a SUMMARY. */
export const DEFAULT_REASON = 'Day off';

export interface IcsDayOff {
  date: string;
  /** The event's SUMMARY; several events on one date are joined with "; ". */
  reason: string;
}

/** An event that names no day off: a timed event (it has a time of day, so it is not a day off). */
export interface IcsSkippedEvent {
  /** The line of its BEGIN:VEVENT. */
  line: number;
  summary: string;
  reason: 'timed';
}

export interface IcsDaysOff {
  days: IcsDayOff[];
  skipped: IcsSkippedEvent[];
}

/** A file that cannot be read: the line (1-based, of the file as uploaded) and why. */
export class IcsError extends Error {
  constructor(
    readonly line: number | null,
    readonly reason: string,
  ) {
    super(line === null ? reason : `line ${line}: ${reason}`);
    this.name = 'IcsError';
  }
}

interface LogicalLine {
  /** 1-based number of the physical line it starts on. */
  line: number;
  text: string;
}

interface ScannedEvent {
  line: number;
  hasStart: boolean;
}

const NAME_RE = /^[A-Za-z0-9-]+/;
const DATE_VALUE_RE = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME_VALUE_RE = /^(\d{4})(\d{2})(\d{2})T([01]\d|2[0-3])([0-5]\d)([0-5]\d|60)Z?$/;
const DATE_PROPERTIES = new Set(['DTSTART', 'DTEND', 'EXDATE', 'RDATE', 'RECURRENCE-ID']);

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Unfolds continuation lines (a line starting with a space or tab continues the previous one). */
function unfold(text: string): LogicalLine[] {
  const physical = text.split(/\r\n|\n|\r/);
  const out: LogicalLine[] = [];
  physical.forEach((raw, i) => {
    const last = out.at(-1);
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && last) last.text += raw.slice(1);
    else out.push({ line: i + 1, text: raw });
  });
  return out.filter((l) => l.text.trim() !== '');
}

/** Splits "NAME;PARAM=x;PARAM="a:b":value" into its name, parameters and value. */
function splitLine(l: LogicalLine): { name: string; params: Map<string, string>; value: string } {
  const name = NAME_RE.exec(l.text)?.[0];
  if (!name) throw new IcsError(l.line, `"${preview(l.text)}" does not start with a property name`);
  const params = new Map<string, string>();
  let i = name.length;
  while (l.text[i] === ';') {
    let j = i + 1;
    let inQuotes = false;
    while (j < l.text.length && (inQuotes || (l.text[j] !== ';' && l.text[j] !== ':'))) {
      if (l.text[j] === '"') inQuotes = !inQuotes;
      j++;
    }
    const param = l.text.slice(i + 1, j);
    const eq = param.indexOf('=');
    if (eq <= 0)
      throw new IcsError(l.line, `the parameter "${preview(param)}" of ${name} has no value`);
    params.set(param.slice(0, eq).toUpperCase(), param.slice(eq + 1).replace(/^"|"$/g, ''));
    i = j;
  }
  if (l.text[i] !== ':')
    throw new IcsError(l.line, `"${preview(l.text)}" has no ":" between the name and the value`);
  return { name: name.toUpperCase(), params, value: l.text.slice(i + 1) };
}

function preview(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function checkDateValue(l: LogicalLine, name: string, params: Map<string, string>, value: string) {
  for (const item of value.split(',')) {
    if (name === 'RDATE' && item.includes('/')) continue; // a period; ical.js reads it
    const date = DATE_VALUE_RE.exec(item);
    const dateTime = DATE_TIME_VALUE_RE.exec(item);
    const m = date ?? dateTime;
    if (!m || (params.get('VALUE') === 'DATE' && !date))
      throw new IcsError(
        l.line,
        `${name} "${preview(item)}" is not a date (YYYYMMDD) or a date and time (YYYYMMDDTHHMMSS)`,
      );
    if (!isIsoDate(`${m[1]}-${m[2]}-${m[3]}`))
      throw new IcsError(l.line, `${name} "${item}" is not a calendar date`);
  }
}

/**
 * Checks the file's shape line by line (the things ical.js would refuse without saying where, or
 * accept and fail on later) and lists its events with their lines, in file order.
 */
function scan(lines: LogicalLine[]): ScannedEvent[] {
  const first = lines[0];
  if (!first || first.text.trim().toUpperCase() !== 'BEGIN:VCALENDAR')
    throw new IcsError(
      first?.line ?? 1,
      'not an iCalendar file: it must start with BEGIN:VCALENDAR',
    );
  const stack: Array<{ name: string; line: number }> = [];
  const events: ScannedEvent[] = [];
  let ended = false;
  for (const l of lines) {
    if (ended) throw new IcsError(l.line, 'there is content after END:VCALENDAR');
    const { name, params, value } = splitLine(l);
    if (name === 'BEGIN') {
      const component = value.trim().toUpperCase();
      if (!/^[A-Z0-9-]+$/.test(component))
        throw new IcsError(l.line, `"${preview(value)}" is not a component name`);
      if (component === 'VCALENDAR' && stack.length > 0)
        throw new IcsError(l.line, 'a VCALENDAR cannot be inside another component');
      stack.push({ name: component, line: l.line });
      if (component === 'VEVENT' && stack.length === 2)
        events.push({ line: l.line, hasStart: false });
      continue;
    }
    if (name === 'END') {
      const component = value.trim().toUpperCase();
      const open = stack.pop();
      if (!open) throw new IcsError(l.line, `END:${component} closes nothing`);
      if (open.name !== component)
        throw new IcsError(
          l.line,
          `END:${component} closes BEGIN:${open.name} (line ${open.line})`,
        );
      if (stack.length === 0) ended = true;
      continue;
    }
    const inEvent = stack.length === 2 && stack[1]!.name === 'VEVENT';
    if (!inEvent) continue;
    if (DATE_PROPERTIES.has(name)) checkDateValue(l, name, params, value);
    if (name === 'DTSTART') events.at(-1)!.hasStart = true;
    if (name === 'RRULE') {
      try {
        ICAL.Recur.fromString(value);
      } catch (error) {
        throw new IcsError(l.line, `RRULE is not valid: ${(error as Error).message}`);
      }
    }
    if (name === 'DURATION' && !/^[+-]?P(\d+W|(\d+D)?(T(\d+H)?(\d+M)?(\d+S)?)?)$/.test(value))
      throw new IcsError(l.line, `DURATION "${preview(value)}" is not a duration such as P1D`);
  }
  const open = stack.at(-1);
  if (open) throw new IcsError(open.line, `BEGIN:${open.name} is never closed`);
  for (const e of events) if (!e.hasStart) throw new IcsError(e.line, 'the event has no DTSTART');
  return events;
}

function isoOf(t: ICAL.Time): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
}

/** The dates an all-day occurrence covers: from its start up to its (exclusive) end, at least one. */
function datesCovered(start: ICAL.Time, end: ICAL.Time | null): string[] {
  const first = isoOf(start);
  const endIso = end ? isoOf(end) : first;
  const out = [first];
  for (let d = addDays(first, 1); d < endIso; d = addDays(d, 1)) out.push(d);
  return out;
}

function summaryOf(e: ICAL.Event): string {
  const s = (e.summary ?? '').replace(/\s+/g, ' ').trim();
  return s === '' ? DEFAULT_REASON : s;
}

function cancelled(e: ICAL.Event): boolean {
  return String(e.component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
}

/**
 * The days off an iCalendar file lists between `from` and `to` (both inclusive, YYYY-MM-DD):
 * every date an all-day event covers (DTEND is exclusive; no DTEND means one day), recurring
 * events expanded within the range (RRULE, RDATE, EXDATE, and instances moved or cancelled by a
 * RECURRENCE-ID). Weekends are kept when the file lists them. Timed events are not days off:
 * they are returned in `skipped`. Cancelled events are ignored. Throws IcsError on a bad file.
 */
export function readDaysOff(icsText: string, range: { from: string; to: string }): IcsDaysOff {
  if (!isIsoDate(range.from) || !isIsoDate(range.to) || range.from > range.to)
    throw new RangeError(`bad range ${range.from}..${range.to}`);
  if (icsText.length > MAX_ICS_BYTES || utf8Length(icsText) > MAX_ICS_BYTES)
    throw new IcsError(null, `the file is larger than ${MAX_ICS_BYTES / 1024 / 1024} MB`);
  const text = icsText.replace(/^\uFEFF/, '');
  const binary = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/.exec(text);
  if (binary) {
    const line = text.slice(0, binary.index).split(/\r\n|\n|\r/).length;
    throw new IcsError(line, 'the file contains binary data: it is not an iCalendar text file');
  }
  const lines = unfold(text);
  const scanned = scan(lines);

  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(lines.map((l) => l.text).join('\r\n')));
  } catch (error) {
    const message = (error as Error).message;
    const culprit = lines.find(
      (l) => message.includes(`"${l.text}"`) || message.includes(`'${l.text}'`),
    );
    throw new IcsError(culprit?.line ?? null, `the file could not be read: ${message}`);
  }
  const vevents = root.getAllSubcomponents('vevent');

  // Masters and their exceptions (RECURRENCE-ID), related by UID.
  const lineOf = new Map<ICAL.Component, number>();
  vevents.forEach((v, i) => lineOf.set(v, scanned[i]?.line ?? 0));
  const exceptionsByUid = new Map<string, ICAL.Component[]>();
  const masters: ICAL.Component[] = [];
  const uids = new Set<string>();
  for (const v of vevents) {
    const uid = String(v.getFirstPropertyValue('uid') ?? '');
    if (v.hasProperty('recurrence-id')) {
      exceptionsByUid.set(uid, [...(exceptionsByUid.get(uid) ?? []), v]);
    } else {
      masters.push(v);
      uids.add(uid);
    }
  }
  // An exception without its master stands on its own.
  for (const [uid, list] of exceptionsByUid)
    if (!uids.has(uid) || uid === '') masters.push(...list);

  const reasons = new Map<string, string[]>();
  const skipped: IcsSkippedEvent[] = [];
  const add = (dates: string[], reason: string) => {
    for (const d of dates) {
      if (d < range.from || d > range.to) continue;
      const list = reasons.get(d) ?? [];
      if (!list.includes(reason)) list.push(reason);
      reasons.set(d, list);
    }
  };
  let budget = MAX_OCCURRENCES_PER_FILE;
  for (const v of masters) {
    const line = lineOf.get(v) ?? 0;
    const uid = String(v.getFirstPropertyValue('uid') ?? '');
    const isMaster = !v.hasProperty('recurrence-id');
    const event = new ICAL.Event(v, {
      strictExceptions: true,
      exceptions: isMaster && uid !== '' ? (exceptionsByUid.get(uid) ?? []) : [],
    });
    if (cancelled(event)) continue;
    try {
      if (!event.startDate.isDate) {
        skipped.push({ line, summary: summaryOf(event), reason: 'timed' });
        continue;
      }
      if (!isMaster || !event.isRecurring()) {
        add(datesCovered(event.startDate, event.endDate), summaryOf(event));
        continue;
      }
      const iterator = event.iterator();
      let count = 0;
      for (let next = iterator.next(); next; next = iterator.next()) {
        if (isoOf(next) > range.to) break;
        if (++count > MAX_OCCURRENCES_PER_EVENT || --budget < 0)
          throw new IcsError(
            line,
            count > MAX_OCCURRENCES_PER_EVENT
              ? `the event repeats more than ${MAX_OCCURRENCES_PER_EVENT} times before ${range.to}`
              : `the file's events repeat more than ${MAX_OCCURRENCES_PER_FILE} times before ${range.to}`,
          );
        const details = event.getOccurrenceDetails(next);
        const item = details.item;
        if (item !== event && cancelled(item)) continue;
        if (!details.startDate.isDate) continue; // a moved instance that now has a time of day
        add(datesCovered(details.startDate, details.endDate), summaryOf(item));
      }
    } catch (error) {
      if (error instanceof IcsError) throw error;
      throw new IcsError(line, `the event could not be read: ${(error as Error).message}`);
    }
  }

  const days = [...reasons]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, list]) => ({ date, reason: list.join('; ').slice(0, MAX_REASON_LENGTH) }));
  return { days, skipped };
}
