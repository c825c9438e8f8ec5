// The request's world, worked out once per request (STYLE.md, "The request's world"): who is
// calling, the instant the request is served at, the district's "today" and, loaded on first
// use, the district's current term as a calendar. The session plugin builds it for every
// signed-in request; services take it instead of an actor and a clock, so none of them
// recomputes "today" or maps a term row to a calendar again.
import type { Kysely } from 'kysely';
import { localDate, localDayRange, type TermCalendar } from '../../../domain/calendar.js';
import { accessRepository } from '../access/access.repository.js';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/schema.js';

/** The district's term that includes today, with its school-day calendar. */
export interface CurrentTerm {
  id: string;
  name: string;
  calendar: TermCalendar;
  /** The instant the term's first day starts in the district's time zone. */
  start: string;
}

export interface RequestContext {
  readonly actor: Actor;
  /** The instant the request is served at (the app's clock; tests fix it). */
  readonly now: Date;
  /** The calendar date of `now` in the district's time zone. */
  readonly today: string;
  /** The instant today ends in the district's time zone: the upper bound of "up to today". */
  readonly todayEnd: string;
  /** The current term, read from the database on the first call and kept for the request. */
  term(): Promise<CurrentTerm | null>;
}

/** A context for `actor` at `now`; the term is read through `db` only when asked for. */
export function requestContext(db: Kysely<Database>, actor: Actor, now: Date): RequestContext {
  const today = localDate(now, actor.timeZone);
  let term: Promise<CurrentTerm | null> | undefined;
  return {
    actor,
    now,
    today,
    todayEnd: localDayRange(today, actor.timeZone).end,
    term() {
      term ??= accessRepository(db)
        .currentTerm(actor.districtId, today)
        .then((t) =>
          t
            ? {
                id: t.id,
                name: t.name,
                calendar: t.calendar,
                start: localDayRange(t.start_date, actor.timeZone).start,
              }
            : null,
        );
      // A failed read is not kept: the next call asks again.
      term.catch(() => (term = undefined));
      return term;
    },
  };
}
