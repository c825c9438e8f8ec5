// Know your students (issue 5, items 1, 2 and 6): student profiles written by the student, with a
// per-field choice of what their teachers may see, and get-to-know-you questionnaire responses
// from students and teachers. docs/decisions/016-know-your-students.md.
// - A profile is one row per field the student filled in; `shared` is the student's choice for
//   that field, so a teacher's read can select `shared = 1` in SQL and nothing else.
// - A response is one per respondent and questionnaire; its answers are one row per chosen
//   option (option_id = the catalogue's id) plus at most one free-text row per item
//   (option_id = ''), so commonalities can count options with plain SQL.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('student_profile_fields')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('student_id', 'text', (c) => c.notNull())
    // preferred_name | pronouns | interests | strengths | goals | teacher_should_know |
    // culture_matters_more | culture_matters_less (PROFILE_FIELDS in src/domain/profiles.ts)
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    // 1 when the student lets their teachers see this answer.
    .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('student_profile_fields_pk', ['district_id', 'student_id', 'field'])
    .addForeignKeyConstraint(
      'student_profile_fields_student_fk',
      ['district_id', 'student_id'],
      'people',
      ['district_id', 'id'],
    )
    .execute();

  await db.schema
    .createTable('questionnaire_responses')
    .addColumn('district_id', 'text', (c) => c.notNull())
    // The questionnaire's id in content/questionnaires (e.g. get-to-know-you).
    .addColumn('questionnaire_id', 'text', (c) => c.notNull())
    .addColumn('respondent_id', 'text', (c) => c.notNull())
    .addColumn('respondent_kind', 'text', (c) => c.notNull()) // student | teacher
    // The content version the answers were given against.
    .addColumn('content_version', 'integer', (c) => c.notNull())
    // 1 when the respondent lets the other side see their answers (a student: their teachers;
    // a teacher: their students, through commonalities).
    .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
    // Saved progress: the item the respondent last answered or skipped, to resume after it.
    .addColumn('last_item_id', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addPrimaryKeyConstraint('questionnaire_responses_pk', [
      'district_id',
      'questionnaire_id',
      'respondent_id',
    ])
    .addForeignKeyConstraint(
      'questionnaire_responses_respondent_fk',
      ['district_id', 'respondent_id'],
      'people',
      ['district_id', 'id'],
    )
    .execute();

  await db.schema
    .createTable('questionnaire_answers')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('questionnaire_id', 'text', (c) => c.notNull())
    .addColumn('respondent_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    // A chosen option's catalogue id; '' for the item's free-text answer.
    .addColumn('option_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('questionnaire_answers_pk', [
      'district_id',
      'questionnaire_id',
      'respondent_id',
      'item_id',
      'option_id',
    ])
    .addForeignKeyConstraint(
      'questionnaire_answers_response_fk',
      ['district_id', 'questionnaire_id', 'respondent_id'],
      'questionnaire_responses',
      ['district_id', 'questionnaire_id', 'respondent_id'],
    )
    .execute();
  // How many respondents chose an option: what makes a shared item rare (commonalities).
  await db.schema
    .createIndex('questionnaire_answers_option_idx')
    .on('questionnaire_answers')
    .columns(['district_id', 'questionnaire_id', 'item_id', 'option_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['questionnaire_answers', 'questionnaire_responses', 'student_profile_fields'])
    await db.schema.dropTable(t).ifExists().execute();
}
