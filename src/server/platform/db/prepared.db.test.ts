// The hot queries run as named prepared statements on PostgreSQL (prepared.ts, database.ts):
// parsed once per connection instead of parsed and planned on every request. On SQLite the
// same queries run through the statement cache; the answers are the same on both.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassroom } from '../../../../test/factories.js';
import { buildTestApp, signIn, testDialects } from '../../../../test/harness.js';
import type { App } from '../http/app.js';
import { migrateToLatest, openDatabase, type Db } from './database.js';
import { statementName } from './prepared.js';

describe.each(testDialects())('named statements on $name', ({ name, target }) => {
  let db: Db;
  let app: App;
  beforeAll(async () => {
    // One connection, so the statements it prepared can be listed from it.
    db = openDatabase(target(), { poolSize: 1 });
    await migrateToLatest(db);
    app = await buildTestApp(db, { now: () => new Date('2026-11-23T15:00:00Z') });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('the session lookup and the logging insert are prepared once and keep answering correctly', async () => {
    const r = await buildClassroom(db.kysely, { today: '2026-11-23', students: 2 });
    const t = await signIn(app, r.teacher.account.username, r.teacher.account.password);
    for (let i = 0; i < 7; i++) {
      // More than five runs: PostgreSQL switches a named statement to its generic plan after five.
      expect((await t.get('/api/auth/session')).json().user.accountId).toBe(r.teacher.account.id);
      const res = await t.post('/api/interactions', {
        clientId: `named-${i}`.padEnd(10, '0'),
        kind: 'warm_moment',
        studentIds: [r.students[i % 2]!.id],
        classId: r.cls.id,
      });
      expect(res.statusCode).toBe(201);
    }
    const stored = await db.kysely
      .selectFrom('interactions')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('district_id', '=', r.district.id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(7);
    if (name !== 'postgres') return;
    const prepared = await sql<{ name: string; statement: string; generic_plans: string }>`
      select name, statement, generic_plans::text from pg_prepared_statements`.execute(db.kysely);
    const byName = new Map(prepared.rows.map((p) => [p.name, p]));
    const session = prepared.rows.find((p) => p.statement.includes('from "sessions"'));
    expect(session).toBeDefined();
    expect(statementName(session!.statement)).toBe(session!.name);
    expect(Number(byName.get(session!.name)!.generic_plans)).toBeGreaterThan(0);
    expect(
      prepared.rows.some((p) => p.statement.includes('insert into interaction_requests')),
    ).toBe(true);
  });
});
