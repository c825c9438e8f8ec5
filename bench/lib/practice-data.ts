// The practice benchmark's data: the demo district scaled to a large school system (the demo
// generator's roster, two schools) over a whole school year, plus ≈5 million interactions
// written straight into SQLite with prepared INSERTs. Building takes minutes, so the finished
// file is cached in bench/.cache/ (gitignored), keyed by everything that shapes it: the
// parameters below, DATA_VERSION (bump it when this file's generation changes), the migration
// list and a hash of the generated roster.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { addDays, isoWeekday, isSchoolDay, startOfLocalDay } from '../../src/domain/calendar.js';
import type { InteractionKind } from '../../src/domain/interaction-kinds.js';
import {
  DEMO_PASSWORD,
  DEMO_TIMEZONE,
  generateDemo,
  type DemoData,
} from '../../src/server/features/demo/demo.generator.js';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import { migrateToLatest, openDatabase } from '../../src/server/platform/db/database.js';
import { migrations } from '../../src/server/platform/db/migrations/index.js';
import { DEMO_TAGS as TAGS } from '../../src/server/features/demo/demo.generator.js';
import { seededRandom } from '../../src/server/features/demo/seeded-random.js';
import { CACHE_DIR } from './benchmark.js';
import { inserter, type Row } from './sqlite-insert.js';

/** Bump when the generation below changes in a way that changes the rows. */
export const DATA_VERSION = 2;

export const PARAMS = {
  seed: 1,
  students: 2000,
  staff: 150,
  /** A school year of 180 school days (demo holidays: Thanksgiving, winter and spring break…). */
  term: { start: '2025-08-20', end: '2026-05-29', name: 'School year 2025–26' },
  /** The app's "today": a Wednesday three school days before the year ends. */
  today: '2026-05-27',
  /** The app's clock on that day, local time: after the last period, so today's moments count. */
  nowLocal: '15:30',
  /** Expected number of interactions (the Poisson draws land within a fraction of a percent). */
  interactions: 5_000_000,
  /** Rows per transaction. */
  batch: 50_000,
  /** Share of teachers who do not log at all on a given school day. */
  absentShare: 0.05,
  undoneShare: 0.015,
} as const;

export interface TeacherInfo {
  personId: string;
  accountId: string;
  username: string;
  classIds: string[];
  /** Interactions this teacher logged (undone ones included). */
  interactions: number;
  positiveShare: number;
}

export interface PracticeData {
  file: string;
  key: string;
  now: string;
  demo: DemoData;
  teachers: TeacherInfo[];
  /** Student ids of each class (active enrollments; the demo has no dated ones). */
  rosters: Map<string, string[]>;
  schoolDays: string[];
  counts: {
    students: number;
    staff: number;
    classes: number;
    interactions: number;
    schoolDays: number;
    schoolDaysLogged: number;
  };
  load: LoadStats;
  /** False when the file came from the cache. */
  built: boolean;
}

export interface LoadStats {
  builtAt: string;
  rows: number;
  /** Generating and inserting the interactions (no secondary indexes yet). */
  insertSeconds: number;
  rowsPerSecond: number;
  /** Creating the interactions' secondary indexes after the load. */
  indexSeconds: number;
  analyzeSeconds: number;
  totalSeconds: number;
  fileBytes: number;
}

interface Meta {
  key: string;
  teachers: TeacherInfo[];
  interactions: number;
  schoolDaysLogged: number;
  load: LoadStats;
}

const NOTES = [
  'Asked about the weekend game.',
  'Stayed after to finish the lab.',
  'Talked over the class; reminded privately.',
  'Helped a new student find the room.',
  'Checked in after a hard morning.',
];
/** Non-correction, non-positive kinds that stand in for a correction, with their weights. */
const RELATIONSHIP_KINDS: Array<[InteractionKind, number]> = [
  ['empathy_statement', 0.35],
  ['repair', 0.25],
  ['conversation', 0.25],
  ['restorative_conversation', 0.07],
  ['one_on_one', 0.05],
  ['family_contact', 0.03],
];

function roster() {
  return generateDemo({
    seed: PARAMS.seed,
    today: PARAMS.today,
    students: PARAMS.students,
    staff: PARAMS.staff,
    term: { ...PARAMS.term },
    interactions: false,
  });
}

function nowInstant(): string {
  const [h, m] = PARAMS.nowLocal.split(':').map(Number) as [number, number];
  return new Date(
    Date.parse(startOfLocalDay(PARAMS.today, DEMO_TIMEZONE)) + (h * 60 + m) * 60_000,
  ).toISOString();
}

function cacheKey(demo: DemoData): string {
  const rosterHash = createHash('sha256').update(JSON.stringify(demo)).digest('hex');
  return createHash('sha256')
    .update(
      JSON.stringify({
        DATA_VERSION,
        PARAMS,
        migrations: Object.keys(migrations),
        rosterHash,
      }),
    )
    .digest('hex')
    .slice(0, 16);
}

function termSchoolDays(demo: DemoData): string[] {
  const term = demo.terms[0]!;
  const cal = {
    startDate: term.start_date,
    endDate: term.end_date,
    daysOff: new Set(demo.daysOff.map((d) => d.date)),
  };
  const days: string[] = [];
  for (let d = term.start_date; d <= term.end_date; d = addDays(d, 1))
    if (isSchoolDay(cal, d)) days.push(d);
  return days;
}

function rostersOf(demo: DemoData) {
  const rosters = new Map<string, string[]>();
  const teacherClasses = new Map<string, string[]>();
  for (const e of demo.enrollments) {
    const map = e.role === 'student' ? rosters : teacherClasses;
    const key = e.role === 'student' ? e.class_id : e.person_id;
    const value = e.role === 'student' ? e.person_id : e.class_id;
    map.set(key, [...(map.get(key) ?? []), value]);
  }
  return { rosters, teacherClasses };
}

/** Returns the dataset, building it (or rebuilding it when asked) when the cache lacks it. */
export async function practiceData(
  opts: { rebuild?: boolean; log?: (line: string) => void } = {},
): Promise<PracticeData> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const demo = roster();
  const key = cacheKey(demo);
  const file = resolve(CACHE_DIR, `practice-${key}.db`);
  const metaFile = resolve(CACHE_DIR, `practice-${key}.json`);
  let meta: Meta | undefined;
  let built = false;
  if (!opts.rebuild && existsSync(file) && existsSync(metaFile)) {
    meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Meta;
    if (meta.key !== key) meta = undefined;
    else log(`  data: cached ${file}`);
  }
  if (!meta) {
    mkdirSync(CACHE_DIR, { recursive: true });
    // One dataset at a time: an old one is gigabytes.
    for (const f of readdirSync(CACHE_DIR))
      if (f.startsWith('practice-')) rmSync(resolve(CACHE_DIR, f), { force: true });
    meta = await build(demo, key, file, log);
    writeFileSync(metaFile, `${JSON.stringify(meta, null, 2)}\n`);
    built = true;
  }
  const { rosters } = rostersOf(demo);
  const schoolDays = termSchoolDays(demo);
  return {
    file,
    key,
    now: nowInstant(),
    demo,
    teachers: meta.teachers,
    rosters,
    schoolDays,
    counts: {
      students: demo.people.filter((p) => p.kind === 'student').length,
      staff: demo.people.filter((p) => p.kind === 'staff').length,
      classes: demo.classes.length,
      interactions: meta.interactions,
      schoolDays: schoolDays.length,
      schoolDaysLogged: meta.schoolDaysLogged,
    },
    load: meta.load,
    built,
  };
}

const INTERACTION_COLUMNS = [
  'district_id',
  'id',
  'client_id',
  'author_account_id',
  'teacher_id',
  'student_id',
  'class_id',
  'kind',
  'tag',
  'note',
  'occurred_at',
  'created_at',
  'undone_at',
] as const;
async function build(
  demo: DemoData,
  key: string,
  file: string,
  log: (line: string) => void,
): Promise<Meta> {
  const started = performance.now();
  const partial = `${file}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  log(`  data: building ${file} (${PARAMS.interactions.toLocaleString('en-US')} interactions)…`);

  // The schema comes from the app's migrations, through the app's own opening code.
  const appDb = openDatabase({ dialect: 'sqlite', path: partial });
  await migrateToLatest(appDb);
  await appDb.close();

  const db = new SQLite(partial);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('cache_size = -2000000'); // 2 GB
    db.pragma('temp_store = MEMORY');
    db.pragma('foreign_keys = OFF'); // checked once at the end

    // The roster, every account with the same scrypt hash of DEMO_PASSWORD (hashing 150
    // accounts one by one would take seconds and measures nothing).
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const tables: Array<[string, object[]]> = [
      ['districts', [demo.district]],
      ['schools', demo.schools],
      ['terms', demo.terms],
      ['term_days_off', demo.daysOff],
      ['courses', demo.courses],
      ['classes', demo.classes],
      ['people', demo.people],
      ['guardianships', demo.guardianships],
      ['enrollments', demo.enrollments],
      ['accounts', demo.accounts.map((a) => ({ ...a.row, password_hash: passwordHash }))],
    ];
    db.exec('begin');
    for (const [table, rows] of tables) {
      if (rows.length === 0) continue;
      const columns = Object.keys(rows[0]!);
      const insert = inserter(db, table, columns, 50);
      insert(rows.map((r) => columns.map((c) => (r as Record<string, string | null>)[c] ?? null)));
    }
    db.exec('commit');

    // Secondary indexes of interactions are dropped for the load and rebuilt after it (one
    // sort each instead of 5 million random B-tree inserts). The primary key stays.
    const indexes = db
      .prepare(
        "select name, sql from sqlite_master where type = 'index' and tbl_name = 'interactions' and sql is not null",
      )
      .all() as Array<{ name: string; sql: string }>;
    for (const ix of indexes) db.exec(`drop index ${ix.name}`);

    const gen = generateInteractions(demo);
    const insert = inserter(db, 'interactions', INTERACTION_COLUMNS);
    const loadStarted = performance.now();
    let pending = 0;
    let rows = 0;
    let lastReport = loadStarted;
    db.exec('begin');
    for (const day of gen.days()) {
      insert(day);
      pending += day.length;
      rows += day.length;
      if (pending >= PARAMS.batch) {
        db.exec('commit');
        db.exec('begin');
        pending = 0;
      }
      const t = performance.now();
      if (t - lastReport > 10_000) {
        lastReport = t;
        log(
          `  data: ${rows.toLocaleString('en-US')} rows, ${Math.round(rows / ((t - loadStarted) / 1000)).toLocaleString('en-US')} rows/s`,
        );
      }
    }
    db.exec('commit');
    const insertSeconds = (performance.now() - loadStarted) / 1000;
    log(
      `  data: inserted ${rows.toLocaleString('en-US')} interactions in ${insertSeconds.toFixed(1)} s ` +
        `(${Math.round(rows / insertSeconds).toLocaleString('en-US')} rows/s, ${PARAMS.batch.toLocaleString('en-US')} rows per transaction)`,
    );

    const indexStarted = performance.now();
    for (const ix of indexes) db.exec(ix.sql);
    const indexSeconds = (performance.now() - indexStarted) / 1000;
    log(`  data: rebuilt ${indexes.length} indexes in ${indexSeconds.toFixed(1)} s`);
    const analyzeStarted = performance.now();
    db.exec('analyze');
    const analyzeSeconds = (performance.now() - analyzeStarted) / 1000;
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) throw new Error(`foreign key violations: ${JSON.stringify(fk.slice(0, 5))}`);
    db.pragma('locking_mode = NORMAL');
    db.pragma('journal_mode = WAL');
    db.close();

    renameSync(partial, file);
    const totalSeconds = (performance.now() - started) / 1000;
    const { size } = statSync(file);
    log(
      `  data: analyzed in ${analyzeSeconds.toFixed(1)} s; ${(size / 1e9).toFixed(2)} GB, ${totalSeconds.toFixed(0)} s in all`,
    );
    return {
      key,
      teachers: gen.teachers(),
      interactions: rows,
      schoolDaysLogged: gen.schoolDaysLogged,
      load: {
        builtAt: new Date().toISOString(),
        rows,
        insertSeconds: Math.round(insertSeconds * 10) / 10,
        rowsPerSecond: Math.round(rows / insertSeconds),
        indexSeconds: Math.round(indexSeconds * 10) / 10,
        analyzeSeconds: Math.round(analyzeSeconds * 10) / 10,
        totalSeconds: Math.round(totalSeconds),
        fileBytes: size,
      },
    };
  } catch (err) {
    if (db.open) db.close();
    rmSync(partial, { force: true });
    throw err;
  }
}

/**
 * The interactions, one school day at a time in time order (so rowids follow time, as they do
 * when teachers log through the day): every school day from the term's start through today,
 * every class meeting, a Poisson number of moments per meeting scaled so the year holds about
 * PARAMS.interactions. Per teacher: a volume (log-normal, light to heavy loggers) and a
 * positive share (one in six teachers corrects more than they praise). Some students are
 * overlooked lately (no positive moment in the last four weeks); some moments are undone.
 */
function generateInteractions(demo: DemoData) {
  const r = seededRandom(PARAMS.seed * 7919 + DATA_VERSION);
  const d = demo.district.id;
  const { rosters, teacherClasses } = rostersOf(demo);
  const classById = new Map(demo.classes.map((c) => [c.id, c]));
  const accountOf = new Map(
    demo.accounts
      .filter((a) => a.row.role === 'teacher')
      .map((a) => [a.row.person_id!, { id: a.row.id, username: a.row.username }]),
  );
  const days = termSchoolDays(demo).filter((day) => day <= PARAMS.today);
  const recentCut = days[Math.max(0, days.length - 20)]!;
  const overlooked = new Set(
    demo.people.filter((p) => p.kind === 'student' && r.chance(0.05)).map((p) => p.id),
  );

  const teachers = [...teacherClasses.entries()].map(([personId, classIds]) => {
    const meetings = classIds.reduce((n, id) => {
      const cls = classById.get(id)!;
      return n + days.filter((day) => cls.meeting_days.includes(String(isoWeekday(day)))).length;
    }, 0);
    return {
      personId,
      account: accountOf.get(personId)!,
      classes: classIds.map((id) => classById.get(id)!),
      positiveShare: r.chance(0.17) ? 0.3 + r.next() * 0.2 : 0.7 + r.next() * 0.22,
      // Light to heavy loggers: log-normal, clamped to 0.15–3× the typical teacher.
      volume: Math.min(3, Math.max(0.15, Math.exp(0.6 * r.gauss()))),
      meetings,
      count: 0,
    };
  });
  const expected = teachers.reduce((n, t) => n + t.volume * t.meetings, 0);
  const perMeeting = PARAMS.interactions / expected / (1 - PARAMS.absentShare);

  function* byDay(): Generator<Row[]> {
    for (const day of days) {
      const weekday = String(isoWeekday(day));
      const dayStart = Date.parse(startOfLocalDay(day, DEMO_TIMEZONE));
      const rows: Row[] = [];
      for (const t of teachers) {
        if (r.chance(PARAMS.absentShare)) continue;
        const lambda = perMeeting * t.volume;
        for (const cls of t.classes) {
          if (!cls.meeting_days.includes(weekday)) continue;
          const roster = rosters.get(cls.id) ?? [];
          if (roster.length === 0) continue;
          const n = r.poisson(lambda);
          for (let k = 0; k < n; k++) {
            const studentId = r.pick(roster);
            let kind: InteractionKind = r.chance(t.positiveShare)
              ? r.chance(0.55)
                ? 'warm_moment'
                : 'affirmation'
              : 'correction';
            if (kind !== 'correction' && overlooked.has(studentId) && day >= recentCut)
              kind = 'correction';
            if (kind === 'correction' && r.chance(0.25)) {
              let u = r.next();
              kind = RELATIONSHIP_KINDS.at(-1)![0];
              for (const [k2, w] of RELATIONSHIP_KINDS) {
                if (u < w) {
                  kind = k2;
                  break;
                }
                u -= w;
              }
            }
            // Class periods run from 8:00, 55 minutes apart; a moment falls inside its period.
            const minute = 8 * 60 + (Number(cls.period) - 1) * 55 + r.int(0, 49);
            const occurredMs = dayStart + minute * 60_000 + r.int(0, 59_999);
            const createdMs = occurredMs + r.int(0, 1500);
            rows.push([
              d,
              r.uuid(),
              r.uuid(),
              t.account.id,
              t.personId,
              studentId,
              cls.id,
              kind,
              r.chance(0.2) ? r.pick(TAGS) : null,
              r.chance(0.03) ? r.pick(NOTES) : null,
              new Date(occurredMs).toISOString(),
              new Date(createdMs).toISOString(),
              r.chance(PARAMS.undoneShare)
                ? new Date(createdMs + r.int(5_000, 500_000)).toISOString()
                : null,
            ]);
            t.count++;
          }
        }
      }
      // Time order within the day, as the rows would arrive.
      rows.sort((a, b) => (a[10]! < b[10]! ? -1 : a[10]! > b[10]! ? 1 : 0));
      yield rows;
    }
  }

  return {
    days: byDay,
    schoolDaysLogged: days.length,
    teachers: (): TeacherInfo[] =>
      teachers.map((t) => ({
        personId: t.personId,
        accountId: t.account.id,
        username: t.account.username,
        classIds: t.classes.map((c) => c.id),
        interactions: t.count,
        positiveShare: Math.round(t.positiveShare * 1000) / 1000,
      })),
  };
}
