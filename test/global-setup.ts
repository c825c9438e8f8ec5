// Runs once before the suite. Migrates the shared PostgreSQL test database up front so test
// files do not race to create the schema. Browser tests build the web app themselves.
import { migrateToLatest, openDatabase } from '../src/server/platform/db/database.js';

export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const db = openDatabase({ dialect: 'postgres', url }, { poolSize: 1 });
  try {
    await migrateToLatest(db);
  } finally {
    await db.close();
  }
}
