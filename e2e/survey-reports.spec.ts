// Survey results in a real browser: a teacher's list, their class report (chart with its table,
// CSV link), the perception gap, and a leader's school report; axe on every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStaff } from '../test/factories.js';
import { buildClassroom } from '../test/factories.js';
import {
  buildAdministration,
  buildResponse,
  buildWave,
  ratingAnswers,
  relationshipAnswers,
} from '../test/survey-factories.js';
import {
  TODAY,
  browserAvailable,
  expectNoAxeViolations,
  expectText,
  openPage,
  signInThroughPage,
  startHarness,
  type Harness,
} from './harness.js';

describe.skipIf(!browserAvailable)('survey results', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it(
    "shows a teacher their class's results and the perception gap, and a leader the school",
    { timeout: 90_000 },
    async () => {
      const k = h.db.kysely;
      const room = await buildClassroom(k, {
        today: TODAY,
        studentNames: ['Ana', 'Bo', 'Cy', 'Di', 'Ed', 'Flo'].map((given) => ({ given })),
      });
      const districtId = room.district.id;
      const leader = await buildStaff(k, {
        districtId,
        schoolId: room.school.id,
        role: 'leader',
        givenName: 'Lena',
      });
      const wave = await buildWave(k, { districtId, name: 'fall' });
      const common = {
        districtId,
        schoolId: room.school.id,
        waveId: wave.id,
        accountId: room.teacher.account.id,
        opensAt: '2026-10-01T12:00:00.000Z',
        closesAt: '2026-10-20T12:00:00.000Z',
        classIds: [room.cls.id],
        mode: 'confidential' as const,
      };
      const survey = await buildAdministration(k, common);
      const ratings = await buildAdministration(k, {
        ...common,
        instrumentId: 'teacher-student-relationship',
        respondent: 'teacher',
      });
      const scores = [3, 5, 4, 4, 4, 4];
      for (const [i, s] of room.students.entries()) {
        await buildResponse(k, {
          districtId,
          administrationId: survey.id,
          schoolId: room.school.id,
          classId: room.cls.id,
          teacherId: room.teacher.person.id,
          grade: '7',
          respondentId: s.id,
          answers: relationshipAnswers(scores[i]!),
          ...(i === 0 ? { sharedWith: room.teacher.person.id } : {}),
        });
        await buildResponse(k, {
          districtId,
          administrationId: ratings.id,
          schoolId: room.school.id,
          respondentId: room.teacher.person.id,
          aboutStudentId: s.id,
          answers: ratingAnswers(4, 2),
        });
      }

      const t = await openPage(h);
      await signInThroughPage(t.page, room.teacher.account);
      const surveysLink = t.page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Surveys' });
      await surveysLink.waitFor();
      await expectNoAxeViolations(t.page, 'teacher home');
      await surveysLink.click();
      await t.page.getByRole('heading', { level: 1, name: 'Survey results' }).waitFor();
      await expectNoAxeViolations(t.page, 'survey results list');
      await t.page.getByRole('link', { name: /^Class: Science 7/ }).click();
      await t.page.getByRole('heading', { level: 1, name: /Science 7/ }).waitFor();
      const summary = t.page.locator('dl.figures');
      await expectText(summary, '6');
      await expectText(summary, '100%');
      // The connection scale's table (behind the chart): six answered, score 4.00.
      const connection = t.page.getByRole('table', { name: 'Connection with the teacher' }).first();
      const row = connection.getByRole('row').filter({ hasText: 'Science 7' });
      const cells = (await row.locator('th, td').allTextContents()).map((c) => c.trim());
      expect(cells.slice(0, 4)).toEqual(['Science 7 (2)', '6', '4.00', '83%']);
      const csv = t.page.getByRole('link', { name: 'Download these results (CSV)' });
      expect(await csv.getAttribute('href')).toBe(
        `/api/survey-reports/${survey.id}/class/${room.cls.id}/csv`,
      );
      await expectNoAxeViolations(t.page, 'class report');

      await t.page
        .getByRole('link', { name: "How my ratings compare with my students' answers" })
        .click();
      await t.page.getByRole('heading', { level: 1, name: /Science 7/ }).waitFor();
      const shared = t.page.getByRole('table', {
        name: 'Students who chose to share their answers with you',
      });
      await expectText(shared, 'Ana');
      const main = (await t.page.getByRole('main').textContent()) ?? '';
      for (const name of ['Bo', 'Cy', 'Di', 'Ed', 'Flo']) expect(main).not.toContain(name);
      await expectNoAxeViolations(t.page, 'perception gap');
      expect(t.pageErrors).toEqual([]);
      await t.context.close();

      const l = await openPage(h);
      await signInThroughPage(l.page, leader.account);
      await l.page.getByRole('link', { name: 'Survey results' }).waitFor();
      await expectNoAxeViolations(l.page, 'leader home');
      await l.page.getByRole('link', { name: 'Survey results' }).click();
      await l.page.getByRole('heading', { level: 1, name: 'Survey results' }).waitFor();
      await expectNoAxeViolations(l.page, 'survey results (leader)');
      await l.page.getByRole('link', { name: `School: ${room.school.name}` }).click();
      await l.page.getByRole('heading', { level: 1, name: room.school.name }).waitFor();
      await expectText(l.page.locator('dl.figures'), '6');
      await expectNoAxeViolations(l.page, 'school report');
      expect(l.pageErrors).toEqual([]);
      await l.context.close();
    },
  );
});
