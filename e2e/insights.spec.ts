// Insights in a real browser: a class overview of commonalities, a student's page with what the
// teacher shares with them, predicting and revealing a student's answers, the accuracy chart with
// its table, the private equity lens, and a student's home with their commonalities. axe on every
// page. The server's clock is Monday 2026-11-23, 9:00 in Chicago.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerQuestionnaire,
  buildAccount,
  buildClassroom,
  buildStaff,
} from '../test/factories.js';
import { signIn } from '../test/harness.js';
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

describe.skipIf(!browserAvailable)('insights', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function classroom() {
    const room = await buildClassroom(h.db.kysely, {
      today: TODAY,
      studentNames: [
        { given: 'Ana', family: 'Lopez' },
        { given: 'Ben', family: 'Okafor' },
      ],
    });
    const [ana] = room.students as [(typeof room.students)[0]];
    const k = h.db.kysely;
    await answerQuestionnaire(k, {
      districtId: room.district.id,
      respondentId: room.teacher.person.id,
      kind: 'teacher',
      choices: { interests: ['chess', 'cooking'], values: ['family'] },
    });
    await answerQuestionnaire(k, {
      districtId: room.district.id,
      respondentId: ana.id,
      kind: 'student',
      choices: {
        interests: ['chess', 'soccer'],
        values: ['family', 'honesty'],
        recognition: ['no-fuss'],
      },
    });
    return { room, ana };
  }

  it(
    'shows commonalities, lets the teacher predict and reveal, and charts the accuracy',
    { timeout: 120_000 },
    async () => {
      const { room, ana } = await classroom();
      const { page, context, pageErrors } = await openPage(h);
      await signInThroughPage(page, room.teacher.account);
      await page.getByRole('heading', { level: 1, name: /^Good to see you/ }).waitFor();
      await expectNoAxeViolations(page, 'teacher home');

      // The class overview: Ana with what she shares, Ben who has not shared yet.
      await page.goto(`/classes/${room.cls.id}/know`);
      const table = page.getByRole('table');
      await expectText(table, 'You both like chess');
      await expectText(
        page.getByRole('row').filter({ hasText: 'Ben Okafor' }),
        'Has not shared answers yet',
      );
      await expectText(page.locator('main'), '1 of 2 students have shared answers with you.');
      await expectNoAxeViolations(page, 'class overview');

      // Ana's page: what you have in common, and the way to predict her answers.
      await page.getByRole('link', { name: 'Ana Lopez' }).click();
      await page.waitForURL(`**/students/${ana.id}`);
      const common = page.getByRole('region', { name: 'What you have in common' });
      await expectText(common, '“Family” matters to you both');
      await expectNoAxeViolations(page, "a student's page with commonalities");
      await common.getByRole('link', { name: "Predict Ana's answers" }).click();
      await page.getByRole('heading', { level: 1, name: "Predict Ana's answers" }).waitFor();

      // Predict two answers, save each, then reveal.
      const values = page.getByRole('group', { name: 'Which of these matter most to you?' });
      await values.getByLabel('Family').check();
      await values.getByLabel('Fairness').check();
      const valuesForm = page.locator('form').filter({ has: values });
      await valuesForm.getByRole('button', { name: 'Save this prediction' }).click();
      await expectText(valuesForm.getByRole('status'), 'Prediction saved.');
      const recognition = page.getByRole('group', {
        name: 'When you do something well, how do you like to hear about it?',
      });
      await recognition.getByLabel('A nod or a thumbs-up, no fuss').check();
      const recognitionForm = page.locator('form').filter({ has: recognition });
      await recognitionForm.getByRole('button', { name: 'Save this prediction' }).click();
      await expectText(recognitionForm.getByRole('status'), 'Prediction saved.');
      await expectNoAxeViolations(page, 'predictions before the reveal');

      await page.getByRole('button', { name: "Reveal Ana's answers" }).click();
      const results = page.getByRole('region', { name: 'How close you were' });
      // values {family, fairness} vs {family, honesty}: 1 of 3; recognition right: mean 67%.
      await expectText(results, 'Your accuracy: 67%');
      const valuesRow = results.getByRole('row').filter({ hasText: 'Which of these matter most' });
      await expectText(valuesRow, 'Family, Honesty');
      await expectText(valuesRow, '33%');
      await expectNoAxeViolations(page, 'predictions after the reveal');

      // The accuracy over time: a chart with the table behind it.
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Insights' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
      await expectNoAxeViolations(page, 'insights');
      await page.getByRole('link', { name: 'How well I predict my students' }).click();
      await page
        .getByRole('heading', { level: 1, name: 'How well I predict my students' })
        .waitFor();
      const figure = page.getByRole('figure', {
        name: 'Average accuracy of your predictions, per week',
      });
      await figure.getByText('Show as a table').click();
      await expectText(figure.getByRole('table'), '67%');
      await expectText(page.locator('main'), 'Ana');
      await expectNoAxeViolations(page, 'accuracy');
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it(
    "shows the teacher's equity lens with small groups hidden, and a student their commonalities",
    { timeout: 90_000 },
    async () => {
      const room = await buildClassroom(h.db.kysely, {
        today: TODAY,
        studentNames: Array.from({ length: 12 }, (_, i) => ({ given: `Kid${i}`, family: 'Lens' })),
      });
      for (const [i, s] of room.students.entries()) {
        await h.db.kysely
          .insertInto('demographics')
          .values({
            district_id: room.district.id,
            person_id: s.id,
            birth_date: null,
            sex: i < 6 ? 'female' : i < 11 ? 'male' : 'other',
            american_indian_or_alaska_native: null,
            asian: null,
            black_or_african_american: null,
            native_hawaiian_or_other_pacific_islander: null,
            white: 'true',
            two_or_more_races: null,
            hispanic_or_latino: 'false',
            country_of_birth_code: null,
            state_of_birth_abbreviation: null,
            city_of_birth: null,
            public_school_residence_status: null,
            active: 1,
            source_modified_at: null,
          })
          .execute();
      }
      const api = await signIn(h.app, room.teacher.account.username, room.teacher.account.password);
      const ids = room.students.map((s) => s.id);
      for (const [kind, studentIds] of [
        ['affirmation', ids],
        ['correction', ids.slice(0, 2)],
        ['correction', ids.slice(6, 9)],
      ] as const) {
        const res = await api.post('/api/interactions', {
          clientId: `e2e-lens-${kind}-${studentIds.length}-${Date.now().toString(36)}`,
          kind,
          studentIds,
          classId: room.cls.id,
          occurredAt: '2026-11-20T15:00:00.000Z',
        });
        expect(res.statusCode, res.body).toBe(201);
      }
      const { page, context, pageErrors } = await openPage(h);
      await signInThroughPage(page, room.teacher.account);
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Insights' })
        .click();
      await page.getByRole('link', { name: 'My equity lens' }).click();
      await page.getByRole('heading', { level: 1, name: 'My equity lens' }).waitFor();
      const female = page.getByRole('row', { name: /^Female/ }).first();
      await expectText(female, '6');
      // 2 of 6 girls corrected once against 3 of the 6 others: 0.67.
      await expectText(female, '0.67');
      await expectText(page.getByRole('row', { name: /^Other/ }).first(), 'Not shown');
      await expectText(page.getByRole('row', { name: /^Male/ }).first(), 'Not shown');
      await expectText(page.locator('main'), 'Only you can see this page.');
      expect(await page.locator('main').textContent()).not.toContain('Kid');
      await expectNoAxeViolations(page, 'equity lens');
      await context.close();

      // The school's leader turns on "students see commonalities" on their home page; then a
      // student sees theirs on their home page.
      const { room: theirs, ana } = await classroom();
      const leader = await buildStaff(h.db.kysely, {
        districtId: theirs.district.id,
        schoolId: theirs.school.id,
        role: 'leader',
      });
      const lead = await openPage(h);
      await signInThroughPage(lead.page, leader.account);
      const toggle = lead.page.getByRole('checkbox', {
        name: 'Students see what they have in common with each of their teachers',
      });
      expect(await toggle.isChecked()).toBe(false);
      await expectNoAxeViolations(lead.page, "a leader's home with the school's setting");
      await toggle.check();
      await expectText(lead.page.getByRole('status').filter({ hasText: 'Saved' }), 'Saved.');
      const stored = await h.db.kysely
        .selectFrom('school_insight_settings')
        .select(['students_see_commonalities', 'updated_by_account_id'])
        .where('school_id', '=', theirs.school.id)
        .execute();
      expect(stored).toEqual([
        { students_see_commonalities: 1, updated_by_account_id: leader.account.id },
      ]);
      await lead.context.close();
      const account = await buildAccount(h.db.kysely, {
        districtId: theirs.district.id,
        role: 'student',
        personId: ana.id,
        schoolId: theirs.school.id,
      });
      const student = await openPage(h);
      await signInThroughPage(student.page, account);
      const mine = student.page.getByRole('region', {
        name: 'What you have in common with your teachers',
      });
      await expectText(mine, 'You both like chess');
      await expectNoAxeViolations(student.page, "a student's home with commonalities");
      expect([...pageErrors, ...lead.pageErrors, ...student.pageErrors]).toEqual([]);
      await student.context.close();
    },
  );
});
