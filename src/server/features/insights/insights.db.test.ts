import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerQuestionnaire,
  buildAccount,
  buildClassroom,
  buildStaff,
  buildStudent,
  enroll,
} from '../../../../test/factories.js';
import { buildTestApp, openTestDb, signIn, testDialects } from '../../../../test/harness.js';
import type { Db } from '../../platform/db/database.js';
import type { App } from '../../platform/http/app.js';

const NOW = new Date('2026-11-23T15:00:00Z'); // a Monday, 9:00 in Chicago

describe.each(testDialects())('insights on $name', ({ target }) => {
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

  /**
   * A class of Ana (shares her answers), Ben (answered, keeps them to himself) and Cy (has not
   * answered), their teacher's answers, and four schoolmates outside the class who all like
   * basketball, so basketball is common in the school and chess is rare.
   */
  async function world() {
    const k = db.kysely;
    const room = await buildClassroom(k, {
      today: '2026-11-23',
      studentNames: [
        { given: 'Ana', family: 'Lopez' },
        { given: 'Ben', family: 'Okafor' },
        { given: 'Cy', family: 'Park' },
      ],
    });
    const [ana, ben, cy] = room.students as [
      (typeof room.students)[0],
      (typeof room.students)[0],
      (typeof room.students)[0],
    ];
    const districtId = room.district.id;
    await answerQuestionnaire(k, {
      districtId,
      respondentId: room.teacher.person.id,
      kind: 'teacher',
      choices: {
        interests: ['basketball', 'chess', 'cooking'],
        values: ['family'],
        recognition: ['quiet-word'],
      },
    });
    await answerQuestionnaire(k, {
      districtId,
      respondentId: ana.id,
      kind: 'student',
      choices: {
        interests: ['basketball', 'chess'],
        values: ['family', 'honesty'],
        recognition: ['in-front'],
      },
    });
    await answerQuestionnaire(k, {
      districtId,
      respondentId: ben.id,
      kind: 'student',
      shared: false,
      choices: { interests: ['basketball', 'chess'], values: ['family'] },
    });
    for (let i = 0; i < 4; i++) {
      const s = await buildStudent(k, { districtId, schoolId: room.school.id });
      await answerQuestionnaire(k, {
        districtId,
        respondentId: s.id,
        kind: 'student',
        choices: { interests: ['basketball'] },
      });
    }
    const teacher = await signIn(app, room.teacher.account.username, room.teacher.account.password);
    return { room, ana, ben, cy, teacher };
  }

  it("finds a teacher's commonalities with a student, rarer first, in the teacher's language", async () => {
    const { ana, ben, teacher } = await world();
    const res = await teacher.get(`/api/insights/students/${ana.id}/commonalities`);
    expect(res.statusCode, res.body).toBe(200);
    // chess: 1 + ln(8/4) = 1.69; family: 1.5 × (1 + ln(4/4)) = 1.5; basketball: 1 + ln(8/8) = 1.
    expect(res.json()).toEqual({
      studentId: ana.id,
      teacherAnswered: true,
      studentShared: true,
      commonalities: [
        { itemId: 'interests', optionId: 'chess', phrase: 'You both like chess' },
        { itemId: 'values', optionId: 'family', phrase: '“Family” matters to you both' },
        { itemId: 'interests', optionId: 'basketball', phrase: 'You both like basketball' },
      ],
    });
    // Ben answered the same but keeps his answers to himself: nothing of them shows.
    const benRes = (await teacher.get(`/api/insights/students/${ben.id}/commonalities`)).json();
    expect(benRes).toMatchObject({ studentShared: false, commonalities: [] });

    expect((await teacher.put('/api/auth/locale', { locale: 'es' })).statusCode).toBe(200);
    const es = (await teacher.get(`/api/insights/students/${ana.id}/commonalities`)).json();
    expect(es.commonalities[0].phrase).toBe('A los dos les gusta: ajedrez');
  });

  it('lists every student of a class with their commonalities and who has not shared yet', async () => {
    const { room, ana, ben, cy, teacher } = await world();
    const res = await teacher.get(`/api/insights/classes/${room.cls.id}/overview`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.title).toBe('Science 7');
    expect(body.teacherAnswered).toBe(true);
    expect(
      body.students.map((s: { studentId: string; studentShared: boolean; commonalities: [] }) => [
        s.studentId,
        s.studentShared,
        s.commonalities.length,
      ]),
    ).toEqual([
      [ana.id, true, 3],
      [ben.id, false, 0],
      [cy.id, false, 0],
    ]);
  });

  it('shows a student their commonalities with their teachers only once the school turns it on', async () => {
    const { room, ana } = await world();
    const account = await buildAccount(db.kysely, {
      districtId: room.district.id,
      role: 'student',
      personId: ana.id,
      schoolId: room.school.id,
    });
    const student = await signIn(app, account.username, account.password);
    expect((await student.get('/api/insights/me/commonalities')).json()).toEqual({
      enabled: false,
      answered: true,
      teachers: [],
    });

    const leader = await buildStaff(db.kysely, {
      districtId: room.district.id,
      schoolId: room.school.id,
      role: 'leader',
    });
    const l = await signIn(app, leader.account.username, leader.account.password);
    const set = await l.put(`/api/insights/schools/${room.school.id}/settings`, {
      studentsSeeCommonalities: true,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect((await l.get(`/api/insights/schools/${room.school.id}/settings`)).json()).toEqual({
      schoolId: room.school.id,
      studentsSeeCommonalities: true,
    });

    const mine = (await student.get('/api/insights/me/commonalities')).json();
    expect(mine.enabled).toBe(true);
    expect(mine.teachers).toHaveLength(1);
    expect(mine.teachers[0].teacherId).toBe(room.teacher.person.id);
    expect(mine.teachers[0].displayName).toBe(`Tess ${room.teacher.person.family_name}`);
    expect(mine.teachers[0].commonalities.map((c: { phrase: string }) => c.phrase)).toEqual([
      'You both like chess',
      '“Family” matters to you both',
      'You both like basketball',
    ]);
  });

  it("keeps a teacher's answers from students when the teacher does not share them", async () => {
    const { room } = await world();
    const other = await buildStaff(db.kysely, {
      districtId: room.district.id,
      schoolId: room.school.id,
      role: 'teacher',
    });
    await enroll(db.kysely, {
      districtId: room.district.id,
      classId: room.cls.id,
      personId: other.person.id,
      role: 'teacher',
    });
    await answerQuestionnaire(db.kysely, {
      districtId: room.district.id,
      respondentId: other.person.id,
      kind: 'teacher',
      shared: false,
      choices: { interests: ['chess'] },
    });
    const s = await buildStudent(db.kysely, {
      districtId: room.district.id,
      schoolId: room.school.id,
    });
    await enroll(db.kysely, {
      districtId: room.district.id,
      classId: room.cls.id,
      personId: s.id,
      role: 'student',
    });
    await answerQuestionnaire(db.kysely, {
      districtId: room.district.id,
      respondentId: s.id,
      kind: 'student',
      choices: { interests: ['chess'] },
    });
    await db.kysely
      .insertInto('school_insight_settings')
      .values({
        district_id: room.district.id,
        school_id: room.school.id,
        students_see_commonalities: 1,
        updated_at: NOW.toISOString(),
        updated_by_account_id: null,
      })
      .execute();
    const account = await buildAccount(db.kysely, {
      districtId: room.district.id,
      role: 'student',
      personId: s.id,
      schoolId: room.school.id,
    });
    const student = await signIn(app, account.username, account.password);
    const mine = (await student.get('/api/insights/me/commonalities')).json();
    const byTeacher = Object.fromEntries(
      mine.teachers.map((t: { teacherId: string; commonalities: unknown[] }) => [
        t.teacherId,
        t.commonalities.length,
      ]),
    );
    expect(byTeacher).toEqual({ [room.teacher.person.id]: 1, [other.person.id]: 0 });
  });

  it('scores predictions at the reveal, shows the answers, and refuses a prediction after it', async () => {
    const { ana, cy, teacher } = await world();
    const url = `/api/insights/students/${ana.id}`;
    const before = (await teacher.get(`${url}/predictions`)).json();
    expect(before.studentShared).toBe(true);
    expect(before.revealedAt).toBeNull();
    expect(before.actual).toBeNull();
    expect(before.items.map((i: { itemId: string }) => i.itemId)).toEqual([
      'interests',
      'values',
      'learning',
      'recognition',
      'goals',
    ]);

    for (const [item, optionIds] of [
      ['interests', ['basketball', 'soccer']],
      ['values', ['family']],
      ['recognition', ['quiet-word']],
      ['goals', ['reading-more']], // Ana skipped goals: not scored
    ] as const) {
      const res = await teacher.put(`${url}/predictions/${item}`, { optionIds });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await teacher.get(`${url}/predictions`)).json().actual).toBeNull();

    // Bad input: a precise error and nothing written.
    const outside = await teacher.put(`${url}/predictions/values`, { optionIds: ['money'] });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error).toMatchObject({
      field: 'optionIds[0]',
      reason: '"money" is not an option of item "values"',
    });
    const tooMany = await teacher.put(`${url}/predictions/values`, {
      optionIds: ['family', 'honesty', 'fairness', 'kindness'],
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.reason).toMatch(/at most 3 choices \(got 4\)/);
    expect(
      (await teacher.put(`${url}/predictions/good-day`, { optionIds: ['x'] })).statusCode,
    ).toBe(404);
    // Cy has not shared answers: nothing to reveal, nothing written.
    const early = await teacher.post(`/api/insights/students/${cy.id}/reveal`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe(
      'Cy has not shared their answers with their teachers yet: there is nothing to reveal.',
    );

    const revealed = await teacher.post(`${url}/reveal`);
    expect(revealed.statusCode, revealed.body).toBe(200);
    const r = revealed.json();
    expect(r.revealedAt).toBe(NOW.toISOString());
    const scores = Object.fromEntries(
      r.predictions.map((p: { itemId: string; score: number | null }) => [p.itemId, p.score]),
    );
    // interests {basketball, soccer} vs {basketball, chess}: 1 of 3; values: 1 of 2; recognition 0.
    expect(scores.interests).toBeCloseTo(1 / 3, 10);
    expect(scores.values).toBeCloseTo(1 / 2, 10);
    expect(scores.recognition).toBe(0);
    expect(scores.goals).toBeNull();
    expect(r.accuracy).toBeCloseTo((1 / 3 + 1 / 2 + 0) / 3, 10);
    expect(r.actual).toEqual(
      expect.arrayContaining([
        { itemId: 'recognition', optionIds: ['in-front'] },
        { itemId: 'values', optionIds: expect.arrayContaining(['family', 'honesty']) },
      ]),
    );

    const late = await teacher.put(`${url}/predictions/values`, { optionIds: ['honesty'] });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe(
      'Predictions about Ana closed when you revealed their answers on 2026-11-23; this prediction was not saved.',
    );
    const again = (await teacher.get(`${url}/predictions`)).json();
    expect(
      again.predictions.find((p: { itemId: string }) => p.itemId === 'values').optionIds,
    ).toEqual(['family']);
    expect((await teacher.post(`${url}/reveal`)).statusCode).toBe(409);

    const accuracy = (await teacher.get('/api/insights/accuracy')).json();
    expect(accuracy.weeks).toHaveLength(1);
    expect(accuracy.weeks[0]).toMatchObject({
      weekStart: '2026-11-23',
      reveals: 1,
      predictions: 3,
    });
    expect(accuracy.weeks[0].accuracy).toBeCloseTo(5 / 18, 10);
    expect(accuracy.reveals).toEqual([
      {
        studentId: ana.id,
        displayName: 'Ana',
        revealedOn: '2026-11-23',
        scoredPredictions: 3,
        accuracy: expect.closeTo(5 / 18, 10),
      },
    ]);
  });

  it("does not show a teacher another teacher's predictions or accuracy", async () => {
    const { room, ana, teacher } = await world();
    await teacher.put(`/api/insights/students/${ana.id}/predictions/values`, {
      optionIds: ['family'],
    });
    const co = await buildStaff(db.kysely, {
      districtId: room.district.id,
      schoolId: room.school.id,
      role: 'teacher',
    });
    await enroll(db.kysely, {
      districtId: room.district.id,
      classId: room.cls.id,
      personId: co.person.id,
      role: 'teacher',
    });
    const c = await signIn(app, co.account.username, co.account.password);
    const theirs = (await c.get(`/api/insights/students/${ana.id}/predictions`)).json();
    expect(theirs.predictions).toEqual([]);
    expect((await c.get('/api/insights/accuracy')).json()).toEqual({ weeks: [], reveals: [] });
  });
});
