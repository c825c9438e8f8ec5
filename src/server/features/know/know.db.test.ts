// Know your students over HTTP on both databases: a student's profile and who may read which
// part of it (issue 5, item 6), the questionnaire answered one item at a time, and bad input
// that names field, item and reason and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildClass,
  buildClassroom,
  buildSchool,
  buildStaff,
  buildStudent,
  enroll,
} from '../../../../test/factories.js';
import {
  buildTestApp,
  openTestDb,
  signIn,
  testDialects,
  type Client,
} from '../../../../test/harness.js';
import type { Db } from '../../platform/db/database.js';
import type { App } from '../../platform/http/app.js';

const NOW = new Date('2026-11-23T15:00:00Z');
const TODAY = '2026-11-23';
const Q = '/api/know/questionnaires/get-to-know-you/mine';

const PRIVATE_CULTURE = 'Sunday dinners at my grandmother house';
const PRIVATE_STRENGTH = 'I fix everyones phones';

describe.each(testDialects())('know your students on $name', ({ target }) => {
  let db: Db;
  let app: App;
  let student: Client;
  let otherStudent: Client;
  let teacher: Client;
  let colleague: Client;
  let leader: Client;
  let otherSchoolLeader: Client;
  let admin: Client;
  let coach: Client;
  let elsewhereTeacher: Client;
  let elsewhereAdmin: Client;
  let studentId: string;
  let classmateId: string;
  let districtId: string;

  beforeAll(async () => {
    db = await openTestDb(target());
    app = await buildTestApp(db, { now: () => NOW });
    const k = db.kysely;
    const room = await buildClassroom(k, {
      today: TODAY,
      studentNames: [
        { given: 'Alejandro', preferred: 'Alex', family: 'Ortiz' },
        { given: 'Bea', family: 'Lund' },
      ],
    });
    districtId = room.district.id;
    studentId = room.students[0]!.id;
    classmateId = room.students[1]!.id;
    await k
      .updateTable('people')
      .set({ pronouns: 'he/him' })
      .where('district_id', '=', districtId)
      .where('id', '=', studentId)
      .execute();
    const signInStudent = async (personId: string) => {
      const a = await buildAccount(k, {
        districtId,
        role: 'student',
        personId,
        schoolId: room.school.id,
      });
      return signIn(app, a.username, a.password);
    };
    student = await signInStudent(studentId);
    otherStudent = await signInStudent(classmateId);
    teacher = await signIn(app, room.teacher.account.username, room.teacher.account.password);

    const staff = async (
      role: 'teacher' | 'leader' | 'coach' | 'district_admin',
      school: string | null,
    ) => {
      const s = await buildStaff(k, { districtId, schoolId: school, role });
      return { ...s, client: await signIn(app, s.account.username, s.account.password) };
    };
    const col = await staff('teacher', room.school.id);
    const otherClass = await buildClass(k, {
      districtId,
      schoolId: room.school.id,
      termId: room.term.id,
    });
    await enroll(k, {
      districtId,
      classId: otherClass.id,
      personId: col.person.id,
      role: 'teacher',
    });
    colleague = col.client;
    leader = (await staff('leader', room.school.id)).client;
    const otherSchool = await buildSchool(k, { districtId });
    otherSchoolLeader = (await staff('leader', otherSchool.id)).client;
    admin = (await staff('district_admin', null)).client;
    coach = (await staff('coach', room.school.id)).client;

    const elsewhere = await buildClassroom(k, { today: TODAY, students: 1 });
    elsewhereTeacher = await signIn(
      app,
      elsewhere.teacher.account.username,
      elsewhere.teacher.account.password,
    );
    const ea = await buildStaff(k, {
      districtId: elsewhere.district.id,
      schoolId: null,
      role: 'district_admin',
    });
    elsewhereAdmin = await signIn(app, ea.account.username, ea.account.password);
    // A student elsewhere, for the isolation checks below.
    await buildStudent(k, { districtId: elsewhere.district.id, schoolId: elsewhere.school.id });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const auditRows = () =>
    db.kysely
      .selectFrom('audit_log')
      .select(['actor_role', 'action', 'subject_type', 'subject_id'])
      .where('district_id', '=', districtId)
      .where('subject_type', '=', 'student_profile')
      .execute();

  describe('the profile', () => {
    it('starts empty, with the roster name and pronouns to start from', async () => {
      const res = await student.get('/api/know/profile/mine');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        fields: [],
        roster: { givenName: 'Alejandro', preferredName: 'Alex', pronouns: 'he/him' },
        updatedAt: null,
      });
    });

    it('the student saves it, choosing per answer what their teachers may see', async () => {
      const res = await student.put('/api/know/profile/mine', {
        fields: {
          preferred_name: { value: '  Alejo ', shared: true },
          pronouns: { value: 'he/they', shared: true },
          interests: { value: 'Drawing comics', shared: true },
          strengths: { value: PRIVATE_STRENGTH, shared: false },
          goals: { value: '', shared: true },
          teacher_should_know: { value: 'I work after school on Tuesdays', shared: true },
          culture_matters_more: { value: PRIVATE_CULTURE, shared: false },
          culture_matters_less: { value: 'Which team my family supports', shared: true },
        },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.fields).toEqual([
        { field: 'preferred_name', value: 'Alejo', shared: true },
        { field: 'pronouns', value: 'he/they', shared: true },
        { field: 'interests', value: 'Drawing comics', shared: true },
        { field: 'strengths', value: PRIVATE_STRENGTH, shared: false },
        { field: 'teacher_should_know', value: 'I work after school on Tuesdays', shared: true },
        { field: 'culture_matters_more', value: PRIVATE_CULTURE, shared: false },
        { field: 'culture_matters_less', value: 'Which team my family supports', shared: true },
      ]);
      expect(body.updatedAt).toBe(NOW.toISOString());
    });

    it('their teacher reads only the shared answers, with the name the student gave', async () => {
      const res = await teacher.get(`/api/know/students/${studentId}/profile`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        studentId,
        displayName: 'Alejo',
        pronouns: 'he/they',
        shared: [
          { field: 'preferred_name', value: 'Alejo' },
          { field: 'pronouns', value: 'he/they' },
          { field: 'interests', value: 'Drawing comics' },
          { field: 'teacher_should_know', value: 'I work after school on Tuesdays' },
          { field: 'culture_matters_less', value: 'Which team my family supports' },
        ],
        questionnaire: 'not_started',
      });
      expect(res.body).not.toContain(PRIVATE_CULTURE);
      expect(res.body).not.toContain(PRIVATE_STRENGTH);
      // Their own teacher's read is not audited.
      expect(await auditRows()).toEqual([]);
    });

    it('a leader of the school and a district admin read the same shared part, audited', async () => {
      for (const [client, role] of [
        [leader, 'leader'],
        [admin, 'district_admin'],
      ] as const) {
        const res = await client.get(`/api/know/students/${studentId}/profile`);
        expect(res.statusCode).toBe(200);
        expect(res.json().shared.map((f: { field: string }) => f.field)).toEqual([
          'preferred_name',
          'pronouns',
          'interests',
          'teacher_should_know',
          'culture_matters_less',
        ]);
        expect(res.body).not.toContain(PRIVATE_CULTURE);
        expect(await auditRows()).toContainEqual({
          actor_role: role,
          action: 'read',
          subject_type: 'student_profile',
          subject_id: studentId,
        });
      }
      expect(await auditRows()).toHaveLength(2);
    });

    it('nobody else finds it: colleague, other school, coach, another district, a classmate', async () => {
      const url = `/api/know/students/${studentId}/profile`;
      expect((await colleague.get(url)).statusCode).toBe(404);
      expect((await otherSchoolLeader.get(url)).statusCode).toBe(404);
      expect((await coach.get(url)).statusCode).toBe(403);
      expect((await elsewhereTeacher.get(url)).statusCode).toBe(404);
      expect((await elsewhereAdmin.get(url)).statusCode).toBe(404);
      expect((await otherStudent.get(url)).statusCode).toBe(403);
      // The classmate's own profile is theirs alone, and empty.
      const own = await otherStudent.get('/api/know/profile/mine');
      expect(own.json().fields).toEqual([]);
      expect(own.body).not.toContain('Alejo');
      // Refusals are not audited as reads.
      expect(await auditRows()).toHaveLength(2);
    });

    it('an answer over its limit is refused by field and limit, and nothing changes', async () => {
      const res = await student.put('/api/know/profile/mine', {
        fields: {
          preferred_name: { value: 'Someone else', shared: true },
          goals: { value: 'x'.repeat(501), shared: true },
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        field: 'fields.goals.value',
        reason: 'at most 500 characters (got 501)',
      });
      const after = await student.get('/api/know/profile/mine');
      expect(after.json().fields).toHaveLength(7);
      expect(after.json().fields[0]).toEqual({
        field: 'preferred_name',
        value: 'Alejo',
        shared: true,
      });
    });

    it('an unknown profile field is refused by name', async () => {
      const res = await student.put('/api/know/profile/mine', {
        fields: { ethnicity: { value: 'x', shared: true } },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe('fields.ethnicity');
    });

    it('a teacher cannot read or write a profile as their own', async () => {
      expect((await teacher.get('/api/know/profile/mine')).statusCode).toBe(403);
      const res = await teacher.put('/api/know/profile/mine', { fields: {} });
      expect(res.statusCode).toBe(403);
    });
  });

  describe('the questionnaire', () => {
    it('a student sees it worded for students, with no progress yet', async () => {
      const res = await student.get(Q);
      expect(res.statusCode).toBe(200);
      const { questionnaire, progress } = res.json();
      expect(questionnaire.title).toBe('Getting to know you');
      expect(questionnaire.items[0].prompt).toBe('What do you like to do when you get to choose?');
      expect(questionnaire.items[0].options.length).toBeGreaterThanOrEqual(40);
      expect(questionnaire.items[0].options[0]).toEqual({
        id: 'soccer',
        label: 'Soccer',
        category: 'Sports and movement',
      });
      expect(progress).toEqual({ answers: [], lastItemId: null, shared: false, submittedAt: null });
      const es = await student.get(`${Q}?lang=es`);
      expect(es.json().questionnaire.items[0].prompt).toBe(
        '¿Qué te gusta hacer cuando puedes elegir?',
      );
    });

    it('saves each answer as it is given, and resumes after the last one', async () => {
      let res = await student.put(`${Q}/items/interests`, {
        optionIds: ['chess', 'drawing', 'soccer'],
        text: ' Origami ',
      });
      expect(res.statusCode).toBe(200);
      res = await student.put(`${Q}/items/values`, { optionIds: [], skipped: true });
      expect(res.statusCode).toBe(200);
      res = await student.put(`${Q}/items/recognition`, { optionIds: ['quiet-word'] });
      expect(res.json()).toEqual({
        answers: [
          // In the catalogue's order, with the free text beside the options.
          { itemId: 'interests', optionIds: ['soccer', 'drawing', 'chess'], text: 'Origami' },
          { itemId: 'recognition', optionIds: ['quiet-word'], text: null },
        ],
        lastItemId: 'recognition',
        shared: false,
        submittedAt: null,
      });
      // Changing an answer replaces it.
      res = await student.put(`${Q}/items/interests`, { optionIds: ['anime'] });
      expect(res.json().answers[0]).toEqual({
        itemId: 'interests',
        optionIds: ['anime'],
        text: null,
      });
      const rows = await db.kysely
        .selectFrom('questionnaire_answers')
        .select(['item_id', 'option_id', 'text'])
        .where('district_id', '=', districtId)
        .where('respondent_id', '=', studentId)
        .orderBy('item_id')
        .execute();
      expect(rows).toEqual([
        { item_id: 'interests', option_id: 'anime', text: null },
        { item_id: 'recognition', option_id: 'quiet-word', text: null },
      ]);
      const teacherSees = await teacher.get(`/api/know/students/${studentId}/profile`);
      expect(teacherSees.json().questionnaire).toBe('in_progress');
    });

    it('an option outside the catalogue: field, item and reason, nothing written', async () => {
      const res = await student.put(`${Q}/items/interests`, {
        optionIds: ['chess', 'bungee-jumping'],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'validation_failed',
        field: 'optionIds[1]',
        reason: '"bungee-jumping" is not an option of item "interests"',
      });
      const mine = await student.get(Q);
      expect(mine.json().progress.answers[0]).toEqual({
        itemId: 'interests',
        optionIds: ['anime'],
        text: null,
      });
      // The refused answer did not move the progress either.
      expect(mine.json().progress.lastItemId).toBe('interests');
    });

    it('an over-long free-text answer names the limit; too many choices name the limit', async () => {
      let res = await student.put(`${Q}/items/good-day`, { optionIds: [], text: 'a'.repeat(501) });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        field: 'text',
        reason: 'at most 500 characters for item "good-day" (got 501)',
      });
      res = await student.put(`${Q}/items/values`, {
        optionIds: ['family', 'fairness', 'honesty', 'humor'],
      });
      expect(res.json().error).toMatchObject({
        field: 'optionIds',
        reason: 'item "values" allows at most 3 choices (got 4)',
      });
      res = await student.put(`${Q}/items/shoe-size`, { optionIds: [] });
      expect(res.json().error).toMatchObject({
        field: 'itemId',
        reason: '"shoe-size" is not an item of questionnaire "get-to-know-you"',
      });
      const rows = await db.kysely
        .selectFrom('questionnaire_answers')
        .select('item_id')
        .where('district_id', '=', districtId)
        .where('respondent_id', '=', studentId)
        .execute();
      expect(rows.map((r) => r.item_id).sort()).toEqual(['interests', 'recognition']);
    });

    it('submitting records the choice to share; nothing answered cannot be submitted', async () => {
      const empty = await otherStudent.post(`${Q}/submit`, { shared: true });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.field).toBe('answers');
      const res = await student.post(`${Q}/submit`, { shared: true });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ shared: true, submittedAt: NOW.toISOString() });
      expect(
        (await teacher.get(`/api/know/students/${studentId}/profile`)).json().questionnaire,
      ).toBe('submitted');
    });

    it('a teacher answers the same items about themselves, worded for an adult', async () => {
      const view = await teacher.get(`${Q}?lang=es`);
      expect(view.json().questionnaire.items[0].prompt).toBe(
        '¿Qué le gusta hacer cuando puede elegir?',
      );
      const res = await teacher.put(`${Q}/items/interests`, { optionIds: ['chess', 'hiking'] });
      expect(res.statusCode).toBe(200);
      const row = await db.kysely
        .selectFrom('questionnaire_responses')
        .select(['respondent_kind', 'content_version'])
        .where('district_id', '=', districtId)
        .where('respondent_kind', '=', 'teacher')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ respondent_kind: 'teacher', content_version: 1 });
    });

    it('leaders, coaches and admins do not answer it', async () => {
      for (const c of [leader, coach, admin]) expect((await c.get(Q)).statusCode).toBe(403);
    });
  });

  describe('a one-time link from the teacher', () => {
    const redeem = (code: string, on: App = app) =>
      on.inject({ method: 'POST', url: '/api/links/redeem', payload: { code } });
    const codeOf = (path: string) => path.replace('/questionnaire/link/', '');

    async function linkSession(code: string) {
      const res = await redeem(code);
      expect(res.statusCode).toBe(200);
      const cookie = res.cookies.find((c) => c.name === 'rapport_link')!;
      const headers = {
        cookie: `rapport_link=${cookie.value}`,
        'x-csrf-token': res.json().session.csrfToken as string,
      };
      return {
        get: (url: string) => app.inject({ method: 'GET', url, headers }),
        put: (url: string, payload: object) => app.inject({ method: 'PUT', url, headers, payload }),
      };
    }

    it('only for their own student; the link answers as that student', async () => {
      expect((await colleague.post(`/api/know/students/${classmateId}/links`)).statusCode).toBe(
        404,
      );
      expect(
        (await elsewhereTeacher.post(`/api/know/students/${classmateId}/links`)).statusCode,
      ).toBe(404);
      const made = await teacher.post(`/api/know/students/${classmateId}/links`);
      expect(made.statusCode).toBe(201);
      expect(made.json()).toMatchObject({
        studentId: classmateId,
        path: expect.stringMatching(/^\/questionnaire\/link\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/),
        expiresAt: '2026-11-30T15:00:00.000Z',
      });
      const link = await linkSession(codeOf(made.json().path));
      const view = await link.get(`${Q}?lang=es`);
      expect(view.statusCode).toBe(200);
      expect(view.json().questionnaire.title).toBe('Para conocerte mejor');
      const saved = await link.put(`${Q}/items/values`, { optionIds: ['humor', 'kindness'] });
      expect(saved.statusCode).toBe(200);
      const stored = await db.kysely
        .selectFrom('questionnaire_answers as a')
        .innerJoin('questionnaire_responses as r', (j) =>
          j
            .onRef('r.district_id', '=', 'a.district_id')
            .onRef('r.questionnaire_id', '=', 'a.questionnaire_id')
            .onRef('r.respondent_id', '=', 'a.respondent_id'),
        )
        .select(['a.option_id', 'r.respondent_kind'])
        .where('a.district_id', '=', districtId)
        .where('a.respondent_id', '=', classmateId)
        .orderBy('a.option_id')
        .execute();
      expect(stored).toEqual([
        { option_id: 'humor', respondent_kind: 'student' },
        { option_id: 'kindness', respondent_kind: 'student' },
      ]);
      // The link reaches nothing else: not the student's profile, not a student's card.
      expect((await link.get('/api/know/profile/mine')).statusCode).toBe(401);
      expect((await link.get(`/api/know/students/${classmateId}/profile`)).statusCode).toBe(401);
      expect((await link.get('/api/know/questionnaires/another-one/mine')).statusCode).toBe(403);
    });

    it('used once: a second redemption is refused and opens nothing', async () => {
      const made = await teacher.post(`/api/know/students/${classmateId}/links`);
      const code = codeOf(made.json().path);
      expect((await redeem(code)).statusCode).toBe(200);
      const count = async () =>
        Number(
          (
            await db.kysely
              .selectFrom('link_sessions')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('district_id', '=', districtId)
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      const again = await redeem(code);
      expect(again.statusCode).toBe(410);
      expect(again.json().error).toMatchObject({ code: 'link_used', field: 'code' });
      expect(again.cookies.find((c) => c.name === 'rapport_link')).toBeUndefined();
      expect(await count()).toBe(before);
    });

    it('stopped by the teacher: an unused link no longer opens, an open session ends, answers stay', async () => {
      // Not another teacher's to stop.
      expect((await colleague.delete(`/api/know/students/${classmateId}/links`)).statusCode).toBe(
        404,
      );
      // The links of the tests above, stopped first, so the counts below are this test's.
      expect((await teacher.delete(`/api/know/students/${classmateId}/links`)).statusCode).toBe(
        200,
      );
      const unused = await teacher.post(`/api/know/students/${classmateId}/links`);
      const stopped = await teacher.delete(`/api/know/students/${classmateId}/links`);
      expect(stopped.statusCode).toBe(200);
      expect(stopped.json()).toEqual({ studentId: classmateId, revoked: 1, sessionsEnded: 0 });
      const refused = await redeem(codeOf(unused.json().path));
      expect(refused.statusCode).toBe(410);
      expect(refused.json().error.code).toBe('link_revoked');

      // A link the student has opened: its session ends at once; what they saved stays.
      const opened = await teacher.post(`/api/know/students/${classmateId}/links`);
      const link = await linkSession(codeOf(opened.json().path));
      expect((await link.put(`${Q}/items/values`, { optionIds: ['honesty'] })).statusCode).toBe(
        200,
      );
      expect(
        (await teacher.delete(`/api/know/students/${classmateId}/links`)).json(),
      ).toMatchObject({ revoked: 0, sessionsEnded: 1 });
      expect((await link.get(Q)).statusCode).toBe(401);
      const kept = await db.kysely
        .selectFrom('questionnaire_answers')
        .select('option_id')
        .where('district_id', '=', districtId)
        .where('respondent_id', '=', classmateId)
        .where('item_id', '=', 'values')
        .execute();
      expect(kept.map((a) => a.option_id)).toEqual(['honesty']);
    });

    it('expired after a week: refused with the reason', async () => {
      const made = await teacher.post(`/api/know/students/${classmateId}/links`);
      const later = await buildTestApp(db, {
        now: () => new Date(NOW.getTime() + 8 * 86_400_000),
      });
      try {
        const res = await redeem(codeOf(made.json().path), later);
        expect(res.statusCode).toBe(410);
        expect(res.json().error.code).toBe('link_expired');
      } finally {
        await later.close();
      }
    });
  });

  describe("the teacher's list of students", () => {
    it('lists their own students with where each questionnaire stands, shared names first', async () => {
      const res = await teacher.get('/api/know/students');
      expect(res.statusCode).toBe(200);
      expect(res.json().students).toEqual([
        {
          id: classmateId,
          displayName: 'Bea',
          familyName: 'Lund',
          classes: [expect.objectContaining({ title: 'Science 7' })],
          // Started through the link above.
          questionnaire: 'in_progress',
        },
        {
          id: studentId,
          displayName: 'Alejo',
          familyName: 'Ortiz',
          classes: [expect.objectContaining({ title: 'Science 7' })],
          questionnaire: 'submitted',
        },
      ]);
      const col = await colleague.get('/api/know/students');
      expect(col.json().students).toEqual([]);
    });
  });
});
