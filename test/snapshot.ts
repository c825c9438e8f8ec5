// Every row of the tables an import can touch, in a stable order: two snapshots are equal when
// nothing was written in between.
import type { Kysely } from 'kysely';
import type { Database } from '../src/server/platform/db/schema.js';

const TABLES = [
  'districts',
  'schools',
  'terms',
  'term_days_off',
  'courses',
  'classes',
  'people',
  'guardianships',
  'enrollments',
  'demographics',
  'accounts',
  'interactions',
  'audit_log',
] as const;

export async function snapshotTables(db: Kysely<Database>) {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const rows = (await db.selectFrom(table).selectAll().execute()) as Array<
      Record<string, unknown>
    >;
    out[table] = rows
      .map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort())))
      .sort();
  }
  return out;
}
