// A survey administration's own title (issue 13, item 9): a leader may name a run ("Grade 7
// climate check") and rename it later; null shows the instrument's title.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('survey_administrations').addColumn('title', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('survey_administrations').dropColumn('title').execute();
}
