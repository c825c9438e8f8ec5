import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassroom, buildStaff } from '../../../../test/factories.js';
import { buildTestApp, openTestDb, signIn, testDialects } from '../../../../test/harness.js';
import type { Db } from '../../platform/db/database.js';
import type { App } from '../../platform/http/app.js';

const NOW = new Date('2026-11-23T15:00:00Z');

describe.each(testDialects())('student card and school views on $name', ({ target }) => {
  let db: Db;
  let app: App;
  beforeAll(async () => {
    db = await openTestDb(target());
    app = await buildTestApp(db, { now: () => NOW });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('shows a teacher their own ratio and recent moments with a student, by preferred name', async () => {
    const room = await buildClassroom(db.kysely, {
      today: '2026-11-23',
      studentNames: [{ given: 'Guillermo', preferred: 'Memo' }],
    });
    const t = await signIn(app, room.teacher.account.username, room.teacher.account.password);
    const sid = room.students[0]!.id;
    for (const [i, kind] of (
      ['warm_moment', 'affirmation', 'correction', 'warm_moment'] as const
    ).entries()) {
      await t.post('/api/interactions', {
        clientId: `card-${i}-00000`,
        kind,
        studentIds: [sid],
        classId: room.cls.id,
      });
    }
    const card = (await t.get(`/api/students/${sid}`)).json();
    expect(card.displayName).toBe('Memo');
    expect(card.ratio).toEqual({ positive: 3, corrections: 1, schoolDays: 10 });
    expect(card.recent).toHaveLength(4);
    expect(card.sharedClasses).toEqual([{ id: room.cls.id, title: 'Science 7' }]);
    const audit = await db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('district_id', '=', room.district.id)
      .execute();
    expect(audit).toEqual([]); // the student's own teacher reads without an audit entry
  });

  it('lets a leader of the school read a card as aggregates only, and writes the read to the audit log', async () => {
    const room = await buildClassroom(db.kysely, { today: '2026-11-23', students: 2 });
    const t = await signIn(app, room.teacher.account.username, room.teacher.account.password);
    const sid = room.students[0]!.id;
    await t.post('/api/interactions', {
      clientId: 'lead-000001',
      kind: 'affirmation',
      studentIds: [sid],
      classId: room.cls.id,
      note: 'private words',
    });
    const leader = await buildStaff(db.kysely, {
      districtId: room.district.id,
      schoolId: room.school.id,
      role: 'leader',
    });
    const l = await signIn(app, leader.account.username, leader.account.password);
    const res = await l.get(`/api/students/${sid}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().ratio.positive).toBe(1);
    expect(res.json().recent).toEqual([]);
    expect(res.body).not.toContain('private words');
    const audit = await db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('district_id', '=', room.district.id)
      .execute();
    expect(audit).toMatchObject([
      {
        actor_account_id: leader.account.id,
        actor_role: 'leader',
        action: 'read',
        subject_type: 'student_card',
        subject_id: sid,
      },
    ]);

    const home = (await l.get('/api/home/leader')).json();
    expect(home.school).toMatchObject({
      schoolId: room.school.id,
      students: 2,
      positive: 1,
      corrections: 0,
      staffLogging: 1,
      studentsWithoutPositive: 1,
    });
  });

  it('shows a district admin every school and the audit trail', async () => {
    const room = await buildClassroom(db.kysely, { today: '2026-11-23', students: 1 });
    const admin = await buildStaff(db.kysely, {
      districtId: room.district.id,
      schoolId: null,
      role: 'district_admin',
    });
    const a = await signIn(app, admin.account.username, admin.account.password);
    expect((await a.get(`/api/students/${room.students[0]!.id}`)).statusCode).toBe(200);
    const home = (await a.get('/api/home/admin')).json();
    expect(home.schools.map((s: { schoolId: string }) => s.schoolId)).toEqual([room.school.id]);
    expect(home.audit).toMatchObject([
      {
        action: 'read',
        subjectType: 'student_card',
        subjectId: room.students[0]!.id,
        actorRole: 'district_admin',
      },
    ]);
  });
});
