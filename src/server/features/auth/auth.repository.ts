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
    /**
     * Replaces a throttle row only if it is still `prev` (compare and set), so two instances
     * counting failures for one key at once never lose one: the loser reads again and retries.
     */
    async replaceThrottle(
      prev: Database['sign_in_throttle'] | undefined,
      next: Database['sign_in_throttle'],
    ): Promise<boolean> {
      if (!prev) {
        const res = await db
          .insertInto('sign_in_throttle')
          .values(next)
          .onConflict((oc) => oc.column('key').doNothing())
          .executeTakeFirst();
        return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
      }
      const res = await db
        .updateTable('sign_in_throttle')
        .set({
          failures: next.failures,
          window_started_at: next.window_started_at,
          locked_until: next.locked_until,
        })
        .where('key', '=', prev.key)
        .where('failures', '=', prev.failures)
        .where('window_started_at', '=', prev.window_started_at)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },
    async clearThrottle(key: string) {
      await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
    },
  };
}
