// A teacher's screens read their moments of the term in one pass (the per-dyad signals of
// practice.repository.ts): every moment of the teacher from the term's start to today, with its
// student, kind and whether it was undone. With those columns in the teacher index, PostgreSQL
// answers from the index alone (an index-only scan on vacuumed pages) instead of visiting one
// table page per moment. The leading columns are unchanged, so every query that used the old
// index (district, teacher, occurred_at) still does.
//
// On a large PostgreSQL database this rebuilds the index on every month partition while the
// table is locked for writes: run it in a maintenance window (README, Deployment).
import type { Kysely } from 'kysely';

const NAME = 'interactions_teacher_idx';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex(NAME).execute();
  await db.schema
    .createIndex(NAME)
    .on('interactions')
    .columns(['district_id', 'teacher_id', 'occurred_at', 'student_id', 'kind', 'undone_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex(NAME).execute();
  await db.schema
    .createIndex(NAME)
    .on('interactions')
    .columns(['district_id', 'teacher_id', 'occurred_at'])
    .execute();
}
