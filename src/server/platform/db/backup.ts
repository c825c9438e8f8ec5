// An online backup of the embedded SQLite database: SQLite's backup API copies the file page by
// page while the app keeps serving (readers and the writer are not stopped), and the copy is a
// consistent database on its own. PostgreSQL is backed up with pg_dump (README, Deployment).
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';

export class BackupError extends Error {}

/** Copies the SQLite database at `source` to `file` (which must not exist yet). */
export async function backupSqlite(
  source: string,
  file: string,
): Promise<{ pages: number; file: string }> {
  if (source === ':memory:') throw new BackupError('an in-memory database cannot be backed up');
  if (!existsSync(source)) throw new BackupError(`there is no database at ${source}`);
  const target = resolve(file);
  if (resolve(source) === target) throw new BackupError('the backup file is the database itself');
  if (existsSync(target))
    throw new BackupError(`${file} already exists; choose a new file name (nothing was written)`);
  mkdirSync(dirname(target), { recursive: true });
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const done = await db.backup(target);
    return { pages: done.totalPages, file: target };
  } finally {
    db.close();
  }
}
