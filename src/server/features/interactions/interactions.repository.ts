import type { Kysely } from 'kysely';
import type { Database, NewInteraction } from '../../platform/db/schema.js';

export type InteractionRow = Database['interactions'];

export function interactionsRepository(db: Kysely<Database>) {
  return {
    async byClientId(
      districtId: string,
      authorAccountId: string,
      clientId: string,
    ): Promise<InteractionRow[]> {
      return db
        .selectFrom('interactions')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('author_account_id', '=', authorAccountId)
        .where('client_id', '=', clientId)
        .orderBy('student_id')
        .execute();
    },

    /** Inserts the rows of one log request; a row whose (author, client id, student) exists is
     * skipped. Returns how many were inserted. */
    async insertMany(rows: NewInteraction[]): Promise<number> {
      const result = await db
        .insertInto('interactions')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['district_id', 'author_account_id', 'client_id', 'student_id']).doNothing(),
        )
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0);
    },

    async markUndone(
      districtId: string,
      authorAccountId: string,
      clientId: string,
      nowIso: string,
    ): Promise<number> {
      const res = await db
        .updateTable('interactions')
        .set({ undone_at: nowIso })
        .where('district_id', '=', districtId)
        .where('author_account_id', '=', authorAccountId)
        .where('client_id', '=', clientId)
        .where('undone_at', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows);
    },
  };
}
