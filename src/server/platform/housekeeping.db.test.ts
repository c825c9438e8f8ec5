// Housekeeping deletes what nobody can use again (expired sessions, with the IP address and
// browser they hold) and keeps everything that still works.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassroom } from '../../../test/factories.js';
import { buildTestApp, openTestDb, signIn, testDialects } from '../../../test/harness.js';
import type { Db } from './db/database.js';
import type { App } from './http/app.js';
import { runHousekeeping } from './housekeeping.js';

describe.each(testDialects())('housekeeping on $name', ({ target }) => {
  let db: Db;
  let app: App;
  beforeAll(async () => {
    db = await openTestDb(target());
    app = await buildTestApp(db);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('deletes expired sessions of every district and keeps the live ones working', async () => {
    const rooms = [
      await buildClassroom(db.kysely, { today: '2026-11-23', students: 1 }),
      await buildClassroom(db.kysely, { today: '2026-11-23', students: 1 }),
    ];
    const expiredIds: string[] = [];
    for (const r of rooms) {
      const id = randomUUID();
      expiredIds.push(id);
      await db.kysely
        .insertInto('sessions')
        .values({
          district_id: r.district.id,
          id,
          account_id: r.teacher.account.id,
          csrf_token: 'x',
          created_at: new Date(Date.now() - 13 * 3600_000).toISOString(),
          expires_at: new Date(Date.now() - 3600_000).toISOString(),
          ip: '10.0.0.1',
          user_agent: 'an old browser',
        })
        .execute();
    }
    const live = await signIn(
      app,
      rooms[0]!.teacher.account.username,
      rooms[0]!.teacher.account.password,
    );

    const counts = await runHousekeeping(
      db.kysely,
      new Date(),
      rooms.map((r) => r.district.id),
    );
    expect(counts.sessions).toBeGreaterThanOrEqual(2);
    const left = await db.kysely
      .selectFrom('sessions')
      .select(['id', 'district_id'])
      .where(
        'district_id',
        'in',
        rooms.map((r) => r.district.id),
      )
      .execute();
    expect(left.map((s) => s.id)).not.toContain(expiredIds[0]);
    expect(left.map((s) => s.id)).not.toContain(expiredIds[1]);
    expect(left).toHaveLength(1); // the live sign-in
    expect((await live.get('/api/auth/session')).statusCode).toBe(200);
  });
});
