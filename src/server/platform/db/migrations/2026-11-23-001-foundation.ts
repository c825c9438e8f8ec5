// Foundation schema. Written against Kysely<any> with the schema builder only, so the same file
// runs on SQLite and PostgreSQL. Conventions (docs/decisions/002-data-conventions.md):
// - every tenant table carries district_id and every key starts with it;
// - ids are text (UUIDs), timestamps are ISO-8601 UTC text, dates are YYYY-MM-DD text,
//   booleans are integers 0/1, so both dialects return the same JavaScript values.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('districts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('sourced_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('schools')
    .addColumn('district_id', 'text', (c) => c.notNull().references('districts.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull()) // elementary | middle | high | other
    .addColumn('sourced_id', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('schools_pk', ['district_id', 'id'])
    .execute();

  await db.schema
    .createTable('terms')
    .addColumn('district_id', 'text', (c) => c.notNull().references('districts.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('sourced_id', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('terms_pk', ['district_id', 'id'])
    .execute();

  // Non-school days of a term (holidays, breaks, teacher work days). Weekends are implied.
  await db.schema
    .createTable('term_days_off')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('term_id', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('term_days_off_pk', ['district_id', 'term_id', 'date'])
    .addForeignKeyConstraint('term_days_off_term_fk', ['district_id', 'term_id'], 'terms', [
      'district_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('courses')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('sourced_id', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('courses_pk', ['district_id', 'id'])
    .addForeignKeyConstraint('courses_school_fk', ['district_id', 'school_id'], 'schools', [
      'district_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('classes')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('school_id', 'text', (c) => c.notNull())
    .addColumn('course_id', 'text', (c) => c.notNull())
    .addColumn('term_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period', 'text')
    .addColumn('room', 'text')
    // ISO weekdays the class meets on, e.g. "12345" (Monday to Friday) or "135".
    .addColumn('meeting_days', 'text', (c) => c.notNull().defaultTo('12345'))
    .addColumn('sourced_id', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('classes_pk', ['district_id', 'id'])
    .addForeignKeyConstraint('classes_school_fk', ['district_id', 'school_id'], 'schools', [
      'district_id',
      'id',
    ])
    .addForeignKeyConstraint('classes_course_fk', ['district_id', 'course_id'], 'courses', [
      'district_id',
      'id',
    ])
    .addForeignKeyConstraint('classes_term_fk', ['district_id', 'term_id'], 'terms', [
      'district_id',
      'id',
    ])
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // staff | student | guardian
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('preferred_name', 'text')
    .addColumn('pronouns', 'text')
    .addColumn('email', 'text')
    .addColumn('grade', 'text')
    .addColumn('school_id', 'text')
    .addColumn('sourced_id', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('people_pk', ['district_id', 'id'])
    .addForeignKeyConstraint('people_school_fk', ['district_id', 'school_id'], 'schools', [
      'district_id',
      'id',
    ])
    .addForeignKeyConstraint('people_district_fk', ['district_id'], 'districts', ['id'])
    .execute();
  await db.schema
    .createIndex('people_kind_idx')
    .on('people')
    .columns(['district_id', 'kind', 'school_id'])
    .execute();

  await db.schema
    .createTable('guardianships')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('guardian_id', 'text', (c) => c.notNull())
    .addColumn('student_id', 'text', (c) => c.notNull())
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('guardianships_pk', ['district_id', 'guardian_id', 'student_id'])
    .addForeignKeyConstraint(
      'guardianships_guardian_fk',
      ['district_id', 'guardian_id'],
      'people',
      ['district_id', 'id'],
    )
    .addForeignKeyConstraint('guardianships_student_fk', ['district_id', 'student_id'], 'people', [
      'district_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('guardianships_student_idx')
    .on('guardianships')
    .columns(['district_id', 'student_id'])
    .execute();

  await db.schema
    .createTable('enrollments')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('class_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull()) // student | teacher
    .addColumn('begin_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('sourced_id', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('enrollments_pk', ['district_id', 'class_id', 'person_id'])
    .addForeignKeyConstraint('enrollments_class_fk', ['district_id', 'class_id'], 'classes', [
      'district_id',
      'id',
    ])
    .addForeignKeyConstraint('enrollments_person_fk', ['district_id', 'person_id'], 'people', [
      'district_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('enrollments_person_idx')
    .on('enrollments')
    .columns(['district_id', 'person_id', 'class_id'])
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    // The sign-in name, stored lower-case. Unique across the service: it is how sign-in finds
    // the district (docs/decisions/002-data-conventions.md).
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('school_id', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('en'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('accounts_pk', ['district_id', 'id'])
    .addForeignKeyConstraint('accounts_person_fk', ['district_id', 'person_id'], 'people', [
      'district_id',
      'id',
    ])
    .addForeignKeyConstraint('accounts_district_fk', ['district_id'], 'districts', ['id'])
    .execute();
  await db.schema
    .createIndex('accounts_username_uq')
    .on('accounts')
    .column('username')
    .unique()
    .execute();
  await db.schema.createIndex('accounts_email_idx').on('accounts').column('email').execute();

  // A session row is found by the district in the cookie and the SHA-256 of the token; the
  // token itself is never stored.
  await db.schema
    .createTable('sessions')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addPrimaryKeyConstraint('sessions_pk', ['district_id', 'id'])
    .addForeignKeyConstraint('sessions_account_fk', ['district_id', 'account_id'], 'accounts', [
      'district_id',
      'id',
    ])
    .execute();
  await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

  // Failed sign-in counters per account name and per address. Not tenant data: a failed
  // sign-in does not know its district.
  await db.schema
    .createTable('sign_in_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_account_id', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('detail', 'text')
    .addColumn('ip', 'text')
    .addPrimaryKeyConstraint('audit_log_pk', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('audit_log_at_idx')
    .on('audit_log')
    .columns(['district_id', 'at'])
    .execute();

  await db.schema
    .createTable('interactions')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('author_account_id', 'text', (c) => c.notNull())
    .addColumn('teacher_id', 'text', (c) => c.notNull())
    .addColumn('student_id', 'text', (c) => c.notNull())
    .addColumn('class_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('tag', 'text')
    .addColumn('note', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addPrimaryKeyConstraint('interactions_pk', ['district_id', 'id'])
    .addForeignKeyConstraint('interactions_teacher_fk', ['district_id', 'teacher_id'], 'people', [
      'district_id',
      'id',
    ])
    .addForeignKeyConstraint('interactions_student_fk', ['district_id', 'student_id'], 'people', [
      'district_id',
      'id',
    ])
    .addForeignKeyConstraint('interactions_class_fk', ['district_id', 'class_id'], 'classes', [
      'district_id',
      'id',
    ])
    .execute();
  // A replayed request (same author, same client id) can never add a second row for a student.
  await db.schema
    .createIndex('interactions_client_uq')
    .on('interactions')
    .columns(['district_id', 'author_account_id', 'client_id', 'student_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('interactions_teacher_idx')
    .on('interactions')
    .columns(['district_id', 'teacher_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('interactions_student_idx')
    .on('interactions')
    .columns(['district_id', 'student_id', 'occurred_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'interactions',
    'audit_log',
    'sign_in_throttle',
    'sessions',
    'accounts',
    'enrollments',
    'guardianships',
    'people',
    'classes',
    'courses',
    'term_days_off',
    'terms',
    'schools',
    'districts',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
