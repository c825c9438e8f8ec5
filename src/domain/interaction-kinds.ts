// The kinds of logged moment (an *interaction*). Positive kinds count toward the 5:1 ratio
// (Cook et al. 2018: five positive interactions to each correction; non-contingent warmth
// counts). Relationship actions are what later work (repairs, plans) builds on.

export const INTERACTION_KINDS = [
  'affirmation', // praise for something the student did
  'warm_moment', // non-contingent: a greeting, a smile, a check-in
  'correction',
  'conversation', // a two-minute personal, non-academic conversation (2x10)
  'empathy_statement',
  'repair', // a repair conversation after a correction or conflict
  'restorative_conversation',
  'one_on_one', // a one-on-one meeting
  'family_contact',
  // The teacher's own short note about the student (its text in `note`, shown only to its
  // author). Not a moment the student lived, so it is not positive and closes no repair.
  'note',
] as const;

export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/** The kinds the class view offers as one-tap buttons, in display order. */
export const QUICK_KINDS: readonly InteractionKind[] = ['warm_moment', 'affirmation', 'correction'];

/** The kinds a student's page offers besides repairs and plans, in display order. */
export const STUDENT_PAGE_KINDS = [
  'one_on_one',
  'family_contact',
  'conversation',
  'note',
] as const satisfies readonly InteractionKind[];

/**
 * Kinds that are not a moment with the student: the teacher's own note. They do not count as
 * interactions of the dyad (a stage's "few interactions", the focus list's signals).
 */
export const NOT_CONTACT_KINDS: ReadonlySet<InteractionKind> = new Set(['note']);

export function isContact(kind: InteractionKind): boolean {
  return !NOT_CONTACT_KINDS.has(kind);
}

/** Kinds whose request must carry a note: the note is what they record. */
export const NOTE_REQUIRED_KINDS: ReadonlySet<InteractionKind> = new Set(['note']);

// Only affirmations and warm moments count toward the ratio: the guide is five positive
// comments, praise or non-contingent warmth such as a smile, to each correction (EMR, Cook et
// al. 2018). A conversation, meeting, family contact or note is logged as what it is and does
// not move the tally.
export const POSITIVE_KINDS: ReadonlySet<InteractionKind> = new Set(['affirmation', 'warm_moment']);

export function isInteractionKind(value: string): value is InteractionKind {
  return (INTERACTION_KINDS as readonly string[]).includes(value);
}

export function isPositive(kind: InteractionKind): boolean {
  return POSITIVE_KINDS.has(kind);
}

/** A teacher may undo a logged interaction for this long after logging it. */
export const UNDO_WINDOW_MS = 10 * 60 * 1000;

export function canUndo(createdAtIso: string, nowMs: number): boolean {
  return nowMs - Date.parse(createdAtIso) <= UNDO_WINDOW_MS;
}

export const MAX_NOTE_LENGTH = 2000;

/** Why a log request's note does not fit its kind, naming the field; null when it fits. */
export function noteProblem(kind: InteractionKind, note: string | undefined): string | null {
  const text = note?.trim() ?? '';
  if (NOTE_REQUIRED_KINDS.has(kind) && text === '') return 'is required for a note';
  if ((note ?? '').length > MAX_NOTE_LENGTH) return `must be at most ${MAX_NOTE_LENGTH} characters`;
  return null;
}
export const MAX_TAG_LENGTH = 40;
export const MAX_STUDENTS_PER_LOG = 60;

/** Positive (affirmations + warm moments) and corrections, from counts per kind. */
export function tallyRatio(counts: Iterable<readonly [kind: string, count: number]>): {
  positive: number;
  corrections: number;
} {
  let positive = 0;
  let corrections = 0;
  for (const [kind, n] of counts) {
    if (isInteractionKind(kind) && isPositive(kind)) positive += n;
    else if (kind === 'correction') corrections += n;
  }
  return { positive, corrections };
}

/** "7 : 2", and "7 : 0" when there were no corrections (never infinity). */
export function formatRatio(positive: number, corrections: number): string {
  return `${positive} : ${corrections}`;
}
