// A district-size data set (issue 7): at scale 1, 100,000 students, 6,000 staff, 20,000 classes
// with their enrollments, one school-year term with its days off, ~140 schools, and 20 million
// interactions over the school year. The schema comes from the real migrations.
// - PostgreSQL: every table is written with COPY (pg-copy-streams). The interactions' indexes and
//   primary key are dropped for the load and built again after it (one sort per index instead of
//   20 million index insertions), and foreign-key triggers are skipped on the loading connection
//   (session_replication_role = replica; the rows are consistent by construction). The replay
//   guard interaction_requests is filled from interactions with one INSERT … SELECT.
// - SQLite: the same shape at a smaller scale, with multi-row prepared INSERTs.
// Ids are deterministic (a function of the kind of row and its number), so a benchmark can name a
// teacher, a class or a student without querying; interaction ids are random.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { InteractionKind } from '../../src/domain/interaction-kinds.js';
import { hashPassword } from '../../src/server/platform/auth/passwords.js';
import type { DatabaseTarget } from '../../src/server/platform/config.js';
import { migrateToLatest, openDatabase } from '../../src/server/platform/db/database.js';
import { ensureMonths, monthOf, monthsBetween } from '../../src/server/platform/db/partitions.js';
import { batchInserter, type Row } from './sqlite-insert.js';

/** Bump when the generation below changes the rows (a cached database is rebuilt). */
export const DISTRICT_DATA_VERSION = 2;
export const DISTRICT_PASSWORD = 'rapport-district';
export const DISTRICT_TIMEZONE = 'America/Chicago';

/** The school year, fixed so a cached database never ages; the app's clock is set to TODAY. */
export const SCHOOL_YEAR = {
  start: '2025-08-18',
  end: '2026-06-05',
  name: 'School year 2025–26',
  /** Weekdays without school. */
  daysOff: [
    '2025-09-01',
    '2025-11-26',
    '2025-11-27',
    '2025-11-28',
    ...['22', '23', '24', '25', '26', '29', '30', '31'].map((d) => `2025-12-${d}`),
    '2026-01-01',
    '2026-01-02',
    '2026-01-19',
    ...['23', '24', '25', '26', '27'].map((d) => `2026-03-${d}`),
    '2026-05-25',
  ],
  /** The app's "today" in the benchmark: a Wednesday near the end of the year. */
  today: '2026-06-03',
  /** The app's clock on that day (15:30 in Chicago, CDT). */
  now: '2026-06-03T20:30:00.000Z',
} as const;

export interface DistrictShape {
  scale: number;
  schools: number;
  students: number;
  /** Teachers first (one per four classes), then other staff. */
  staff: number;
  teachers: number;
  classes: number;
  classesPerTeacher: number;
  studentsPerClass: number;
  coursesPerSchool: number;
  interactions: number;
}

export function districtShape(scale: number): DistrictShape {
  const classes = Math.max(4, Math.round(20_000 * scale));
  const teachers = Math.ceil(classes / 4);
  const students = Math.max(10, Math.round(100_000 * scale));
  return {
    scale,
    schools: Math.max(1, Math.round(140 * scale)),
    students,
    staff: Math.max(teachers + 1, Math.round(6_000 * scale)),
    teachers,
    classes,
    classesPerTeacher: 4,
    studentsPerClass: 25,
    coursesPerSchool: 10,
    interactions: Math.round(20_000_000 * scale),
  };
}

// ---- deterministic ids and the roster, computable without the database ----

const KIND_CODE = {
  district: 1,
  school: 2,
  term: 3,
  course: 4,
  class: 5,
  student: 6,
  staff: 7,
  account: 8,
} as const;

/** A v4-shaped UUID from a kind of row and its number. */
export function districtId(kind: keyof typeof KIND_CODE, n: number): string {
  const hex = n.toString(16).padStart(15, '0');
  const code = KIND_CODE[kind].toString(16).padStart(4, '0');
  return `d15a7c00-${code}-4${hex.slice(0, 3)}-8${hex.slice(3, 6)}-${hex.slice(6, 15)}000`;
}

export const DISTRICT_ID = districtId('district', 0);

/** The school of class j, student i, teacher t: contiguous blocks, one per school. */
export function schoolOfClass(s: DistrictShape, j: number): number {
  return Math.floor((j * s.schools) / s.classes);
}
function firstOf(count: number, s: DistrictShape, school: number): number {
  return Math.ceil((school * count) / s.schools);
}
export function teacherOfClass(s: DistrictShape, j: number): number {
  return Math.floor(j / s.classesPerTeacher);
}
export function classesOfTeacher(s: DistrictShape, t: number): number[] {
  const out: number[] = [];
  for (let j = t * s.classesPerTeacher; j < Math.min(s.classes, (t + 1) * s.classesPerTeacher); j++)
    out.push(j);
  return out;
}
export function teacherUsername(t: number): string {
  return `district-teacher-${t}`;
}

/** The students of class j (numbers), in seat order: a run of the school's students. */
export function rosterOfClass(s: DistrictShape, j: number): number[] {
  const school = schoolOfClass(s, j);
  const firstStudent = firstOf(s.students, s, school);
  const size = firstOf(s.students, s, school + 1) - firstStudent;
  const firstClass = firstOf(s.classes, s, school);
  const c = j - firstClass;
  const seats = Math.min(s.studentsPerClass, size);
  return Array.from({ length: seats }, (_, m) => firstStudent + ((c * seats + m) % size));
}

/** The school days of the year: weekdays in the term that are not days off. */
export function schoolDays(): string[] {
  const off = new Set<string>(SCHOOL_YEAR.daysOff);
  const out: string[] = [];
  for (
    let d = new Date(`${SCHOOL_YEAR.start}T00:00:00Z`);
    d <= new Date(`${SCHOOL_YEAR.end}T00:00:00Z`);
    d = new Date(d.getTime() + 86_400_000)
  ) {
    const iso = d.toISOString().slice(0, 10);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6 && !off.has(iso)) out.push(iso);
  }
  return out;
}

/** Small, fast, seeded (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'English',
  'Math',
  'Science',
  'History',
  'Art',
  'Music',
  'PE',
  'Spanish',
  'Health',
  'Tech',
];
const LEVELS = ['elementary', 'middle', 'high'] as const;
const GIVEN = [
  'Ana',
  'Ben',
  'Chloe',
  'Dev',
  'Ema',
  'Felix',
  'Gia',
  'Hugo',
  'Ines',
  'Jon',
  'Kai',
  'Lea',
];
const FAMILY = [
  'Alvarez',
  'Brown',
  'Chen',
  'Diaz',
  'Evans',
  'Fofana',
  'Garcia',
  'Huang',
  'Ito',
  'Jones',
];
const STAFF_ROLES = ['leader', 'coach', 'district_admin'] as const;

type Table = { name: string; columns: string[]; rows: () => Iterable<Row> };

/** Every table but interactions, in foreign-key order. */
function rosterTables(s: DistrictShape, passwordHash: string, createdAt: string): Table[] {
  const D = DISTRICT_ID;
  const termId = districtId('term', 0);
  return [
    {
      name: 'districts',
      columns: ['id', 'name', 'timezone', 'created_at'],
      rows: () => [
        [
          D,
          `Bench district v${DISTRICT_DATA_VERSION} scale ${s.scale}`,
          DISTRICT_TIMEZONE,
          createdAt,
        ],
      ],
    },
    {
      name: 'schools',
      columns: ['district_id', 'id', 'name', 'level'],
      *rows() {
        for (let k = 0; k < s.schools; k++)
          yield [D, districtId('school', k), `School ${k + 1}`, LEVELS[k % 3]!];
      },
    },
    {
      name: 'terms',
      columns: ['district_id', 'id', 'name', 'start_date', 'end_date'],
      rows: () => [[D, termId, SCHOOL_YEAR.name, SCHOOL_YEAR.start, SCHOOL_YEAR.end]],
    },
    {
      name: 'term_days_off',
      columns: ['district_id', 'term_id', 'date', 'reason'],
      rows: () => SCHOOL_YEAR.daysOff.map((d) => [D, termId, d, 'Holiday']),
    },
    {
      name: 'courses',
      columns: ['district_id', 'id', 'school_id', 'title'],
      *rows() {
        for (let k = 0; k < s.schools; k++)
          for (let c = 0; c < s.coursesPerSchool; c++)
            yield [
              D,
              districtId('course', k * s.coursesPerSchool + c),
              districtId('school', k),
              SUBJECTS[c % 10]!,
            ];
      },
    },
    {
      name: 'classes',
      columns: ['district_id', 'id', 'school_id', 'course_id', 'term_id', 'title', 'period'],
      *rows() {
        for (let j = 0; j < s.classes; j++) {
          const k = schoolOfClass(s, j);
          const course = k * s.coursesPerSchool + (j % s.coursesPerSchool);
          yield [
            D,
            districtId('class', j),
            districtId('school', k),
            districtId('course', course),
            termId,
            `${SUBJECTS[j % 10]} ${j + 1}`,
            String((j % 7) + 1),
          ];
        }
      },
    },
    {
      name: 'people',
      columns: ['district_id', 'id', 'kind', 'given_name', 'family_name', 'grade', 'school_id'],
      *rows() {
        for (let i = 0; i < s.students; i++) {
          const school = Math.floor((i * s.schools) / s.students);
          yield [
            D,
            districtId('student', i),
            'student',
            GIVEN[i % 12]!,
            `${FAMILY[Math.floor(i / 12) % 10]!}-${i}`,
            String((i % 12) + 1),
            districtId('school', school),
          ];
        }
        for (let t = 0; t < s.staff; t++) {
          const school = t < s.teachers ? schoolOfClass(s, t * s.classesPerTeacher) : t % s.schools;
          yield [
            D,
            districtId('staff', t),
            'staff',
            GIVEN[(t + 5) % 12]!,
            `Staff-${t}`,
            null,
            districtId('school', school),
          ];
        }
      },
    },
    {
      name: 'accounts',
      columns: [
        'district_id',
        'id',
        'person_id',
        'username',
        'role',
        'school_id',
        'password_hash',
        'created_at',
      ],
      *rows() {
        for (let t = 0; t < s.staff; t++) {
          const teacher = t < s.teachers;
          const school = teacher ? schoolOfClass(s, t * s.classesPerTeacher) : t % s.schools;
          yield [
            D,
            districtId('account', t),
            districtId('staff', t),
            teacher ? teacherUsername(t) : `district-staff-${t}`,
            teacher ? 'teacher' : STAFF_ROLES[t % 3]!,
            districtId('school', school),
            passwordHash,
            createdAt,
          ];
        }
      },
    },
    {
      name: 'enrollments',
      columns: ['district_id', 'class_id', 'person_id', 'role'],
      *rows() {
        for (let j = 0; j < s.classes; j++) {
          const cls = districtId('class', j);
          yield [D, cls, districtId('staff', teacherOfClass(s, j)), 'teacher'];
          for (const i of rosterOfClass(s, j)) yield [D, cls, districtId('student', i), 'student'];
        }
      },
    },
  ];
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
];
const KINDS: Array<[InteractionKind, number]> = [
  ['affirmation', 0.4],
  ['warm_moment', 0.3],
  ['correction', 0.2],
  ['conversation', 0.1],
];
const TAGS = ['effort', 'kindness', 'focus', null, null, null];

/** Interaction n of the year: an even spread over the school days, a random class and seat. */
function* interactionRows(s: DistrictShape): Generator<Row> {
  const days = schoolDays();
  const rnd = random(7);
  const rosters = new Map<number, number[]>();
  for (let n = 0; n < s.interactions; n++) {
    const day = days[Math.floor((n * days.length) / s.interactions)]!;
    const j = Math.floor(rnd() * s.classes);
    let roster = rosters.get(j);
    if (!roster) {
      roster = rosterOfClass(s, j);
      if (rosters.size > 50_000) rosters.clear();
      rosters.set(j, roster);
    }
    const student = roster[Math.floor(rnd() * roster.length)]!;
    const t = teacherOfClass(s, j);
    let r = rnd();
    let kind: InteractionKind = 'conversation';
    for (const [k, w] of KINDS) {
      if (r < w) {
        kind = k;
        break;
      }
      r -= w;
    }
    // 13:00–21:00 UTC: the school day in Chicago.
    const minute = Math.floor(rnd() * 480);
    const at = `${day}T${String(13 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}.000Z`;
    yield [
      DISTRICT_ID,
      randomUUID(),
      `g-${n.toString(36)}`,
      districtId('account', t),
      districtId('staff', t),
      districtId('student', student),
      districtId('class', j),
      kind,
      TAGS[n % TAGS.length] ?? null,
      null,
      at,
      at,
      n % 100 === 42 ? at : null,
    ];
  }
}

export interface TableLoad {
  table: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

export interface DistrictBuild {
  shape: DistrictShape;
  dialect: 'sqlite' | 'postgres';
  tables: TableLoad[];
  /** Building the interactions' indexes and the replay guard after the load (PostgreSQL). */
  indexSeconds: number;
  totalRows: number;
  totalSeconds: number;
  /** All rows ÷ all time, index building included. */
  rowsPerSecond: number;
}

/** COPY text format: tab-separated, \N for null. Our values never hold tabs, newlines or backslashes. */
function copyLine(row: Row): string {
  let line = '';
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    line += (c === 0 ? '' : '\t') + (v === null || v === undefined ? '\\N' : String(v));
  }
  return line + '\n';
}

async function* copyChunks(rows: Iterable<Row>, counter: { n: number }): AsyncGenerator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += copyLine(row);
    counter.n += 1;
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

async function copyTable(client: pg.PoolClient, t: Table): Promise<TableLoad> {
  const started = performance.now();
  const counter = { n: 0 };
  const stream = client.query(copyFrom(`copy ${t.name} (${t.columns.join(', ')}) from stdin`));
  await pipeline(Readable.from(copyChunks(t.rows(), counter)), stream);
  return load(t.name, counter.n, started);
}

function load(table: string, rows: number, started: number): TableLoad {
  const seconds = (performance.now() - started) / 1000;
  return { table, rows, seconds, rowsPerSecond: rows / Math.max(seconds, 1e-6) };
}

/** The months the school year spans: their partitions must exist before the load. */
function yearMonths(): string[] {
  return monthsBetween(monthOf(SCHOOL_YEAR.start), monthOf(SCHOOL_YEAR.end));
}

async function buildPostgres(
  url: string,
  s: DistrictShape,
  hash: string,
  log: (m: string) => void,
) {
  const db = openDatabase({ dialect: 'postgres', url }, { poolSize: 2 });
  const tables: TableLoad[] = [];
  let indexSeconds = 0;
  try {
    await migrateToLatest(db);
    await ensureMonths(db.kysely, yearMonths());
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const client = await pool.connect();
    try {
      await client.query(`set session_replication_role = replica`);
      await client.query(`set maintenance_work_mem = '512MB'`);
      for (const t of rosterTables(s, hash, `${SCHOOL_YEAR.start}T12:00:00.000Z`)) {
        tables.push(await copyTable(client, t));
        log(`${t.name}: ${tables.at(-1)!.rows} rows`);
      }
      // The interactions' indexes and keys, as the migrations made them, rebuilt after the load.
      const { rows: defs } = await client.query<{ name: string; def: string; constraint: boolean }>(
        `select c.conname as name, 'alter table interactions add constraint ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid) as def, true as constraint
           from pg_constraint c where c.conrelid = 'interactions'::regclass and c.contype = 'p'
         union all
         select i.relname, pg_get_indexdef(i.oid), false from pg_index x join pg_class i on i.oid = x.indexrelid
           where x.indrelid = 'interactions'::regclass and not x.indisprimary`,
      );
      for (const d of defs)
        await client.query(
          d.constraint
            ? `alter table interactions drop constraint ${d.name}`
            : `drop index ${d.name}`,
        );
      const started = performance.now();
      const counter = { n: 0 };
      const stream = client.query(
        copyFrom(`copy interactions (${INTERACTION_COLUMNS.join(', ')}) from stdin`),
      );
      const every = Math.max(1, Math.round(s.interactions / 10));
      let next = every;
      const progress = setInterval(() => {
        if (counter.n >= next) {
          log(
            `interactions: ${counter.n} rows, ${Math.round(counter.n / ((performance.now() - started) / 1000))} rows/s`,
          );
          next += every;
        }
      }, 2000);
      try {
        await pipeline(Readable.from(copyChunks(interactionRows(s), counter)), stream);
      } finally {
        clearInterval(progress);
      }
      tables.push(load('interactions', counter.n, started));
      log(`interactions: ${counter.n} rows in ${tables.at(-1)!.seconds.toFixed(0)} s`);

      const indexStarted = performance.now();
      for (const d of defs) {
        // pg_get_indexdef says "ON ONLY interactions" for a partitioned table's index: that
        // would index the parent alone. Without ONLY, every partition gets its index.
        await client.query(d.def.replace(' ON ONLY ', ' ON '));
        log(`built ${d.name}`);
      }
      const guard = performance.now();
      await client.query(`insert into interaction_requests
          (district_id, author_account_id, client_id, occurred_at, created_at)
        select district_id, author_account_id, client_id, occurred_at, created_at
        from interactions`); // one request per row: client ids are unique
      tables.push(load('interaction_requests', s.interactions, guard));
      // As autovacuum leaves the past months of a live database: statistics, and the visibility
      // map that lets a teacher's screens read their moments from the index alone.
      await client.query('vacuum analyze');
      indexSeconds = (performance.now() - indexStarted) / 1000 - tables.at(-1)!.seconds;
    } finally {
      client.release();
      await pool.end();
    }
  } finally {
    await db.close();
  }
  return { tables, indexSeconds };
}

async function buildSqlite(path: string, s: DistrictShape, hash: string) {
  const db = openDatabase({ dialect: 'sqlite', path });
  await migrateToLatest(db);
  await db.close();
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = OFF');
  const tables: TableLoad[] = [];
  try {
    const all: Table[] = [
      ...rosterTables(s, hash, `${SCHOOL_YEAR.start}T12:00:00.000Z`),
      { name: 'interactions', columns: INTERACTION_COLUMNS, rows: () => interactionRows(s) },
    ];
    for (const t of all) {
      const started = performance.now();
      let n = 0;
      sqlite.transaction(() => {
        const batch = batchInserter(sqlite, t.name, t.columns);
        for (const row of t.rows()) {
          batch.add(row);
          n += 1;
        }
        batch.flush();
      })();
      tables.push(load(t.name, n, started));
    }
    sqlite.exec('analyze');
  } finally {
    sqlite.close();
  }
  return { tables, indexSeconds: 0 };
}

/**
 * Builds the district into an empty database (migrated here). Returns rows and rows/s per
 * table. `log` receives progress lines.
 */
export async function buildDistrict(
  target: DatabaseTarget,
  shape: DistrictShape,
  log: (message: string) => void = () => {},
): Promise<DistrictBuild> {
  const started = performance.now();
  // One scrypt hash shared by every account (hashing 6,000 passwords would take minutes).
  const hash = await hashPassword(DISTRICT_PASSWORD);
  const { tables, indexSeconds } =
    target.dialect === 'postgres'
      ? await buildPostgres(target.url, shape, hash, log)
      : await buildSqlite(target.path, shape, hash);
  const totalSeconds = (performance.now() - started) / 1000;
  const totalRows = tables.reduce((n, t) => n + t.rows, 0);
  return {
    shape,
    dialect: target.dialect,
    tables,
    indexSeconds,
    totalRows,
    totalSeconds,
    rowsPerSecond: totalRows / totalSeconds,
  };
}

/** The marker a built database carries (districts.name), to tell a cached build apart. */
export async function builtMarker(db: ReturnType<typeof openDatabase>): Promise<string | null> {
  const r = await sql<{ name: string }>`select name from districts where id = ${DISTRICT_ID}`
    .execute(db.kysely)
    .catch(() => ({ rows: [] as Array<{ name: string }> }));
  return r.rows[0]?.name ?? null;
}

export function expectedMarker(shape: DistrictShape): string {
  return `Bench district v${DISTRICT_DATA_VERSION} scale ${shape.scale}`;
}

/** Where the cached PostgreSQL build lives: a database on the server of BENCH_PG_URL. */
export function benchDatabase(scale: number): string {
  return scale === 1
    ? 'rapport_bench_district'
    : `rapport_bench_district_s${String(scale).replace('.', '_')}`;
}

/**
 * The district database on PostgreSQL, built unless a build of the same version and scale is
 * there already (or `rebuild`). Returns its URL and the build report (null when cached).
 */
export async function ensureDistrictDatabase(
  serverUrl: string,
  shape: DistrictShape,
  opts: { rebuild?: boolean; log?: (m: string) => void } = {},
): Promise<{ url: string; build: DistrictBuild | null }> {
  const log = opts.log ?? (() => {});
  const BENCH_DATABASE = benchDatabase(shape.scale);
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DATABASE}`;
  const admin = new pg.Pool({ connectionString: serverUrl, max: 1 });
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [
      BENCH_DATABASE,
    ]);
    if (exists.rowCount && !opts.rebuild) {
      const db = openDatabase({ dialect: 'postgres', url: url.toString() }, { poolSize: 1 });
      try {
        const marker = await builtMarker(db);
        if (marker === expectedMarker(shape)) {
          // The rows stay; the schema follows the code (a migration added since the build runs
          // here, on district-size data, and its time is reported).
          const started = performance.now();
          const applied = ((await migrateToLatest(db)).results ?? []).map((r) => r.migrationName);
          if (applied.length > 0)
            log(
              `migrated the cached ${BENCH_DATABASE}: ${applied.join(', ')} in ${Math.round((performance.now() - started) / 1000)} s`,
            );
          log(`using the cached ${BENCH_DATABASE} (${marker})`);
          return { url: url.toString(), build: null };
        }
        log(`${BENCH_DATABASE} holds "${marker ?? 'nothing'}": rebuilding`);
      } finally {
        await db.close();
      }
    }
    await admin.query(`drop database if exists ${BENCH_DATABASE}`);
    await admin.query(`create database ${BENCH_DATABASE}`);
  } finally {
    await admin.end();
  }
  const build = await buildDistrict({ dialect: 'postgres', url: url.toString() }, shape, log);
  return { url: url.toString(), build };
}
