// The OneRoster import at district scale: a generated 1.2 bulk CSV set (100,000 students, 6,000
// staff, 20,000 classes, 600,000 enrollments; bench/lib/oneroster-generator.ts) imported into a
// fresh SQLite file by the real importer, against a bare load of the same rows into the same
// tables (bench/lib/import-bare.ts); ratio = real rows/s ÷ bare rows/s. The real import runs
// again on a quarter of the data, so the two peaks show whether memory grows with the files.
//
// Process model: every run is a child process of its own (bench/lib/import-worker.ts) on a
// fresh database file, so its maxRSS is that import's peak memory and nothing else's.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import {
  CACHE_DIR,
  codeVersion,
  machine,
  round,
  writeResult,
  type Benchmark,
} from './lib/benchmark.js';
import type { ImportJob, ImportRun } from './lib/import-worker.js';
import {
  generateOneRoster,
  type GeneratedRoster,
  type RosterSize,
} from './lib/oneroster-generator.js';
import { startWorker } from './lib/worker.js';

const TARGET_ROWS_PER_SECOND = 50_000;
const SEED = 1;
const FULL: RosterSize = { students: 100_000, staff: 6_000, classes: 20_000, enrollments: 600_000 };
const GENERATOR = resolve(import.meta.dirname, 'lib/oneroster-generator.ts');

const scaled = (size: RosterSize, divisor: number): RosterSize => ({
  students: Math.round(size.students / divisor),
  staff: Math.round(size.staff / divisor),
  classes: Math.round(size.classes / divisor),
  enrollments: Math.round(size.enrollments / divisor),
});

interface RosterSet {
  dir: string;
  roster: GeneratedRoster;
  built: boolean;
  generateSeconds: number | null;
}

/**
 * The CSV set for a size, from bench/.cache/ when there: the key hashes the generator's source,
 * the seed and the size, so a generator change regenerates by itself.
 */
function rosterSet(
  label: string,
  size: RosterSize,
  rebuild: boolean,
  log: (line: string) => void,
): RosterSet {
  const key = createHash('sha256')
    .update(readFileSync(GENERATOR))
    .update(JSON.stringify({ SEED, size }))
    .digest('hex')
    .slice(0, 12);
  const prefix = `oneroster-${label}-`;
  const dir = resolve(CACHE_DIR, `${prefix}${key}`);
  const meta = join(dir, 'generated.json');
  if (!rebuild && existsSync(meta)) {
    log(`  data: cached ${dir}`);
    const roster = JSON.parse(readFileSync(meta, 'utf8')) as GeneratedRoster;
    return { dir, roster, built: false, generateSeconds: null };
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  for (const f of readdirSync(CACHE_DIR))
    if (f.startsWith(prefix)) rmSync(resolve(CACHE_DIR, f), { recursive: true, force: true });
  log(`  data: generating ${dir} (${size.students.toLocaleString('en-US')} students)…`);
  const started = performance.now();
  const partial = `${dir}.partial`;
  const roster = generateOneRoster(partial, { seed: SEED, ...size });
  writeFileSync(join(partial, 'generated.json'), `${JSON.stringify(roster, null, 2)}\n`);
  renameSync(partial, dir);
  const generateSeconds = round((performance.now() - started) / 1000, 1);
  log(
    `  data: ${roster.rows.toLocaleString('en-US')} rows, ${(roster.bytes / 1e6).toFixed(0)} MB in ${generateSeconds} s`,
  );
  return { dir, roster, built: true, generateSeconds };
}

interface DbCounts {
  students: number;
  staff: number;
  classes: number;
  enrollments: number;
  courses: number;
  demographics: number;
  accounts: number;
  schools: number;
  terms: number;
}

function countRows(dbFile: string): DbCounts {
  const db = new SQLite(dbFile, { readonly: true });
  try {
    return db
      .prepare(
        `select
          (select count(*) from people where kind = 'student') as students,
          (select count(*) from people where kind = 'staff') as staff,
          (select count(*) from classes) as classes,
          (select count(*) from enrollments) as enrollments,
          (select count(*) from courses) as courses,
          (select count(*) from demographics) as demographics,
          (select count(*) from accounts) as accounts,
          (select count(*) from schools) as schools,
          (select count(*) from terms) as terms`,
      )
      .get() as DbCounts;
  } finally {
    db.close();
  }
}

/** Throws unless the database holds what the files held. */
function checkCounts(what: string, counts: DbCounts, roster: GeneratedRoster) {
  const expected = {
    students: roster.counts.students,
    staff: roster.counts.staff,
    classes: roster.counts.classes,
    enrollments: roster.counts.enrollments,
    courses: roster.counts.courses,
    demographics: roster.counts.demographics,
    accounts: roster.counts.students + roster.counts.staff,
  };
  const wrong = Object.entries(expected).filter(([k, v]) => counts[k as keyof DbCounts] !== v);
  if (wrong.length > 0)
    throw new Error(
      `${what}: the database does not hold what the files held: ` +
        wrong.map(([k, v]) => `${k} ${counts[k as keyof DbCounts]} (expected ${v})`).join(', '),
    );
}

interface RunStats {
  seconds: number;
  rowsPerSecond: number;
  cpuSeconds: number;
  rowsPerCpuSecond: number;
  peakMemoryMB: number;
  databaseMB: number;
  counts: DbCounts;
  report?: { rowsRead: number; errorCount: number; warningCount: number };
}

/** One import in a fresh child process on a fresh database file, checked afterwards. */
async function measure(
  mode: ImportJob['mode'],
  set: RosterSet,
  tmp: string,
  log: (line: string) => void,
): Promise<RunStats> {
  const dbFile = join(tmp, `${mode}-${set.roster.size.students}.db`);
  const worker = startWorker<ImportJob, ImportRun>(
    resolve(import.meta.dirname, 'lib/import-worker.ts'),
    `${mode} import`,
  );
  let out: ImportRun;
  try {
    out = await worker.run({ mode, dir: set.dir, dbFile });
  } finally {
    await worker.close();
  }
  const what = `${mode} import of ${set.roster.rows.toLocaleString('en-US')} rows`;
  if (mode === 'real') {
    const r = out.result!;
    if (r.rejected || r.rolledBack || r.report.errorCount > 0)
      throw new Error(
        `${what}: ${r.rejected ? 'rejected' : r.rolledBack ? 'rolled back' : 'errors'}: ` +
          JSON.stringify(r.report.errors.slice(0, 5)),
      );
  } else if (out.rows !== set.roster.rows) {
    throw new Error(`${what}: read ${out.rows} rows`);
  }
  const counts = countRows(dbFile);
  checkCounts(what, counts, set.roster);
  const databaseMB = round(statSync(dbFile).size / 1e6, 1);
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) rmSync(f, { force: true });
  const stats: RunStats = {
    seconds: round(out.seconds, 2),
    rowsPerSecond: Math.round(set.roster.rows / out.seconds),
    cpuSeconds: round(out.cpuSeconds, 2),
    rowsPerCpuSecond: Math.round(set.roster.rows / out.cpuSeconds),
    peakMemoryMB: out.peakMemoryMB,
    databaseMB,
    counts,
    ...(out.result
      ? {
          report: {
            rowsRead: out.result.report.rowsRead,
            errorCount: out.result.report.errorCount,
            warningCount: out.result.report.warningCount,
          },
        }
      : {}),
  };
  log(
    `  ${mode.padEnd(4)} ${set.roster.size.students.toLocaleString('en-US').padStart(7)} students: ` +
      `${stats.seconds} s, ${stats.rowsPerSecond.toLocaleString('en-US')} rows/s ` +
      `(${stats.rowsPerCpuSecond.toLocaleString('en-US')} per CPU second), peak ${stats.peakMemoryMB} MB`,
  );
  return stats;
}

const sizeOf = (set: RosterSet) => ({
  ...set.roster.size,
  schools: set.roster.counts.schools,
  rows: set.roster.rows,
  bytes: set.roster.bytes,
  files: set.roster.files,
});

export const importBenchmark: Benchmark = {
  name: 'import',
  description:
    'OneRoster 1.2 CSV import of a 100,000-student district vs a bare batched insert of the same rows (SQLite)',
  flags: {
    rebuild: 'import: regenerate the cached OneRoster CSV sets',
    small: 'import: a twentieth of the size, to try the harness (writes no result file)',
  },
  async run(flags = new Set<string>()) {
    const log = (line: string) => console.log(line);
    const small = flags.has('small');
    const fullSize = small ? scaled(FULL, 20) : FULL;
    const quarterSize = scaled(fullSize, 4);
    const prefix = small ? 'small-' : '';
    const full = rosterSet(`${prefix}full`, fullSize, flags.has('rebuild'), log);
    const quarter = rosterSet(`${prefix}quarter`, quarterSize, flags.has('rebuild'), log);
    const tmp = mkdtempSync(join(tmpdir(), 'rapport-bench-import-'));
    const loadBefore = loadavg();
    try {
      const bare = await measure('bare', full, tmp, log);
      const real = await measure('real', full, tmp, log);
      const realQuarter = await measure('real', quarter, tmp, log);
      const bareQuarter = await measure('bare', quarter, tmp, log);

      const ratio = round(real.rowsPerSecond / bare.rowsPerSecond, 3);
      const cpuRatio = round(real.rowsPerCpuSecond / bare.rowsPerCpuSecond, 3);
      const memoryGrowth = round(real.peakMemoryMB / realQuarter.peakMemoryMB, 2);
      const bareMemoryGrowth = round(bare.peakMemoryMB / bareQuarter.peakMemoryMB, 2);
      const meetsTarget = real.rowsPerSecond >= TARGET_ROWS_PER_SECOND;
      const result = {
        name: 'import',
        date: new Date().toISOString(),
        machine: machine(),
        code: codeVersion(),
        dialect: 'sqlite' as const,
        sizes: { full: sizeOf(full), quarter: sizeOf(quarter) },
        rows: full.roster.rows,
        rowsPerSecond: real.rowsPerSecond,
        peakMemoryMB: real.peakMemoryMB,
        ratio,
        cpuRatio,
        target: { rowsPerSecond: TARGET_ROWS_PER_SECOND },
        meetsTarget,
        memoryGrowth,
        real,
        bare,
        quarter: {
          real: realQuarter,
          bare: bareQuarter,
          memoryGrowth,
          bareMemoryGrowth,
        },
        data: {
          seed: SEED,
          generator: 'bench/lib/oneroster-generator.ts (OneRoster 1.2 bulk CSV)',
          full: { dir: full.dir, builtThisRun: full.built, generateSeconds: full.generateSeconds },
          quarter: {
            dir: quarter.dir,
            builtThisRun: quarter.built,
            generateSeconds: quarter.generateSeconds,
          },
        },
        units: {
          seconds: 'wall-clock seconds from opening the files to the commit',
          cpuSeconds: "CPU time (user + system) of the import's process over the same span",
          rowsPerCpuSecond:
            'rows ÷ cpuSeconds: what the import costs, steadier than rowsPerSecond on a shared machine',
          rowsPerSecond:
            'data rows of all CSV files (headers and manifest.csv not counted) per second',
          peakMemoryMB: "the import process's maxRSS (process.resourceUsage), in MB",
          databaseMB: 'size of the SQLite file after the import, in MB',
        },
        method: {
          processes:
            'each run in a fresh child process on a fresh SQLite file (openDatabase + migrateToLatest before the clock starts)',
          order: ['bare full', 'real full', 'real quarter', 'bare quarter'],
          real: 'importOneRoster(db, await openRosterSource(folder), { dryRun: false })',
          bare: 'csv-parse stream + better-sqlite3 multi-row prepared INSERTs (100 rows a statement), one transaction, same tables and columns, a Map of sourcedId → id per table',
          checks:
            'after every run the database must hold the generated students, staff, classes, enrollments, courses, demographics and accounts (one per user); the real import must not be rejected or report errors',
          loadAverage: {
            before: loadBefore.map((x) => round(x, 2)),
            after: loadavg().map((x) => round(x, 2)),
          },
        },
      };
      const written = small
        ? '(--small: no result file written)'
        : `wrote ${writeResult('import', result)}`;
      return [
        `import (sqlite; ${fullSize.students.toLocaleString('en-US')} students, ${fullSize.staff.toLocaleString('en-US')} staff, ` +
          `${fullSize.classes.toLocaleString('en-US')} classes, ${fullSize.enrollments.toLocaleString('en-US')} enrollments: ` +
          `${full.roster.rows.toLocaleString('en-US')} rows, ${(full.roster.bytes / 1e6).toFixed(0)} MB of CSV)`,
        `  real ${real.rowsPerSecond.toLocaleString('en-US')} rows/s (${real.seconds} s, peak ${real.peakMemoryMB} MB)   ` +
          `bare ${bare.rowsPerSecond.toLocaleString('en-US')} rows/s (${bare.seconds} s, peak ${bare.peakMemoryMB} MB)   ratio ${ratio}`,
        `  per CPU second: real ${real.rowsPerCpuSecond.toLocaleString('en-US')}, bare ${bare.rowsPerCpuSecond.toLocaleString('en-US')} rows   cpuRatio ${cpuRatio}`,
        `  target ≥ ${TARGET_ROWS_PER_SECOND.toLocaleString('en-US')} rows/s: ${meetsTarget ? 'met' : 'NOT met'}`,
        `  memory: real peak ${real.peakMemoryMB} MB at full size, ${realQuarter.peakMemoryMB} MB at a quarter (growth ×${memoryGrowth}); ` +
          `bare ×${bareMemoryGrowth}`,
        `  checks passed: the database counts equal the generated counts after every run`,
        `  ${written}`,
      ].join('\n');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
};
