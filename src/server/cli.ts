// `npx rapport <command>`: migrate, seed-demo, serve. Exit status 1 with the reason on stderr
// when something is wrong.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './platform/config.js';
import { migrateToLatest, migrationVersion, openDatabase } from './platform/db/database.js';
import { DEMO_DEFAULTS } from './features/demo/demo.generator.js';
import { seedDemo, type DemoSummary } from './features/demo/demo.service.js';
import { start } from './main.js';

const USAGE = `Usage: rapport <command> [options]

Commands:
  serve                      migrate, create the demo district if the database is empty, and serve
  migrate                    apply pending database migrations
  seed-demo [options]        create the demo district
      --students <n>         number of students (default ${DEMO_DEFAULTS.students})
      --staff <n>            number of staff (default ${DEMO_DEFAULTS.staff})
      --seed <n>             random seed; the same seed gives the same district (default ${DEMO_DEFAULTS.seed})

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
