// Surveys: waves, administrations and their targets, participation, drafts, responses and their
// answers, shares; one-time links and the short sessions they open. Why anonymous responses
// carry no student and participation carries no finishing time: docs/decisions/014-surveys.md.
// Same conventions as the foundation migration (text ids, ISO text instants, 0/1 booleans).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // A survey period (fall, winter, spring) of a school year; administrations belong to one.
  await db.schema
    .createTable('survey_waves')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('school_year', 'text', (c) => c.notNull()) // '2026-2027'
    .addColumn('name', 'text', (c) => c.notNull()) // fall | winter | spring
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_waves_pk', ['district_id', 'id'])
    .addUniqueConstraint('survey_waves_name_uq', ['district_id', 'school_year', 'name'])
    .addForeignKeyConstraint('survey_waves_district_fk', ['district_id'], 'districts', ['id'])
    .execute();

  // One run of an instrument (content/instruments/<instrument_id>.json at instrument_version).
  await db.schema
    .createTable('survey_administrations')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('school_id', 'text') // null: district-wide (grade targets over every school)
    .addColumn('wave_id', 'text', (c) => c.notNull())
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('instrument_version', 'integer', (c) => c.notNull())
    .addColumn('respondent', 'text', (c) => c.notNull()) // student | teacher (from the instrument)
    .addColumn('mode', 'text', (c) => c.notNull()) // anonymous | confidential
    .addColumn('languages', 'text', (c) => c.notNull()) // JSON array: ["en","es"]
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('created_by_account_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_administrations_pk', ['district_id', 'id'])
    .addForeignKeyConstraint(
      'survey_administrations_wave_fk',
      ['district_id', 'wave_id'],
      'survey_waves',
      ['district_id', 'id'],
    )
    .addForeignKeyConstraint(
      'survey_administrations_school_fk',
      ['district_id', 'school_id'],
      'schools',
      ['district_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('survey_administrations_wave_idx')
    .on('survey_administrations')
    .columns(['district_id', 'wave_id'])
    .execute();

  // Who an administration is for: classes (kind 'class', value = class id) or grades (kind
  // 'grade', value = the roster grade, within the administration's school or the district).
  await db.schema
    .createTable('survey_administration_targets')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('administration_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_administration_targets_pk', [
      'district_id',
      'administration_id',
      'kind',
      'value',
    ])
    .addForeignKeyConstraint(
      'survey_administration_targets_admin_fk',
      ['district_id', 'administration_id'],
      'survey_administrations',
      ['district_id', 'id'],
    )
    .execute();

  // Who has started or finished, for response rates and to refuse a second submission. In an
  // anonymous administration this is the only row that names the student, and it holds no
  // finishing time and no response id (docs/decisions/014-surveys.md).
  // subject_key: what the response is about: a class id (a student about that class and its
  // teacher), a student id (a teacher's rating of that student), or '' (the school, oneself).
  await db.schema
    .createTable('survey_participations')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('administration_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('subject_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // started | finished
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_participations_pk', ['district_id', 'id'])
    .addUniqueConstraint('survey_participations_uq', [
      'district_id',
      'administration_id',
      'person_id',
      'subject_key',
    ])
    .addForeignKeyConstraint(
      'survey_participations_admin_fk',
      ['district_id', 'administration_id'],
      'survey_administrations',
      ['district_id', 'id'],
    )
    .addForeignKeyConstraint(
      'survey_participations_person_fk',
      ['district_id', 'person_id'],
      'people',
      ['district_id', 'id'],
    )
    .execute();

  // Progress saved while answering; deleted in the transaction that writes the response.
  await db.schema
    .createTable('survey_drafts')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('participation_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('value', 'integer') // null: skipped
    .addColumn('people', 'text') // JSON array of staff person ids (an "adult at school" item)
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_drafts_pk', ['district_id', 'participation_id', 'item_id'])
    .addForeignKeyConstraint(
      'survey_drafts_participation_fk',
      ['district_id', 'participation_id'],
      'survey_participations',
      ['district_id', 'id'],
    )
    .execute();

  // A submitted response. id: a random UUID (v4) chosen by the client, so a replay is a no-op.
  // respondent_id is null in anonymous administrations; submitted_week is the Monday of the
  // week it was submitted (a coarsened date, never an instant). class/teacher/grade/school are
  // the groups the response counts for in reports. about_student_id: a teacher's rating of a student.
  await db.schema
    .createTable('survey_responses')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('administration_id', 'text', (c) => c.notNull())
    .addColumn('school_id', 'text')
    .addColumn('class_id', 'text')
    .addColumn('teacher_id', 'text')
    .addColumn('grade', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('submitted_week', 'text', (c) => c.notNull())
    .addColumn('respondent_id', 'text')
    .addColumn('about_student_id', 'text')
    .addPrimaryKeyConstraint('survey_responses_pk', ['district_id', 'id'])
    .addForeignKeyConstraint(
      'survey_responses_admin_fk',
      ['district_id', 'administration_id'],
      'survey_administrations',
      ['district_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('survey_responses_admin_class_idx')
    .on('survey_responses')
    .columns(['district_id', 'administration_id', 'class_id'])
    .execute();
  await db.schema
    .createIndex('survey_responses_admin_teacher_idx')
    .on('survey_responses')
    .columns(['district_id', 'administration_id', 'teacher_id'])
    .execute();
  await db.schema
    .createIndex('survey_responses_respondent_idx')
    .on('survey_responses')
    .columns(['district_id', 'respondent_id'])
    .execute();

  // One row per answered item (skipped items have no row); value 1..5 in the item's own order
  // (reverse keying is applied when scoring, from the instrument). administration_id is
  // repeated so a report reads one administration's answers as one index range.
  await db.schema
    .createTable('survey_answers')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('administration_id', 'text', (c) => c.notNull())
    .addColumn('response_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_answers_pk', [
      'district_id',
      'administration_id',
      'response_id',
      'item_id',
    ])
    .execute();

  // The adults a student named for an "adult at school" item (feeds the relationship map).
  await db.schema
    .createTable('survey_answer_people')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('response_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_answer_people_pk', [
      'district_id',
      'response_id',
      'item_id',
      'person_id',
    ])
    .execute();

  // Confidential mode: the student chose to let this teacher see this response.
  await db.schema
    .createTable('survey_response_shares')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('response_id', 'text', (c) => c.notNull())
    .addColumn('teacher_id', 'text', (c) => c.notNull())
    .addColumn('shared_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('survey_response_shares_pk', [
      'district_id',
      'response_id',
      'teacher_id',
    ])
    .execute();
  await db.schema
    .createIndex('survey_response_shares_teacher_idx')
    .on('survey_response_shares')
    .columns(['district_id', 'teacher_id'])
    .execute();

  // One-time links (platform/links): the token is kept only as its SHA-256.
  await db.schema
    .createTable('one_time_links')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull()) // survey | questionnaire | ...
    .addColumn('target_id', 'text') // e.g. the administration
    .addColumn('subject_person_id', 'text', (c) => c.notNull())
    .addColumn('created_by_account_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('revoked_at', 'text')
    .addPrimaryKeyConstraint('one_time_links_pk', ['district_id', 'id'])
    .addUniqueConstraint('one_time_links_token_uq', ['district_id', 'token_hash'])
    .addForeignKeyConstraint(
      'one_time_links_subject_fk',
      ['district_id', 'subject_person_id'],
      'people',
      ['district_id', 'id'],
    )
    .execute();
  await db.schema
    .createIndex('one_time_links_subject_idx')
    .on('one_time_links')
    .columns(['district_id', 'subject_person_id', 'purpose'])
    .execute();

  // The short session a redeemed link opens: limited to the link's purpose and target.
  await db.schema
    .createTable('link_sessions')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull()) // SHA-256 of the cookie's token
    .addColumn('link_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text')
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('link_sessions_pk', ['district_id', 'id'])
    .addForeignKeyConstraint(
      'link_sessions_link_fk',
      ['district_id', 'link_id'],
      'one_time_links',
      ['district_id', 'id'],
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'link_sessions',
    'one_time_links',
    'survey_response_shares',
    'survey_answer_people',
    'survey_answers',
    'survey_responses',
    'survey_drafts',
    'survey_participations',
    'survey_administration_targets',
    'survey_administrations',
    'survey_waves',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
