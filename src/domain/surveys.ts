// Survey rules without I/O: the window, the coarsened submission week, what a valid set of
// answers is for an instrument. The service turns a problem into a ValidationError.
import type { InstrumentFile } from './instruments.js';
import { addDays, isoWeekday } from './calendar.js';
import { isOptionValue } from './instruments.js';

/** A random (version 4) UUID: anonymous responses may not carry a time-ordered id. */
export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export type WindowState = 'scheduled' | 'open' | 'closed';

/** An administration is open from opensAt (inclusive) to closesAt (exclusive). */
export function windowState(opensAt: string, closesAt: string, now: Date): WindowState {
  const t = now.getTime();
  if (t < Date.parse(opensAt)) return 'scheduled';
  if (t >= Date.parse(closesAt)) return 'closed';
  return 'open';
}

/** The Monday of a date's week: the only time an anonymous response keeps (docs/decisions/014). */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export interface AnswerInput {
  itemId: string;
  value: number;
  people?: string[];
}

export interface AnswerProblem {
  field: string;
  row: number;
  reason: string;
}

/**
 * The first problem with a submission's answers, or null. Each item at most once, each item in
 * the instrument, each value one of its five options; only an "adult" item names people, and
 * only when the answer says there is someone (3..5).
 */
export function findAnswerProblem(
  instrument: InstrumentFile,
  answers: AnswerInput[],
  maxPeople = 5,
): AnswerProblem | null {
  const items = new Map(instrument.items.map((i) => [i.id, i]));
  const seen = new Set<string>();
  for (const [row, a] of answers.entries()) {
    const item = items.get(a.itemId);
    if (!item)
      return {
        field: `answers[${row}].itemId`,
        row,
        reason: `"${a.itemId}" is not an item of the instrument ${instrument.id}`,
      };
    if (seen.has(a.itemId))
      return { field: `answers[${row}].itemId`, row, reason: `"${a.itemId}" is answered twice` };
    seen.add(a.itemId);
    if (!isOptionValue(a.value))
      return {
        field: `answers[${row}].value`,
        row,
        reason: `${String(a.value)} is not an option of "${a.itemId}": answers are whole numbers from 1 to 5`,
      };
    if (a.people && a.people.length > 0) {
      if ((item.kind ?? 'rating') !== 'adult')
        return {
          field: `answers[${row}].people`,
          row,
          reason: `"${a.itemId}" does not name people`,
        };
      if (a.value < 3)
        return {
          field: `answers[${row}].people`,
          row,
          reason: 'names adults although the answer says there is nobody',
        };
      if (new Set(a.people).size !== a.people.length || a.people.length > maxPeople)
        return {
          field: `answers[${row}].people`,
          row,
          reason: `names someone twice or more than ${maxPeople} adults`,
        };
    }
  }
  return null;
}
