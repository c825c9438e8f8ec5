// Every route, every intruder: a teacher of the same school without the class, a user of
// another district, a student, and someone signed out. The route table at the bottom must
// cover every route the app registers, so a new route cannot ship without its test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildClass,
  buildClassroom,
  buildStaff,
  buildStudent,
  enroll,
} from './factories.js';
import {
  anonymous,
  buildTestApp,
  openTestDb,
  signIn,
  testDialects,
  type Client,
} from './harness.js';
import { singleDayIcs } from './ics-samples.js';
import type { App } from '../src/server/platform/http/app.js';
import type { Db } from '../src/server/platform/db/database.js';
import { parseCsv, readZip } from './oneroster-zip.js';
import {
  buildAdministration,
  buildResponse,
  buildWave,
  relationshipAnswers,
} from './survey-factories.js';

const NOW = new Date('2026-11-23T15:00:00Z');
const OWNER_DAY_OFF = 'Owner district snow day';
const TODAY = '2026-11-23';

const OWNER_MARK = 'owner-mark-0001';

type Intruder =
  'sameSchoolTeacher' | 'otherDistrictTeacher' | 'otherDistrictAdmin' | 'student' | 'signedOut';

interface World {
  owner: Client;
  intruders: Record<Intruder, Client>;
  classId: string;
  studentId: string;
  clientId: string;
  planId: string;
  ownerDistrictName: string;
  ownerStudentName: string;
  rosterJobId: string;
  surveyAdministrationId: string;
  surveyAdmId: string;
  surveyClassId: string;
  schoolId: string;
}

describe.each(testDialects())('unauthorized access on $name', ({ target }) => {
  let db: Db;
  let app: App;
  let w: World;

  beforeAll(async () => {
    db = await openTestDb(target());
    app = await buildTestApp(db, { now: () => NOW });
    const k = db.kysely;
    const room = await buildClassroom(k, {
      today: TODAY,
      studentNames: [{ given: 'Owlsley', family: 'Private' }],
    });
    const owner = await signIn(app, room.teacher.account.username, room.teacher.account.password);
    const clientId = 'owner-log-0001';
    const logged = await owner.post('/api/interactions', {
      clientId,
      kind: 'affirmation',
      studentIds: [room.students[0]!.id],
      classId: room.cls.id,
      note: 'secret note',
    });
    expect(logged.statusCode).toBe(201);
    const plan = await owner.post('/api/plans', {
      studentId: room.students[0]!.id,
      startDate: '2026-11-16',
    });
    expect(plan.statusCode).toBe(201);
    // A correction the owner then closed as not needed (its mark is the owner's to undo).
    const corrected = await owner.post('/api/interactions', {
      clientId: 'owner-log-0002',
      kind: 'correction',
      studentIds: [room.students[0]!.id],
      classId: room.cls.id,
    });
    expect(corrected.statusCode).toBe(201);
    const marked = await owner.post('/api/practice/repairs/not-needed', {
      studentId: room.students[0]!.id,
      clientId: OWNER_MARK,
    });
    expect(marked.statusCode).toBe(200);

    // Same school, teaches another class, not this student.
    const colleague = await buildStaff(k, {
      districtId: room.district.id,
      schoolId: room.school.id,
      role: 'teacher',
    });
    const otherClass = await buildClass(k, {
      districtId: room.district.id,
      schoolId: room.school.id,
      termId: room.term.id,
    });
    await enroll(k, {
      districtId: room.district.id,
      classId: otherClass.id,
      personId: colleague.person.id,
      role: 'teacher',
    });
    // A classmate of the student, signed in as a student.
    const classmate = await buildStudent(k, {
      districtId: room.district.id,
      schoolId: room.school.id,
      given_name: 'Bram',
    });
    await enroll(k, {
      districtId: room.district.id,
      classId: room.cls.id,
      personId: classmate.id,
      role: 'student',
    });
    const studentAccount = await buildAccount(k, {
      districtId: room.district.id,
      role: 'student',
      personId: classmate.id,
      schoolId: room.school.id,
    });
    // The owner's district has a day off of its own (from an upload or a manual edit).
    await k
      .insertInto('days_off')
      .values({
        district_id: room.district.id,
        date: '2026-12-04',
        reason: OWNER_DAY_OFF,
        source: 'ics',
      })
      .execute();
    // The owner's student shared a profile answer with their teachers.
    await k
      .insertInto('student_profile_fields')
      .values({
        district_id: room.district.id,
        student_id: room.students[0]!.id,
        field: 'teacher_should_know',
        value: 'secret note',
        shared: 1,
        updated_at: NOW.toISOString(),
      })
      .execute();
    const elsewhere = await buildClassroom(k, { today: TODAY, students: 2 });
    const elsewhereAdmin = await buildStaff(k, {
      districtId: elsewhere.district.id,
      schoolId: null,
      role: 'district_admin',
    });

    // A previewed roster import of the owner's district, for the rostering routes.
    const rosterJobId = 'roster-job-owner-0001';
    await k
      .insertInto('roster_jobs')
      .values({
        district_id: room.district.id,
        id: rosterJobId,
        kind: 'import',
        dry_run: 1,
        status: 'previewed',
        source_name: `${room.district.name}.zip`,
        actor_account_id: null,
        created_at: NOW.toISOString(),
        finished_at: NOW.toISOString(),
        report: null,
      })
      .execute();

    // A closed survey administration with five anonymous responses in the owner's class.
    const wave = await buildWave(k, {
      districtId: room.district.id,
      name: 'fall',
      schoolYear: '2025-2026',
    });
    const survey = await buildAdministration(k, {
      districtId: room.district.id,
      schoolId: room.school.id,
      waveId: wave.id,
      accountId: room.teacher.account.id,
      opensAt: '2026-10-01T12:00:00.000Z',
      closesAt: '2026-10-20T12:00:00.000Z',
      classIds: [room.cls.id],
    });
    for (const v of [2, 3, 4, 4, 5])
      await buildResponse(k, {
        districtId: room.district.id,
        administrationId: survey.id,
        schoolId: room.school.id,
        classId: room.cls.id,
        teacherId: room.teacher.person.id,
        grade: '7',
        answers: relationshipAnswers(v),
      });

    // A survey of a class only the owner's student is in (the classmate is not asked).
    const surveyClass = await buildClass(k, {
      districtId: room.district.id,
      schoolId: room.school.id,
      termId: room.term.id,
    });
    for (const [personId, role] of [
      [room.teacher.person.id, 'teacher'],
      [room.students[0]!.id, 'student'],
    ] as const)
      await enroll(k, { districtId: room.district.id, classId: surveyClass.id, personId, role });
    await k
      .insertInto('survey_waves')
      .values({
        district_id: room.district.id,
        id: 'wave-owner',
        school_year: '2026-2027',
        name: 'fall',
        created_at: NOW.toISOString(),
      })
      .execute();
    await k
      .insertInto('survey_administrations')
      .values({
        district_id: room.district.id,
        id: 'adm-owner',
        school_id: room.school.id,
        wave_id: 'wave-owner',
        instrument_id: 'classroom-climate',
        instrument_version: 1,
        respondent: 'student',
        mode: 'anonymous',
        languages: '["en"]',
        opens_at: '2026-11-20T00:00:00.000Z',
        closes_at: '2026-12-04T00:00:00.000Z',
        created_by_account_id: room.teacher.account.id,
        created_at: NOW.toISOString(),
      })
      .execute();
    await k
      .insertInto('survey_administration_targets')
      .values({
        district_id: room.district.id,
        administration_id: 'adm-owner',
        kind: 'class',
        value: surveyClass.id,
      })
      .execute();

    w = {
      surveyAdmId: 'adm-owner',
      surveyClassId: surveyClass.id,
      surveyAdministrationId: survey.id,
      owner,
      rosterJobId,
      schoolId: room.school.id,
      classId: room.cls.id,
      studentId: room.students[0]!.id,
      clientId,
      planId: plan.json().id,
      ownerDistrictName: room.district.name,
      ownerStudentName: 'Owlsley',
      intruders: {
        sameSchoolTeacher: await signIn(
          app,
          colleague.account.username,
          colleague.account.password,
        ),
        otherDistrictTeacher: await signIn(
          app,
          elsewhere.teacher.account.username,
          elsewhere.teacher.account.password,
        ),
        otherDistrictAdmin: await signIn(
          app,
          elsewhereAdmin.account.username,
          elsewhereAdmin.account.password,
        ),
        student: await signIn(app, studentAccount.username, studentAccount.password),
        signedOut: anonymous(app),
      },
    };
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  // A route about one of the owner's students that only teachers may call: a colleague or a
  // teacher elsewhere gets "not found" (existence is not revealed), every other role 403.
  const TEACHERS_OWN_STUDENT = {
    sameSchoolTeacher: 404,
    otherDistrictTeacher: 404,
    otherDistrictAdmin: 403,
    student: 403,
    signedOut: 401,
  } as const;

  // A route only a district admin may call.
  const ADMIN_ONLY = {
    sameSchoolTeacher: 403,
    otherDistrictTeacher: 403,
    student: 403,
    signedOut: 401,
  } as const;

  // For each route: how to call it, and what each intruder must get.
  const routes: Array<{
    route: string;
    call: (c: Client, w: World) => ReturnType<Client['get']>;
    expect: Partial<Record<Intruder, number | 'own-data-only'>>;
  }> = [
    {
      route: 'GET /api/classes/:classId',
      call: (c, w) => c.get(`/api/classes/${w.classId}`),
      expect: TEACHERS_OWN_STUDENT,
    },
    {
      route: 'GET /api/students/:studentId',
      call: (c, w) => c.get(`/api/students/${w.studentId}`),
      expect: {
        sameSchoolTeacher: 404,
        otherDistrictTeacher: 404,
        otherDistrictAdmin: 404,
        student: 403,
        signedOut: 401,
      },
    },
    {
      route: 'POST /api/interactions',
      call: (c, w) =>
        c.post('/api/interactions', {
          clientId: `intruder-${Math.random().toString(36).slice(2, 10)}`,
          kind: 'correction',
          studentIds: [w.studentId],
          classId: w.classId,
        }),
      expect: {
        sameSchoolTeacher: 403,
        otherDistrictTeacher: 403,
        otherDistrictAdmin: 403,
        student: 403,
        signedOut: 401,
      },
    },
    {
      route: 'POST /api/interactions/undo',
      call: (c, w) => c.post('/api/interactions/undo', { clientId: w.clientId }),
      // Another teacher's client id is simply not theirs: nothing found, nothing undone.
      expect: TEACHERS_OWN_STUDENT,
    },
    {
      route: 'GET /api/home/teacher',
      call: (c) => c.get('/api/home/teacher'),
      expect: {
        sameSchoolTeacher: 'own-data-only',
        otherDistrictTeacher: 'own-data-only',
        otherDistrictAdmin: 403,
        student: 403,
        signedOut: 401,
      },
    },
    {
      route: 'GET /api/home/leader',
      call: (c) => c.get('/api/home/leader'),
      expect: {
        sameSchoolTeacher: 403,
        otherDistrictTeacher: 403,
        otherDistrictAdmin: 403,
        student: 403,
        signedOut: 401,
      },
    },
    {
      route: 'GET /api/home/admin',
      call: (c) => c.get('/api/home/admin'),
      expect: {
        sameSchoolTeacher: 403,
        otherDistrictTeacher: 403,
        otherDistrictAdmin: 'own-data-only',
        student: 403,
        signedOut: 401,
      },
    },
    // Daily practice: the teacher's own, for students they teach. A colleague gets "not found",
    // every other role is refused outright.
    {
      route: 'GET /api/practice/today',
      call: (c) => c.get('/api/practice/today'),
      expect: {
        sameSchoolTeacher: 'own-data-only',
        otherDistrictTeacher: 'own-data-only',
        otherDistrictAdmin: 403,
        student: 403,
        signedOut: 401,
      },
    },
    {
      route: 'GET /api/practice/repairs',
      call: (c) => c.get('/api/practice/repairs'),
      expect: {
        sameSchoolTeacher: 'own-data-only',
        otherDistrictAdmin: 403,
        student: 403,
        signedOut: 401,
      },
    },
    {
      route: 'GET /api/practice/classes/:classId',
      call: (c, w) => c.get(`/api/practice/classes/${w.classId}`),
      expect: TEACHERS_OWN_STUDENT,
    },
    {
      route: 'GET /api/practice/students/:studentId',
      call: (c, w) => c.get(`/api/practice/students/${w.studentId}`),
      expect: TEACHERS_OWN_STUDENT,
    },
    {
      route: 'POST /api/practice/students/:studentId/stage',
      call: (c, w) => c.post(`/api/practice/students/${w.studentId}/stage`, { stage: 'restore' }),
      expect: TEACHERS_OWN_STUDENT,
    },
    {
      route: 'PUT /api/practice/students/:studentId/conflict-history',
      call: (c, w) =>
        c.put(`/api/practice/students/${w.studentId}/conflict-history`, { conflictHistory: true }),
      expect: TEACHERS_OWN_STUDENT,
    },
    {
      route: 'POST /api/practice/focus/dismissals',
      call: (c, w) => c.post('/api/practice/focus/dismissals', { studentId: w.studentId }),
      expect: TEACHERS_OWN_STUDENT,
    },
    {
      route: 'POST /api/practice/repairs/not-needed',
      call: (c, w) =>
        c.post('/api/practice/repairs/not-needed', {
          studentId: w.studentId,
          clientId: `intruder-${Math.random().toString(36).slice(2, 10)}`,
        }),
      expect: TEACHERS_OWN_STUDENT,
    },
    {
      // The owner's mark, by its client id: another account has no such mark.
      route: 'POST /api/practice/repairs/not-needed/undo',
      call: (c) => c.post('/api/practice/repairs/not-needed/undo', { clientId: OWNER_MARK }),
      expect: TEACHERS_OWN_STUDENT,
    },
    {
      route: 'POST /api/plans',
      call: (c, w) => c.post('/api/plans', { studentId: w.studentId, startDate: '2026-11-23' }),
      expect: TEACHERS_OWN_STUDENT,
    },
    {
      route: 'GET /api/plans/:planId',
      call: (c, w) => c.get(`/api/plans/${w.planId}`),
      expect: TEACHERS_OWN_STUDENT,
    },
    {
      route: 'POST /api/plans/:planId/reflection',
      call: (c, w) => c.post(`/api/plans/${w.planId}/reflection`, { reflection: 'mine now' }),
      expect: TEACHERS_OWN_STUDENT,
    },
    {
      route: 'POST /api/plans/:planId/stop',
      call: (c, w) => c.post(`/api/plans/${w.planId}/stop`),
      expect: TEACHERS_OWN_STUDENT,
    },
    {
      route: 'POST /api/incidents',
      call: (c, w) =>
        c.post('/api/incidents', {
          clientId: `intruder-${Math.random().toString(36).slice(2, 10)}`,
          studentId: w.studentId,
          whatHappened: 'x',
          explanations: [
            { text: 'a', charitable: true },
            { text: 'b', charitable: false },
          ],
          nextStep: 'y',
        }),
      expect: TEACHERS_OWN_STUDENT,
    },
    // The strategy library is product text, not student data: staff read it, students and
    // the signed-out do not.
    {
      route: 'GET /api/strategies',
      call: (c) => c.get('/api/strategies?stage=restore'),
      expect: {
        sameSchoolTeacher: 'own-data-only',
        otherDistrictAdmin: 'own-data-only',
        student: 403,
        signedOut: 401,
      },
    },
    {
      route: 'GET /api/strategies/:slug',
      call: (c) => c.get('/api/strategies/two-by-ten'),
      expect: { sameSchoolTeacher: 'own-data-only', student: 403, signedOut: 401 },
    },
    // The calendar: district admins only, each their own district's. Another district's admin
    // reads and edits their own calendar and cannot find this district's days off.
    {
      route: 'GET /api/calendar',
      call: (c) => c.get('/api/calendar'),
      expect: { ...ADMIN_ONLY, otherDistrictAdmin: 'own-data-only' },
    },
    {
      route: 'POST /api/calendar/ics',
      call: (c) =>
        c.postText('/api/calendar/ics', singleDayIcs('20261207', 'Intruder day'), 'text/calendar'),
      expect: { ...ADMIN_ONLY, otherDistrictAdmin: 'own-data-only' },
    },
    {
      route: 'PUT /api/calendar/days-off/:date',
      call: (c) => c.put('/api/calendar/days-off/2026-12-08', { reason: 'Intruder day' }),
      expect: { ...ADMIN_ONLY, otherDistrictAdmin: 'own-data-only' },
    },
    {
      route: 'DELETE /api/calendar/days-off/:date',
      call: (c) => c.delete('/api/calendar/days-off/2026-12-04'),
      expect: { ...ADMIN_ONLY, otherDistrictAdmin: 404 },
    },
    // The roster export: district admins only, and always their own district.
    {
      route: 'GET /api/rostering/export',
      call: (c) => c.get('/api/rostering/export'),
      expect: { ...ADMIN_ONLY, otherDistrictAdmin: 'own-data-only' },
    },
    // Roster imports: another district's admin may import into their own district (an empty
    // upload is refused) and finds none of this district's jobs.
    {
      route: 'POST /api/rostering/imports',
      call: (c) => c.post('/api/rostering/imports?dryRun=true'),
      // Another district's admin may import into their own district: an empty upload is refused.
      expect: { ...ADMIN_ONLY, otherDistrictAdmin: 400 },
    },
    {
      route: 'GET /api/rostering/imports',
      call: (c) => c.get('/api/rostering/imports'),
      expect: { ...ADMIN_ONLY, otherDistrictAdmin: 'own-data-only' },
    },
    {
      route: 'GET /api/rostering/imports/:jobId',
      call: (c, w) => c.get(`/api/rostering/imports/${w.rosterJobId}`),
      expect: { ...ADMIN_ONLY, otherDistrictAdmin: 404 },
    },
    {
      route: 'POST /api/rostering/imports/:jobId/apply',
      call: (c, w) => c.post(`/api/rostering/imports/${w.rosterJobId}/apply`),
      expect: { ...ADMIN_ONLY, otherDistrictAdmin: 404 },
    },
    // Survey reports: a teacher's own classes, a leader's school, a district admin's district.
    // Anyone else finds no report at all.
    {
      route: 'GET /api/survey-reports',
      call: (c) => c.get('/api/survey-reports'),
      expect: {
        sameSchoolTeacher: 'own-data-only',
        otherDistrictTeacher: 'own-data-only',
        otherDistrictAdmin: 'own-data-only',
        student: 403,
        signedOut: 401,
      },
    },
    {
      route: 'GET /api/survey-reports/:administrationId/:scope/:scopeId',
      call: (c, w) => c.get(`/api/survey-reports/${w.surveyAdministrationId}/class/${w.classId}`),
      expect: { ...TEACHERS_OWN_STUDENT, otherDistrictAdmin: 404 },
    },
    {
      route: 'GET /api/survey-reports/:administrationId/:scope/:scopeId/csv',
      call: (c, w) =>
        c.get(`/api/survey-reports/${w.surveyAdministrationId}/class/${w.classId}/csv`),
      expect: { ...TEACHERS_OWN_STUDENT, otherDistrictAdmin: 404 },
    },
    {
      route: 'GET /api/survey-reports/:administrationId/gaps/:classId',
      call: (c, w) => c.get(`/api/survey-reports/${w.surveyAdministrationId}/gaps/${w.classId}`),
      expect: TEACHERS_OWN_STUDENT,
    },
    {
      route: 'GET /api/survey-reports/settings',
      call: (c) => c.get('/api/survey-reports/settings'),
      expect: { ...ADMIN_ONLY, otherDistrictAdmin: 'own-data-only' },
    },
    {
      route: 'PUT /api/survey-reports/settings',
      call: (c) =>
        c.put('/api/survey-reports/settings', { minGroupSize: 7, leadersSeeTeachers: true }),
      expect: { ...ADMIN_ONLY, otherDistrictAdmin: 'own-data-only' },
    },
    // Know your students: each answers the questionnaire and a student edits a profile about
    // themselves only; a student's profile is read by their own teachers (and, audited, leaders).
    {
      route: 'GET /api/know/questionnaires/:questionnaireId/mine',
      call: (c) => c.get('/api/know/questionnaires/get-to-know-you/mine'),
      expect: {
        sameSchoolTeacher: 'own-data-only',
        otherDistrictTeacher: 'own-data-only',
        otherDistrictAdmin: 403,
        student: 'own-data-only',
        signedOut: 401,
      },
    },
    {
      route: 'PUT /api/know/questionnaires/:questionnaireId/mine/items/:itemId',
      call: (c) =>
        c.put('/api/know/questionnaires/get-to-know-you/mine/items/interests', {
          optionIds: ['chess'],
        }),
      expect: {
        sameSchoolTeacher: 'own-data-only',
        otherDistrictTeacher: 'own-data-only',
        otherDistrictAdmin: 403,
        student: 'own-data-only',
        signedOut: 401,
      },
    },
    {
      route: 'POST /api/know/questionnaires/:questionnaireId/mine/submit',
      call: (c) => c.post('/api/know/questionnaires/get-to-know-you/mine/submit', { shared: true }),
      // After the row above, each respondent has their own answer to submit.
      expect: {
        sameSchoolTeacher: 'own-data-only',
        student: 'own-data-only',
        otherDistrictAdmin: 403,
        signedOut: 401,
      },
    },
    {
      route: 'GET /api/know/profile/mine',
      call: (c) => c.get('/api/know/profile/mine'),
      expect: {
        sameSchoolTeacher: 403,
        otherDistrictAdmin: 403,
        student: 'own-data-only',
        signedOut: 401,
      },
    },
    {
      route: 'PUT /api/know/profile/mine',
      call: (c) =>
        c.put('/api/know/profile/mine', { fields: { goals: { value: 'mine', shared: false } } }),
      expect: {
        sameSchoolTeacher: 403,
        otherDistrictTeacher: 403,
        otherDistrictAdmin: 403,
        student: 'own-data-only',
        signedOut: 401,
      },
    },
    {
      route: 'GET /api/know/students',
      call: (c) => c.get('/api/know/students'),
      expect: {
        sameSchoolTeacher: 'own-data-only',
        otherDistrictTeacher: 'own-data-only',
        otherDistrictAdmin: 403,
        student: 403,
        signedOut: 401,
      },
    },
    {
      route: 'POST /api/know/students/:studentId/links',
      call: (c, w) => c.post(`/api/know/students/${w.studentId}/links`),
      expect: TEACHERS_OWN_STUDENT,
    },
    {
      route: 'DELETE /api/know/students/:studentId/links',
      call: (c, w) => c.delete(`/api/know/students/${w.studentId}/links`),
      expect: TEACHERS_OWN_STUDENT,
    },
    {
      route: 'GET /api/know/students/:studentId/profile',
      call: (c, w) => c.get(`/api/know/students/${w.studentId}/profile`),
      expect: {
        sameSchoolTeacher: 404,
        otherDistrictTeacher: 404,
        otherDistrictAdmin: 404,
        student: 403,
        signedOut: 401,
      },
    },
    // Insights: what a teacher learns about their own students, their predictions and accuracy.
    {
      route: 'GET /api/insights/students/:studentId/commonalities',
      call: (c, w) => c.get(`/api/insights/students/${w.studentId}/commonalities`),
      expect: TEACHERS_OWN_STUDENT,
    },
    {
      route: 'GET /api/insights/classes/:classId/overview',
      call: (c, w) => c.get(`/api/insights/classes/${w.classId}/overview`),
      expect: TEACHERS_OWN_STUDENT,
    },
    {
      route: 'GET /api/insights/me/commonalities',
      call: (c) => c.get('/api/insights/me/commonalities'),
      expect: {
        sameSchoolTeacher: 403,
        otherDistrictAdmin: 403,
        student: 'own-data-only',
        signedOut: 401,
      },
    },
    {
      route: 'GET /api/insights/students/:studentId/predictions',
      call: (c, w) => c.get(`/api/insights/students/${w.studentId}/predictions`),
      expect: TEACHERS_OWN_STUDENT,
    },
    {
      route: 'PUT /api/insights/students/:studentId/predictions/:itemId',
      call: (c, w) =>
        c.put(`/api/insights/students/${w.studentId}/predictions/values`, {
          optionIds: ['family'],
        }),
      expect: TEACHERS_OWN_STUDENT,
    },
    {
      route: 'POST /api/insights/students/:studentId/reveal',
      call: (c, w) => c.post(`/api/insights/students/${w.studentId}/reveal`),
      expect: TEACHERS_OWN_STUDENT,
    },
    {
      route: 'GET /api/insights/accuracy',
      call: (c) => c.get('/api/insights/accuracy'),
      expect: {
        sameSchoolTeacher: 'own-data-only',
        otherDistrictAdmin: 403,
        student: 403,
        signedOut: 401,
      },
    },
    // The equity lens is the teacher's own: every teacher reads only theirs; nobody else any.
    {
      route: 'GET /api/insights/equity-lens',
      call: (c) => c.get('/api/insights/equity-lens'),
      expect: {
        sameSchoolTeacher: 'own-data-only',
        otherDistrictTeacher: 'own-data-only',
        otherDistrictAdmin: 403,
        student: 403,
        signedOut: 401,
      },
    },
    {
      route: 'GET /api/insights/schools/:schoolId/settings',
      call: (c, w) => c.get(`/api/insights/schools/${w.schoolId}/settings`),
      expect: { ...ADMIN_ONLY, otherDistrictAdmin: 404 },
    },
    {
      route: 'PUT /api/insights/schools/:schoolId/settings',
      call: (c, w) =>
        c.put(`/api/insights/schools/${w.schoolId}/settings`, { studentsSeeCommonalities: true }),
      expect: { ...ADMIN_ONLY, otherDistrictAdmin: 404 },
    },
    {
      route: 'GET /api/auth/session',
      call: (c) => c.get('/api/auth/session'),
      expect: { otherDistrictTeacher: 'own-data-only', student: 'own-data-only', signedOut: 401 },
    },
    {
      route: 'PUT /api/auth/locale',
      call: (c) => c.put('/api/auth/locale', { locale: 'es' }),
      expect: { signedOut: 401 },
    },
    {
      route: 'POST /api/auth/sign-out',
      call: (c) => c.post('/api/auth/sign-out'),
      expect: { signedOut: 401 },
    },
  ];
  const SURVEY_TAKING = {
    sameSchoolTeacher: 404,
    otherDistrictTeacher: 404,
    otherDistrictAdmin: 403,
    student: 404,
    signedOut: 401,
  } as const;
  const SURVEY_RUNNING = {
    sameSchoolTeacher: 403,
    otherDistrictTeacher: 403,
    otherDistrictAdmin: 'own-data-only',
    student: 403,
    signedOut: 401,
  } as const;
  routes.push(
    {
      route: 'GET /api/surveys/administrations',
      call: (c) => c.get('/api/surveys/administrations'),
      expect: SURVEY_RUNNING,
    },
    {
      route: 'GET /api/surveys/administrations/setup',
      call: (c) => c.get('/api/surveys/administrations/setup'),
      expect: SURVEY_RUNNING,
    },
    {
      route: 'POST /api/surveys/administrations',
      call: (c, w) =>
        c.post('/api/surveys/administrations', {
          instrumentId: 'classroom-climate',
          schoolYear: '2026-2027',
          wave: 'spring',
          opensAt: '2026-11-20T00:00:00.000Z',
          closesAt: '2026-12-04T00:00:00.000Z',
          languages: ['en'],
          mode: 'anonymous',
          classIds: [w.surveyClassId],
          grades: [],
        }),
      // Another district's admin cannot name the owner's class: it is not in their district.
      expect: { ...SURVEY_RUNNING, otherDistrictAdmin: 400 },
    },
    // Editing, closing and cancelling: another district's admin cannot find the owner's.
    {
      route: 'PATCH /api/surveys/administrations/:administrationId',
      call: (c, w) =>
        c.patch(`/api/surveys/administrations/${w.surveyAdmId}`, {
          title: 'Taken over',
          closesAt: '2026-12-20T00:00:00.000Z',
        }),
      expect: { ...SURVEY_RUNNING, otherDistrictAdmin: 404 },
    },
    {
      route: 'POST /api/surveys/administrations/:administrationId/close',
      call: (c, w) => c.post(`/api/surveys/administrations/${w.surveyAdmId}/close`),
      expect: { ...SURVEY_RUNNING, otherDistrictAdmin: 404 },
    },
    {
      route: 'DELETE /api/surveys/administrations/:administrationId',
      call: (c, w) => c.delete(`/api/surveys/administrations/${w.surveyAdmId}`),
      expect: { ...SURVEY_RUNNING, otherDistrictAdmin: 404 },
    },
    {
      route: 'POST /api/surveys/administrations/:administrationId/links',
      call: (c, w) =>
        c.post(`/api/surveys/administrations/${w.surveyAdmId}/links`, { classId: w.surveyClassId }),
      expect: { ...SURVEY_TAKING, student: 403 },
    },
    {
      route: 'GET /api/surveys/open',
      call: (c) => c.get('/api/surveys/open'),
      expect: {
        sameSchoolTeacher: 'own-data-only',
        otherDistrictTeacher: 'own-data-only',
        otherDistrictAdmin: 403,
        student: 'own-data-only',
        signedOut: 401,
      },
    },
    {
      route: 'GET /api/surveys/administrations/:administrationId/take',
      call: (c, w) =>
        c.get(`/api/surveys/administrations/${w.surveyAdmId}/take?subject=${w.surveyClassId}`),
      expect: SURVEY_TAKING,
    },
    {
      route: 'PUT /api/surveys/administrations/:administrationId/draft',
      call: (c, w) =>
        c.put(`/api/surveys/administrations/${w.surveyAdmId}/draft`, {
          subjectKey: w.surveyClassId,
          itemId: 'cc-climate-1',
          value: 1,
        }),
      expect: SURVEY_TAKING,
    },
    {
      route: 'POST /api/surveys/administrations/:administrationId/responses',
      call: (c, w) =>
        c.post(`/api/surveys/administrations/${w.surveyAdmId}/responses`, {
          responseId: crypto.randomUUID(),
          subjectKey: w.surveyClassId,
          language: 'en',
          answers: [{ itemId: 'cc-climate-1', value: 1 }],
        }),
      expect: SURVEY_TAKING,
    },
  );
  const publicRoutes = [
    'GET /healthz',
    'POST /api/auth/sign-in',
    // One-time links: redeeming needs no sign-in; the link is the credential (platform/links).
    'POST /api/links/redeem',
    'GET /api/links/session',
  ];

  for (const r of routes) {
    for (const [who, expected] of Object.entries(r.expect) as Array<
      [Intruder, number | 'own-data-only']
    >) {
      it(`${r.route} refuses ${who}`, async () => {
        const res = await r.call(w.intruders[who], w);
        const body = res.body;
        // Whatever the status, nothing of the owner's district may appear.
        expect(body).not.toContain(w.ownerStudentName);
        expect(body).not.toContain('secret note');
        expect(body).not.toContain(OWNER_DAY_OFF);
        if (who !== 'sameSchoolTeacher' && who !== 'student')
          expect(body).not.toContain(w.ownerDistrictName);
        if (expected === 'own-data-only') expect(res.statusCode).toBe(200);
        else expect(res.statusCode).toBe(expected);
      });
    }
  }

  it('the owner gets 200 on the same routes (the refusals are not a broken route)', async () => {
    expect((await w.owner.get(`/api/classes/${w.classId}`)).statusCode).toBe(200);
    expect((await w.owner.get(`/api/students/${w.studentId}`)).statusCode).toBe(200);
    expect((await w.owner.get('/api/home/teacher')).statusCode).toBe(200);
    const report = await w.owner.get(
      `/api/survey-reports/${w.surveyAdministrationId}/class/${w.classId}`,
    );
    expect(report.statusCode).toBe(200);
    expect(report.json().groups[0].n).toBe(5);
    const profile = await w.owner.get(`/api/know/students/${w.studentId}/profile`);
    expect(profile.json().shared).toEqual([{ field: 'teacher_should_know', value: 'secret note' }]);
  });

  it("another district's admin exports their own roster, none of this district's", async () => {
    const res = await w.intruders.otherDistrictAdmin.get('/api/rostering/export');
    expect(res.statusCode).toBe(200);
    // The zip is compressed: read it back before looking for names.
    const files = await readZip(res.rawPayload);
    const text = [...files.values()].join('\n');
    expect(text).not.toContain(w.ownerStudentName);
    expect(text).not.toContain(w.ownerDistrictName);
    expect(text).not.toContain(w.studentId);
    expect(text).not.toContain(w.classId);
    // Not an empty file set: their own two students are there.
    const users = parseCsv(files.get('users.csv')!).rows;
    expect(users.filter((u) => u.grades !== '')).toHaveLength(2);
  });

  // POST /api/interactions as a student's page sends it: a short note or a relationship action,
  // with no class (the server finds the class the teacher shares with the student). Same
  // refusals as the class view's taps, and the request records nothing (checked below).
  const PAGE_LOG_REFUSALS: Record<Intruder, number> = {
    sameSchoolTeacher: 403,
    otherDistrictTeacher: 403,
    otherDistrictAdmin: 403,
    student: 403,
    signedOut: 401,
  };
  for (const [who, expected] of Object.entries(PAGE_LOG_REFUSALS) as Array<[Intruder, number]>) {
    for (const kind of ['note', 'repair'] as const) {
      it(`POST /api/interactions (a ${kind} from a student's page, no class) refuses ${who}`, async () => {
        const res = await w.intruders[who].post('/api/interactions', {
          clientId: `page-${kind}-${Math.random().toString(36).slice(2, 10)}`,
          kind,
          studentIds: [w.studentId],
          note: 'intruder note',
        });
        expect(res.statusCode).toBe(expected);
        expect(res.body).not.toContain(w.ownerStudentName);
        expect(res.body).not.toContain('secret note');
      });
    }
  }

  it("an intruder's attempts changed nothing", async () => {
    const rows = await db.kysely
      .selectFrom('interactions')
      .select(['kind', 'undone_at'])
      .where('student_id', '=', w.studentId)
      .execute();
    expect(rows.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: 'affirmation', undone_at: null },
      { kind: 'correction', undone_at: null },
    ]);
    // The owner's "not needed" mark is the only one, and no intruder undid it.
    const marks = await db.kysely
      .selectFrom('repair_closures')
      .select(['client_id', 'undone_at'])
      .where('student_id', '=', w.studentId)
      .execute();
    expect(marks).toEqual([{ client_id: OWNER_MARK, undone_at: null }]);
    const plans = await db.kysely
      .selectFrom('plans')
      .select(['status', 'reflection'])
      .where('student_id', '=', w.studentId)
      .execute();
    expect(plans).toEqual([{ status: 'active', reflection: null }]);
    for (const table of [
      'incidents',
      'dyad_stages',
      'dyad_flags',
      'focus_dismissals',
      'predictions',
      'prediction_reveals',
    ] as const) {
      const found = await db.kysely
        .selectFrom(table)
        .select('student_id')
        .where('student_id', '=', w.studentId)
        .execute();
      expect(found, table).toEqual([]);
    }
    // (The closed administration for the report routes has its own five responses.)
    const intruderResponses = await db.kysely
      .selectFrom('survey_responses')
      .select('id')
      .where('administration_id', '=', w.surveyAdmId)
      .execute();
    expect(intruderResponses).toEqual([]);
    // Nobody edited, closed or cancelled the owner's open administration.
    const adm = await db.kysely
      .selectFrom('survey_administrations')
      .select(['title', 'closes_at'])
      .where('id', '=', w.surveyAdmId)
      .where('district_id', 'in', (q) =>
        q.selectFrom('districts').select('id').where('name', '=', w.ownerDistrictName),
      )
      .execute();
    expect(adm).toEqual([{ title: null, closes_at: '2026-12-04T00:00:00.000Z' }]);
    for (const table of ['survey_participations', 'one_time_links'] as const) {
      const found = await db.kysely
        .selectFrom(table)
        .select('district_id')
        .where('district_id', 'in', (q) =>
          q.selectFrom('districts').select('id').where('name', '=', w.ownerDistrictName),
        )
        .execute();
      expect(found, table).toEqual([]);
    }
    const daysOff = await db.kysely
      .selectFrom('days_off as d')
      .innerJoin('districts as x', 'x.id', 'd.district_id')
      .select(['d.date', 'd.reason', 'd.source'])
      .where('x.name', '=', w.ownerDistrictName)
      .execute();
    expect(daysOff).toEqual([{ date: '2026-12-04', reason: OWNER_DAY_OFF, source: 'ics' }]);
    const settings = await db.kysely
      .selectFrom('school_insight_settings')
      .select('school_id')
      .where('school_id', '=', w.schoolId)
      .execute();
    expect(settings).toEqual([]);
  });

  it('covers every route the app registers', () => {
    const registered = app.policyRoutes.map((r) => `${r.method} ${r.url}`).sort();
    const covered = [...routes.map((r) => r.route), ...publicRoutes].sort();
    expect(registered).toEqual(covered);
    for (const r of app.policyRoutes) {
      if (!publicRoutes.includes(`${r.method} ${r.url}`)) expect(r.policy).not.toBe('public');
    }
  });
});
