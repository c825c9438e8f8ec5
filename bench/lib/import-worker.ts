// One import in a process of its own, so its peak memory (maxRSS) is the import's and nothing
// else's: started by bench/import.ts for each run, answers one ImportJob and exits when the
// parent disconnects. The database file is fresh, opened with the app's openDatabase and
// migrated before the clock starts.
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { migrateToLatest, openDatabase } from '../../src/server/platform/db/database.js';
import type { ImportResult } from '../../src/server/features/rostering/import/import-types.js';
import { bareImport } from './import-bare.js';

export interface ImportJob {
  mode: 'real' | 'bare';
  /** The OneRoster CSV folder. */
  dir: string;
  dbFile: string;
}

export interface ImportRun {
  seconds: number;
  /** CPU time (user + system) of the import's process over the same span. */
  cpuSeconds: number;
  /** process.resourceUsage().maxRSS at the end, in MB. */
  peakMemoryMB: number;
  /** Rows the bare import read (the real import reports its own in `result`). */
  rows?: number;
  result?: ImportResult;
}

async function run(job: ImportJob): Promise<ImportRun> {
  const db = openDatabase({ dialect: 'sqlite', path: job.dbFile });
  await migrateToLatest(db);
  let seconds: number;
  const cpuBefore = process.cpuUsage();
  let rows: number | undefined;
  let result: ImportResult | undefined;
  if (job.mode === 'real') {
    // Loaded here, so the bare run's process never holds the importer's modules.
    const { openRosterSource } =
      await import('../../src/server/features/rostering/import/source.js');
    const { importOneRoster } =
      await import('../../src/server/features/rostering/import/import-oneroster.js');
    const started = performance.now();
    const source = await openRosterSource(job.dir);
    result = await importOneRoster(db, source, {
      dryRun: false,
      districtName: 'Bench district',
      timeZone: 'America/Chicago',
    });
    seconds = (performance.now() - started) / 1000;
    await db.close();
  } else {
    await db.close();
    // The same file and pragmas as openDatabase, without Kysely.
    const sqlite = new SQLite(job.dbFile);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    // The same bounded page cache the importer takes while it runs.
    sqlite.pragma('cache_size = -65536');
    const started = performance.now();
    rows = await bareImport(sqlite, job.dir);
    seconds = (performance.now() - started) / 1000;
    sqlite.close();
  }
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const peakMemoryMB = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
  return { seconds, cpuSeconds, peakMemoryMB, rows, result };
}

process.on('message', (job: ImportJob) => {
  run(job).then(
    (result) => process.send!({ result }),
    (err: unknown) =>
      process.send!({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
