// Survey reports: a district's settings for them (docs/decisions/015-survey-reports.md).
// - min_group_size: the smallest group any survey figure is shown for (never below 3); null
//   means the server's RAPPORT_MIN_GROUP_SIZE.
// - leaders_see_teachers: whether school leaders may open teacher- and class-level results.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('survey_report_settings')
    .addColumn('district_id', 'text', (c) => c.notNull())
    .addColumn('min_group_size', 'integer')
    .addColumn('leaders_see_teachers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by_account_id', 'text')
    .addPrimaryKeyConstraint('survey_report_settings_pk', ['district_id'])
    .addForeignKeyConstraint('survey_report_settings_district_fk', ['district_id'], 'districts', [
      'id',
    ])
    .addCheckConstraint(
      'survey_report_settings_min_ck',
      sql`min_group_size is null or min_group_size >= 3`,
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('survey_report_settings').ifExists().execute();
}
