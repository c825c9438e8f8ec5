// The demo district as `npm start` seeds it: the demo teacher's and the demo leader's survey
// results show figures (a closed fall survey, answered by the demo students), in a real browser.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERNAMES } from '../src/server/features/demo/demo.generator.js';
import { seedDemo } from '../src/server/features/demo/demo.service.js';
import {
  NOW,
  browserAvailable,
  expectNoAxeViolations,
  openPage,
  signInThroughPage,
  startHarness,
  type Harness,
} from './harness.js';

describe.skipIf(!browserAvailable)('the demo', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await seedDemo(h.db.kysely, { students: 400, staff: 20 }, NOW);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The scores (1–5) in a scale's table behind its chart. */
  const scores = async (page: Page, scale: string) => {
    const table = page.getByRole('table', { name: scale }).first();
    await table.waitFor();
    const cells = (await table.locator('td').allTextContents()).map((c) => c.trim());
    return cells.filter((c) => /^\d\.\d\d$/.test(c)).map(Number);
  };

  /** A page of the signed-in role's menu (a row of links at this width). */
  const menuLink = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });

  it(
    "the demo teacher's and the demo leader's survey results show figures",
    { timeout: 90_000 },
    async () => {
      const t = await openPage(h);
      await signInThroughPage(t.page, {
        username: DEMO_USERNAMES.teacher,
        password: DEMO_PASSWORD,
      });
      const teacherSurveys = menuLink(t.page, 'Surveys');
      await teacherSurveys.waitFor();
      await expectNoAxeViolations(t.page, 'demo teacher home');
      await teacherSurveys.click();
      await t.page.getByRole('heading', { level: 1, name: 'Survey results' }).waitFor();
      await expectNoAxeViolations(t.page, 'demo survey results');
      expect(await t.page.getByRole('link', { name: /^Class: / }).count()).toBe(5);
      await t.page.getByRole('link', { name: /^Teacher: / }).click();
      await t.page.locator('dl.figures').waitFor();
      const climate = await scores(t.page, 'Classroom climate');
      // The teacher's own group and each of the five classes has a score.
      expect(climate.length).toBeGreaterThanOrEqual(6);
      for (const s of climate) expect(s).toBeGreaterThan(1);
      await expectNoAxeViolations(t.page, 'demo teacher report');
      expect(t.pageErrors).toEqual([]);
      await t.context.close();

      const l = await openPage(h);
      await signInThroughPage(l.page, { username: DEMO_USERNAMES.leader, password: DEMO_PASSWORD });
      const leaderResults = menuLink(l.page, 'Results');
      await leaderResults.waitFor();
      await expectNoAxeViolations(l.page, 'demo leader home');
      await leaderResults.click();
      await l.page.getByRole('heading', { level: 1, name: 'Survey results' }).waitFor();
      await expectNoAxeViolations(l.page, 'survey results (leader)');
      await l.page.getByRole('link', { name: /^School: / }).click();
      await l.page.locator('dl.figures').waitFor();
      expect((await scores(l.page, 'Belonging')).length).toBeGreaterThan(0);
      await expectNoAxeViolations(l.page, 'demo school report');
      expect(l.pageErrors).toEqual([]);
      await l.context.close();
    },
  );
});
