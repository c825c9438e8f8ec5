// Repair after conflict: the adult leads the repair (seeds: Establish–Maintain–Restore). A
// correction or an incident opens a repair for that dyad; an empathy statement, a repair
// conversation or a restorative conversation closes it. Repairs are derived from the dyad's
// history, never stored, so undoing a moment can never leave a stale repair behind.
//
// Not every correction harms the relationship ("please sit down" rarely needs an empathy
// statement), so the teacher can also close a repair as *not needed* in one tap. That is a
// stored, undoable mark (the `repair_closures` table: who, when, and the repair's start), a
// closer event of kind REPAIR_NOT_NEEDED here; it is not a moment with the student, so it is
// never an interaction and never counts as a repair in the time-to-repair report.
//
// An open repair ages. The focus list is weekly and its other signals look back over one school
// week (NO_POSITIVE_SCHOOL_DAYS), and the restore stage asks for repair soon after the harm, so
// a repair stays an urgent focus reason for REPAIR_URGENT_SCHOOL_DAYS school days after the
// day it opened. Older, it is still open (listed with its age, the dyad's stage is still
// restore) but it ranks below every other focus reason, so September's corrections cannot crowd
// out this week's students.

export const REPAIR_OPENERS = ['correction'] as const;
export const REPAIR_CLOSERS = ['empathy_statement', 'repair', 'restorative_conversation'] as const;

export function opensRepair(kind: string): boolean {
  return (REPAIR_OPENERS as readonly string[]).includes(kind);
}
export function closesRepair(kind: string): boolean {
  return (REPAIR_CLOSERS as readonly string[]).includes(kind) || kind === REPAIR_NOT_NEEDED;
}

/** The event kind of a teacher's "not needed" mark (a repair closure, not an interaction). */
export const REPAIR_NOT_NEEDED = 'repair_not_needed';

/** School days after the day it opened during which a repair is an urgent focus reason. */
export const REPAIR_URGENT_SCHOOL_DAYS = 5;

/** A repair that opened `schoolDaysOpen` school days ago (0: today) is still urgent. */
export function isUrgentRepair(schoolDaysOpen: number): boolean {
  return schoolDaysOpen <= REPAIR_URGENT_SCHOOL_DAYS;
}

export interface RepairEvent {
  at: string;
  /** An interaction kind, 'incident', or REPAIR_NOT_NEEDED. */
  kind: string;
}

export interface RepairEpisode {
  openedAt: string;
  closedAt: string | null;
  /** How it closed: by a repair the teacher led, or marked not needed. */
  closedBy: 'repair' | 'not_needed' | null;
}

/** The repair episodes of one dyad: each opens at the first opener after a close. */
export function repairEpisodes(events: Iterable<RepairEvent>): RepairEpisode[] {
  // At the same instant an opener comes first, so a repair logged with its cause closes it
  // (the SQL rule in practice.repository.ts agrees: an opener must be later than the close).
  const rank = (e: RepairEvent) => (e.kind === 'incident' || opensRepair(e.kind) ? 0 : 1);
  const sorted = [...events].sort((a, b) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : rank(a) - rank(b),
  );
  const episodes: RepairEpisode[] = [];
  let open: RepairEpisode | null = null;
  for (const e of sorted) {
    if (e.kind === 'incident' || opensRepair(e.kind)) {
      if (!open) {
        open = { openedAt: e.at, closedAt: null, closedBy: null };
        episodes.push(open);
      }
    } else if (closesRepair(e.kind) && open) {
      open.closedAt = e.at;
      open.closedBy = e.kind === REPAIR_NOT_NEEDED ? 'not_needed' : 'repair';
      open = null;
    }
  }
  return episodes;
}

/** The open repair, if the dyad has one. */
export function openRepair(events: Iterable<RepairEvent>): RepairEpisode | null {
  const last = repairEpisodes(events).at(-1);
  return last && last.closedAt === null ? last : null;
}

/**
 * Hours from opening to a repair, for episodes closed by one; median and counts (a teacher's own
 * report). Episodes marked not needed are counted apart: they were not repaired, fast or slow.
 */
export function timeToRepair(episodes: readonly RepairEpisode[]): {
  closed: number;
  open: number;
  notNeeded: number;
  medianHours: number | null;
} {
  const notNeeded = episodes.filter((e) => e.closedBy === 'not_needed').length;
  const hours = episodes
    .filter((e) => e.closedAt !== null && e.closedBy !== 'not_needed')
    .map((e) => (Date.parse(e.closedAt!) - Date.parse(e.openedAt)) / 3600_000)
    .sort((a, b) => a - b);
  const mid = Math.floor(hours.length / 2);
  const median =
    hours.length === 0
      ? null
      : hours.length % 2
        ? hours[mid]!
        : (hours[mid - 1]! + hours[mid]!) / 2;
  return {
    closed: hours.length,
    open: episodes.filter((e) => e.closedAt === null).length,
    notNeeded,
    medianHours: median,
  };
}
