// Running surveys after they start, in a real browser on a 390 px phone and by keyboard: a
// leader renames a survey, moves its last day and closes it early; a refused edit names its
// field; a survey is cancelled with its answers; a district admin sets the minimum group size.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildClassroom, buildStaff } from '../test/factories.js';
import { signIn } from '../test/harness.js';
import {
  NOW,
  TODAY,
  browserAvailable,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectText,
  focused,
  openPage,
  signInThroughPage,
  startHarness,
  tabTo,
  type Harness,
} from './harness.js';

const PHONE = { width: 390, height: 844 };

describe.skipIf(!browserAvailable)('running surveys', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function schoolWithSurvey(opts: { answered?: boolean } = {}) {
    const k = h.db.kysely;
    const room = await buildClassroom(k, { today: TODAY, students: 3 });
    const leader = await buildStaff(k, {
      districtId: room.district.id,
      schoolId: room.school.id,
      role: 'leader',
    });
    const lead = await signIn(h.app, leader.account.username, leader.account.password);
    const created = await lead.post('/api/surveys/administrations', {
      instrumentId: 'classroom-climate',
      schoolYear: '2026-2027',
      wave: 'fall',
      opensAt: '2026-11-20T06:00:00.000Z',
      closesAt: '2026-12-05T06:00:00.000Z',
      languages: ['en', 'es'],
      mode: 'anonymous',
      classIds: [room.cls.id],
      grades: [],
    });
    expect(created.statusCode, created.body).toBe(201);
    const admId = created.json().id as string;
    if (opts.answered) {
      const account = await buildAccount(k, {
        districtId: room.district.id,
        role: 'student',
        personId: room.students[0]!.id,
        schoolId: room.school.id,
      });
      const student = await signIn(h.app, account.username, account.password);
      const sent = await student.post(`/api/surveys/administrations/${admId}/responses`, {
        responseId: randomUUID(),
        subjectKey: room.cls.id,
        language: 'en',
        answers: [{ itemId: 'cc-climate-1', value: 4 }],
      });
      expect(sent.statusCode, sent.body).toBe(201);
    }
    return { room, leader, admId };
  }

  const stored = (admId: string) =>
    h.db.kysely
      .selectFrom('survey_administrations')
      .select(['title', 'closes_at'])
      .where('id', '=', admId)
      .executeTakeFirst();

  it(
    'a leader on a phone renames a survey, moves its last day and closes it early, by keyboard',
    { timeout: 90_000 },
    async () => {
      const { leader, admId } = await schoolWithSurvey();
      const { page, pageErrors } = await openPage(h, { viewport: PHONE });
      await signInThroughPage(page, leader.account);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectNoAxeViolations(page, 'leader home at 390 px');
      await page.goto('/surveys/administrations');
      await page.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
      await page.getByLabel('Last day').waitFor();
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, 'administrations at 390 px');
      await tabTo(page, 'This class');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'This class' }).waitFor();
      await page.getByLabel('Title').waitFor();
      await expectText(page.locator('main'), 'Nobody has answered yet');
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, 'manage survey at 390 px');

      await tabTo(page, 'Title');
      await page.keyboard.type('Climate check, grade 7');
      await page.getByLabel('Last day').fill('2026-12-11');
      await tabTo(page, 'Save changes');
      await page.keyboard.press('Enter');
      await expectText(page.getByRole('status').filter({ hasText: 'saved' }), 'Changes saved.');
      await page.getByRole('heading', { level: 1, name: 'Climate check, grade 7' }).waitFor();
      // The last day is the 11th on the district's clock: the window ends at its midnight there.
      expect(await stored(admId)).toEqual({
        title: 'Climate check, grade 7',
        closes_at: '2026-12-12T06:00:00.000Z',
      });

      const close = await tabTo(page, 'Close the survey now');
      expect(close.outline).not.toMatch(/^none/);
      await page.keyboard.press('Enter');
      await expectText(
        page.getByRole('status').filter({ hasText: 'closed' }),
        'The survey is closed',
      );
      await expectText(page.locator('.page-heading'), 'only the title can change');
      expect((await stored(admId))!.closes_at).toBe(NOW.toISOString());
      // Closed: the window fields no longer take input, and cancelling is gone.
      expect(await page.getByLabel('Last day').isDisabled()).toBe(true);
      expect(await page.getByRole('button', { name: /Cancel the survey/ }).count()).toBe(0);
      await expectNoAxeViolations(page, 'closed survey at 390 px');
      expect(pageErrors).toEqual([]);
    },
  );

  it(
    'once students have answered, removing their class is refused naming the field; cancelling deletes the survey',
    { timeout: 90_000 },
    async () => {
      const { leader, admId } = await schoolWithSurvey({ answered: true });
      const { page, pageErrors } = await openPage(h, { viewport: PHONE });
      await signInThroughPage(page, leader.account);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.goto(`/surveys/administrations/${admId}`);
      await page.getByLabel('Title').waitFor();
      await expectText(page.locator('main'), 'Answers have arrived');
      // What answers fixed cannot be touched.
      expect(await page.getByLabel('Survey', { exact: true }).isDisabled()).toBe(true);
      expect(await page.getByLabel('Opens on').isDisabled()).toBe(true);

      await tabTo(page, /^Science 7/);
      await page.keyboard.press('Space');
      expect(await page.getByLabel(/^Science 7/).isChecked()).toBe(false);
      await tabTo(page, 'Save changes');
      await page.keyboard.press('Enter');
      const alert = page.getByRole('alert');
      await expectText(alert, 'Classes: cannot remove "Science 7"');
      await expectNoAxeViolations(page, 'refused edit at 390 px');

      await tabTo(page, 'Cancel the survey');
      await page.keyboard.press('Enter');
      await expectText(page.locator('main'), 'This cannot be undone');
      await expectNoAxeViolations(page, 'cancel confirmation at 390 px');
      await tabTo(page, 'Yes, cancel and delete');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Survey cancelled' }).waitFor();
      await expectText(page.getByRole('status').first(), '1 response was deleted');
      await expectNoAxeViolations(page, 'cancelled at 390 px');
      expect(await stored(admId)).toBeUndefined();
      const responses = await h.db.kysely
        .selectFrom('survey_responses')
        .select('id')
        .where('administration_id', '=', admId)
        .execute();
      expect(responses).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
  );

  it(
    'a district admin sets the minimum group size on a phone by keyboard; a bad value names the field',
    { timeout: 90_000 },
    async () => {
      const { room } = await schoolWithSurvey();
      const admin = await buildAccount(h.db.kysely, {
        districtId: room.district.id,
        role: 'district_admin',
      });
      const { page, pageErrors } = await openPage(h, { viewport: PHONE });
      await signInThroughPage(page, admin);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await expectNoAxeViolations(page, 'district admin home at 390 px');
      // The settings are in the district admin's menu, by keyboard.
      await tabTo(page, 'Menu');
      await page.keyboard.press('Enter');
      await tabTo(page, 'Settings');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Survey result settings' }).waitFor();
      await page.getByLabel('Minimum group size').waitFor();
      await expectText(page.locator('main'), 'In force now: 5 students.');
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, 'survey settings at 390 px');

      await tabTo(page, 'Minimum group size');
      await page.keyboard.type('2');
      await page.keyboard.press('Enter');
      const alert = page.getByRole('alert');
      await expectText(alert, 'Minimum group size:');
      expect(await page.getByLabel('Minimum group size').getAttribute('aria-invalid')).toBe('true');
      await expectNoAxeViolations(page, 'refused setting at 390 px');
      const none = await h.db.kysely
        .selectFrom('survey_report_settings')
        .select('min_group_size')
        .where('district_id', '=', room.district.id)
        .execute();
      expect(none).toEqual([]);

      await page.getByLabel('Minimum group size').fill('seven');
      await page.keyboard.press('Enter');
      await expectText(alert, 'Minimum group size: must be a whole number');

      await page.getByLabel('Minimum group size').fill('7');
      const box = await tabTo(page, 'School leaders may open');
      expect(box.tag).toBe('input');
      await page.keyboard.press('Space');
      await tabTo(page, 'Save settings');
      await page.keyboard.press('Enter');
      await expectText(page.getByRole('status').filter({ hasText: 'saved' }), 'Settings saved.');
      await expectText(page.locator('main'), 'In force now: 7 students.');
      expect((await focused(page)).name).toBe('Save settings');
      const saved = await h.db.kysely
        .selectFrom('survey_report_settings')
        .select(['min_group_size', 'leaders_see_teachers'])
        .where('district_id', '=', room.district.id)
        .execute();
      expect(saved).toEqual([{ min_group_size: 7, leaders_see_teachers: 1 }]);
      expect(pageErrors).toEqual([]);
    },
  );
});
