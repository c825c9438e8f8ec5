// The only SQL of one-time links and their sessions. Every query is scoped by district.
import type { Kysely } from 'kysely';
import type { Database, LinkSessionsTable, OneTimeLinksTable } from '../db/schema.js';

export function linksRepository(db: Kysely<Database>) {
  return {
    async insertLinks(rows: OneTimeLinksTable[]): Promise<void> {
      if (rows.length) await db.insertInto('one_time_links').values(rows).execute();
    },

    /** Revokes the unused links of these subjects for one purpose and target (a re-issue). */
    async revokeOpen(
      districtId: string,
      purpose: string,
      targetId: string | null,
      subjectIds: string[],
      at: string,
    ): Promise<number> {
      if (subjectIds.length === 0) return 0;
      let q = db
        .updateTable('one_time_links')
        .set({ revoked_at: at })
        .where('district_id', '=', districtId)
        .where('purpose', '=', purpose)
        .where('subject_person_id', 'in', subjectIds)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null);
      q =
        targetId === null ? q.where('target_id', 'is', null) : q.where('target_id', '=', targetId);
      return Number((await q.executeTakeFirst()).numUpdatedRows);
    },

    /** Ends the open sessions of one subject's links for one purpose and target. */
    async endSessionsOfSubject(
      districtId: string,
      purpose: string,
      targetId: string | null,
      subjectId: string,
    ): Promise<number> {
      const res = await db
        .deleteFrom('link_sessions')
        .where('district_id', '=', districtId)
        .where('link_id', 'in', (eb) => {
          const q = eb
            .selectFrom('one_time_links')
            .select('id')
            .where('district_id', '=', districtId)
            .where('purpose', '=', purpose)
            .where('subject_person_id', '=', subjectId);
          return targetId === null
            ? q.where('target_id', 'is', null)
            : q.where('target_id', '=', targetId);
        })
        .executeTakeFirst();
      return Number(res.numDeletedRows);
    },

    findByTokenHash(districtId: string, tokenHash: string) {
      return db
        .selectFrom('one_time_links')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
    },

    /** Marks the link used if nobody did first; false when another redemption won. */
    async markUsed(districtId: string, id: string, at: string): Promise<boolean> {
      const r = await db
        .updateTable('one_time_links')
        .set({ used_at: at })
        .where('district_id', '=', districtId)
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async insertSession(row: LinkSessionsTable): Promise<void> {
      await db.insertInto('link_sessions').values(row).execute();
    },

    findSession(districtId: string, id: string, now: string) {
      return db
        .selectFrom('link_sessions as s')
        .innerJoin('people as p', (j) =>
          j.onRef('p.district_id', '=', 's.district_id').onRef('p.id', '=', 's.person_id'),
        )
        .innerJoin('districts as d', 'd.id', 's.district_id')
        .select([
          's.district_id',
          's.id',
          's.link_id',
          's.person_id',
          's.purpose',
          's.target_id',
          's.csrf_token',
          's.expires_at',
          'p.given_name',
          'p.preferred_name',
          'p.school_id',
          'd.timezone',
        ])
        .where('s.district_id', '=', districtId)
        .where('s.id', '=', id)
        .where('s.expires_at', '>', now)
        .where('p.active', '=', 1)
        .executeTakeFirst();
    },

    async endSession(districtId: string, id: string): Promise<void> {
      await db
        .deleteFrom('link_sessions')
        .where('district_id', '=', districtId)
        .where('id', '=', id)
        .execute();
    },
  };
}
