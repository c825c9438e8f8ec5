// `npx rapport <command>`: migrate, backup, seed-demo, serve, import-oneroster, export-oneroster. Exit
// status 1 with the reason on stderr when something is wrong.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './platform/config.js';
import { BackupError, backupSqlite } from './platform/db/backup.js';
import { migrateToLatest, migrationVersion, openDatabase } from './platform/db/database.js';
import { DEMO_DEFAULTS } from './features/demo/demo.generator.js';
import { seedDemo, type DemoSummary } from './features/demo/demo.service.js';
import { exportRosterToFile } from './features/rostering/export/export.service.js';
import { start } from './main.js';
import { recordSystemAudit } from './platform/audit/audit.repository.js';
import { importOneRoster } from './features/rostering/import/import-oneroster.js';
import { formatCounts, formatMessage } from './features/rostering/import/print-report.js';
import { openRosterSource, RosterSourceError } from './features/rostering/import/source.js';
import { countSummary } from './features/rostering/rostering.service.js';

const USAGE = `Usage: rapport <command> [options]

Commands:
  serve                      migrate, create the demo district if the database is empty, and serve
  migrate                    apply pending database migrations (safe while instances run: one
                             migrator at a time; run it before rolling out a new version)
  backup <file>              copy the SQLite database to <file> while Rapport keeps running
                             (PostgreSQL: use pg_dump, see README.md)
  seed-demo [options]        create the demo district
      --students <n>         number of students (default ${DEMO_DEFAULTS.students})
      --staff <n>            number of staff (default ${DEMO_DEFAULTS.staff})
      --seed <n>             random seed; the same seed gives the same district (default ${DEMO_DEFAULTS.seed})
  import-oneroster <path>    import a OneRoster 1.1 or 1.2 CSV set (a .zip or a folder)
      --dry-run              report what would change and change nothing
      --district <name>      the district to import into (created if new); default: the only one
      --timezone <zone>      time zone of a district the import creates (default America/New_York)
  export-oneroster <file.zip> [options]
                             write a district's roster as a OneRoster 1.2 bulk CSV zip
      --district <name>      the district to export (needed when the database has several)

Settings come from the environment (see README.md): DATABASE_URL, PORT, HOST, ...`;

function fail(message: string): never {
  process.stderr.write(`rapport: ${message}\n`);
  process.exit(1);
}

function positiveInt(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    fail(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return Number(raw);
}

export function printDemo(demo: DemoSummary, url?: string) {
  const c = demo.counts;
  process.stdout.write(
    `Demo district created: ${c.schools} schools, ${c.staff} staff, ${c.students} students, ${c.guardians} guardians, ` +
      `${c.classes} classes, ${c.interactions} interactions.\n`,
  );
  if (url) process.stdout.write(`\n  Rapport is running at ${url}\n`);
  process.stdout.write('\n  Demo sign-ins:\n');
  for (const s of demo.signIns)
    process.stdout.write(
      `    ${s.role.padEnd(15)} ${s.username.padEnd(10)} password: ${s.password}\n`,
    );
  process.stdout.write('\n');
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return;
  }
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(`configuration error: ${err.message}`);
    throw err;
  }

  if (command === 'migrate') {
    const db = openDatabase(config.database);
    try {
      const result = await migrateToLatest(db);
      const applied =
        result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
      process.stdout.write(
        applied.length ? `Applied: ${applied.join(', ')}\n` : 'Nothing to apply.\n',
      );
      process.stdout.write(`Database (${db.dialect}) is at ${await migrationVersion(db)}\n`);
    } finally {
      await db.close();
    }
    return;
  }

  if (command === 'backup') {
    const { positionals } = parseArgs({ args: rest, allowPositionals: true, strict: true });
    if (positionals.length !== 1)
      fail('backup needs one output file, e.g. rapport backup rapport-2026-11-30.db');
    if (config.database.dialect !== 'sqlite')
      fail(
        'backup copies the embedded SQLite database; for PostgreSQL use pg_dump --format=custom (see README.md, Deployment)',
      );
    try {
      const done = await backupSqlite(config.database.path, positionals[0]!);
      process.stdout.write(
        `Backed up ${config.database.path} to ${done.file} (${done.pages} pages).\n`,
      );
    } catch (err) {
      if (err instanceof BackupError) fail(`backup: ${err.message}`);
      throw err;
    }
    return;
  }

  if (command === 'seed-demo') {
    const { values } = parseArgs({
      args: rest,
      options: {
        students: { type: 'string' },
        staff: { type: 'string' },
        seed: { type: 'string' },
      },
      strict: true,
    });
    const opts = {
      students: positiveInt('students', values.students, DEMO_DEFAULTS.students, 1, 1_000_000),
      staff: positiveInt('staff', values.staff, DEMO_DEFAULTS.staff, 7, 100_000),
      seed: positiveInt('seed', values.seed, DEMO_DEFAULTS.seed, 0, 2 ** 31),
    };
    const db = openDatabase(config.database);
    try {
      await migrateToLatest(db);
      printDemo(await seedDemo(db.kysely, opts));
    } finally {
      await db.close();
    }
    return;
  }

  if (command === 'import-oneroster') {
    const { values, positionals } = parseArgs({
      args: rest,
      options: {
        'dry-run': { type: 'boolean' },
        district: { type: 'string' },
        timezone: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) fail('import-oneroster needs one path: a .zip file or a folder');
    const zone = values.timezone;
    if (zone !== undefined) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
      } catch {
        fail(`--timezone "${zone}" is not a time zone (e.g. America/Chicago)`);
      }
    }
    const db = openDatabase(config.database);
    try {
      await migrateToLatest(db);
      let source;
      try {
        source = await openRosterSource(positionals[0]!);
      } catch (err) {
        if (err instanceof RosterSourceError) fail(`${err.file}: ${err.message}`);
        throw err;
      }
      const dryRun = values['dry-run'] ?? false;
      const result = await importOneRoster(db, source, {
        dryRun,
        ...(values.district ? { districtName: values.district } : {}),
        ...(zone ? { timeZone: zone } : {}),
      });
      const { report } = result;
      if (result.districtId && !result.rolledBack)
        await recordSystemAudit(db.kysely, result.districtId, {
          action: 'roster.import',
          subjectType: 'roster_source',
          subjectId: source.name,
          detail: {
            dryRun,
            status: 'applied',
            rowsRead: report.rowsRead,
            counts: countSummary(report),
          },
        });
      for (const w of report.warnings) process.stdout.write(`warning: ${formatMessage(w)}\n`);
      if (report.warningCount > report.warnings.length)
        process.stdout.write(
          `(${report.warningCount - report.warnings.length} more kinds of warning not listed)\n`,
        );
      if (result.rejected) {
        for (const e of report.errors) process.stderr.write(`error: ${formatMessage(e)}\n`);
        if (report.errorCount > report.errors.length)
          process.stderr.write(
            `(${report.errorCount - report.errors.length} more errors not listed)\n`,
          );
        fail(`the import was rejected with ${report.errorCount} error(s); nothing was changed`);
      }
      process.stdout.write(formatCounts(report, dryRun) + '\n');
      process.stdout.write(dryRun ? 'Dry run: nothing was changed.\n' : 'Imported.\n');
    } finally {
      await db.close();
    }
    return;
  }

  if (command === 'export-oneroster') {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { district: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1)
      fail('export-oneroster needs one output file, e.g. rapport export-oneroster roster.zip');
    const file = positionals[0]!;
    const db = openDatabase(config.database);
    try {
      const done = await exportRosterToFile(db.kysely, file, values.district);
      const counts = Object.entries(done.counts).map(([f, n]) => `${n} ${f}`);
      process.stdout.write(`Exported ${done.districtName} to ${file}: ${counts.join(', ')}.\n`);
    } finally {
      await db.close();
    }
    return;
  }

  if (command === 'serve') {
    parseArgs({ args: rest, options: {}, strict: true });
    const running = await start(config);
    if (running.demo) printDemo(running.demo, running.url);
    else process.stdout.write(`\n  Rapport is running at ${running.url}\n\n`);
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      running.app.log.info({ signal }, 'shutting down');
      await running.stop();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
    return;
  }

  fail(`unknown command "${command}"\n\n${USAGE}`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  fail(message);
});
