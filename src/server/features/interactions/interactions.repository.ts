import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../../platform/db/partitions.js';
import { executeNamed } from '../../platform/db/prepared.js';
import type { Database, NewInteraction } from '../../platform/db/schema.js';

export type InteractionRow = Database['interactions'];

export function interactionsRepository(db: Kysely<Database>) {
  const postgres = isPostgres(db);
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

    /**
     * Inserts the rows of one log request unless this author has used the client id before,
     * in one statement: the check and the insert cannot be split by a concurrent replay, and a
     * row that still collides (same author, client id and student) is skipped by the unique
     * index. Returns how many rows were inserted: all of them, or none for a replay.
     */
    async insertUnlessReplayed(rows: NewInteraction[]): Promise<number> {
      const first = rows[0];
      if (!first) return 0;
      // VALUES columns are named column1, column2, … on both SQLite and PostgreSQL; the order
      // below is the insert's column order.
      const values = sql.join(
        rows.map(
          (r) =>
            sql`(${r.district_id}, ${r.id}, ${r.client_id}, ${r.author_account_id}, ${r.teacher_id}, ${r.student_id}, ${r.class_id}, ${r.kind}, ${r.tag}, ${r.note}, ${r.occurred_at}, ${r.created_at})`,
        ),
      );
      if (postgres) {
        // Partitioned table (docs/decisions/019): the request is claimed in interaction_requests
        // and the rows are inserted only if the claim is new, in one statement. A concurrent
        // replay waits on the claim's key and then inserts nothing.
        // One statement text per number of students (at most MAX_STUDENTS_PER_LOG), each a
        // named statement: parsed once per connection, not planned on every tap.
        const claimed = await executeNamed(
          db,
          sql`
          with claim as (
            insert into interaction_requests (district_id, author_account_id, client_id, occurred_at, created_at)
            values (${first.district_id}, ${first.author_account_id}, ${first.client_id}, ${first.occurred_at}, ${first.created_at})
            on conflict do nothing
            returning 1)
          insert into interactions (district_id, id, client_id, author_account_id, teacher_id, student_id,
                                    class_id, kind, tag, note, occurred_at, created_at)
          select * from (values ${values}) as v
          where exists (select 1 from claim)`.compile(db),
        );
        return Number(claimed.numAffectedRows ?? 0);
      }
      const result = await sql`
        insert into interactions (district_id, id, client_id, author_account_id, teacher_id, student_id,
                                  class_id, kind, tag, note, occurred_at, created_at)
        select * from (values ${values}) as v
        where not exists (
          select 1 from interactions
          where district_id = ${first.district_id} and author_account_id = ${first.author_account_id}
            and client_id = ${first.client_id})
        on conflict (district_id, author_account_id, client_id, student_id) do nothing`.execute(db);
      return Number(result.numAffectedRows ?? 0);
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
