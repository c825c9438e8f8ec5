// Housekeeping: rows that have served their purpose and would otherwise stay for ever.
// - Expired sessions (they hold an IP address and a browser's user agent) and expired one-time
//   link sessions: nobody can use them again.
// - Survey drafts of administrations whose window has closed. A draft names its participation,
//   so the answers of a student who started an anonymous survey and never submitted it would
//   stay linked to that student (docs/decisions/014-surveys.md); once the window has closed the
//   draft can never be submitted, so it is deleted.
// Every instance runs it at start-up and every hour; the deletes are idempotent, so instances
// running it at the same time delete each row once. Each statement is scoped to one district.
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';

export const HOUSEKEEPING_EVERY_MS = 60 * 60 * 1000;

export interface HousekeepingCounts {
  sessions: number;
  linkSessions: number;
  surveyDrafts: number;
}

/** Every district's housekeeping, or only these districts' (`only`: tests on a shared database). */
export async function runHousekeeping(
  db: Kysely<Database>,
  now: Date,
  only?: readonly string[],
): Promise<HousekeepingCounts> {
  const nowIso = now.toISOString();
  const counts: HousekeepingCounts = { sessions: 0, linkSessions: 0, surveyDrafts: 0 };
  const districts =
    only ?? (await db.selectFrom('districts').select('id').execute()).map((d) => d.id);
  for (const districtId of districts) {
    const sessions = await db
      .deleteFrom('sessions')
      .where('district_id', '=', districtId)
      .where('expires_at', '<=', nowIso)
      .executeTakeFirst();
    counts.sessions += Number(sessions.numDeletedRows);
    const links = await db
      .deleteFrom('link_sessions')
      .where('district_id', '=', districtId)
      .where('expires_at', '<=', nowIso)
      .executeTakeFirst();
    counts.linkSessions += Number(links.numDeletedRows);
    const drafts = await db
      .deleteFrom('survey_drafts')
      .where('district_id', '=', districtId)
      .where('participation_id', 'in', (eb) =>
        eb
          .selectFrom('survey_participations as p')
          .innerJoin('survey_administrations as a', (j) =>
            j
              .onRef('a.district_id', '=', 'p.district_id')
              .onRef('a.id', '=', 'p.administration_id'),
          )
          .select('p.id')
          .where('p.district_id', '=', districtId)
          .where('a.closes_at', '<=', nowIso),
      )
      .executeTakeFirst();
    counts.surveyDrafts += Number(drafts.numDeletedRows);
  }
  return counts;
}

/** Runs housekeeping now and every hour; `stop` ends the schedule and waits for a run in progress. */
export function keepHouse(
  db: Kysely<Database>,
  now: () => Date,
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void },
): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = runHousekeeping(db, now()).then(
      (counts) => {
        if (counts.sessions + counts.linkSessions + counts.surveyDrafts > 0)
          log.info({ deleted: counts }, 'housekeeping: expired sessions and closed drafts deleted');
      },
      (err: unknown) => log.error({ err }, 'housekeeping failed'),
    );
  };
  tick();
  const timer = setInterval(tick, HOUSEKEEPING_EVERY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
