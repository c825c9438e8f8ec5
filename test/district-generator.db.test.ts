import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DISTRICT_ID,
  buildDistrict,
  districtShape,
  schoolDays,
  type DistrictBuild,
} from '../bench/lib/district-generator.js';
import type { DatabaseTarget } from '../src/server/platform/config.js';
import { openDatabase, type Db } from '../src/server/platform/db/database.js';

const url = process.env.TEST_DATABASE_URL;
const shape = districtShape(0.001);

const targets: Array<{
  name: string;
  make: () => Promise<{ target: DatabaseTarget; drop: () => Promise<void> }>;
}> = [
  {
    name: 'sqlite',
    make: async () => ({
      target: {
        dialect: 'sqlite',
        path: join(mkdtempSync(join(tmpdir(), 'rapport-district-')), 'd.db'),
      },
      drop: async () => {},
    }),
  },
];
if (url)
  targets.push({
    name: 'postgres',
    make: async () => {
      const name = `rapport_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
      const admin = new URL(url);
      admin.pathname = '/postgres';
      const pool = new pg.Pool({ connectionString: admin.toString(), max: 1 });
      await pool.query(`create database ${name}`);
      const dbUrl = new URL(url);
      dbUrl.pathname = `/${name}`;
      return {
        target: { dialect: 'postgres', url: dbUrl.toString() },
        drop: async () => {
          await pool.query(`drop database if exists ${name}`);
          await pool.end();
        },
      };
    },
  });

describe.each(targets)('district generator at scale 0.001 on $name', ({ name, make }) => {
  let db: Db;
  let build: DistrictBuild;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const made = await make();
    drop = made.drop;
    build = await buildDistrict(made.target, shape);
    db = openDatabase(made.target, { poolSize: 2 });
  });
  afterAll(async () => {
    await db?.close();
    await drop?.();
  });

  async function count(query: ReturnType<typeof sql<{ n: number }>>): Promise<number> {
    return Number((await query.execute(db.kysely)).rows[0]!.n);
  }

  it('writes the promised counts and reports them', async () => {
    expect(shape).toMatchObject({
      students: 100,
      classes: 20,
      teachers: 5,
      staff: 6,
      interactions: 20_000,
    });
    const people = await db.kysely
      .selectFrom('people')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('district_id', '=', DISTRICT_ID)
      .groupBy('kind')
      .orderBy('kind')
      .execute();
    expect(people.map((p) => [p.kind, Number(p.n)])).toEqual([
      ['staff', 6],
      ['student', 100],
    ]);
    expect(await count(sql`select count(*) as n from classes`)).toBe(20);
    expect(await count(sql`select count(*) as n from accounts where role = 'teacher'`)).toBe(5);
    expect(await count(sql`select count(*) as n from interactions`)).toBe(20_000);
    const loaded = new Map(build.tables.map((t) => [t.table, t.rows]));
    expect(loaded.get('interactions')).toBe(20_000);
    expect(loaded.get('enrollments')).toBe(20 + 20 * 25);
    expect(build.rowsPerSecond).toBeGreaterThan(0);
  });

  it('enrolls every student in five classes with one teacher per class', async () => {
    const perStudent = await sql<{ n: number }>`
      select count(*) as n from enrollments where role = 'student' group by person_id`.execute(
      db.kysely,
    );
    expect(perStudent.rows).toHaveLength(100);
    expect(new Set(perStudent.rows.map((r) => Number(r.n)))).toEqual(new Set([5]));
    expect(
      await count(sql`select count(*) as n from (select class_id from enrollments
        where role = 'teacher' group by class_id having count(*) = 1) t`),
    ).toBe(20);
  });

  it('logs every interaction by the class teacher for a student of that class on a school day', async () => {
    expect(
      await count(sql`select count(*) as n from interactions i
        where not exists (select 1 from enrollments s where s.district_id = i.district_id
            and s.class_id = i.class_id and s.person_id = i.student_id and s.role = 'student')
          or not exists (select 1 from enrollments t where t.district_id = i.district_id
            and t.class_id = i.class_id and t.person_id = i.teacher_id and t.role = 'teacher')`),
    ).toBe(0);
    const days = await sql<{ d: string }>`
      select distinct substr(occurred_at, 1, 10) as d from interactions order by d`.execute(
      db.kysely,
    );
    const school = schoolDays();
    expect(days.rows.map((r) => r.d)).toEqual(school);
    expect(school.length).toBeGreaterThan(170);
  });

  // SQLite keeps interactions in one table (no partitions); it is indexed the same way.
  if (name === 'sqlite')
    it('keeps interactions in one indexed table', async () => {
      const objects = await sql<{ type: string; name: string }>`
        select type, name from sqlite_master
        where tbl_name = 'interactions' or name like 'interactions%' order by 1, 2`.execute(
        db.kysely,
      );
      expect(objects.rows.filter((o) => o.type === 'table').map((o) => o.name)).toEqual([
        'interactions',
      ]);
      expect(objects.rows.filter((o) => o.type === 'index').length).toBeGreaterThanOrEqual(4);
    });

  if (name === 'postgres')
    it('fills month partitions, the replay guard and the indexes', async () => {
      expect(await count(sql`select count(*) as n from interactions_default`)).toBe(0);
      expect(await count(sql`select count(*) as n from interactions_y2025m10`)).toBeGreaterThan(
        1000,
      );
      expect(await count(sql`select count(*) as n from interaction_requests`)).toBe(20_000);
      const indexes = await sql<{ n: string }>`
      select indexrelid::regclass::text as n from pg_index
      where indrelid = 'interactions'::regclass order by 1`.execute(db.kysely);
      expect(indexes.rows.map((r) => r.n)).toEqual([
        'interactions_client_idx',
        'interactions_dyad_idx',
        'interactions_pk',
        'interactions_student_idx',
        'interactions_teacher_idx',
      ]);
      // Every partition carries all five, so a screen's query walks an index, not the table.
      const perPartition = await sql<{ n: number }>`
        select count(*)::int as n from pg_inherits h join pg_index x on x.indrelid = h.inhrelid
        where h.inhparent = 'interactions'::regclass and x.indisvalid group by h.inhrelid`.execute(
        db.kysely,
      );
      expect(perPartition.rows.length).toBeGreaterThan(10);
      expect(new Set(perPartition.rows.map((r) => r.n))).toEqual(new Set([5]));
    });
});
