// Daily practice: two-by-ten plans, incidents with explanations, dyad stages and flags, focus
// list dismissals. Repairs are derived from interactions and incidents (src/domain/repairs.ts)
// and have no table. Same conventions as the foundation migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('teacher_id', 'text', (c) => c.notNull())
    .addColumn('author_account_id', 'text', (c) => c.notNull())
    .addColumn('student_id', 'text', (c) => c.notNull())
    .addColumn('term_id', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    // The ten school days, fixed when the plan starts: a later calendar edit does not move them.
    .addColumn('days', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // active | completed | stopped
    .addColumn('reflection', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addPrimaryKeyConstraint('plans_pk', ['district_id', 'id'])
    .addForeignKeyConstraint('plans_teacher_fk', ['district_id', 'teacher_id'], 'people', [
      'district_id',
      'id',
    ])
    .addForeignKeyConstraint('plans_student_fk', ['district_id', 'student_id'], 'people', [
      'district_id',
      'id',
    ])
    .addForeignKeyConstraint('plans_term_fk', ['district_id', 'term_id'], 'terms', [
      'district_id',
      'id',
    ])
    .execute();
  // At most one active plan per dyad.
  await db.schema
    .createIndex('plans_active_dyad_uq')
    .on('plans')
    .columns(['district_id', 'teacher_id', 'student_id'])
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute();
  await db.schema
    .createIndex('plans_dyad_idx')
    .on('plans')
    .columns(['district_id', 'teacher_id', 'student_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('teacher_id', 'text', (c) => c.notNull())
    .addColumn('author_account_id', 'text', (c) => c.notNull())
    .addColumn('student_id', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('what_happened', 'text', (c) => c.notNull())
    .addColumn('next_step', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incidents_pk', ['district_id', 'id'])
    .addForeignKeyConstraint('incidents_teacher_fk', ['district_id', 'teacher_id'], 'people', [
      'district_id',
      'id',
    ])
    .addForeignKeyConstraint('incidents_student_fk', ['district_id', 'student_id'], 'people', [
      'district_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('incidents_client_uq')
    .on('incidents')
    .columns(['district_id', 'author_account_id', 'client_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('incidents_dyad_idx')
    .on('incidents')
    .columns(['district_id', 'teacher_id', 'student_id', 'occurred_at'])
    .execute();

  await db.schema
    .createTable('incident_explanations')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('charitable', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_explanations_pk', ['district_id', 'incident_id', 'position'])
    .addForeignKeyConstraint(
      'incident_explanations_incident_fk',
      ['district_id', 'incident_id'],
      'incidents',
      ['district_id', 'id'],
    )
    .execute();

  // Stage history of each dyad: every accepted or overridden stage, newest last.
  await db.schema
    .createTable('dyad_stages')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('teacher_id', 'text', (c) => c.notNull())
    .addColumn('student_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('suggested_stage', 'text', (c) => c.notNull())
    .addColumn('suggested_reason', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull()) // accepted | overridden
    .addColumn('set_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dyad_stages_pk', ['district_id', 'id'])
    .addForeignKeyConstraint('dyad_stages_teacher_fk', ['district_id', 'teacher_id'], 'people', [
      'district_id',
      'id',
    ])
    .addForeignKeyConstraint('dyad_stages_student_fk', ['district_id', 'student_id'], 'people', [
      'district_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('dyad_stages_dyad_idx')
    .on('dyad_stages')
    .columns(['district_id', 'teacher_id', 'student_id', 'set_at'])
    .execute();

  await db.schema
    .createTable('dyad_flags')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('teacher_id', 'text', (c) => c.notNull())
    .addColumn('student_id', 'text', (c) => c.notNull())
    .addColumn('conflict_history', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dyad_flags_pk', ['district_id', 'teacher_id', 'student_id'])
    .execute();

  await db.schema
    .createTable('focus_dismissals')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('teacher_id', 'text', (c) => c.notNull())
    .addColumn('student_id', 'text', (c) => c.notNull())
    .addColumn('week_start', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('focus_dismissals_pk', [
      'district_id',
      'teacher_id',
      'week_start',
      'student_id',
    ])
    .execute();

  // Per-dyad reads (stage signals, repairs, the student view) walk a teacher's moments with one student.
  await db.schema
    .createIndex('interactions_dyad_idx')
    .on('interactions')
    .columns(['district_id', 'teacher_id', 'student_id', 'occurred_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('interactions_dyad_idx').ifExists().execute();
  for (const t of [
    'focus_dismissals',
    'dyad_flags',
    'dyad_stages',
    'incident_explanations',
    'incidents',
    'plans',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
