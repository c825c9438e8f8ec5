// Know your students in a real browser: a student answers the get-to-know-you questionnaire on
// a phone and writes their profile; their teacher sees only what they shared; a teacher hands
// out a one-time link that works once; a teacher answers about themselves. axe on every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildClassroom, buildStaff } from '../test/factories.js';
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

const PHONE = { width: 375, height: 740 };

describe.skipIf(!browserAvailable)('know your students', () => {
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
        { given: 'Marisol', family: 'Vega' },
        { given: 'Theo', family: 'Banks' },
      ],
    });
    const student = room.students[0]!;
    const account = await buildAccount(h.db.kysely, {
      districtId: room.district.id,
      role: 'student',
      personId: student.id,
      schoolId: room.school.id,
    });
    return { room, student, account };
  }

  const answersOf = (districtId: string, respondentId: string) =>
    h.db.kysely
      .selectFrom('questionnaire_answers')
      .select(['item_id', 'option_id', 'text'])
      .where('district_id', '=', districtId)
      .where('respondent_id', '=', respondentId)
      .orderBy('item_id')
      .orderBy('option_id')
      .execute();

  it(
    'a student answers on a phone, one question per screen, saved as they go, read aloud',
    { timeout: 90_000 },
    async () => {
      const { room, student, account } = await classroom();
      const s = await openPage(h, { viewport: PHONE });
      // Record what would be spoken instead of speaking it.
      await s.context.addInitScript(() => {
        const spoken: Array<{ text: string; lang: string }> = [];
        (window as unknown as { spoken: typeof spoken }).spoken = spoken;
        window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
          spoken.push({ text: u.text, lang: u.lang });
        };
      });
      await signInThroughPage(s.page, account);
      await s.page.getByRole('link', { name: /Getting to know you/ }).waitFor();
      await expectNoAxeViolations(s.page, 'student home (phone)');
      await s.page.getByRole('link', { name: /Getting to know you/ }).click();
      await s.page.getByRole('heading', { level: 2, name: /What do you like to do/ }).waitFor();
      await expectNoAxeViolations(s.page, 'questionnaire, first question (phone)');
      await expectNoHorizontalScroll(s.page);

      await s.page.getByRole('button', { name: 'Read aloud' }).click();
      const spoken = await s.page.evaluate(
        () => (window as unknown as { spoken: Array<{ text: string; lang: string }> }).spoken,
      );
      expect(spoken[0]!.lang).toBe('en-US');
      expect(spoken[0]!.text).toContain('What do you like to do when you get to choose?');
      expect(spoken[0]!.text).toContain('Skateboarding or scootering');

      await s.page.getByRole('checkbox', { name: 'Chess' }).check();
      await expectText(s.page.getByRole('status').first(), 'Saved');
      await s.page.getByRole('checkbox', { name: 'Drawing or sketching' }).check();
      await expectText(s.page.getByRole('status').first(), 'Saved');
      await expect
        .poll(async () => (await answersOf(room.district.id, student.id)).map((a) => a.option_id))
        .toEqual(['chess', 'drawing']);

      await s.page.getByRole('button', { name: 'Next' }).click();
      await s.page.getByRole('heading', { level: 2, name: /matter most to you/ }).waitFor();
      await s.page.getByRole('button', { name: 'Skip' }).click();
      await s.page.getByRole('heading', { level: 2, name: /How do you learn best/ }).waitFor();
      // A skipped question counts as progress: leaving now and coming back resumes after it.
      await s.page.goto('/questionnaire');
      await s.page.getByRole('heading', { level: 2, name: /How do you learn best/ }).waitFor();
      await expectText(s.page.locator('.question-flow-progress'), 'Question 3 of 6');
      await s.page.getByRole('checkbox', { name: 'Working with a partner' }).check();
      await expectText(s.page.getByRole('status').first(), 'Saved');
      await expectNoAxeViolations(s.page, 'questionnaire, third question (phone)');

      // Coming back later resumes where the answers stop, with them still chosen.
      await s.page.goto('/questionnaire');
      await s.page.getByRole('heading', { level: 2, name: /how do you like to hear/ }).waitFor();
      await s.page.getByRole('button', { name: 'Back' }).click();
      await s.page.getByRole('heading', { level: 2, name: /How do you learn best/ }).waitFor();
      expect(
        await s.page.getByRole('checkbox', { name: 'Working with a partner' }).isChecked(),
      ).toBe(true);
      await s.page.getByRole('button', { name: 'Next' }).click();
      await s.page.getByRole('radio', { name: 'A quiet word, just to me' }).check();
      await expectText(s.page.getByRole('status').first(), 'Saved');
      for (let i = 0; i < 3; i++) await s.page.getByRole('button', { name: 'Next' }).click();
      await s.page.getByRole('button', { name: 'Send my answers' }).click();
      await s.page.getByRole('heading', { level: 1, name: 'All done?' }).waitFor();
      await expectNoAxeViolations(s.page, 'questionnaire, sharing (phone)');
      await s.page.getByRole('checkbox', { name: 'My teachers may see my answers' }).check();
      await s.page.getByRole('button', { name: 'Finish' }).click();
      await expectText(s.page.getByRole('status'), 'Thank you! Your answers are saved.');
      await expectNoAxeViolations(s.page, 'questionnaire, done (phone)');

      const response = await h.db.kysely
        .selectFrom('questionnaire_responses')
        .select(['shared', 'submitted_at'])
        .where('district_id', '=', room.district.id)
        .where('respondent_id', '=', student.id)
        .executeTakeFirstOrThrow();
      expect(response.shared).toBe(1);
      expect(response.submitted_at).not.toBeNull();
      expect(await answersOf(room.district.id, student.id)).toEqual([
        { item_id: 'interests', option_id: 'chess', text: null },
        { item_id: 'interests', option_id: 'drawing', text: null },
        { item_id: 'learning', option_id: 'partner', text: null },
        { item_id: 'recognition', option_id: 'quiet-word', text: null },
      ]);
      expect(s.pageErrors).toEqual([]);
      await s.context.close();
    },
  );

  it(
    'a student writes their profile; their teacher sees only the shared answers, a leader when asked',
    { timeout: 90_000 },
    async () => {
      const { room, student, account } = await classroom();
      const s = await openPage(h, { viewport: PHONE });
      await signInThroughPage(s.page, account);
      await s.page.getByRole('link', { name: /My profile/ }).click();
      await s.page.getByRole('heading', { level: 1, name: 'My profile' }).waitFor();
      await expectNoAxeViolations(s.page, 'profile (phone)');
      await expectNoHorizontalScroll(s.page);
      await s.page.getByRole('textbox', { name: 'The name I like to be called' }).fill('Mari');
      await s.page
        .getByRole('checkbox', { name: /My teachers may see this \(The name I like/ })
        .check();
      await s.page
        .getByRole('textbox', { name: 'What I want my teachers to know about me' })
        .fill('I look after my little brother in the mornings');
      await s.page
        .getByRole('checkbox', { name: /My teachers may see this \(What I want my teachers/ })
        .check();
      await s.page
        .getByRole('textbox', {
          name: 'A part of my culture or background that matters a lot to me',
        })
        .fill('Speaking Spanish with my abuela');
      await s.page.getByRole('button', { name: 'Save my profile' }).click();
      await expectText(s.page.getByRole('status'), 'Saved.');
      await expectNoAxeViolations(s.page, 'profile saved (phone)');
      await s.context.close();

      const t = await openPage(h);
      await signInThroughPage(t.page, room.teacher.account);
      await t.page.getByRole('heading', { level: 1 }).waitFor();
      await expectNoAxeViolations(t.page, 'teacher home');
      await t.page.goto(`/students/${student.id}`);
      const panel = t.page.getByRole('region', { name: 'What they shared with you' });
      await expectText(panel, 'I look after my little brother in the mornings');
      expect(await panel.textContent()).not.toContain('abuela');
      await expectNoAxeViolations(t.page, 'dyad page with the shared profile');
      await t.context.close();

      const leader = await buildStaff(h.db.kysely, {
        districtId: room.district.id,
        schoolId: room.school.id,
        role: 'leader',
      });
      const l = await openPage(h);
      await signInThroughPage(l.page, leader.account);
      await l.page.getByRole('heading', { level: 1 }).waitFor();
      await expectNoAxeViolations(l.page, 'leader home');
      await l.page.goto(`/students/${student.id}`);
      await l.page.getByRole('button', { name: 'Show what the student shared' }).click();
      await expectText(
        l.page.getByRole('region', { name: 'What they shared with you' }),
        'I look after my little brother',
      );
      await expectNoAxeViolations(l.page, 'student card with the shared profile (leader)');
      const audit = await h.db.kysely
        .selectFrom('audit_log')
        .select(['subject_type', 'subject_id'])
        .where('district_id', '=', room.district.id)
        .where('subject_type', '=', 'student_profile')
        .execute();
      expect(audit).toEqual([{ subject_type: 'student_profile', subject_id: student.id }]);
      await l.context.close();
    },
  );

  it(
    'a teacher hands out a one-time link; it works once, on a phone, without signing in',
    { timeout: 90_000 },
    async () => {
      const { room } = await classroom();
      const theo = room.students[1]!;
      const t = await openPage(h);
      await signInThroughPage(t.page, room.teacher.account);
      await t.page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Students' })
        .click();
      await t.page
        .getByRole('heading', { level: 1, name: 'Getting to know my students' })
        .waitFor();
      await expectNoAxeViolations(t.page, "teacher's students");
      await t.page.getByRole('button', { name: 'Make a link for Theo' }).click();
      const field = t.page.getByLabel('Link for Theo');
      await field.waitFor();
      const url = await field.inputValue();
      expect(url).toMatch(/\/questionnaire\/link\/[A-Za-z0-9_.-]+$/);
      await expectNoAxeViolations(t.page, "teacher's students with a link");

      const s = await openPage(h, { viewport: PHONE });
      await s.page.goto(url);
      await expectText(s.page.locator('main'), 'Hi Theo!');
      await s.page.getByRole('checkbox', { name: 'Basketball' }).check();
      await expectText(s.page.getByRole('status').first(), 'Saved');
      await expectNoAxeViolations(s.page, 'questionnaire through a link (phone)');
      await expectNoHorizontalScroll(s.page);
      expect(await answersOf(room.district.id, theo.id)).toEqual([
        { item_id: 'interests', option_id: 'basketball', text: null },
      ]);
      // A reload in the same tab goes on from the next question; the link itself is spent.
      await s.page.reload();
      await s.page.getByRole('heading', { level: 2, name: /matter most to you/ }).waitFor();
      await s.page.getByRole('button', { name: 'Back' }).click();
      expect(await s.page.getByRole('checkbox', { name: 'Basketball' }).isChecked()).toBe(true);
      expect(s.pageErrors).toEqual([]);

      const other = await openPage(h, { viewport: PHONE });
      await other.page.goto(url);
      await other.page
        .getByRole('heading', { level: 1, name: 'This link cannot be used' })
        .waitFor();
      await expectText(other.page.getByRole('alert'), 'already been used');
      await expectNoAxeViolations(other.page, 'a used link');

      // The teacher stops the link: Theo's open page can go no further; his answer stays.
      await t.page.getByRole('button', { name: 'Stop this link for Theo' }).click();
      await expectText(t.page.getByRole('status'), 'Link stopped');
      await expectNoAxeViolations(t.page, "teacher's students after stopping a link");
      await s.page.reload();
      await s.page.getByRole('heading', { level: 1, name: 'This link cannot be used' }).waitFor();
      expect(await answersOf(room.district.id, theo.id)).toEqual([
        { item_id: 'interests', option_id: 'basketball', text: null },
      ]);
      await Promise.all([t.context.close(), s.context.close(), other.context.close()]);
    },
  );

  it('a teacher answers the same questions about themselves', { timeout: 60_000 }, async () => {
    const { room } = await classroom();
    const t = await openPage(h);
    await signInThroughPage(t.page, room.teacher.account);
    await t.page.getByRole('heading', { level: 1 }).waitFor();
    await t.page.goto('/questionnaire');
    await t.page.getByRole('heading', { level: 2, name: /What do you like to do/ }).waitFor();
    await expectText(t.page.locator('main'), 'Answer the same questions your students answer');
    await t.page.getByRole('checkbox', { name: 'Hiking or walking outside' }).check();
    await expectText(t.page.getByRole('status').first(), 'Saved');
    await expectNoAxeViolations(t.page, "teacher's own questionnaire");
    const kinds = await h.db.kysely
      .selectFrom('questionnaire_responses')
      .select('respondent_kind')
      .where('district_id', '=', room.district.id)
      .where('respondent_id', '=', room.teacher.person.id)
      .execute();
    expect(kinds).toEqual([{ respondent_kind: 'teacher' }]);
    await t.context.close();
  });
});
