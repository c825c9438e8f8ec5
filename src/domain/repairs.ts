// Repair after conflict: the adult leads the repair (seeds: Establish–Maintain–Restore). A
// correction or an incident opens a repair for that dyad; an empathy statement, a repair
// conversation or a restorative conversation closes it. Repairs are derived from the dyad's
// history, never stored, so undoing a moment can never leave a stale repair behind.

export const REPAIR_OPENERS = ['correction'] as const;
export const REPAIR_CLOSERS = ['empathy_statement', 'repair', 'restorative_conversation'] as const;

export function opensRepair(kind: string): boolean {
  return (REPAIR_OPENERS as readonly string[]).includes(kind);
}
export function closesRepair(kind: string): boolean {
  return (REPAIR_CLOSERS as readonly string[]).includes(kind);
}

export interface RepairEvent {
  at: string;
  /** An interaction kind, or 'incident'. */
  kind: string;
}

export interface RepairEpisode {
  openedAt: string;
  closedAt: string | null;
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
        open = { openedAt: e.at, closedAt: null };
        episodes.push(open);
      }
    } else if (closesRepair(e.kind) && open) {
      open.closedAt = e.at;
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

/** Hours from opening to closing, for closed episodes; median and count (a teacher's own report). */
export function timeToRepair(episodes: readonly RepairEpisode[]): {
  closed: number;
  open: number;
  medianHours: number | null;
} {
  const hours = episodes
    .filter((e) => e.closedAt !== null)
    .map((e) => (Date.parse(e.closedAt!) - Date.parse(e.openedAt)) / 3600_000)
    .sort((a, b) => a - b);
  const mid = Math.floor(hours.length / 2);
  const median =
    hours.length === 0
      ? null
      : hours.length % 2
        ? hours[mid]!
        : (hours[mid - 1]! + hours[mid]!) / 2;
  return { closed: hours.length, open: episodes.length - hours.length, medianHours: median };
}
