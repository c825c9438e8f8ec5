import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

// 500 rows × 13 columns stays well under SQLite's and PostgreSQL's bound-parameter limits.
const CHUNK = 500;

export function demoRepository(db: Kysely<Database>) {
  return {
    async hasAnyDistrict(): Promise<boolean> {
      return (
        (await db.selectFrom('districts').select('id').limit(1).executeTakeFirst()) !== undefined
      );
    },
    async usernameTaken(usernames: string[]): Promise<string | undefined> {
      const row = await db
        .selectFrom('accounts')
        .select('username')
        .where('username', 'in', usernames)
        .executeTakeFirst();
      return row?.username;
    },
    async insertAll<T extends keyof Database>(
      table: T,
      rows: readonly Database[T][],
    ): Promise<void> {
      for (let i = 0; i < rows.length; i += CHUNK) {
        await db
          .insertInto(table)
          .values(rows.slice(i, i + CHUNK) as never)
          .execute();
      }
    },
  };
}
