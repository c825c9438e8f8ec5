// Two real app instances (`rapport serve` in two processes, each on its own loopback port)
// against one database, as behind a load balancer: they migrate at the same time, share sessions and
// sign-in throttling, and logging through both at once (with every request replayed to the
// other) leaves exactly one row per student per log request.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../src/domain/calendar.js';
import type { DatabaseTarget } from '../src/server/platform/config.js';
import { openDatabase, type Db } from '../src/server/platform/db/database.js';
import { migrations } from '../src/server/platform/db/migrations/index.js';
import { buildClassroom, buildStaff } from './factories.js';
import { testDialects } from './harness.js';
import { HttpClient } from './http-client.js';
import { startInstance, type Instance } from './instance-process.js';

/** An empty database of its own: a new SQLite file or a new PostgreSQL database (dropped after). */
async function emptyDatabase(
  target: DatabaseTarget,
): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
  if (target.dialect === 'sqlite') return { target, drop: async () => {} };
  const name = `rapport_i_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const adminUrl = new URL(target.url);
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(target.url);
  url.pathname = `/${name}`;
  return {
    target: { dialect: 'postgres', url: url.toString() },
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

describe.each(testDialects())('two instances on one $name database', ({ target }) => {
  let a: Instance;
  let b: Instance;
  let db: Db;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const empty = await emptyDatabase(target());
    drop = empty.drop;
    // Both start at once on an empty database: each runs the migrations; the migration lock
    // makes one wait for the other.
    const url =
      empty.target.dialect === 'sqlite' ? `sqlite:${empty.target.path}` : empty.target.url;
    [a, b] = await Promise.all([
      startInstance({ DATABASE_URL: url }),
      startInstance({ DATABASE_URL: url }),
    ]);
    db = openDatabase(empty.target);
  }, 240_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await db?.close();
    await drop?.();
  });

  it('applied each migration once although both instances migrated at the same time', async () => {
    const applied = await db.kysely
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .execute();
    expect((applied as Array<{ name: string }>).map((r) => r.name).sort()).toEqual(
      Object.keys(migrations).sort(),
    );
  });

  it('serve the same session: signed in on one, known on the other, signed out from either', async () => {
    const today = localDate(new Date(), 'America/Chicago');
    const room = await buildClassroom(db.kysely, { today, students: 1 });
    const viaA = new HttpClient(a.url);
    expect(
      (await viaA.signIn(room.teacher.account.username, room.teacher.account.password)).status,
    ).toBe(200);
    const viaB = viaA.on(b.url);
    const session = await viaB.get('/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.user.accountId).toBe(room.teacher.account.id);
    const kept = new HttpClient(a.url, { cookies: new Map(viaA.browser.cookies), csrf: '' });
    expect((await viaB.post('/api/auth/sign-out')).status).toBe(200);
    // The session signed out on B no longer works on A.
    expect((await kept.get('/api/auth/session')).status).toBe(401);
  });

  it('log concurrently through both, each request replayed to the other: every row once, none lost', async () => {
    const today = localDate(new Date(), 'America/Chicago');
    const room = await buildClassroom(db.kysely, { today, students: 6 });
    const viaA = new HttpClient(a.url);
    await viaA.signIn(room.teacher.account.username, room.teacher.account.password);
    const viaB = viaA.on(b.url);
    const ids = room.students.map((s) => s.id);
    const kinds = ['affirmation', 'warm_moment', 'correction'] as const;
    const requests = Array.from({ length: 40 }, (_, i) => ({
      clientId: `inst-${i.toString().padStart(4, '0')}-${randomUUID().slice(0, 8)}`,
      kind: kinds[i % 3]!,
      classId: room.cls.id,
      // One, two or three students per request, in a different order on each side.
      studentIds: ids.slice(i % 6, (i % 6) + 1 + (i % 3)).concat(i % 6 >= 4 ? [ids[0]!] : []),
    }));
    // Every request goes to both instances at the same moment; a third copy goes to A again.
    const answers = await Promise.all(
      requests.map((body) =>
        Promise.all([
          viaA.post('/api/interactions', body),
          viaB.post('/api/interactions', body),
          viaA.post('/api/interactions', body),
        ]),
      ),
    );
    for (const [i, copies] of answers.entries()) {
      const statuses = copies.map((c) => c.status).sort();
      // One copy inserted (201); the others answer with the same rows (200, replayed).
      expect(statuses, requests[i]!.clientId).toEqual([200, 200, 201]);
      const rowIds = copies.map((c) =>
        (c.body.interactions as Array<{ id: string }>).map((x) => x.id).sort(),
      );
      expect(rowIds[1]).toEqual(rowIds[0]);
      expect(rowIds[2]).toEqual(rowIds[0]);
    }
    const stored = await db.kysely
      .selectFrom('interactions')
      .select(['client_id', 'student_id', 'kind', 'id'])
      .where('district_id', '=', room.district.id)
      .execute();
    const expected = requests.flatMap((r) =>
      r.studentIds.map((s) => `${r.clientId}|${s}|${r.kind}`),
    );
    expect(stored.map((r) => `${r.client_id}|${r.student_id}|${r.kind}`).sort()).toEqual(
      expected.sort(),
    );
    const answered = answers.flatMap((c) =>
      (c[0]!.body.interactions as Array<{ id: string }>).map((x) => x.id),
    );
    expect(stored.map((r) => r.id).sort()).toEqual(answered.sort());
    // And either instance's class view counts them all.
    const view = await viaB.get(`/api/classes/${room.cls.id}`);
    const total = (view.body.students as Array<{ today: Record<string, number> }>).reduce(
      (n, s) => n + s.today.affirmation! + s.today.warm_moment! + s.today.correction!,
      0,
    );
    expect(total).toBe(expected.length);
  });

  it('count failed sign-ins across both: five at once, split between them, lock the account', async () => {
    const today = localDate(new Date(), 'America/Chicago');
    const room = await buildClassroom(db.kysely, { today, students: 1 });
    const { username, password } = room.teacher.account;
    const fail = (url: string) => new HttpClient(url).signIn(username, 'not-the-password');
    const failures = await Promise.all([a.url, b.url, a.url, b.url, a.url].map(fail));
    expect(failures.map((f) => f.status)).toEqual([401, 401, 401, 401, 401]);
    const row = await db.kysely
      .selectFrom('sign_in_throttle')
      .selectAll()
      .where('key', '=', `account-id:${room.teacher.account.id}`)
      .executeTakeFirstOrThrow();
    expect(row.failures).toBe(5);
    // Neither instance saw five failures itself; together they did, so the right password waits.
    for (const url of [a.url, b.url]) {
      const res = await new HttpClient(url).signIn(username, password);
      expect(res.status).toBe(429);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(800);
    }
  });

  it('apply a previewed import once when both instances are asked at the same moment', async () => {
    const today = localDate(new Date(), 'America/Chicago');
    const room = await buildClassroom(db.kysely, { today, students: 1 });
    const admin = await buildStaff(db.kysely, {
      districtId: room.district.id,
      schoolId: null,
      role: 'district_admin',
    });
    const jobId = randomUUID();
    await db.kysely
      .insertInto('roster_jobs')
      .values({
        district_id: room.district.id,
        id: jobId,
        kind: 'import',
        dry_run: 1,
        status: 'previewed',
        source_name: 'roster.zip',
        actor_account_id: admin.account.id,
        created_at: new Date().toISOString(),
        finished_at: new Date().toISOString(),
        report: null,
      })
      .execute();
    await db.kysely
      .insertInto('roster_uploads')
      .values({
        district_id: room.district.id,
        job_id: jobId,
        seq: 0,
        data: Buffer.from('PK not really a zip').toString('base64'),
      })
      .execute();
    const viaA = new HttpClient(a.url);
    await viaA.signIn(admin.account.username, admin.account.password);
    const viaB = viaA.on(b.url);
    const path = `/api/rostering/imports/${jobId}/apply`;
    const [x, y] = await Promise.all([viaA.post(path), viaB.post(path)]);
    expect([x.status, y.status].sort()).toEqual([202, 409]);
    // The loser either saw the job already running or lost the claim itself.
    expect([x, y].find((r) => r.status === 409)!.body.error.message).toMatch(
      /^This import is (running; only a previewed import can be applied|already being applied)\.$/,
    );
  });
});
