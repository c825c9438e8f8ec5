// Daily practice in a real browser: the teacher's week on the home page, a student's page
// (two-by-ten, a hard moment with charitable explanations, the stage), a class's ratios with the
// table behind the chart, and "how fast I repair". axe on every page and state; a 360 px phone
// with the keyboard alone. The server's clock is Monday 2026-11-23, 9:00 in Chicago.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassroom } from '../test/factories.js';
import { signIn, type Client } from '../test/harness.js';
import {
  TODAY,
  browserAvailable,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  expectNoText,
  expectText,
  focused,
  openPage,
  signInThroughPage,
  startHarness,
  tabTo,
  type Harness,
} from './harness.js';

const at = (date: string, hourUtc: number) =>
  `${date}T${String(hourUtc).padStart(2, '0')}:00:00.000Z`;

describe.skipIf(!browserAvailable)('daily practice', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  let n = 0;
  /** A classroom of Ana, Ben and Chloe, and an API client signed in as their teacher. */
  async function classroom() {
    const room = await buildClassroom(h.db.kysely, {
      today: TODAY,
      studentNames: [
        { given: 'Ana', family: 'Lopez' },
        { given: 'Ben', family: 'Okafor' },
        { given: 'Chloe', family: 'Nguyen' },
      ],
    });
    const [ana, ben, chloe] = [room.students[0]!, room.students[1]!, room.students[2]!];
    const api = await signIn(h.app, room.teacher.account.username, room.teacher.account.password);
    return { room, ana, ben, chloe, api };
  }

  async function log(
    api: Client,
    classId: string,
    kind: string,
    studentId: string,
    occurredAt?: string,
  ) {
    const res = await api.post('/api/interactions', {
      clientId: `e2e-practice-${(n++).toString().padStart(4, '0')}-${Date.now().toString(36)}`,
      kind,
      studentIds: [studentId],
      classId,
      ...(occurredAt ? { occurredAt } : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
  }

  async function signInAs(page: Page, account: { username: string; password: string }) {
    await signInThroughPage(page, account);
    await page.getByRole('heading', { level: 1, name: /^Good to see you/ }).waitFor();
  }

  const countRows = async (table: 'incidents' | 'plans', districtId: string) =>
    (
      await h.db.kysely
        .selectFrom(table)
        .select('id')
        .where('district_id', '=', districtId)
        .execute()
    ).length;

  it(
    'shows the week on the home page: who needs me and why, "not this week", repairs, my ratio',
    { timeout: 90_000 },
    async () => {
      const { room, ana, ben, api } = await classroom();
      // A correction for Ana two hours ago opens a repair; three warm moments for Ben last week.
      await log(api, room.cls.id, 'correction', ana.id, at(TODAY, 13));
      for (let i = 0; i < 3; i++)
        await log(api, room.cls.id, 'warm_moment', ben.id, at('2026-11-19', 15));
      const { page, context, pageErrors } = await openPage(h);
      await signInAs(page, room.teacher.account);

      const week = page.getByRole('region', { name: 'This week' });
      const focus = week.getByRole('list', { name: 'Who needs you this week' });
      const anaItem = focus.getByRole('listitem').filter({ hasText: 'Ana' });
      await expectText(anaItem, 'A repair is waiting (2 hours)');
      // Ana's repair is the most urgent reason, so she comes first.
      await expectText(focus.getByRole('listitem').first(), 'Ana');
      expect(await anaItem.getByRole('link', { name: 'Ana' }).getAttribute('href')).toBe(
        `/students/${ana.id}`,
      );
      const waiting = week.getByRole('list', { name: 'The oldest repairs waiting' });
      await expectText(waiting.getByRole('listitem').filter({ hasText: 'Ana' }), 'waiting 2 hours');
      // The teacher's own figure over the window, with the research's reference beside it.
      await expectText(week, '3 : 1');
      await expectText(
        week,
        'positive : corrections over the last 10 school days (Nov 10 – Nov 23)',
      );
      await expectText(week, 'For reference, research suggests about 5\u00a0:\u00a01');
      expect(await week.textContent()).not.toMatch(/fail/i);
      await expectNoAxeViolations(page, 'teacher home with the week');

      // "Not this week": Ana leaves the list (the server agrees after a reload), her repair stays.
      await anaItem.getByRole('button', { name: 'Not this week for Ana' }).click();
      await expectText(week.getByRole('status').first(), "Ana is off this week's list.");
      await expectNoText(focus, 'Ana');
      expect((await focused(page)).name).toBe('Who needs you this week');
      await expectText(waiting.getByRole('listitem').filter({ hasText: 'Ana' }), 'waiting 2 hours');
      await expectNoAxeViolations(page, 'teacher home after "not this week"');
      await page.reload();
      await week.getByRole('heading', { name: 'Who needs you this week' }).waitFor();
      await expectNoText(week.getByRole('list', { name: 'Who needs you this week' }), 'Ana');

      // "How fast I repair": one open, none closed yet.
      await week.getByRole('link', { name: 'How fast I repair' }).click();
      await page.getByRole('heading', { level: 1, name: 'How fast I repair' }).waitFor();
      const figure = (term: string) =>
        page.locator('dl.figures div').filter({ hasText: term }).locator('dd');
      expect(await figure('Repairs made this term').textContent()).toBe('0');
      expect(await figure('Repairs waiting now').textContent()).toBe('1');
      expect(await figure('Typical time').textContent()).toBe('No repairs yet');
      await expectNoAxeViolations(page, 'how fast I repair');

      // An empathy statement two hours after the correction closes the repair.
      await log(api, room.cls.id, 'empathy_statement', ana.id, at(TODAY, 15));
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'How fast I repair' }).waitFor();
      await expect.poll(() => figure('Repairs made this term').textContent()).toBe('1');
      expect(await figure('Repairs waiting now').textContent()).toBe('0');
      expect(await figure('Typical time').textContent()).toBe('2 hours');

      // In Spanish, with dates for the locale.
      await page.goto('/');
      await page.getByRole('button', { name: 'Español' }).click();
      const semana = page.getByRole('region', { name: 'Esta semana' });
      await expectText(semana, 'Quién te necesita esta semana');
      await expectText(semana, 'positivos : correcciones en los últimos 10 días de clases');
      const spanishSpan = `${new Intl.DateTimeFormat('es', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date('2026-11-10T12:00:00Z'))} – `;
      await expectText(semana, spanishSpan);
      await expectText(semana, 'No hay nada pendiente de reparar.');
      await expectNoAxeViolations(page, 'teacher home in Spanish');

      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it(
    'closes a repair as not needed in one tap, and undoes it by keyboard, on a 390 px phone',
    { timeout: 90_000 },
    async () => {
      const { room, ana, ben, api } = await classroom();
      await log(api, room.cls.id, 'correction', ana.id, at(TODAY, 13));
      await log(api, room.cls.id, 'correction', ben.id, at('2026-11-20', 15));
      const { page, context, pageErrors } = await openPage(h, {
        viewport: { width: 390, height: 844 },
      });
      await signInAs(page, room.teacher.account);
      await page.goto('/practice/repairs/open');
      await page.getByRole('heading', { level: 1, name: 'Repairs waiting' }).waitFor();
      const section = page.getByRole('main');
      const waiting = section.getByRole('list', { name: 'Repairs waiting' });
      await expectText(waiting, 'Ana');
      await expectText(waiting, 'Ben');
      await expectNoAxeViolations(page, 'repairs waiting');
      await expectNoHorizontalScroll(page);

      // One tap: Ben's repair closes, the undo takes the focus.
      await waiting.getByRole('button', { name: 'Not needed for Ben' }).click();
      await expectText(section.getByRole('status'), 'The repair for Ben is closed as not needed.');
      await expectNoText(waiting, 'Ben');
      await expect.poll(async () => (await focused(page)).name).toMatch(/^Undo/);
      await expectNoAxeViolations(page, 'a repair closed as not needed');
      const marks = () =>
        h.db.kysely
          .selectFrom('repair_closures')
          .select(['student_id', 'undone_at'])
          .where('district_id', '=', room.district.id)
          .execute();
      expect(await marks()).toEqual([{ student_id: ben.id, undone_at: null }]);

      // The keyboard alone takes it back.
      await page.keyboard.press('Enter');
      await expectText(section.getByRole('status'), 'The repair for Ben is waiting again.');
      await expectText(waiting, 'Ben');
      expect((await focused(page)).name).toBe('Repairs waiting');
      expect((await marks())[0]!.undone_at).not.toBeNull();

      // By keyboard again, from the heading: Tab to Ana's "Not needed" and press Enter.
      await tabTo(page, 'Not needed for Ana');
      await page.keyboard.press('Enter');
      await expectText(section.getByRole('status'), 'The repair for Ana is closed as not needed.');
      await expectNoText(waiting, 'Ana');
      // "How fast I repair" counts the one closed as not needed, apart from the repairs made.
      await page.goto('/practice/repairs');
      const figure = (term: string) =>
        page.locator('dl.figures div').filter({ hasText: term }).locator('dd');
      await expect.poll(() => figure('Closed as not needed').textContent()).toBe('1');
      expect(await figure('Repairs waiting now').textContent()).toBe('1');
      await expectNoAxeViolations(page, 'how fast I repair, with one closed as not needed');
      // The home page agrees: Ana is not waiting for a repair there either.
      await page.goto('/');
      const week = page.getByRole('region', { name: 'This week' });
      await expectText(week, 'Ben');
      await expectNoText(week.getByRole('list', { name: 'The oldest repairs waiting' }), 'Ana');
      await expectNoHorizontalScroll(page);

      // In Spanish (on a phone the language is in the menu).
      await page.goto('/practice/repairs/open');
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('button', { name: 'Español' }).click();
      await page.getByRole('button', { name: 'No hace falta para Ben' }).waitFor();
      await expectNoAxeViolations(page, 'repairs waiting in Spanish');

      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it(
    "starts a two-by-ten from the student's page and logs today's conversation there and at home",
    { timeout: 90_000 },
    async () => {
      const { room, ana, ben, api } = await classroom();
      await log(api, room.cls.id, 'warm_moment', ana.id, at('2026-11-20', 15));
      // Ben's plan started through the API; his conversation is logged from the home page.
      const benPlan = await api.post('/api/plans', { studentId: ben.id, startDate: TODAY });
      expect(benPlan.statusCode, benPlan.body).toBe(201);
      const { page, context, pageErrors } = await openPage(h);
      await signInAs(page, room.teacher.account);

      const week = page.getByRole('region', { name: 'This week' });
      const benDay = week
        .getByRole('listitem')
        .filter({ hasText: 'Day 1 of 10' })
        .filter({ hasText: 'Ben' });
      await expectText(
        week.getByRole('list', { name: 'Who needs you this week' }),
        'Day 1 of your two-by-ten',
      );
      await benDay.getByLabel('Topic (optional)').fill('His robotics club');
      await benDay.getByRole('button', { name: "Log today's conversation with Ben" }).click();
      await expectText(benDay, "Today's conversation is logged.");
      expect(await benDay.getByRole('button').count()).toBe(0);
      await expectNoAxeViolations(page, 'teacher home with a plan day done');

      // Ana's page: start a plan. A start outside the term is refused, naming the field.
      await page.goto(`/students/${ana.id}`);
      await page.getByRole('heading', { level: 1, name: 'Ana Lopez' }).waitFor();
      const plan = page.getByRole('region', { name: 'Two-by-ten' });
      const start = plan.getByLabel('Start date');
      await expect.poll(() => start.inputValue()).toBe(TODAY); // the server's today
      await start.fill('2027-06-01');
      await plan.getByRole('button', { name: 'Start a two-by-ten' }).click();
      await expectText(plan.getByRole('alert'), 'Start date:');
      await expectText(plan.getByRole('alert'), 'within the term');
      expect(await start.getAttribute('aria-invalid')).toBe('true');
      expect(await countRows('plans', room.district.id)).toBe(1); // only Ben's
      await expectNoAxeViolations(page, 'student page with a start-date error');

      await start.fill(TODAY);
      await plan.getByRole('button', { name: 'Start a two-by-ten' }).click();
      const days = plan
        .getByRole('list', { name: 'The ten school days with Ana' })
        .getByRole('listitem');
      await expect.poll(() => days.count()).toBe(10);
      await expectText(days.nth(0), 'Day 1');
      await expectText(days.nth(0), 'Mon, Nov 23');
      await expectText(days.nth(0), 'Today');
      await expectText(days.nth(1), 'Tue, Nov 24');
      await expectText(days.nth(1), 'Coming up');
      await expectText(days.nth(9), 'Day 10');
      await expectText(days.nth(9), 'Fri, Dec 4');
      await expectText(plan, '0 of 10 days done');
      await expectNoAxeViolations(page, 'student page with a plan started');

      await plan.getByLabel('Topic (optional)').fill('Her soccer game');
      await plan.getByRole('button', { name: "Log today's conversation with Ana" }).click();
      await expectText(days.nth(0), 'Done');
      await expectText(plan, '1 of 10 days done');
      await expectText(plan.getByRole('status'), "Today's conversation is logged.");
      expect(await plan.getByRole('button', { name: /Log today's conversation/ }).count()).toBe(0);
      // The moment is in the teacher's own log, with its topic.
      const recent = page.getByRole('region', { name: 'Moments you logged recently' });
      await expectText(recent.getByRole('listitem').first(), 'Conversation');
      await expectText(recent.getByRole('listitem').first(), 'Her soccer game');
      // The ratio and its trend, with the table behind the chart.
      const ratio = page.getByRole('region', { name: 'Positive moments and corrections' });
      await expectText(ratio.locator('.ratio-figure'), '1 : 0');
      const trend = ratio.getByRole('figure', {
        name: 'Positive moments and corrections with Ana per school day',
      });
      await trend.getByText('Show as a table').click();
      const friday = trend.getByRole('row').filter({ hasText: 'Fri, Nov 20' }).locator('td');
      expect(await friday.allTextContents()).toEqual(['1', '0']);
      await expectNoAxeViolations(page, 'student page with today done and the table open');

      // Home shows both plan days done.
      await page.getByRole('link', { name: 'Rapport', exact: true }).click();
      const anaDay = week.getByRole('listitem').filter({ hasText: 'Ana' }).filter({
        hasText: 'Day 1 of 10',
      });
      await expectText(anaDay, "Today's conversation is logged.");
      await expectText(benDay, "Today's conversation is logged.");

      // Stopping asks first; the stopped plan moves to the history.
      await page.goto(`/students/${ana.id}`);
      await plan.getByRole('button', { name: 'Stop this plan' }).click();
      const question = plan.getByRole('group', { name: /Stop this two-by-ten/ });
      expect((await focused(page)).name).toBe('Yes, stop it');
      await expectNoAxeViolations(page, 'student page asking to stop the plan');
      await question.getByRole('button', { name: 'Yes, stop it' }).click();
      await expectText(plan, 'Earlier plans');
      await expectText(plan, 'Stopped — started Monday, November 23 · 1 of 10 days done');
      await plan.getByRole('button', { name: 'Start a two-by-ten' }).waitFor();

      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it(
    'asks for a reflection and a stage re-check when the ten days are over',
    { timeout: 60_000 },
    async () => {
      const { room, ana, api } = await classroom();
      // Started three weeks ago: its ten school days ended last Friday.
      const res = await api.post('/api/plans', { studentId: ana.id, startDate: '2026-11-06' });
      expect(res.statusCode, res.body).toBe(201);
      await log(api, room.cls.id, 'conversation', ana.id, at('2026-11-06', 16));
      const { page, context, pageErrors } = await openPage(h);
      await signInAs(page, room.teacher.account);
      await page.goto(`/students/${ana.id}`);
      const plan = page.getByRole('region', { name: 'Two-by-ten' });
      await expectText(plan, 'The ten days are over: reflect');
      await expectText(plan, 'You talked on 1 of 10 days.');
      const days = plan
        .getByRole('list', { name: 'The ten school days with Ana' })
        .getByRole('listitem');
      await expectText(days.nth(0), 'Done');
      await expectText(days.nth(1), 'Not logged');
      await plan.getByRole('button', { name: 'Save the reflection' }).click();
      await expectText(plan, 'Write a few words about what you learned.');
      await expectNoAxeViolations(page, 'student page with the reflection form');
      await plan
        .getByLabel('What did you learn about Ana?')
        .fill('She lights up talking about her dog.');
      await plan.getByLabel('Stage now').selectOption({ label: 'Maintain' });
      await plan.getByRole('button', { name: 'Save the reflection' }).click();
      await expectText(plan, 'Completed — started Friday, November 6 · 1 of 10 days done');
      await expectText(plan, 'She lights up talking about her dog.');
      const stage = page.getByRole('region', { name: 'Relationship stage' });
      await expectText(stage.locator('dl'), 'Your stageMaintain');
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it(
    'refuses a hard moment without a charitable explanation, saves it once with one, and suggests restore',
    { timeout: 90_000 },
    async () => {
      const { room, chloe } = await classroom();
      const { page, context, pageErrors } = await openPage(h);
      await signInAs(page, room.teacher.account);
      await page.goto(`/students/${chloe.id}`);
      await page.getByRole('heading', { level: 1, name: 'Chloe Nguyen' }).waitFor();
      const stage = page.getByRole('region', { name: 'Relationship stage' });
      await expectText(stage, 'Rapport suggestsEstablish');
      await expectText(stage, 'only 0 interactions this term');

      const section = page.getByRole('region', { name: 'Log a hard moment' });
      await expectText(section, 'an explanation that assumes the best about the student');
      await section.getByLabel('What happened?').fill('Walked out when I asked for the phone');
      await section
        .getByLabel('Explanation 1', { exact: true })
        .fill('Something happened at lunch and the phone mattered');
      await section
        .getByLabel('Explanation 2', { exact: true })
        .fill('Testing whether I follow through');
      await section
        .getByLabel('What will you try next?')
        .fill('Check in privately at the door tomorrow');
      const save = section.getByRole('button', { name: 'Save', exact: true });
      expect(await save.isEnabled()).toBe(true);
      await save.click();
      await expectText(
        section.getByRole('alert'),
        'Mark at least one explanation as charitable: one that assumes the best about the student.',
      );
      // Focus goes to the first "charitable" box, which is described by the message.
      const firstBox = section.getByRole('checkbox', { name: 'Charitable (explanation 1)' });
      expect(await firstBox.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await countRows('incidents', room.district.id)).toBe(0);
      await expectText(section, 'You have not logged a hard moment with this student.');
      await expectNoAxeViolations(page, 'incident form refusing to save');

      // The first answer is lost on the way back; "Try again" resends the same client id.
      const sent: Array<{ clientId: string }> = [];
      await page.route('**/api/incidents', async (route) => {
        sent.push(route.request().postDataJSON() as { clientId: string });
        if (sent.length === 1) {
          await route.fetch();
          await route.abort('connectionreset');
        } else {
          await route.continue();
        }
      });
      await firstBox.check();
      await save.click();
      const alert = section.getByRole('alert');
      await expectText(alert, 'Rapport could not reach the server.');
      await alert.getByRole('button', { name: 'Try again' }).click();
      await expectText(
        section.getByRole('status'),
        'Saved. Rapport will remind you until a repair is logged.',
      );
      expect(sent).toHaveLength(2);
      expect(sent[1]!.clientId).toBe(sent[0]!.clientId);
      expect(await countRows('incidents', room.district.id)).toBe(1);
      await page.unroute('**/api/incidents');

      // The incident is listed, the form is empty again, and Rapport now suggests restore.
      const incidents = section.getByRole('listitem').filter({ hasText: 'Walked out' });
      await expectText(incidents, 'Something happened at lunch and the phone matteredcharitable');
      await expectText(incidents, 'Next step: Check in privately at the door tomorrow');
      expect(await section.getByLabel('What happened?').inputValue()).toBe('');
      await expectText(stage, 'Rapport suggestsRestore');
      await expectText(stage, 'has not been repaired yet');
      const repair = page.getByRole('region', { name: 'Repair' });
      await expectText(repair, 'A repair is waiting (less than an hour).');
      await expectText(repair, 'What closes it: an empathy statement');
      await expectNoAxeViolations(page, 'student page after an incident');

      // What closes it is one tap away (closing is exercised in the keyboard test below: on
      // this frozen clock an incident and a repair logged "now" would share one instant).
      await repair.getByRole('button', { name: 'Log an empathy statement' }).waitFor();
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it(
    'accepts the suggested stage, then overrides it; the history keeps both',
    { timeout: 60_000 },
    async () => {
      const { room, ben } = await classroom();
      const { page, context, pageErrors } = await openPage(h);
      await signInAs(page, room.teacher.account);
      await page.goto(`/students/${ben.id}`);
      const stage = page.getByRole('region', { name: 'Relationship stage' });
      await expectText(stage, 'Your stageNot chosen yet');
      await expectText(stage, 'Rapport suggestsEstablish');
      await expectText(stage, 'You have not chosen a stage yet.');

      await stage.getByRole('button', { name: 'Use this stage (Establish)' }).click();
      await expectText(stage.getByRole('status'), 'Stage saved: Establish.');
      await expectText(stage, 'Your stageEstablish');
      await expectText(stage, "You are using Rapport's suggestion.");

      await stage.getByLabel('Or choose a stage yourself').selectOption({ label: 'Maintain' });
      await stage.getByRole('button', { name: 'Save this stage' }).click();
      await expectText(stage.getByRole('status'), 'Stage saved: Maintain.');
      await expectText(stage, 'Your stageMaintain');
      const history = stage.getByRole('list').filter({ hasText: 'Rapport' }).getByRole('listitem');
      await expect.poll(() => history.count()).toBe(2);
      await expectText(history.nth(0), 'Maintain — your choice (Rapport suggested Establish)');
      await expectText(history.nth(1), "Establish — Rapport's suggestion, accepted");

      // A history of conflict changes the suggestion to pre-establish, with its reason.
      const conflict = stage.getByRole('switch', { name: 'History of conflict' });
      expect(await conflict.getAttribute('aria-checked')).toBe('false');
      await conflict.click();
      await expect.poll(() => conflict.getAttribute('aria-checked')).toBe('true');
      await expectText(stage, 'Rapport suggestsPre-establish');
      await expectText(stage, 'You marked a history of conflict');
      await expectText(stage, 'Your stageMaintain'); // a suggestion never changes the teacher's choice
      await expectNoAxeViolations(page, 'student page after stage choices');

      // In Spanish, the reason comes back in Spanish too.
      await page.getByRole('button', { name: 'Español' }).click();
      const etapa = page.getByRole('region', { name: 'Etapa de la relación' });
      await expectText(etapa, 'Rapport sugierePreestablecer');
      await expectText(etapa, 'Marcaste un historial de conflicto');
      await expectText(etapa, 'Mantener — tu elección (Rapport sugirió Establecer)');
      await expectText(etapa.getByRole('status'), 'Etapa guardada: Mantener.');
      await expectNoAxeViolations(page, 'student page in Spanish');
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it(
    "shows a class's ratio, its trend as a chart with a table behind it, each student, and who had no positive moment",
    { timeout: 60_000 },
    async () => {
      const { room, ana, ben, chloe, api } = await classroom();
      for (let i = 0; i < 7; i++)
        await log(api, room.cls.id, 'warm_moment', ana.id, at('2026-11-20', 15));
      await log(api, room.cls.id, 'affirmation', ben.id, at('2026-11-19', 15));
      await log(api, room.cls.id, 'correction', ben.id, at('2026-11-19', 16));
      const { page, context, pageErrors } = await openPage(h);
      await signInAs(page, room.teacher.account);
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Classes' })
        .click();
      const ratiosLink = page.getByRole('link', {
        name: 'Positive moments and corrections in Science 7',
      });
      await ratiosLink.waitFor();
      await expectNoAxeViolations(page, 'all your classes');
      await ratiosLink.click();
      await page
        .getByRole('heading', { level: 1, name: 'Science 7: positive moments and corrections' })
        .waitFor();
      expect(new URL(page.url()).pathname).toBe(`/classes/${room.cls.id}/ratios`);
      const whole = page.getByRole('region', { name: 'The whole class' });
      await expectText(whole.locator('.ratio-figure'), '8 : 1');
      await expectText(
        whole,
        'positive : corrections over the last 10 school days (Nov 10 – Nov 23)',
      );

      // The chart is named, its drawing hidden from screen readers; the table holds the numbers.
      const chart = whole.getByRole('figure', {
        name: 'Positive moments and corrections per school day in this class',
      });
      await chart.locator('svg').first().waitFor();
      expect(await chart.locator('.chart-canvas').getAttribute('aria-hidden')).toBe('true');
      await chart.getByText('Show as a table').click();
      const rows = chart.getByRole('table').getByRole('row');
      await expect.poll(() => rows.count()).toBe(11); // a header and ten school days
      const cells = async (day: string) =>
        (await rows.filter({ hasText: day }).locator('th, td').allTextContents()).map((c) =>
          c.trim(),
        );
      expect(await cells('Fri, Nov 20')).toEqual(['Fri, Nov 20', '7', '0']);
      expect(await cells('Thu, Nov 19')).toEqual(['Thu, Nov 19', '1', '1']);
      expect(await cells('Mon, Nov 23')).toEqual(['Mon, Nov 23', '0', '0']);
      expect(await cells('Tue, Nov 10')).toEqual(['Tue, Nov 10', '0', '0']);

      const students = page.getByRole('region', { name: 'Each student' }).getByRole('table');
      const studentRow = async (name: string) =>
        (
          await students
            .getByRole('row')
            .filter({ hasText: name })
            .locator('th, td')
            .allTextContents()
        ).map((c) => c.trim());
      expect(await studentRow('Ana Lopez')).toEqual(['Ana Lopez', '7 : 0', '1']);
      expect(await studentRow('Ben Okafor')).toEqual(['Ben Okafor', '1 : 1', '2']);
      // Chloe has had no positive moment this term: 43 school days so far.
      expect(await studentRow('Chloe Nguyen')).toEqual(['Chloe Nguyen', '0 : 0', '43']);

      const quiet = page.getByRole('region', {
        name: 'No positive moment in the last 5 school days',
      });
      const quietLinks = quiet.getByRole('link');
      expect(await quietLinks.allTextContents()).toEqual(['Chloe Nguyen']);
      await expectText(quiet, 'Chloe Nguyen — no positive moment in 43 school days');
      expect(await quietLinks.first().getAttribute('href')).toBe(`/students/${chloe.id}`);
      expect(await page.getByRole('main').textContent()).not.toMatch(/fail/i);
      await expectNoAxeViolations(page, 'class ratios with the table open');

      await page.setViewportSize({ width: 360, height: 740 });
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, 'class ratios at 360 px');
      await quietLinks.first().click();
      await page.getByRole('heading', { level: 1, name: 'Chloe Nguyen' }).waitFor();
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it('works with the keyboard alone on a 360 px screen', { timeout: 90_000 }, async () => {
    const { room, ana, api } = await classroom();
    await log(api, room.cls.id, 'correction', ana.id, at(TODAY, 13));
    const { page, context, pageErrors } = await openPage(h, {
      viewport: { width: 360, height: 740 },
    });
    await signInAs(page, room.teacher.account);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, 'teacher home at 360 px');

    // "Not this week" from the keyboard; focus lands on the list's heading.
    await tabTo(page, 'Not this week for Ben', { max: 60 });
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).name).toBe('Who needs you this week');
    await expectNoText(page.getByRole('list', { name: 'Who needs you this week' }), 'Ben');

    // Ana's page: start a plan and log today's conversation without a mouse.
    await tabTo(page, 'Ana', { max: 10 });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Ana Lopez' }).waitFor();
    await expect.poll(async () => (await focused(page)).name).toBe('Ana Lopez');
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, 'student page at 360 px');

    const startButton = await tabTo(page, 'Start a two-by-ten', { max: 60 });
    expect(startButton.outline).toMatch(/^solid [3-9]/);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: "Log today's conversation with Ana" }).waitFor();
    // Focus stays in the section (on its heading), so the next stops are the new controls.
    await expect.poll(async () => (await focused(page)).name).toBe('Two-by-ten');
    await tabTo(page, "Log today's conversation", { max: 3 });
    await page.keyboard.press('Enter');
    const days = page
      .getByRole('list', { name: 'The ten school days with Ana' })
      .getByRole('listitem');
    await expectText(days.nth(0), 'Done');
    await expect.poll(async () => (await focused(page)).name).toBe('Two-by-ten');
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, 'student page with a plan at 360 px');

    // The repair is closed from the keyboard too.
    await tabTo(page, 'Log an empathy statement', { max: 60, shift: true });
    await page.keyboard.press('Enter');
    await expectText(
      page.getByRole('region', { name: 'Repair' }),
      'Nothing is waiting for repair.',
    );
    await expect.poll(async () => (await focused(page)).name).toBe('Repair');

    // The charitable box is a real checkbox: Space toggles it.
    await tabTo(page, 'Charitable (explanation 1)', { max: 80 });
    await page.keyboard.press('Space');
    expect(
      await page.getByRole('checkbox', { name: 'Charitable (explanation 1)' }).isChecked(),
    ).toBe(true);
    await expectNoHorizontalScroll(page);

    // "How fast I repair" on the phone: the repair above closed two hours after the correction.
    await page.goto('/practice/repairs');
    await page.getByRole('heading', { level: 1, name: 'How fast I repair' }).waitFor();
    await expectText(page.locator('dl.figures'), 'Repairs made this term1');
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, 'how fast I repair at 360 px');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
