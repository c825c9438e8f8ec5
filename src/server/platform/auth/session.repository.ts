import type { Kysely } from 'kysely';
import { prepare } from '../db/prepared.js';
import type { Database } from '../db/schema.js';

export function sessionRepository(db: Kysely<Database>) {
  const findActive = prepare(
    db,
    (p: { districtId: string; sessionId: string; nowIso: string }) =>
      db
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
        .where('s.district_id', '=', p.districtId)
        .where('s.id', '=', p.sessionId)
        .where('s.expires_at', '>', p.nowIso)
        .where('a.active', '=', 1),
    ['districtId', 'sessionId', 'nowIso'],
  );
  return {
    /** The session with its account and district, if it exists, has not expired and the
     * account is active. Runs on every signed-in request, so it is compiled once. */
    async findActive(districtId: string, sessionId: string, nowIso: string) {
      const [row] = await findActive({ districtId, sessionId, nowIso });
      return row;
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
  };
}
