// Surveys in a real browser: a student answers on a phone, a leader sees response rates, a
// one-time link opens a survey without signing in (and works once).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildClassroom, buildStaff } from '../test/factories.js';
import { signIn } from '../test/harness.js';
import {
  TODAY,
  browserAvailable,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectText,
  openPage,
  signInThroughPage,
  startHarness,
  type Harness,
} from './harness.js';

describe.skipIf(!browserAvailable)('surveys', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function schoolWithSurvey() {
    const room = await buildClassroom(h.db.kysely, {
      today: TODAY,
      studentNames: [
        { given: 'Ana', family: 'Lopez' },
        { given: 'Ben', family: 'Okafor' },
        { given: 'Cy' },
      ],
    });
    const leader = await buildStaff(h.db.kysely, {
      districtId: room.district.id,
      schoolId: room.school.id,
      role: 'leader',
    });
    const lead = await signIn(h.app, leader.account.username, leader.account.password);
    const created = await lead.post('/api/surveys/administrations', {
      instrumentId: 'classroom-climate',
      schoolYear: '2026-2027',
      wave: 'fall',
      opensAt: '2026-11-20T00:00:00.000Z',
      closesAt: '2026-12-04T00:00:00.000Z',
      languages: ['en', 'es'],
      mode: 'anonymous',
      classIds: [room.cls.id],
      grades: [],
    });
    expect(created.statusCode, created.body).toBe(201);
    return { room, leader, admId: created.json().id as string };
  }

  it(
    'a student answers one question per screen on a 375 px phone and sends the answers',
    { timeout: 90_000 },
    async () => {
      const { room, admId } = await schoolWithSurvey();
      const account = await buildAccount(h.db.kysely, {
        districtId: room.district.id,
        role: 'student',
        personId: room.students[0]!.id,
        schoolId: room.school.id,
      });
      const { page, pageErrors } = await openPage(h, { viewport: { width: 375, height: 740 } });
      await signInThroughPage(page, account);
      await page.getByRole('heading', { level: 2, name: 'Your surveys' }).waitFor();
      await expectNoAxeViolations(page, 'student home');
      await page.getByRole('link', { name: /This class/ }).click();
      await page.getByText('Question 1 of 10').waitFor();
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, 'survey question at 375 px');
      await page.getByLabel('Almost always').check();
      await expectText(page.getByRole('status').filter({ hasText: /Sav/ }), 'Saved');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByText('Question 2 of 10').waitFor();
      await page.getByRole('button', { name: 'Skip' }).click();
      await page.getByText('Question 3 of 10').waitFor();
      await page.getByRole('button', { name: 'Back' }).click();
      await page.getByText('Question 2 of 10').waitFor();
      for (let i = 2; i <= 10; i++) await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('heading', { name: 'Ready to send?' }).waitFor();
      await expectText(page.locator('.question-flow'), 'You answered 1 of 10 questions');
      await expectNoAxeViolations(page, 'survey review at 375 px');
      await page.getByRole('button', { name: 'Send my answers' }).click();
      await page.getByRole('heading', { name: 'Thank you!' }).waitFor();
      const rows = await h.db.kysely
        .selectFrom('survey_responses as r')
        .innerJoin('survey_answers as a', 'a.response_id', 'r.id')
        .select(['r.respondent_id', 'a.item_id', 'a.value'])
        .where('r.administration_id', '=', admId)
        .execute();
      expect(rows).toEqual([{ respondent_id: null, item_id: 'cc-climate-1', value: 5 }]);
      expect(pageErrors).toEqual([]);
    },
  );

  it(
    'a leader sees the administrations with their response rates and the form to start one',
    { timeout: 60_000 },
    async () => {
      const { room, leader } = await schoolWithSurvey();
      const { page, pageErrors } = await openPage(h);
      await signInThroughPage(page, leader.account);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectNoAxeViolations(page, 'leader home');
      await page.goto('/surveys/administrations');
      await page.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
      const row = page.getByRole('row', { name: /This class/ });
      await expectText(row, '0 of 3 (0%)');
      await expectText(row, 'Anonymous');
      await page.getByLabel('Last day').waitFor();
      await expectNoAxeViolations(page, 'administrations page');

      // A new survey from Monday 23 November to Friday 4 December: open from the start of the 23rd to the end
      // of that Friday on the district's clock (Chicago), and listed with those two days.
      await page
        .getByLabel('Survey', { exact: true })
        .selectOption({ label: 'You and this teacher' });
      await page.getByLabel('Wave').selectOption('winter');
      await page.getByLabel('Opens on').fill('2026-11-23'); // the app's today
      await page.getByLabel('Last day').fill('2026-12-04');
      await page.getByRole('checkbox', { name: /Science 7/ }).check();
      await page.getByRole('button', { name: 'Start survey' }).click();
      await page.getByRole('status').filter({ hasText: 'Survey created.' }).waitFor();
      const created = page.getByRole('row', { name: /You and this teacher/ });
      await expectText(created, 'Nov 23, 2026 – Dec 4, 2026 (open)');
      const stored = await h.db.kysely
        .selectFrom('survey_administrations')
        .select(['opens_at', 'closes_at'])
        .where('district_id', '=', room.district.id)
        .where('wave_id', 'in', (eb) =>
          eb
            .selectFrom('survey_waves')
            .select('id')
            .where('district_id', '=', room.district.id)
            .where('name', '=', 'winter'),
        )
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({
        opens_at: '2026-11-23T06:00:00.000Z', // midnight in Chicago (CST)
        closes_at: '2026-12-05T06:00:00.000Z', // the end of Friday 4 December there
      });
      await expectNoAxeViolations(page, 'administrations page with a new survey');
      expect(pageErrors).toEqual([]);
    },
  );

  it(
    "a district admin chooses a school, then that school's classes",
    { timeout: 60_000 },
    async () => {
      const { room } = await schoolWithSurvey();
      const admin = await buildAccount(h.db.kysely, {
        districtId: room.district.id,
        role: 'district_admin',
      });
      const { page, pageErrors } = await openPage(h);
      await signInThroughPage(page, admin);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectNoAxeViolations(page, 'district admin home');
      await page.goto('/surveys/administrations');
      const school = page.getByLabel('School', { exact: true });
      await school.waitFor();
      // District-wide by default: grades to choose, no list of every class in the district.
      expect(await page.getByRole('checkbox', { name: /Science 7/ }).count()).toBe(0);
      await school.selectOption({ label: room.school.name });
      await page.getByRole('checkbox', { name: /Science 7/ }).waitFor();
      await expectNoAxeViolations(page, 'administrations page, district admin');
      expect(pageErrors).toEqual([]);
    },
  );

  it('a one-time link opens the survey without signing in, once', { timeout: 60_000 }, async () => {
    const { room, admId } = await schoolWithSurvey();
    const teacher = await signIn(
      h.app,
      room.teacher.account.username,
      room.teacher.account.password,
    );
    const links = await teacher.post(`/api/surveys/administrations/${admId}/links`, {
      classId: room.cls.id,
    });
    expect(links.statusCode, links.body).toBe(201);
    const ben = links.json().links.find((l: { name: string }) => l.name.startsWith('Ben'));
    const first = await openPage(h, { viewport: { width: 375, height: 740 } });
    await first.page.goto(`/l/${ben.code}`);
    await first.page.getByRole('heading', { level: 1, name: 'Hi Ben' }).waitFor();
    await first.page.getByRole('link', { name: /This class/ }).waitFor();
    await expectNoAxeViolations(first.page, 'link entry page');
    await first.page.getByRole('link', { name: /This class/ }).click();
    await first.page.getByText('Question 1 of 10').waitFor();
    await expectNoAxeViolations(first.page, 'survey through a link (phone)');

    const again = await openPage(h);
    await again.page.goto(`/l/${ben.code}`);
    await expectText(again.page.getByRole('alert'), 'already been used');
    await expectNoAxeViolations(again.page, 'used link');
    expect([...first.pageErrors, ...again.pageErrors]).toEqual([]);
  });

  it(
    'a teacher rates a relationship with a student from the home page (confidential, linked)',
    { timeout: 90_000 },
    async () => {
      const { room, leader } = await schoolWithSurvey();
      const lead = await signIn(h.app, leader.account.username, leader.account.password);
      const created = await lead.post('/api/surveys/administrations', {
        instrumentId: 'teacher-student-relationship',
        schoolYear: '2026-2027',
        wave: 'fall',
        opensAt: '2026-11-20T00:00:00.000Z',
        closesAt: '2026-12-04T00:00:00.000Z',
        languages: ['en'],
        mode: 'confidential',
        classIds: [room.cls.id],
        grades: [],
      });
      expect(created.statusCode, created.body).toBe(201);
      const { page, pageErrors } = await openPage(h);
      await signInThroughPage(page, room.teacher.account);
      await page.getByRole('heading', { level: 2, name: 'Your surveys' }).waitFor();
      await expectNoAxeViolations(page, 'teacher home with open surveys');
      await page.getByRole('link', { name: /Your relationship with each student · Ben/ }).click();
      await page.getByText(/Question 1 of/).waitFor();
      await expectNoAxeViolations(page, 'teacher rating a student');
      await page.getByLabel('Quite a bit').check();
      await expectText(page.getByRole('status').filter({ hasText: /Sav/ }), 'Saved');
      const total = Number(
        /of (\d+)/.exec((await page.getByText(/Question 1 of/).textContent())!)![1],
      );
      for (let i = 1; i <= total; i++) await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('heading', { name: 'Ready to send?' }).waitFor();
      await page.getByRole('button', { name: 'Send my answers' }).click();
      await page.getByRole('heading', { name: 'Thank you!' }).waitFor();
      const rows = await h.db.kysely
        .selectFrom('survey_responses as r')
        .innerJoin('survey_answers as a', 'a.response_id', 'r.id')
        .select(['r.respondent_id', 'r.about_student_id', 'a.item_id', 'a.value'])
        .where('r.administration_id', '=', created.json().id as string)
        .execute();
      const ben = room.students.find((s) => s.given_name === 'Ben')!;
      expect(rows).toEqual([
        {
          respondent_id: room.teacher.person.id,
          about_student_id: ben.id,
          item_id: 'tsr-closeness-1',
          value: 4,
        },
      ]);
      expect(pageErrors).toEqual([]);
    },
  );
});
