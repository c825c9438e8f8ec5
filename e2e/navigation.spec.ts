// The menu of each role and the teacher's one-screen home, on the demo district `npm start`
// seeds (its teacher, leader, district admin and student). The menu is operated with the
// keyboard only (Tab, Enter, Escape) on a 360 px phone and at desktop width, with axe on it
// open and closed. The home's screenshots go to docs/screens/.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PracticeTodayResponse } from '../src/contracts/practice.js';
import type { TeacherHomeResponse } from '../src/contracts/classes.js';
import { formatRatio } from '../src/domain/interaction-kinds.js';
import { DEMO_PASSWORD, DEMO_USERNAMES } from '../src/server/features/demo/demo.generator.js';
import { seedDemo } from '../src/server/features/demo/demo.service.js';
import {
  NOW,
  browserAvailable,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  focused,
  openPage,
  signInThroughPage,
  startHarness,
  tabTo,
  type Harness,
} from './harness.js';

const SCREENS = resolve(import.meta.dirname, '../docs/screens');

/** Each role's menu, in order, and the page its second item opens (its h1). */
const MENUS = {
  teacher: {
    items: ['Today', 'Classes', 'Students', 'Surveys', 'Insights'],
    second: { path: '/classes', heading: 'All your classes' },
  },
  leader: {
    items: ['Home', 'Surveys', 'Results'],
    second: { path: '/surveys/administrations', heading: 'Surveys' },
  },
  district_admin: {
    items: ['Home', 'Roster', 'Calendar', 'Surveys', 'Results', 'Settings'],
    second: { path: '/admin/roster', heading: 'Roster' },
  },
  student: {
    items: ['Home', 'Profile', 'Questionnaire'],
    second: { path: '/me/profile', heading: 'My profile' },
  },
} as const;

type MenuRole = keyof typeof MENUS;

describe.skipIf(!browserAvailable)('the menu and the teacher home', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await seedDemo(h.db.kysely, {}, NOW);
  });
  afterAll(async () => {
    await h?.close();
  });

  async function signedIn(role: MenuRole, width: number, height = 800) {
    const t = await openPage(h, { viewport: { width, height } });
    await signInThroughPage(t.page, { username: DEMO_USERNAMES[role], password: DEMO_PASSWORD });
    await t.page.waitForURL((url) => url.pathname === '/');
    await t.page.getByRole('heading', { level: 1 }).waitFor();
    return t;
  }

  const menuButton = (page: Page) => page.getByRole('button', { name: 'Menu' });
  const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });
  const visibleLinks = async (page: Page) =>
    (await nav(page).getByRole('link').all()).length === 0
      ? []
      : nav(page)
          .getByRole('link')
          .evaluateAll((links) =>
            links
              .filter((a) => (a as HTMLElement).offsetParent !== null)
              .map((a) => a.textContent?.trim() ?? ''),
          );

  describe.each(Object.keys(MENUS) as MenuRole[])('%s', (role) => {
    const menu = MENUS[role];

    it(
      'opens, closes and navigates by keyboard on a 360 px phone',
      { timeout: 60_000 },
      async () => {
        const { page, context, pageErrors } = await signedIn(role, 360);
        await page.goto('/'); // a fresh load: Tab starts at the top of the page
        await page.getByRole('heading', { level: 1 }).waitFor();
        await expectNoHorizontalScroll(page);

        // Closed: only the button shows; the links are out of the Tab order.
        await tabTo(page, 'Menu', { max: 5 });
        expect(await menuButton(page).getAttribute('aria-expanded')).toBe('false');
        expect(await visibleLinks(page)).toEqual([]);
        await expectNoAxeViolations(page, `${role} menu closed at 360 px`);

        // Enter opens it and moves focus to the first link; Escape closes it, back on the button.
        await page.keyboard.press('Enter');
        expect(await menuButton(page).getAttribute('aria-expanded')).toBe('true');
        const panelId = await menuButton(page).getAttribute('aria-controls');
        expect(await page.locator(`[id="${panelId}"]`).isVisible()).toBe(true);
        expect((await focused(page)).name).toBe(menu.items[0]);
        expect(await visibleLinks(page)).toEqual(menu.items);
        // The current page is marked for assistive technology.
        expect(
          await nav(page).getByRole('link', { name: menu.items[0] }).getAttribute('aria-current'),
        ).toBe('page');
        await expectNoAxeViolations(page, `${role} menu open at 360 px`);
        await expectNoHorizontalScroll(page);
        await page.keyboard.press('Escape');
        expect(await menuButton(page).getAttribute('aria-expanded')).toBe('false');
        expect((await focused(page)).name).toBe('Menu');
        expect(await visibleLinks(page)).toEqual([]);

        // Open again, Tab to the second page, Enter: it opens, the menu closes, focus is on its h1.
        await page.keyboard.press('Enter');
        await tabTo(page, menu.items[1], { max: 3 });
        await page.keyboard.press('Enter');
        await page.waitForURL(`**${menu.second.path}`);
        const heading = page.getByRole('heading', { level: 1, name: menu.second.heading });
        await heading.waitFor();
        await expect.poll(async () => (await focused(page)).tag).toBe('h1');
        expect(await menuButton(page).getAttribute('aria-expanded')).toBe('false');
        await expectNoAxeViolations(page, `${role}: ${menu.second.path} at 360 px`);

        expect(pageErrors).toEqual([]);
        await context.close();
      },
    );

    it('is a row of links at desktop width, in Tab order', { timeout: 60_000 }, async () => {
      const { page, context, pageErrors } = await signedIn(role, 1280);
      await page.goto('/');
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await menuButton(page).isVisible()).toBe(false);
      expect(await visibleLinks(page)).toEqual(menu.items);
      await expectNoAxeViolations(page, `${role} menu at 1280 px`);

      // Skip link, app name, then every item in order.
      await tabTo(page, 'Rapport', { max: 3 });
      for (const item of menu.items) {
        await page.keyboard.press('Tab');
        expect((await focused(page)).name).toBe(item);
      }
      await tabTo(page, menu.items[1], { max: menu.items.length, shift: true });
      await page.keyboard.press('Enter');
      await page.waitForURL(`**${menu.second.path}`);
      await page.getByRole('heading', { level: 1, name: menu.second.heading }).waitFor();
      expect(
        await nav(page).getByRole('link', { name: menu.items[1] }).getAttribute('aria-current'),
      ).toBe('page');
      await expectNoAxeViolations(page, `${role}: ${menu.second.path} at 1280 px`);

      expect(pageErrors).toEqual([]);
      await context.close();
    });
  });

  it(
    "fits the demo teacher's day on one 390 × 844 screen, without scrolling",
    { timeout: 90_000 },
    async () => {
      const { page, context, pageErrors } = await signedIn('teacher', 390, 844);
      const week = (await (
        await page.request.get('/api/practice/today')
      ).json()) as PracticeTodayResponse;
      const home = (await (
        await page.request.get('/api/home/teacher')
      ).json()) as TeacherHomeResponse;
      // The demo teacher has classes today, students who need them and repairs waiting.
      expect(home.todaysClasses.length).toBeGreaterThan(0);
      expect(week.focus.length).toBeGreaterThan(0);
      expect(week.focus.length).toBeLessThanOrEqual(5);
      expect(week.openRepairs.length).toBeGreaterThan(0);

      const today = page.getByRole('region', { name: 'Today' });
      const tiles = today.getByRole('link');
      await expect.poll(() => tiles.count()).toBe(home.todaysClasses.length);
      expect(await tiles.locator('.class-title').allTextContents()).toEqual(
        home.todaysClasses.map((c) => c.title),
      );
      const focusItems = page
        .getByRole('list', { name: 'Who needs you this week' })
        .getByRole('listitem');
      expect(await focusItems.locator('.focus-name').allTextContents()).toEqual(
        week.focus.map((f) => f.displayName),
      );
      const n = week.openRepairs.length;
      const repairsHeading = page.getByRole('heading', {
        level: 3,
        name: n === 1 ? '1 repair waiting' : `${n} repairs waiting`,
      });
      const oldest = page
        .getByRole('list', { name: 'The oldest repairs waiting' })
        .getByRole('listitem');
      const oldestThree = [...week.openRepairs]
        .sort((a, b) => b.ageHours - a.ageHours)
        .slice(0, 3)
        .map((r) => r.displayName);
      expect(await oldest.getByRole('link').allTextContents()).toEqual(oldestThree);
      const allRepairs = page.getByRole('link', {
        name: n === 1 ? 'The repair waiting' : `All ${n} repairs waiting`,
      });
      const ratio = page.locator('.week-figure .ratio-figure');
      expect(await ratio.textContent()).toBe(
        formatRatio(week.ratio.positive, week.ratio.corrections),
      );

      // Everything the first screen promises is inside it, and the page did not scroll.
      const parts = {
        "today's classes": tiles,
        'focus students': focusItems,
        'repairs count': repairsHeading,
        'three oldest repairs': oldest,
        'link to all repairs': allRepairs,
        ratio,
      };
      for (const [what, locator] of Object.entries(parts)) {
        const boxes = await locator.evaluateAll((els) =>
          els.map((el) => el.getBoundingClientRect().bottom),
        );
        expect(boxes.length, what).toBeGreaterThan(0);
        expect(Math.max(...boxes), `${what} ends below the 844 px screen`).toBeLessThanOrEqual(844);
      }
      expect(await page.evaluate(() => window.scrollY)).toBe(0);
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, 'teacher home at 390 px');
      mkdirSync(SCREENS, { recursive: true });
      await page.screenshot({ path: resolve(SCREENS, 'teacher-home-390.png') });

      // The link leads to every repair waiting, oldest first.
      await allRepairs.click();
      await page.getByRole('heading', { level: 1, name: 'Repairs waiting' }).waitFor();
      const all = page.getByRole('list', { name: 'Repairs waiting' }).getByRole('listitem');
      await expect.poll(() => all.count()).toBe(n);
      expect(await all.getByRole('link').allTextContents()).toEqual(
        [...week.openRepairs].sort((a, b) => b.ageHours - a.ageHours).map((r) => r.displayName),
      );
      await expectNoAxeViolations(page, 'repairs waiting at 390 px');

      // In Spanish: the menu and the home's parts.
      await page.goto('/');
      await menuButton(page).click();
      await page.getByRole('button', { name: 'Español' }).click();
      await page.getByRole('heading', { level: 2, name: 'Hoy' }).waitFor();
      const principal = page.getByRole('navigation', { name: 'Principal' });
      expect(await principal.getByRole('link').allTextContents()).toEqual([
        'Hoy',
        'Clases',
        'Estudiantes',
        'Encuestas',
        'Reflexión',
      ]);
      await page.keyboard.press('Escape');
      expect(await page.getByRole('button', { name: 'Menú' }).getAttribute('aria-expanded')).toBe(
        'false',
      );
      await page
        .getByRole('heading', {
          level: 3,
          name: n === 1 ? '1 reparación pendiente' : `${n} reparaciones pendientes`,
        })
        .waitFor();
      await expectNoAxeViolations(page, 'teacher home in Spanish at 390 px');
      // Back to English (the choice is saved on the account, which signs in again below).
      await page.getByRole('button', { name: 'Menú' }).click();
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/auth/locale'));
      await page.getByRole('button', { name: 'English' }).click();
      expect((await saved).ok()).toBe(true);
      await page.getByRole('heading', { level: 2, name: 'Today' }).waitFor();

      expect(pageErrors).toEqual([]);
      await context.close();

      // The same home on a laptop.
      const wide = await signedIn('teacher', 1280, 900);
      await wide.page.getByRole('list', { name: 'Who needs you this week' }).waitFor();
      await expectNoAxeViolations(wide.page, 'teacher home at 1280 px');
      await wide.page.screenshot({
        path: resolve(SCREENS, 'teacher-home-1280.png'),
        fullPage: true,
      });
      expect(wide.pageErrors).toEqual([]);
      await wide.context.close();
    },
  );
});
