import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export function authRepository(db: Kysely<Database>) {
  return {
    /** Sign-in looks up by username or email across districts: usernames are unique service-wide. */
    async findAccountForSignIn(login: string) {
      const lower = login.trim().toLowerCase();
      const byUsername = await db
        .selectFrom('accounts')
        .selectAll()
        .where('username', '=', lower)
        .executeTakeFirst();
      if (byUsername) return byUsername;
      const byEmail = await db
        .selectFrom('accounts')
        .selectAll()
        .where('email', '=', lower)
        .limit(2)
        .execute();
      return byEmail.length === 1 ? byEmail[0] : undefined; // an email shared by two accounts signs in neither
    },
    async sessionUser(districtId: string, accountId: string) {
      return db
        .selectFrom('accounts as a')
        .innerJoin('districts as d', 'd.id', 'a.district_id')
        .leftJoin('people as p', (j) =>
          j.onRef('p.district_id', '=', 'a.district_id').onRef('p.id', '=', 'a.person_id'),
        )
        .select([
          'a.id',
          'a.role',
          'a.locale',
          'a.school_id',
          'a.username',
          'd.name as districtName',
          'p.given_name',
          'p.preferred_name',
          'p.family_name',
        ])
        .where('a.district_id', '=', districtId)
        .where('a.id', '=', accountId)
        .executeTakeFirstOrThrow();
    },
    async setLocale(districtId: string, accountId: string, locale: string) {
      await db
        .updateTable('accounts')
        .set({ locale })
        .where('district_id', '=', districtId)
        .where('id', '=', accountId)
        .execute();
    },
    async throttleRows(keys: string[]) {
      return db.selectFrom('sign_in_throttle').selectAll().where('key', 'in', keys).execute();
    },
    async upsertThrottle(row: Database['sign_in_throttle']) {
      await db
        .insertInto('sign_in_throttle')
        .values(row)
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            failures: row.failures,
            window_started_at: row.window_started_at,
            locked_until: row.locked_until,
          }),
        )
        .execute();
    },
    async clearThrottle(key: string) {
      await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
    },
  };
}
