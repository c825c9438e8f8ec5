// Survey reports through the HTTP API on a real database: the figures of hand-built
// administrations, who may open what, audit entries, CSV, and that nothing any viewer can get
// lets one anonymous answer be worked out by subtraction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupView, ReportResponse } from '../../../contracts/survey-reports.js';
import type { Db } from '../../platform/db/database.js';
import type { App } from '../../platform/http/app.js';
import {
  buildClass,
  buildClassroom,
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
import { attackableSizes, type KnownGroup } from '../../../../test/survey-attacks.js';
import {
  buildAdministration,
  buildResponse,
  buildWave,
  ratingAnswers,
  relationshipAnswers,
} from '../../../../test/survey-factories.js';

const NOW = new Date('2027-01-15T15:00:00Z');
const TODAY = '2027-01-15';

// Class → (grade, fall scores, spring scores). Teacher T teaches A and B; U teaches C and D.
const CLASSES = {
  A: { grade: '7', teacher: 'T', fall: [4, 4, 4, 5, 5, 5, 3, 4], spring: [5, 5, 5, 5, 4, 4, 5, 5] },
  B: { grade: '7', teacher: 'T', fall: [1, 2, 2], spring: [2, 2, 2] },
  C: { grade: '8', teacher: 'U', fall: [3, 3, 3, 3, 4, 4, 4], spring: [3, 3, 3, 3, 4, 4, 4] },
  D: { grade: '8', teacher: 'U', fall: [2, 2, 3, 3, 4, 4], spring: [2, 2, 3, 3, 4, 4] },
} as const;
type ClassName = keyof typeof CLASSES;

const group = (r: ReportResponse, kind: string, id: string): GroupView =>
  r.groups.find((g) => g.kind === kind && g.id === id)!;

describe.each(testDialects())('survey reports on $name', ({ target }) => {
  let db: Db;
  let app: App;
  const ids = {} as Record<ClassName | 'T' | 'U' | 'school' | 'fall' | 'spring' | 'open', string>;
  /** Response ids of the fall administration, by class. */
  const fallResponses: Record<string, string[]> = {};
  let teacherT: Client;
  let teacherU: Client;
  let leader: Client;
  let admin: Client;
  let districtId: string;

  beforeAll(async () => {
    db = await openTestDb(target());
    app = await buildTestApp(db, { now: () => NOW });
    const k = db.kysely;
    const room = await buildClassroom(k, { today: TODAY, students: 0 });
    districtId = room.district.id;
    ids.school = room.school.id;
    ids.T = room.teacher.person.id;
    const u = await buildStaff(k, { districtId, schoolId: ids.school, role: 'teacher' });
    ids.U = u.person.id;
    const lead = await buildStaff(k, { districtId, schoolId: ids.school, role: 'leader' });
    const adm = await buildStaff(k, { districtId, schoolId: null, role: 'district_admin' });
    ids.A = room.cls.id;
    for (const name of ['B', 'C', 'D'] as const) {
      const c = await buildClass(k, {
        districtId,
        schoolId: ids.school,
        termId: room.term.id,
        title: `Class ${name}`,
      });
      ids[name] = c.id;
      await enroll(k, {
        districtId,
        classId: c.id,
        personId: CLASSES[name].teacher === 'T' ? ids.T : ids.U,
        role: 'teacher',
      });
    }
    for (const name of Object.keys(CLASSES) as ClassName[])
      for (let i = 0; i < CLASSES[name].fall.length; i++) {
        const s = await buildStudent(k, {
          districtId,
          schoolId: ids.school,
          grade: CLASSES[name].grade,
        });
        await enroll(k, { districtId, classId: ids[name], personId: s.id, role: 'student' });
      }
    const fall = await buildWave(k, { districtId, name: 'fall' });
    const spring = await buildWave(k, { districtId, name: 'spring' });
    const winter = await buildWave(k, { districtId, name: 'winter' });
    const classIds = (Object.keys(CLASSES) as ClassName[]).map((c) => ids[c]);
    const common = { districtId, schoolId: ids.school, accountId: adm.account.id, classIds };
    const fallAdmin = await buildAdministration(k, {
      ...common,
      waveId: fall.id,
      opensAt: '2026-10-01T12:00:00.000Z',
      closesAt: '2026-10-20T12:00:00.000Z',
    });
    const springAdmin = await buildAdministration(k, {
      ...common,
      waveId: spring.id,
      opensAt: '2027-01-05T12:00:00.000Z',
      closesAt: '2027-01-10T12:00:00.000Z',
    });
    const openAdmin = await buildAdministration(k, {
      ...common,
      waveId: winter.id,
      opensAt: '2027-01-12T12:00:00.000Z',
      closesAt: '2027-02-01T12:00:00.000Z',
    });
    ids.fall = fallAdmin.id;
    ids.spring = springAdmin.id;
    ids.open = openAdmin.id;
    for (const name of Object.keys(CLASSES) as ClassName[]) {
      const c = CLASSES[name];
      const where = {
        districtId,
        schoolId: ids.school,
        classId: ids[name],
        teacherId: c.teacher === 'T' ? ids.T : ids.U,
        grade: c.grade,
      };
      fallResponses[name] = [];
      for (const v of c.fall)
        fallResponses[name].push(
          await buildResponse(k, {
            ...where,
            administrationId: fallAdmin.id,
            answers: relationshipAnswers(v),
          }),
        );
      for (const v of c.spring)
        await buildResponse(k, {
          ...where,
          administrationId: springAdmin.id,
          answers: relationshipAnswers(v),
        });
      // One answer in the open window: it must not show anywhere.
      await buildResponse(k, {
        ...where,
        administrationId: openAdmin.id,
        answers: relationshipAnswers(1),
      });
    }
    teacherT = await signIn(app, room.teacher.account.username, room.teacher.account.password);
    teacherU = await signIn(app, u.account.username, u.account.password);
    leader = await signIn(app, lead.account.username, lead.account.password);
    admin = await signIn(app, adm.account.username, adm.account.password);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const audits = async () =>
    db.kysely
      .selectFrom('audit_log')
      .select(['action', 'subject_type', 'subject_id', 'actor_role'])
      .where('district_id', '=', districtId)
      .where('subject_type', 'like', 'survey_report%')
      .execute();

  it("a teacher's own report: the teacher's figures, a small class as 'fewer than 5', its complement hidden", async () => {
    const res = await teacherT.get(`/api/survey-reports/${ids.fall}/teacher/${ids.T}`);
    expect(res.statusCode).toBe(200);
    const r = res.json() as ReportResponse;
    expect(r.minimum).toBe(5);
    const t = group(r, 'teacher', ids.T);
    expect(t.n).toBe(11);
    expect(t.invited).toBe(11);
    expect(t.responseRate).toBe(1);
    const connection = t.scales.find((s) => s.key === 'connection')!;
    // (4+4+4+5+5+5+3+4) + (1+2+2) = 39 over 11 respondents.
    expect(connection.figures!.score).toBeCloseTo(39 / 11, 12);
    expect(connection.figures!.n).toBe(11);
    // Favourable: 7 respondents answered 4 or 5 on all six items: 42 of 66 answers.
    expect(connection.figures!.favourable).toBeCloseTo(42 / 66, 12);
    expect(connection.figures!.distribution).toEqual([6, 12, 6, 24, 18]);
    // The fall is the first wave: nothing to compare with.
    expect(r.previous).toBeNull();
    expect(connection.change).toBeNull();
    const b = group(r, 'class', ids.B);
    expect(b.hidden).toEqual({ reason: 'small', minimum: 5 });
    expect(b.n).toBeNull();
    expect(b.scales.every((s) => s.figures === null)).toBe(true);
    // Class A would be T − B: hidden too, with a reason that is not a size.
    expect(group(r, 'class', ids.A).hidden).toEqual({ reason: 'complementary', minimum: 5 });
    expect(await audits()).toEqual([]);
  });

  it('shows a change against the previous wave', async () => {
    const res = await teacherT.get(`/api/survey-reports/${ids.spring}/teacher/${ids.T}`);
    const r = res.json() as ReportResponse;
    expect(r.previous?.administrationId).toBe(ids.fall);
    const c = group(r, 'teacher', ids.T).scales[0]!.change!;
    expect(c.before.n).toBe(11);
    expect(c.before.mean).toBeCloseTo(39 / 11, 12);
    expect(c.after.n).toBe(11);
    expect(c.after.mean).toBeCloseTo(4, 12);
    // Spring 44 over 11 vs fall 39 over 11: +5/11, with an interval around it.
    expect(c.difference).toBeCloseTo(5 / 11, 12);
    expect(c.ci95[0]).toBeLessThan(c.difference);
    expect(c.ci95[1]).toBeGreaterThan(c.difference);
  });

  it("a teacher opens their own class's report; another teacher's class or report is not found", async () => {
    const own = await teacherU.get(`/api/survey-reports/${ids.fall}/class/${ids.C}`);
    expect(own.statusCode).toBe(200);
    const c = group(own.json(), 'class', ids.C);
    expect(c.n).toBe(7);
    expect(c.scales[0]!.figures!.score).toBeCloseTo(24 / 7, 12);
    expect((await teacherT.get(`/api/survey-reports/${ids.fall}/class/${ids.C}`)).statusCode).toBe(
      404,
    );
    expect(
      (await teacherT.get(`/api/survey-reports/${ids.fall}/teacher/${ids.U}`)).statusCode,
    ).toBe(404);
    expect(
      (await teacherT.get(`/api/survey-reports/${ids.fall}/school/${ids.school}`)).statusCode,
    ).toBe(404);
  });

  it('shows nothing of an administration whose window is still open', async () => {
    const res = await teacherT.get(`/api/survey-reports/${ids.open}/teacher/${ids.T}`);
    expect(res.statusCode).toBe(409);
    const list = (await teacherT.get('/api/survey-reports')).json();
    const listed = list.administrations.map(
      (a: { administration: { id: string } }) => a.administration.id,
    );
    expect(listed).toContain(ids.fall);
    expect(listed).not.toContain(ids.open);
  });

  it('a leader sees the school with its grades; teacher-level only when the district allows it, audited', async () => {
    const school = await leader.get(`/api/survey-reports/${ids.fall}/school/${ids.school}`);
    expect(school.statusCode).toBe(200);
    const r = school.json() as ReportResponse;
    expect(group(r, 'school', ids.school).n).toBe(24);
    expect(group(r, 'school', ids.school).invited).toBe(24);
    expect(group(r, 'grade', '7').n).toBe(11);
    // No class or teacher rows in a school report; no demographics for anonymous answers.
    expect(r.groups.map((g) => g.kind).sort()).toEqual(['grade', 'grade', 'school']);
    expect(await audits()).toEqual([]);

    expect((await leader.get(`/api/survey-reports/${ids.fall}/teacher/${ids.T}`)).statusCode).toBe(
      404,
    );
    const put = await admin.put('/api/survey-reports/settings', {
      minGroupSize: null,
      leadersSeeTeachers: true,
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ minGroupSize: 5, leadersSeeTeachers: true });
    const t = await leader.get(`/api/survey-reports/${ids.fall}/teacher/${ids.T}`);
    expect(t.statusCode).toBe(200);
    expect((await audits()).filter((a) => a.action !== 'update')).toEqual([
      {
        action: 'read',
        subject_type: 'survey_report_teacher',
        subject_id: ids.T,
        actor_role: 'leader',
      },
    ]);
    await admin.put('/api/survey-reports/settings', {
      minGroupSize: null,
      leadersSeeTeachers: false,
    });
  });

  it('refuses a minimum below 3, naming the field, and changes nothing', async () => {
    const res = await admin.put('/api/survey-reports/settings', {
      minGroupSize: 2,
      leadersSeeTeachers: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toContain('minGroupSize');
    expect((await admin.get('/api/survey-reports/settings')).json()).toMatchObject({
      minGroupSize: 5,
      leadersSeeTeachers: false,
    });
  });

  it('a district admin reading a class report is audited; a CSV export is audited and says "fewer than 5"', async () => {
    const before = (await audits()).length;
    expect((await admin.get(`/api/survey-reports/${ids.fall}/class/${ids.C}`)).statusCode).toBe(
      200,
    );
    const csv = await teacherT.get(`/api/survey-reports/${ids.fall}/teacher/${ids.T}/csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    const classB = lines.filter((l) => l.includes('Class B'));
    expect(classB.length).toBeGreaterThan(0);
    for (const l of classB) {
      expect(l).toContain('fewer than 5');
      expect(l.split(',').slice(4).join(',')).not.toMatch(/\d\.\d/);
    }
    const teacherRow = lines.find((l) => l.includes(',teacher,') && l.includes('Connection'))!;
    expect(teacherRow).toContain('3.55'); // 39 / 11
    const after = await audits();
    expect(after.slice(before)).toEqual(
      expect.arrayContaining([
        {
          action: 'read',
          subject_type: 'survey_report_class',
          subject_id: ids.C,
          actor_role: 'district_admin',
        },
        {
          action: 'export',
          subject_type: 'survey_report_teacher',
          subject_id: ids.T,
          actor_role: 'teacher',
        },
      ]),
    );
  });

  it('privacy: nothing any viewer can get lets an anonymous answer be worked out by subtraction', async () => {
    // Every group any viewer can see in any report, with its members (known to the test only).
    const members = (kind: string, id: string): string[] => {
      const all = Object.keys(CLASSES) as ClassName[];
      if (kind === 'school') return all.flatMap((c) => fallResponses[c]!);
      if (kind === 'class') return fallResponses[all.find((c) => ids[c] === id)!]!;
      if (kind === 'teacher')
        return all.filter((c) => ids[CLASSES[c].teacher] === id).flatMap((c) => fallResponses[c]!);
      if (kind === 'grade')
        return all.filter((c) => CLASSES[c].grade === id).flatMap((c) => fallResponses[c]!);
      throw new Error(kind);
    };
    await admin.put('/api/survey-reports/settings', {
      minGroupSize: null,
      leadersSeeTeachers: true,
    });
    const visible = new Map<string, KnownGroup>();
    for (const viewer of [teacherT, teacherU, leader, admin]) {
      const list = (await viewer.get('/api/survey-reports')).json();
      const entry = list.administrations.find(
        (a: { administration: { id: string } }) => a.administration.id === ids.fall,
      );
      for (const ref of entry.reports as Array<{ kind: string; id: string }>) {
        const r = (
          await viewer.get(`/api/survey-reports/${ids.fall}/${ref.kind}/${ref.id}`)
        ).json() as ReportResponse;
        for (const g of r.groups) {
          const shown = g.n !== null || g.scales.some((s) => s.figures !== null);
          if (!shown) continue;
          visible.set(`${g.kind}:${g.id}`, {
            key: `${g.kind}:${g.id}`,
            family: g.kind,
            members: members(g.kind, g.id),
          });
        }
      }
    }
    await admin.put('/api/survey-reports/settings', {
      minGroupSize: null,
      leadersSeeTeachers: false,
    });
    // The viewers together see the school, both grades, both teachers and class C.
    expect([...visible.keys()].sort()).toEqual(
      [
        'school:' + ids.school,
        'grade:7',
        'grade:8',
        'teacher:' + ids.T,
        'teacher:' + ids.U,
        'class:' + ids.C,
      ].sort(),
    );
    for (const size of attackableSizes([...visible.values()]))
      expect(size === 0 || size >= 5).toBe(true);
  });
});

describe.each(testDialects())('the dyad perception gap on $name', ({ target }) => {
  let db: Db;
  let app: App;
  let teacher: Client;
  let colleague: Client;
  let leader: Client;
  let schoolId: string;
  let administrationId: string;
  let classId: string;
  let names: string[];

  beforeAll(async () => {
    db = await openTestDb(target());
    app = await buildTestApp(db, { now: () => NOW });
    const k = db.kysely;
    const room = await buildClassroom(k, {
      today: TODAY,
      studentNames: ['Ana', 'Bo', 'Cy', 'Di', 'Ed', 'Flo'].map((given) => ({ given })),
    });
    const districtId = room.district.id;
    classId = room.cls.id;
    names = room.students.map((s) => s.given_name);
    const other = await buildStaff(k, { districtId, schoolId: room.school.id, role: 'teacher' });
    const lead = await buildStaff(k, { districtId, schoolId: room.school.id, role: 'leader' });
    schoolId = room.school.id;
    // Roster demographics (sensitive): three students of each sex.
    for (const [i, s] of room.students.entries())
      await k
        .insertInto('demographics')
        .values({
          district_id: districtId,
          person_id: s.id,
          birth_date: null,
          sex: i < 3 ? 'female' : 'male',
          american_indian_or_alaska_native: null,
          asian: null,
          black_or_african_american: null,
          native_hawaiian_or_other_pacific_islander: null,
          white: null,
          two_or_more_races: null,
          hispanic_or_latino: null,
          country_of_birth_code: null,
          state_of_birth_abbreviation: null,
          city_of_birth: null,
          public_school_residence_status: null,
          active: 1,
          source_modified_at: null,
        })
        .execute();
    const wave = await buildWave(k, { districtId, name: 'fall' });
    const common = {
      districtId,
      schoolId: room.school.id,
      waveId: wave.id,
      accountId: room.teacher.account.id,
      opensAt: '2026-10-01T12:00:00.000Z',
      closesAt: '2026-10-20T12:00:00.000Z',
      classIds: [classId],
    };
    const students = await buildAdministration(k, { ...common, mode: 'confidential' });
    const ratings = await buildAdministration(k, {
      ...common,
      instrumentId: 'teacher-student-relationship',
      respondent: 'teacher',
      mode: 'confidential',
    });
    administrationId = students.id;
    // Student scores: Ana 3 (shares), Bo 5 (shares), the other four 4 (do not share).
    const scores = [3, 5, 4, 4, 4, 4];
    // The teacher's closeness: Bo 2, everyone else 4; conflict 2 for all.
    const closeness = [4, 2, 4, 4, 4, 4];
    for (const [i, s] of room.students.entries()) {
      await buildResponse(k, {
        districtId,
        administrationId: students.id,
        schoolId: room.school.id,
        classId,
        teacherId: room.teacher.person.id,
        grade: '7',
        respondentId: s.id,
        answers: relationshipAnswers(scores[i]!),
        ...(i < 2 ? { sharedWith: room.teacher.person.id } : {}),
      });
      await buildResponse(k, {
        districtId,
        administrationId: ratings.id,
        schoolId: room.school.id,
        respondentId: room.teacher.person.id,
        aboutStudentId: s.id,
        answers: ratingAnswers(closeness[i]!, 2),
      });
    }
    teacher = await signIn(app, room.teacher.account.username, room.teacher.account.password);
    colleague = await signIn(app, other.account.username, other.account.password);
    leader = await signIn(app, lead.account.username, lead.account.password);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  it('shows the class gap, and per student only those who chose to share', async () => {
    const res = await teacher.get(`/api/survey-reports/${administrationId}/gaps/${classId}`);
    expect(res.statusCode).toBe(200);
    const g = res.json();
    // Teacher: (4+2+4+4+4+4)/6 = 22/6; students: (3+5+4·4)/6 = 4.
    expect(g.classGap.rated).toBe(6);
    expect(g.classGap.teacherCloseness).toBeCloseTo(22 / 6, 12);
    expect(g.classGap.studentScore).toBeCloseTo(4, 12);
    expect(g.classGap.gap).toBeCloseTo(22 / 6 - 4, 12);
    expect(g.students).toEqual([
      {
        studentId: expect.any(String),
        displayName: 'Ana',
        closeness: 4,
        conflict: 2,
        studentScore: 3,
        gap: 1,
      },
      {
        studentId: expect.any(String),
        displayName: 'Bo',
        closeness: 2,
        conflict: 2,
        studentScore: 5,
        gap: -3,
      },
    ]);
    for (const n of names.slice(2)) expect(res.body).not.toContain(n);
  });

  it('breaks a confidential school report down by demographics, suppressed below the minimum', async () => {
    const res = await leader.get(`/api/survey-reports/${administrationId}/school/${schoolId}`);
    expect(res.statusCode).toBe(200);
    const r = res.json() as ReportResponse;
    expect(r.groups[0]!.n).toBe(6);
    const sexes = r.groups.filter((g) => g.kind === 'demographic');
    expect(sexes.map((g) => g.id).sort()).toEqual(['sex=female', 'sex=male']);
    for (const g of sexes) {
      expect(g.hidden).toEqual({ reason: 'small', minimum: 5 });
      expect(g.n).toBeNull();
      expect(g.scales.every((s) => s.figures === null)).toBe(true);
    }
    // No name and no student id travel with demographics.
    for (const n of names) expect(res.body).not.toContain(n);
  });

  it("is the class's teacher's alone", async () => {
    expect(
      (await colleague.get(`/api/survey-reports/${administrationId}/gaps/${classId}`)).statusCode,
    ).toBe(404);
  });
});
