import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export function sessionRepository(db: Kysely<Database>) {
  return {
    async findActive(districtId: string, sessionId: string, nowIso: string) {
      return db
        .selectFrom('sessions as s')
        .innerJoin('accounts as a', (j) =>
          j.onRef('a.district_id', '=', 's.district_id').onRef('a.id', '=', 's.account_id'),
        )
        .innerJoin('districts as d', 'd.id', 's.district_id')
        .select([
          'd.timezone',
          's.id as sessionId',
          's.csrf_token',
          's.expires_at',
          'a.id as accountId',
          'a.district_id',
          'a.person_id',
          'a.role',
          'a.school_id',
          'a.locale',
        ])
        .where('s.district_id', '=', districtId)
        .where('s.id', '=', sessionId)
        .where('s.expires_at', '>', nowIso)
        .where('a.active', '=', 1)
        .executeTakeFirst();
    },
    async create(row: Database['sessions']) {
      await db.insertInto('sessions').values(row).execute();
    },
    async extend(districtId: string, sessionId: string, expiresAt: string) {
      await db
        .updateTable('sessions')
        .set({ expires_at: expiresAt })
        .where('district_id', '=', districtId)
        .where('id', '=', sessionId)
        .execute();
    },
    async remove(districtId: string, sessionId: string) {
      await db
        .deleteFrom('sessions')
        .where('district_id', '=', districtId)
        .where('id', '=', sessionId)
        .execute();
    },
    async removeExpired(nowIso: string) {
      await db.deleteFrom('sessions').where('expires_at', '<=', nowIso).execute();
    },
  };
}
