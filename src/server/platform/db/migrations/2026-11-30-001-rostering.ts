// Rostering: what a OneRoster import needs beyond the foundation's tables.
// - Every roster table gets a unique (district_id, sourced_id) key: an import finds the row a
//   sourcedId already has, so a returning record keeps its id (and its interactions).
// - The source's dateLastModified is kept, so a delta row older than what we hold is skipped.
// - Fields Rapport does not model are kept verbatim in `extra` (JSON), so an export gives back
//   what was imported.
// - Orgs of every type live in `schools` (org_type): courses may belong to the district org.
// - Demographics are sensitive: their own table, read only by suppressed aggregates.
// - District-wide days off (from an iCalendar file or the admin page) beside a term's own.
// - Roster jobs: each import and export with its report; an upload kept until it is applied.
import type { Kysely } from 'kysely';

const ROSTER_TABLES = ['schools', 'terms', 'courses', 'classes', 'people', 'enrollments'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('schools')
    .addColumn('org_type', 'text', (c) => c.notNull().defaultTo('school'))
    .execute();
  await db.schema.alterTable('schools').addColumn('identifier', 'text').execute();
  await db.schema.alterTable('schools').addColumn('parent_sourced_id', 'text').execute();

  await db.schema
    .alterTable('terms')
    .addColumn('session_type', 'text', (c) => c.notNull().defaultTo('term'))
    .execute();
  await db.schema.alterTable('terms').addColumn('parent_sourced_id', 'text').execute();
  await db.schema.alterTable('terms').addColumn('school_year', 'text').execute();

  await db.schema.alterTable('people').addColumn('username', 'text').execute();
  await db.schema.alterTable('people').addColumn('middle_name', 'text').execute();
  await db.schema.alterTable('people').addColumn('identifier', 'text').execute();

  await db.schema.alterTable('enrollments').addColumn('is_primary', 'integer').execute();

  for (const table of ['courses', 'classes', 'people'] as const)
    await db.schema.alterTable(table).addColumn('extra', 'text').execute();

  for (const table of ROSTER_TABLES) {
    await db.schema.alterTable(table).addColumn('source_modified_at', 'text').execute();
    await db.schema
      .createIndex(`${table}_sourced_uq`)
      .on(table)
      .columns(['district_id', 'sourced_id'])
      .unique()
      .execute();
  }

  // Links from the roster's agentSourcedIds; a link that leaves the roster is deactivated.
  await db.schema
    .alterTable('guardianships')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('demographics')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text')
    .addColumn('sex', 'text')
    .addColumn('american_indian_or_alaska_native', 'text')
    .addColumn('asian', 'text')
    .addColumn('black_or_african_american', 'text')
    .addColumn('native_hawaiian_or_other_pacific_islander', 'text')
    .addColumn('white', 'text')
    .addColumn('two_or_more_races', 'text')
    .addColumn('hispanic_or_latino', 'text')
    .addColumn('country_of_birth_code', 'text')
    .addColumn('state_of_birth_abbreviation', 'text')
    .addColumn('city_of_birth', 'text')
    .addColumn('public_school_residence_status', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('source_modified_at', 'text')
    .addPrimaryKeyConstraint('demographics_pk', ['district_id', 'person_id'])
    .addForeignKeyConstraint('demographics_person_fk', ['district_id', 'person_id'], 'people', [
      'district_id',
      'id',
    ])
    .execute();

  // Days without school for the whole district; a term's school days skip these and its own.
  await db.schema
    .createTable('days_off')
    .addColumn('district_id', 'text', (c) => c.notNull().references('districts.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // ics | manual
    .addPrimaryKeyConstraint('days_off_pk', ['district_id', 'date'])
    .execute();

  await db.schema
    .createTable('roster_jobs')
    .addColumn('district_id', 'text', (c) => c.notNull().references('districts.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // import | export
    .addColumn('dry_run', 'integer', (c) => c.notNull().defaultTo(0))
    // running | previewed | applied | rejected | failed | exported
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text')
    .addColumn('actor_account_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('report', 'text') // JSON: version, counts per entity, messages
    .addPrimaryKeyConstraint('roster_jobs_pk', ['district_id', 'id'])
    .execute();
  await db.schema
    .createIndex('roster_jobs_created_idx')
    .on('roster_jobs')
    .columns(['district_id', 'created_at'])
    .execute();

  // An uploaded file, base64 in chunks (the same column type on both databases), kept so a
  // previewed import can be applied without uploading it again.
  await db.schema
    .createTable('roster_uploads')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('job_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('roster_uploads_pk', ['district_id', 'job_id', 'seq'])
    .addForeignKeyConstraint('roster_uploads_job_fk', ['district_id', 'job_id'], 'roster_jobs', [
      'district_id',
      'id',
    ])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['roster_uploads', 'roster_jobs', 'days_off', 'demographics'])
    await db.schema.dropTable(table).ifExists().execute();
  for (const table of ROSTER_TABLES)
    await db.schema.dropIndex(`${table}_sourced_uq`).ifExists().execute();
}
