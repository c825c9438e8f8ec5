// The teacher's core loop in a real browser: sign in, open today's class, log a moment for two
// students in two taps, see the counts, undo, and open a student's card; once with a mouse at
// desktop size and once with only the keyboard on a 360 px phone screen. axe on every page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassroom } from '../test/factories.js';
import { signIn } from '../test/harness.js';
import {
  TODAY,
  browserAvailable,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectText,
  focused,
  openPage,
  startHarness,
  tabTo,
  type Harness,
} from './harness.js';

async function classroom(h: Harness) {
  const room = await buildClassroom(h.db.kysely, {
    today: TODAY,
    studentNames: [
      { given: 'Ana', family: 'Lopez' },
      { given: 'Benjamin', preferred: 'Ben', family: 'Okafor' },
      { given: 'Chloe', family: 'Nguyen' },
    ],
  });
  await h.db.kysely
    .updateTable('people')
    .set({ pronouns: 'she/her' })
    .where('id', '=', room.students[0]!.id)
    .execute();
  return room;
}

describe.skipIf(!browserAvailable)('teacher logs moments from the class view', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it(
    'signs in, logs a warm moment for two students, undoes it, and opens a card',
    { timeout: 90_000 },
    async () => {
      const room = await classroom(h);
      const { page, context, pageErrors } = await openPage(h);

      // Signed out: the home page sends to sign-in.
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      expect(await page.title()).toBe('Sign in · Rapport');
      await expectNoAxeViolations(page, 'sign-in');

      await page.getByLabel('Username or email').fill(room.teacher.account.username);
      await page.getByLabel('Password').fill(room.teacher.account.password);
      await page.getByRole('button', { name: 'Sign in' }).click();

      // Home: today's class first, with period, room and student count.
      const teacherName = `Tess ${room.teacher.person.family_name}`;
      await page
        .getByRole('heading', { level: 1, name: `Good to see you, ${teacherName}` })
        .waitFor();
      expect(new URL(page.url()).pathname).toBe('/');
      await expectText(page.getByRole('banner'), teacherName);
      await expectText(page.locator('.lead'), 'Monday, November 23');
      const today = page.getByRole('region', { name: 'Today' });
      const classLink = today.getByRole('link', { name: /Science 7/ });
      // Today's classes are tiles (title, period, room); the class sizes are on the Classes page.
      expect(await classLink.textContent()).toBe('Science 7Period 2Room 101');
      await expectNoAxeViolations(page, 'teacher home');

      await classLink.click();
      await page.getByRole('heading', { level: 1, name: 'Science 7' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/classes/${room.cls.id}`);

      // Roster: preferred names, pronouns, today's counts all zero.
      const ana = page.getByRole('button', { name: /^Ana Lopez/ });
      const ben = page.getByRole('button', { name: /^Ben Okafor/ });
      const chloe = page.getByRole('button', { name: /^Chloe Nguyen/ });
      await expectText(ana, '(she/her)');
      expect(await page.getByRole('main').textContent()).not.toContain('Benjamin');
      for (const student of [ana, ben, chloe]) await expectText(student, 'Warm moments: 0');
      await expectNoAxeViolations(page, 'class view');

      // Tap two students (toggle-select), then tap the kind.
      await ana.click();
      await ben.click();
      expect(await ana.getAttribute('aria-pressed')).toBe('true');
      expect(await ben.getAttribute('aria-pressed')).toBe('true');
      expect(await chloe.getAttribute('aria-pressed')).toBe('false');
      await expectText(page.getByRole('group', { name: /selected/ }), '2 students selected');
      await expectNoAxeViolations(page, 'class view with a selection');

      await page.getByRole('button', { name: 'Warm moment', exact: true }).click();
      const toast = page.getByRole('status').filter({ hasText: 'logged' });
      await expectText(toast, 'Warm moment logged for Ana and Ben');
      await expectText(ana, 'Warm moments: 1');
      await expectText(ben, 'Warm moments: 1');
      await expectText(chloe, 'Warm moments: 0');
      await expectText(ana, 'Affirmations: 0');
      // The selection clears after logging.
      expect(await ana.getAttribute('aria-pressed')).toBe('false');
      expect(await ben.getAttribute('aria-pressed')).toBe('false');
      await expectNoAxeViolations(page, 'class view with the undo toast');

      await toast.getByRole('button', { name: 'Undo' }).click();
      await expectText(
        page.getByRole('status').filter({ hasText: 'Undone' }),
        'Undone: nothing is logged for Ana and Ben',
      );
      await expectText(ana, 'Warm moments: 0');
      await expectText(ben, 'Warm moments: 0');

      // The undo reached the server: a reload shows the same counts.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Science 7' }).waitFor();
      await expectText(ana, 'Warm moments: 0');
      await expectText(ben, 'Warm moments: 0');

      // "Select all", then an affirmation for everyone.
      await page.getByRole('button', { name: 'Select all' }).click();
      for (const student of [ana, ben, chloe])
        expect(await student.getAttribute('aria-pressed')).toBe('true');
      await page.getByRole('button', { name: 'Clear selection' }).click();
      expect(await ana.getAttribute('aria-pressed')).toBe('false');
      await ana.click();
      await page.getByRole('button', { name: 'Affirmation', exact: true }).click();
      await expectText(
        page.getByRole('status').filter({ hasText: 'logged' }),
        'Affirmation logged for Ana',
      );
      await expectText(ana, 'Affirmations: 1');
      await expectText(ben, 'Affirmations: 0');

      // The student card: who she is, the ratio, and the moment just logged.
      await page.getByRole('link', { name: 'Card for Ana Lopez' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ana Lopez' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/students/${room.students[0]!.id}`);
      const main = page.getByRole('main');
      await expectText(main, 'she/her · Grade 7');
      await expectText(main, '1 : 0');
      await expectText(main, 'positive : corrections over the last 10 school days');
      await expectText(page.getByRole('region', { name: 'Your classes together' }), 'Science 7');
      const recent = page
        .getByRole('region', { name: 'Moments you logged recently' })
        .getByRole('listitem');
      expect(await recent.count()).toBe(1); // the undone warm moment is not listed
      await expectText(recent.first(), 'Affirmation');
      await expectNoAxeViolations(page, 'student card');

      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it('works with the keyboard alone on a 360 px wide screen', { timeout: 90_000 }, async () => {
    const room = await classroom(h);
    const { page, context, pageErrors } = await openPage(h, {
      viewport: { width: 360, height: 740 },
    });

    await page.goto('/sign-in');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await expectNoHorizontalScroll(page);

    // The first Tab reaches the skip link, which moves focus into <main>.
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect((await focused(page)).id).toBe('main');

    const user = await tabTo(page, 'Username or email');
    expect(user.tag).toBe('input');
    expect(user.outline).toMatch(/^solid [3-9]/); // a visible focus ring
    await page.keyboard.type(room.teacher.account.username);
    await tabTo(page, 'Password');
    await page.keyboard.type(room.teacher.account.password);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: /^Good to see you/ }).waitFor();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, 'teacher home at 360 px');
    const link = await tabTo(page, /^Science 7/);
    expect(link.tag).toBe('a');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Science 7' }).waitFor();
    // After navigating, focus starts at the new page's heading.
    await expect.poll(async () => (await focused(page)).name).toBe('Science 7');
    await expectNoHorizontalScroll(page);

    const anaFocus = await tabTo(page, /^Ana Lopez/);
    expect(anaFocus.outline).toMatch(/^solid [3-9]/);
    await page.keyboard.press('Space');
    await tabTo(page, /^Ben Okafor/);
    await page.keyboard.press('Space');
    const ana = page.getByRole('button', { name: /^Ana Lopez/ });
    const ben = page.getByRole('button', { name: /^Ben Okafor/ });
    expect(await ana.getAttribute('aria-pressed')).toBe('true');
    expect(await ben.getAttribute('aria-pressed')).toBe('true');
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, 'class view at 360 px');

    await tabTo(page, 'Warm moment');
    await page.keyboard.press('Enter');
    await expectText(
      page.getByRole('status').filter({ hasText: 'logged' }),
      'Warm moment logged for Ana and Ben',
    );
    await expectText(ana, 'Warm moments: 1');
    await expectText(ben, 'Warm moments: 1');
    await expectText(page.getByRole('button', { name: /^Chloe Nguyen/ }), 'Warm moments: 0');
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, 'class view with the undo toast at 360 px');

    // Undo is the next stop after the kind buttons.
    await tabTo(page, 'Undo', { max: 3 });
    await page.keyboard.press('Enter');
    await expectText(ana, 'Warm moments: 0');
    await expectText(ben, 'Warm moments: 0');
    // Focus stays in the toast rather than falling back to the top of the page.
    expect((await focused(page)).name).toBe('Dismiss');

    // The student card is reachable too.
    await tabTo(page, 'Card for Ana Lopez', { shift: true });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Ana Lopez' }).waitFor();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, 'student card at 360 px');

    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it(
    'retries a log whose answer was lost with the same client id, so it counts once',
    { timeout: 60_000 },
    async () => {
      const room = await classroom(h);
      const { page, context, pageErrors } = await openPage(h);
      await page.goto('/sign-in');
      await page.getByLabel('Username or email').fill(room.teacher.account.username);
      await page.getByLabel('Password').fill(room.teacher.account.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page
        .getByRole('region', { name: 'Today' })
        .getByRole('link', { name: /Science 7/ })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Science 7' }).waitFor();

      // The first request reaches the server, but its answer never reaches the browser.
      const sent: Array<{ clientId: string; studentIds: string[] }> = [];
      await page.route('**/api/interactions', async (route) => {
        sent.push(route.request().postDataJSON() as { clientId: string; studentIds: string[] });
        if (sent.length === 1) {
          await route.fetch();
          await route.abort('connectionreset');
        } else {
          await route.continue();
        }
      });
      const ana = page.getByRole('button', { name: /^Ana Lopez/ });
      await ana.click();
      await page.getByRole('button', { name: 'Affirmation', exact: true }).click();
      const alert = page.getByRole('alert');
      await expectText(
        alert,
        'Rapport could not reach the server. Check your connection and try again.',
      );
      // Nothing is lost: the selection is still there for the retry.
      expect(await ana.getAttribute('aria-pressed')).toBe('true');

      await alert.getByRole('button', { name: 'Try again' }).click();
      await expectText(
        page.getByRole('status').filter({ hasText: 'logged' }),
        'Affirmation logged for Ana',
      );
      expect(sent).toHaveLength(2);
      expect(sent[1]!.clientId).toBe(sent[0]!.clientId);
      await expectText(ana, 'Affirmations: 1'); // not 2
      expect(await page.getByRole('alert').count()).toBe(0);

      // A tag and a note (logged through the API; the class view does not add them yet) show on the card.
      const api = await signIn(h.app, room.teacher.account.username, room.teacher.account.password);
      const res = await api.post('/api/interactions', {
        clientId: 'e2e-note-0001',
        kind: 'correction',
        studentIds: [room.students[0]!.id],
        classId: room.cls.id,
        tag: 'hallway',
        note: 'Talked it over after class; she was upset about a test.',
      });
      expect(res.statusCode, res.body).toBe(201);
      await page.getByRole('link', { name: 'Card for Ana Lopez' }).click();
      await page.getByRole('heading', { level: 1, name: 'Ana Lopez' }).waitFor();
      await expectText(page.getByRole('main'), '1 : 1');
      const items = page
        .getByRole('region', { name: 'Moments you logged recently' })
        .getByRole('listitem');
      // The card's sections render with the student's data, which may come after the ratio.
      await items.nth(1).waitFor();
      expect(await items.count()).toBe(2);
      await expectText(items.first(), 'Correction');
      await expectText(items.first(), 'hallway');
      await expectText(items.first(), 'Talked it over after class; she was upset about a test.');
      await expectText(items.nth(1), 'Affirmation');
      await expectNoAxeViolations(page, 'student card with a tag and a note');
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it('says kindly when today is not a school day', { timeout: 30_000 }, async () => {
    const room = await buildClassroom(h.db.kysely, { today: TODAY, daysOff: [TODAY] });
    const { page, context } = await openPage(h);
    await page.goto('/sign-in');
    await page.getByLabel('Username or email').fill(room.teacher.account.username);
    await page.getByLabel('Password').fill(room.teacher.account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const today = page.getByRole('region', { name: 'Today' });
    await expectText(today, 'There is no school today. Rest well');
    expect(await today.getByRole('link').count()).toBe(0);
    await expectNoAxeViolations(page, 'teacher home on a day off');
    // The class is still listed, and reachable, from the menu.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Classes' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'All your classes' }).waitFor();
    await expectText(page.getByRole('main'), 'Science 7');
    await expectNoAxeViolations(page, 'all classes');
    await context.close();
  });
});
