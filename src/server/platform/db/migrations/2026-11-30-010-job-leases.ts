// Several instances: a roster job records which instance runs it and until when that instance
// has promised to report back (a lease it renews while the job runs), and its progress, so any
// instance can show a job's progress and tell a live job from one whose instance stopped.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('roster_jobs').addColumn('claimed_by', 'text').execute();
  await db.schema.alterTable('roster_jobs').addColumn('lease_until', 'text').execute();
  await db.schema.alterTable('roster_jobs').addColumn('progress', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['progress', 'lease_until', 'claimed_by'])
    await db.schema.alterTable('roster_jobs').dropColumn(column).execute();
}
