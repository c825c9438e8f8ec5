import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Migrator, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassroom } from '../../../../test/factories.js';
import { migrateToLatest, openDatabase, type Db } from './database.js';
import { migrations } from './migrations/index.js';
import {
  addMonths,
  ensureMonths,
  monthsBetween,
  partitionBounds,
  partitionName,
} from './partitions.js';

describe('month arithmetic', () => {
  const month = fc
    .record({ y: fc.integer({ min: 1900, max: 2200 }), m: fc.integer({ min: 1, max: 12 }) })
    .map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`);
  it('adds and subtracts months as inverse steps, and counts months between', () => {
    fc.assert(
      fc.property(month, fc.integer({ min: -300, max: 300 }), (m, n) => {
        expect(addMonths(addMonths(m, n), -n)).toBe(m);
        if (n >= 0) expect(monthsBetween(m, addMonths(m, n))).toHaveLength(n + 1);
      }),
    );
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(partitionBounds('2026-12')).toEqual({ from: '2026-12', to: '2027-01' });
    expect(partitionName('2026-09')).toBe('interactions_y2026m09');
  });
});

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('interaction partitions on postgres', () => {
  let db: Db;
  let admin: pg.Pool;
  const name = `rapport_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  let districtId = '';
  const ids: Record<string, string> = {};

  async function partitionOf(id: string): Promise<string> {
    const r = await sql<{ p: string }>`
      select tableoid::regclass::text as p from interactions where id = ${id}`.execute(db.kysely);
    return r.rows[0]!.p;
  }

  beforeAll(async () => {
    const adminUrl = new URL(url!);
    adminUrl.pathname = '/postgres';
    admin = new pg.Pool({ connectionString: adminUrl.toString(), max: 1 });
    await admin.query(`create database ${name}`);
    const dbUrl = new URL(url!);
    dbUrl.pathname = `/${name}`;
    db = openDatabase({ dialect: 'postgres', url: dbUrl.toString() }, { poolSize: 4 });
    // The schema as it was before partitioning, with rows in it.
    const names = Object.keys(migrations);
    const before = names[names.indexOf('2026-11-30-005-partitions') - 1]!;
    const migrator = new Migrator({
      db: db.kysely,
      provider: { getMigrations: async () => migrations },
    });
    const r = await migrator.migrateTo(before);
    if (r.error) throw r.error;
    const room = await buildClassroom(db.kysely, { today: '2026-11-23', students: 2 });
    districtId = room.district.id;
    const row = (key: string, clientId: string, studentId: string, occurredAt: string) => {
      ids[key] = randomUUID();
      return {
        district_id: districtId,
        id: ids[key],
        client_id: clientId,
        author_account_id: room.teacher.account.id,
        teacher_id: room.teacher.person.id,
        student_id: studentId,
        class_id: room.cls.id,
        kind: 'warm_moment',
        tag: null,
        note: null,
        occurred_at: occurredAt,
        created_at: occurredAt,
        undone_at: null,
      };
    };
    const [a, b] = room.students;
    await db.kysely
      .insertInto('interactions')
      .values([
        row('nov', 'c-nov', a!.id, '2026-11-23T15:00:00.000Z'),
        row('nov2', 'c-nov', b!.id, '2026-11-23T15:00:00.000Z'),
        row('sep', 'c-sep', a!.id, '2026-09-30T23:59:59.999Z'),
        row('old', 'c-old', a!.id, '2019-01-15T15:00:00.000Z'),
      ])
      .execute();
    await migrateToLatest(db);
  });

  afterAll(async () => {
    await db?.close();
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  });

  it('moves every row into the partition of its month, or the default one', async () => {
    const kind = await sql<{ relkind: string }>`
      select relkind from pg_class where relname = 'interactions'`.execute(db.kysely);
    expect(kind.rows[0]!.relkind).toBe('p');
    expect(await partitionOf(ids.nov!)).toBe('interactions_y2026m11');
    expect(await partitionOf(ids.nov2!)).toBe('interactions_y2026m11');
    expect(await partitionOf(ids.sep!)).toBe('interactions_y2026m09');
    expect(await partitionOf(ids.old!)).toBe('interactions_default');
    const claims = await db.kysely
      .selectFrom('interaction_requests')
      .select(['client_id', 'occurred_at'])
      .where('district_id', '=', districtId)
      .orderBy('client_id')
      .execute();
    expect(claims).toEqual([
      { client_id: 'c-nov', occurred_at: '2026-11-23T15:00:00.000Z' },
      { client_id: 'c-old', occurred_at: '2019-01-15T15:00:00.000Z' },
      { client_id: 'c-sep', occurred_at: '2026-09-30T23:59:59.999Z' },
    ]);
  });

  it('sends a row far outside to the default partition until its month is created', async () => {
    const source = await db.kysely
      .selectFrom('interactions')
      .selectAll()
      .where('id', '=', ids.nov!)
      .executeTakeFirstOrThrow();
    const id = randomUUID();
    await db.kysely
      .insertInto('interactions')
      .values({ ...source, id, client_id: 'c-far', occurred_at: '2034-03-10T12:00:00.000Z' })
      .execute();
    expect(await partitionOf(id)).toBe('interactions_default');
    // Two instances creating the same months at once: each month is created exactly once.
    const [one, two] = await Promise.all([
      ensureMonths(db.kysely, ['2034-02', '2034-03']),
      ensureMonths(db.kysely, ['2034-03', '2034-04']),
    ]);
    expect([...one, ...two].sort()).toEqual(['2034-02', '2034-03', '2034-04']);
    expect(await partitionOf(id)).toBe('interactions_y2034m03');
    expect(await partitionOf(ids.old!)).toBe('interactions_default');
    expect(await ensureMonths(db.kysely, ['2034-03'])).toEqual([]);
  });

  it('keeps district_id first in every key and index of the tables it made', async () => {
    const r = await sql<{ index: string; first: string }>`
      select i.indexrelid::regclass::text as index, a.attname as first
      from pg_index i
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
      where i.indrelid in ('interactions'::regclass, 'interaction_requests'::regclass)`.execute(
      db.kysely,
    );
    expect(r.rows.map((x) => x.index).sort()).toEqual([
      'interaction_requests_pk',
      'interactions_client_idx',
      'interactions_dyad_idx',
      'interactions_pk',
      'interactions_student_idx',
      'interactions_teacher_idx',
    ]);
    expect(new Set(r.rows.map((x) => x.first))).toEqual(new Set(['district_id']));
  });

  it('prunes a teacher query for one month to that month', async () => {
    const plan = await sql<{ 'QUERY PLAN': string }>`
      explain select count(*) from interactions
      where district_id = ${districtId} and occurred_at >= '2026-11-01' and occurred_at < '2026-12-01'`.execute(
      db.kysely,
    );
    const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('interactions_y2026m11');
    expect(text).not.toContain('interactions_y2026m10');
  });
});
