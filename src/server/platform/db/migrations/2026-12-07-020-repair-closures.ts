// A teacher's "not needed" mark on a repair (src/domain/repairs.ts): stored, because only the
// teacher can say it, and undoable like a logged moment (undone_at is set, the row stays, so
// who closed which repair when is always on record). The dyad index serves the open-repair
// reads, which look for a dyad's newest closer.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('repair_closures')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('author_account_id', 'text', (c) => c.notNull())
    .addColumn('teacher_id', 'text', (c) => c.notNull())
    .addColumn('student_id', 'text', (c) => c.notNull())
    /** When the repair it closes began (its first correction or incident). */
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull()) // not_needed
    .addColumn('undone_at', 'text')
    .addPrimaryKeyConstraint('repair_closures_pk', ['district_id', 'id'])
    .addUniqueConstraint('repair_closures_client_uq', [
      'district_id',
      'author_account_id',
      'client_id',
    ])
    .addForeignKeyConstraint(
      'repair_closures_teacher_fk',
      ['district_id', 'teacher_id'],
      'people',
      ['district_id', 'id'],
    )
    .addForeignKeyConstraint(
      'repair_closures_student_fk',
      ['district_id', 'student_id'],
      'people',
      ['district_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('repair_closures_dyad_idx')
    .on('repair_closures')
    .columns(['district_id', 'teacher_id', 'student_id', 'closed_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('repair_closures').execute();
}
