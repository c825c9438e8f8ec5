import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildClassroom,
  buildSchool,
  buildStaff,
} from '../../../../test/factories.js';
import {
  anonymous,
  buildTestApp,
  clientFor,
  openTestDb,
  signIn,
  testDialects,
  type Client,
} from '../../../../test/harness.js';
import type { Db } from '../../platform/db/database.js';
import type { App } from '../../platform/http/app.js';
import { runHousekeeping } from '../../platform/housekeeping.js';
import { LINK_COOKIE } from '../../platform/links/links.js';

const TODAY = '2026-11-23';
let now = new Date('2026-11-23T15:00:00Z');
const OPENS = '2026-11-20T00:00:00.000Z';
const CLOSES = '2026-12-04T00:00:00.000Z';

describe.each(testDialects())('surveys over HTTP on $name', ({ target }) => {
  let db: Db;
  let app: App;
  let room: Awaited<ReturnType<typeof buildClassroom>>;
  let leader: Client;
  let teacher: Client;
  let students: Client[];

  beforeAll(async () => {
    db = await openTestDb(target());
    app = await buildTestApp(db, { now: () => now });
    const k = db.kysely;
    room = await buildClassroom(k, { today: TODAY, students: 4 });
    const lead = await buildStaff(k, {
      districtId: room.district.id,
      schoolId: room.school.id,
      role: 'leader',
    });
    leader = await signIn(app, lead.account.username, lead.account.password);
    teacher = await signIn(app, room.teacher.account.username, room.teacher.account.password);
    students = [];
    for (const s of room.students.slice(0, 3)) {
      const a = await buildAccount(k, {
        districtId: room.district.id,
        role: 'student',
        personId: s.id,
        schoolId: room.school.id,
      });
      students.push(await signIn(app, a.username, a.password));
    }
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const create = (over: Record<string, unknown> = {}) =>
    leader.post('/api/surveys/administrations', {
      instrumentId: 'classroom-climate',
      schoolYear: '2026-2027',
      wave: 'fall',
      opensAt: OPENS,
      closesAt: CLOSES,
      languages: ['en', 'es'],
      mode: 'anonymous',
      classIds: [room.cls.id],
      grades: [],
      ...over,
    });
  const count = async (
    table: 'survey_responses' | 'survey_answers' | 'survey_drafts' | 'survey_participations',
  ) =>
    Number(
      (
        await db.kysely
          .selectFrom(table)
          .select((e) => e.fn.countAll().as('n'))
          .where('district_id', '=', room.district.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const answers = [
    { itemId: 'cc-climate-1', value: 4 },
    { itemId: 'cc-belonging-3', value: 2 },
  ];

  let admId = '';

  it('a leader creates an anonymous administration for a class and sees its response rate', async () => {
    const res = await create();
    expect(res.statusCode).toBe(201);
    admId = res.json().id;
    expect(res.json()).toMatchObject({
      mode: 'anonymous',
      state: 'open',
      eligible: 4,
      started: 0,
      finished: 0,
      wave: 'fall',
      // The window's days on the district's clock (Chicago): UTC midnight is 18:00 the day before.
      firstDay: '2026-11-19',
      lastDay: '2026-12-03',
    });
    const list = await leader.get('/api/surveys/administrations');
    expect(list.json().administrations.map((a: { id: string }) => a.id)).toEqual([admId]);
  });

  it("a district admin picks a school first: that school's classes, or none for a district-wide survey", async () => {
    const other = await buildSchool(db.kysely, { districtId: room.district.id, name: 'Zeta High' });
    const a = await buildAccount(db.kysely, {
      districtId: room.district.id,
      role: 'district_admin',
    });
    const admin = await signIn(app, a.username, a.password);
    const wide = (await admin.get('/api/surveys/administrations/setup')).json();
    expect(wide).toMatchObject({ schoolId: null, chooseSchool: true });
    expect(wide.schools.map((x: { id: string }) => x.id)).toEqual(
      expect.arrayContaining([room.school.id, other.id]),
    );
    expect(wide.classes).toEqual([]); // not every class of the district
    expect(wide.grades.length).toBeGreaterThan(0);
    const one = (
      await admin.get(`/api/surveys/administrations/setup?schoolId=${room.school.id}`)
    ).json();
    expect(one.schoolId).toBe(room.school.id);
    expect(one.classes.map((c: { id: string }) => c.id)).toEqual([room.cls.id]);
    const bad = await admin.get(`/api/surveys/administrations/setup?schoolId=${randomUUID()}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('schoolId');
    // A leader sees only their own school, and its classes.
    const own = (await leader.get('/api/surveys/administrations/setup')).json();
    expect(own).toMatchObject({ schoolId: room.school.id, chooseSchool: false });
    expect(own.schools.map((x: { id: string }) => x.id)).toEqual([room.school.id]);
    expect(own.classes.map((c: { id: string }) => c.id)).toEqual([room.cls.id]);
  });

  it('refuses a bad administration with the field and reason, and writes nothing', async () => {
    const before = (await leader.get('/api/surveys/administrations')).json().administrations.length;
    const bad = await create({ closesAt: '2026-11-19T00:00:00.000Z' });
    expect(bad.json().error).toMatchObject({ field: 'closesAt', reason: 'must be after opensAt' });
    const foreign = await create({ classIds: ['no-such-class'] });
    expect(foreign.json().error).toMatchObject({ field: 'classIds[0]', row: 0 });
    const teacherAnon = await create({ instrumentId: 'teacher-student-relationship' });
    expect(teacherAnon.json().error.field).toBe('mode');
    expect((await leader.get('/api/surveys/administrations')).json().administrations).toHaveLength(
      before,
    );
  });

  it('a student sees it open, saves progress, and submits a response that names nobody', async () => {
    const open = await students[0]!.get('/api/surveys/open');
    expect(open.json().surveys).toEqual([
      expect.objectContaining({
        administrationId: admId,
        subjectKey: room.cls.id,
        status: 'not-started',
        lastDay: '2026-12-03', // the last day it can be taken, in the district's calendar
      }),
    ]);
    const take = await students[0]!.get(
      `/api/surveys/administrations/${admId}/take?subject=${room.cls.id}&lang=es`,
    );
    expect(take.statusCode).toBe(200);
    expect(take.json().language).toBe('es');
    expect(take.json().items).toHaveLength(10);
    expect(take.json().items[0].options[4].label).toBe('Casi siempre');
    const draft = await students[0]!.put(`/api/surveys/administrations/${admId}/draft`, {
      subjectKey: room.cls.id,
      itemId: 'cc-climate-1',
      value: 4,
    });
    expect(draft.statusCode).toBe(200);
    const resumed = await students[0]!.get(
      `/api/surveys/administrations/${admId}/take?subject=${room.cls.id}`,
    );
    expect(resumed.json().draft).toEqual([{ itemId: 'cc-climate-1', value: 4, people: [] }]);

    const responseId = randomUUID();
    const sent = await students[0]!.post(`/api/surveys/administrations/${admId}/responses`, {
      responseId,
      subjectKey: room.cls.id,
      language: 'es',
      answers,
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toEqual({ responseId, submittedWeek: '2026-11-23', replayed: false });
    const stored = await db.kysely
      .selectFrom('survey_responses')
      .selectAll()
      .where('district_id', '=', room.district.id)
      .where('id', '=', responseId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      respondent_id: null,
      class_id: room.cls.id,
      teacher_id: room.teacher.person.id,
      language: 'es',
    });
    // Nothing stored with the response or left behind names the student.
    expect(JSON.stringify(stored)).not.toContain(room.students[0]!.id);
    expect(await count('survey_drafts')).toBe(0);
    const list = (await leader.get('/api/surveys/administrations')).json().administrations[0];
    expect(list).toMatchObject({ eligible: 4, finished: 1, started: 0 });

    // The same id again is a no-op with the original result; a new id is a second submission.
    const replay = await students[0]!.post(`/api/surveys/administrations/${admId}/responses`, {
      responseId,
      subjectKey: room.cls.id,
      language: 'es',
      answers: [{ itemId: 'cc-climate-1', value: 1 }],
    });
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual({ responseId, submittedWeek: '2026-11-23', replayed: true });
    const twice = await students[0]!.post(`/api/surveys/administrations/${admId}/responses`, {
      responseId: randomUUID(),
      subjectKey: room.cls.id,
      language: 'es',
      answers,
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ field: 'responseId', reason: 'already submitted' });
    expect(await count('survey_responses')).toBe(1);
    expect(await count('survey_answers')).toBe(2);
  });

  it('refuses an unknown item, an out-of-range value, a time-ordered id and a closed window, writing nothing', async () => {
    const send = (body: Record<string, unknown>) =>
      students[1]!.post(`/api/surveys/administrations/${admId}/responses`, {
        responseId: randomUUID(),
        subjectKey: room.cls.id,
        language: 'en',
        answers,
        ...body,
      });
    const before = {
      r: await count('survey_responses'),
      a: await count('survey_answers'),
      p: await count('survey_participations'),
    };
    const unknown = await send({
      answers: [
        { itemId: 'cc-climate-1', value: 3 },
        { itemId: 'str-connection-1', value: 3 },
      ],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      field: 'answers[1].itemId',
      row: 1,
      reason: '"str-connection-1" is not an item of the instrument classroom-climate',
    });
    const range = await send({ answers: [{ itemId: 'cc-climate-1', value: 6 }] });
    expect(range.json().error).toMatchObject({ field: 'answers[0].value', row: 0 });
    const v7 = await send({ responseId: '01936b2e-8f3a-7c41-9d2e-4b5c6d7e8f90' });
    expect(v7.json().error.field).toBe('responseId');
    const lang = await send({ language: 'es', answers: [{ itemId: 'cc-climate-1', value: 2.5 }] });
    expect(lang.json().error.field).toBe('answers[0].value');
    const saved = now;
    now = new Date(CLOSES);
    const late = await send({});
    now = saved;
    expect(late.statusCode).toBe(400);
    expect(late.json().error).toMatchObject({
      field: 'administrationId',
      reason: `is closed: its window ended at ${CLOSES}`,
    });
    expect({
      r: await count('survey_responses'),
      a: await count('survey_answers'),
      p: await count('survey_participations'),
    }).toEqual(before);
  });

  it('a teacher hands out one-time links; a link opens only its survey and submits without a sign-in', async () => {
    const made = await teacher.post(`/api/surveys/administrations/${admId}/links`, {
      classId: room.cls.id,
    });
    expect(made.statusCode).toBe(201);
    // The student who finished gets no link.
    expect(
      made
        .json()
        .links.map((l: { studentId: string }) => l.studentId)
        .sort(),
    ).toEqual(
      room.students
        .slice(1)
        .map((s) => s.id)
        .sort(),
    );
    const link = made
      .json()
      .links.find((l: { studentId: string }) => l.studentId === room.students[3]!.id);
    const redeemed = await app.inject({
      method: 'POST',
      url: '/api/links/redeem',
      payload: { code: link.code },
    });
    expect(redeemed.statusCode).toBe(200);
    const cookie = redeemed.cookies.find((c) => c.name === LINK_COOKIE)!;
    const viaLink = clientFor(
      app,
      `${LINK_COOKIE}=${cookie.value}`,
      redeemed.json().session.csrfToken,
    );
    const open = await viaLink.get('/api/surveys/open');
    expect(open.json().surveys).toHaveLength(1);
    const sent = await viaLink.post(`/api/surveys/administrations/${admId}/responses`, {
      responseId: randomUUID(),
      subjectKey: room.cls.id,
      language: 'en',
      answers,
    });
    expect(sent.statusCode).toBe(201);
    // The link session reaches nothing else.
    expect((await viaLink.get('/api/surveys/administrations')).statusCode).toBe(401);
    const other = await create({ instrumentId: 'student-teacher-relationship' });
    const elsewhere = await viaLink.get(
      `/api/surveys/administrations/${other.json().id}/take?subject=${room.cls.id}`,
    );
    expect(elsewhere.statusCode).toBe(404);
  });

  it('confidential: the response names the student and the share goes to the class teacher', async () => {
    const conf = await create({
      instrumentId: 'student-teacher-relationship',
      mode: 'confidential',
      wave: 'spring',
    });
    const id = conf.json().id;
    const responseId = randomUUID();
    const sent = await students[2]!.post(`/api/surveys/administrations/${id}/responses`, {
      responseId,
      subjectKey: room.cls.id,
      language: 'en',
      answers: [{ itemId: 'str-connection-1', value: 5 }],
      shareWithTeacher: true,
    });
    expect(sent.statusCode).toBe(201);
    const row = await db.kysely
      .selectFrom('survey_responses')
      .select('respondent_id')
      .where('id', '=', responseId)
      .executeTakeFirstOrThrow();
    expect(row.respondent_id).toBe(room.students[2]!.id);
    const share = await db.kysely
      .selectFrom('survey_response_shares')
      .select('teacher_id')
      .where('response_id', '=', responseId)
      .execute();
    expect(share).toEqual([{ teacher_id: room.teacher.person.id }]);
    // Sharing is refused on an anonymous survey.
    const anon = await students[2]!.post(`/api/surveys/administrations/${admId}/responses`, {
      responseId: randomUUID(),
      subjectKey: room.cls.id,
      language: 'en',
      answers,
      shareWithTeacher: true,
    });
    expect(anon.json().error.field).toBe('shareWithTeacher');
  });

  it('an unsubmitted draft stays while the window is open and is deleted once it has closed', async () => {
    const created = await create({ instrumentId: 'student-teacher-relationship', wave: 'winter' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const draftsOf = async () =>
      Number(
        (
          await db.kysely
            .selectFrom('survey_drafts as d')
            .innerJoin('survey_participations as p', (j) =>
              j
                .onRef('p.district_id', '=', 'd.district_id')
                .onRef('p.id', '=', 'd.participation_id'),
            )
            .select((e) => e.fn.countAll().as('n'))
            .where('p.district_id', '=', room.district.id)
            .where('p.administration_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const take = await students[1]!.get(
      `/api/surveys/administrations/${id}/take?subject=${room.cls.id}`,
    );
    const itemId = take.json().items[0].id as string;
    const saved = await students[1]!.put(`/api/surveys/administrations/${id}/draft`, {
      subjectKey: room.cls.id,
      itemId,
      value: 2,
    });
    expect(saved.statusCode).toBe(200);
    // Open: the student's progress is kept.
    // This district only: other test files share the database, and their sessions would be
    // expired at the later clock below.
    const district = [room.district.id];
    expect((await runHousekeeping(db.kysely, now, district)).surveyDrafts).toBe(0);
    expect(await draftsOf()).toBe(1);
    // Closed: nobody can submit it any more, and it names the student: it goes.
    const deleted = await runHousekeeping(db.kysely, new Date(Date.parse(CLOSES) + 1000), district);
    expect(deleted.surveyDrafts).toBeGreaterThanOrEqual(1);
    expect(await draftsOf()).toBe(0);
  });

  it('is closed to the signed out', async () => {
    expect((await anonymous(app).get('/api/surveys/open')).statusCode).toBe(401);
  });
});
