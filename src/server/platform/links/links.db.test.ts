import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassroom } from '../../../../test/factories.js';
import { buildTestApp, openTestDb, testDialects } from '../../../../test/harness.js';
import type { Db } from '../db/database.js';
import type { App } from '../http/app.js';
import { createLinks, LINK_COOKIE } from './links.js';

const TODAY = '2026-11-23';
let now = new Date('2026-11-23T15:00:00Z');

describe.each(testDialects())('one-time links on $name', ({ target }) => {
  let db: Db;
  let app: App;
  let room: Awaited<ReturnType<typeof buildClassroom>>;

  beforeAll(async () => {
    db = await openTestDb(target());
    app = await buildTestApp(db, { now: () => now });
    room = await buildClassroom(db.kysely, {
      today: TODAY,
      studentNames: [{ given: 'Ana', preferred: 'Annie' }, { given: 'Ben' }, { given: 'Cy' }],
    });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const make = (subject: string, expiresAt = '2026-11-30T00:00:00.000Z', targetId = 'adm-1') =>
    createLinks(db.kysely, {
      districtId: room.district.id,
      purpose: 'survey',
      targetId,
      subjectPersonIds: [subject],
      createdByAccountId: room.teacher.account.id,
      expiresAt,
      now,
    }).then((l) => l[0]!);
  const redeem = (code: string) =>
    app.inject({ method: 'POST', url: '/api/links/redeem', payload: { code } });
  const sessionCount = async () =>
    Number(
      (
        await db.kysely
          .selectFrom('link_sessions')
          .select((e) => e.fn.countAll().as('n'))
          .where('district_id', '=', room.district.id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('stores only a hash of the token, and redeeming opens a session for that student and purpose', async () => {
    const link = await make(room.students[0]!.id);
    const token = link.code.split('.')[1]!;
    const stored = await db.kysely
      .selectFrom('one_time_links')
      .selectAll()
      .where('district_id', '=', room.district.id)
      .where('subject_person_id', '=', room.students[0]!.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token);

    const res = await redeem(link.code);
    expect(res.statusCode).toBe(200);
    expect(res.json().session).toMatchObject({
      purpose: 'survey',
      targetId: 'adm-1',
      name: 'Annie',
    });
    const cookie = res.cookies.find((c) => c.name === LINK_COOKIE)!;
    const again = await app.inject({
      method: 'GET',
      url: '/api/links/session',
      headers: { cookie: `${LINK_COOKIE}=${cookie.value}` },
    });
    expect(again.json().session.name).toBe('Annie');
    // The link session is not a sign-in: a staff or student route still answers 401.
    const home = await app.inject({
      method: 'GET',
      url: '/api/home/teacher',
      headers: { cookie: `${LINK_COOKIE}=${cookie.value}` },
    });
    expect(home.statusCode).toBe(401);
  });

  it('refuses a second use with link_used and opens no second session', async () => {
    const link = await make(room.students[1]!.id);
    expect((await redeem(link.code)).statusCode).toBe(200);
    const before = await sessionCount();
    const res = await redeem(link.code);
    expect(res.statusCode).toBe(410);
    expect(res.json().error).toMatchObject({ code: 'link_used', field: 'code' });
    expect(await sessionCount()).toBe(before);
  });

  it('refuses an expired link with link_expired and leaves it unused', async () => {
    const link = await make(room.students[2]!.id, '2026-11-23T14:59:59.000Z');
    const res = await redeem(link.code);
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('link_expired');
    const row = await db.kysely
      .selectFrom('one_time_links')
      .select('used_at')
      .where('district_id', '=', room.district.id)
      .where('subject_person_id', '=', room.students[2]!.id)
      .executeTakeFirstOrThrow();
    expect(row.used_at).toBeNull();
  });

  it('a re-issued link replaces the old one (link_revoked); an unknown code is 404', async () => {
    const first = await make(room.students[2]!.id, '2026-11-30T00:00:00.000Z', 'adm-2');
    const second = await make(room.students[2]!.id, '2026-11-30T00:00:00.000Z', 'adm-2');
    expect((await redeem(first.code)).json().error.code).toBe('link_revoked');
    expect((await redeem(second.code)).statusCode).toBe(200);
    const unknown = await redeem(`${room.district.id}.not-a-real-token-at-all`);
    expect(unknown.statusCode).toBe(404);
  });

  it('a session ends when its hour is over', async () => {
    const link = await make(room.students[0]!.id, '2026-11-30T00:00:00.000Z', 'adm-3');
    const res = await redeem(link.code);
    const cookie = res.cookies.find((c) => c.name === LINK_COOKIE)!;
    const saved = now;
    now = new Date(now.getTime() + 61 * 60 * 1000);
    const later = await app.inject({
      method: 'GET',
      url: '/api/links/session',
      headers: { cookie: `${LINK_COOKIE}=${cookie.value}` },
    });
    now = saved;
    expect(later.json().session).toBeNull();
  });
});
