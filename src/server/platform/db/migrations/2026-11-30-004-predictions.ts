// Perspective taking and commonalities settings (issue 5, items 3 and 4).
// - A prediction is a teacher's guess at one item of a student's questionnaire, made before the
//   reveal; its score is written at the reveal and never changes after.
// - A reveal closes a teacher's predictions about one student's questionnaire: one row per
//   teacher, student and questionnaire, with the mean accuracy it showed (null when the teacher
//   predicted nothing the student answered).
// - A school's insight settings: whether students see their commonalities with their teachers
//   (the selective-feedback design of Gehlbach et al. 2016); off until a leader turns it on.
import type { Kysely } from 'kysely';

const people = ['district_id', 'id'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('predictions')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('teacher_id', 'text', (c) => c.notNull())
    .addColumn('student_id', 'text', (c) => c.notNull())
    .addColumn('questionnaire_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    // JSON array of the catalogue option ids the teacher predicted.
    .addColumn('option_ids', 'text', (c) => c.notNull())
    // 0 to 1, written at the reveal; null before it, or when the student skipped the item.
    .addColumn('score', 'double precision')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('predictions_pk', [
      'district_id',
      'teacher_id',
      'student_id',
      'questionnaire_id',
      'item_id',
    ])
    .addForeignKeyConstraint(
      'predictions_teacher_fk',
      ['district_id', 'teacher_id'],
      'people',
      people,
    )
    .addForeignKeyConstraint(
      'predictions_student_fk',
      ['district_id', 'student_id'],
      'people',
      people,
    )
    .execute();

  await db.schema
    .createTable('prediction_reveals')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('teacher_id', 'text', (c) => c.notNull())
    .addColumn('student_id', 'text', (c) => c.notNull())
    .addColumn('questionnaire_id', 'text', (c) => c.notNull())
    .addColumn('revealed_at', 'text', (c) => c.notNull())
    // The reveal's date in the district's time zone: the accuracy trend groups by it.
    .addColumn('revealed_on', 'text', (c) => c.notNull())
    .addColumn('scored_predictions', 'integer', (c) => c.notNull())
    .addColumn('accuracy', 'double precision')
    .addPrimaryKeyConstraint('prediction_reveals_pk', [
      'district_id',
      'teacher_id',
      'student_id',
      'questionnaire_id',
    ])
    .addForeignKeyConstraint(
      'prediction_reveals_teacher_fk',
      ['district_id', 'teacher_id'],
      'people',
      people,
    )
    .addForeignKeyConstraint(
      'prediction_reveals_student_fk',
      ['district_id', 'student_id'],
      'people',
      people,
    )
    .execute();
  await db.schema
    .createIndex('prediction_reveals_teacher_idx')
    .on('prediction_reveals')
    .columns(['district_id', 'teacher_id', 'revealed_on'])
    .execute();

  await db.schema
    .createTable('school_insight_settings')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('students_see_commonalities', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by_account_id', 'text')
    .addPrimaryKeyConstraint('school_insight_settings_pk', ['district_id', 'school_id'])
    .addForeignKeyConstraint(
      'school_insight_settings_school_fk',
      ['district_id', 'school_id'],
      'schools',
      people,
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['school_insight_settings', 'prediction_reveals', 'predictions'])
    await db.schema.dropTable(t).ifExists().execute();
}
