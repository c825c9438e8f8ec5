// The district admin's roster page in a real browser: a OneRoster zip is checked (a dry run),
// its report read, and the changes applied; a file with bad dates is rejected and nothing
// changes. Zips are built at run time from the published sample sets. axe on every state, in
// Spanish too and at 360 px; the keyboard reaches the file input and the buttons; the export
// link downloads the district's roster.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassroom, buildDistrict, buildStaff } from '../test/factories.js';
import { conformanceDir, zipFolder } from '../test/oneroster-set.js';
import {
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

const SETS = conformanceDir();

describe.skipIf(!browserAvailable)('district admin roster page', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  async function districtAdmin() {
    const district = await buildDistrict(h.db.kysely);
    const admin = await buildStaff(h.db.kysely, {
      districtId: district.id,
      schoolId: null,
      role: 'district_admin',
      givenName: 'Adam',
    });
    return { district, admin };
  }

  /** Chooses a zip in the file input and checks it. */
  async function checkFile(page: Page, set: string) {
    await page.getByLabel('OneRoster file').setInputFiles({
      name: `${set}.zip`,
      mimeType: 'application/zip',
      buffer: await zipFolder(join(SETS, set)),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
  }

  const classTitles = (districtId: string) =>
    h.db.kysely
      .selectFrom('classes')
      .select('title')
      .where('district_id', '=', districtId)
      .orderBy('title')
      .execute()
      .then((rows) => rows.map((r) => r.title));

  const cellsOf = async (page: Page, table: string, row: string) =>
    (
      await page
        .getByRole('table', { name: table })
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: row, exact: true }) })
        .locator('th, td')
        .allTextContents()
    ).map((c) => c.trim());

  it(
    'checks the minimal set, shows what would change and its warning, applies it, and the classes are in',
    { timeout: 90_000 },
    async () => {
      const { district, admin } = await districtAdmin();
      const { page, context, pageErrors } = await openPage(h);
      await signInThroughPage(page, admin.account);
      await page.getByRole('heading', { level: 1, name: district.name }).waitFor();
      await expectNoAxeViolations(page, 'district admin home');
      await page.getByRole('link', { name: 'Roster: import and export' }).click();
      await page.getByRole('heading', { level: 1, name: 'Roster' }).waitFor();
      const main = page.getByRole('main');
      await expectText(main, 'No roster has been imported yet.');
      await expect(
        page.getByRole('link', { name: 'Download the roster (.zip)' }).getAttribute('href'),
      ).resolves.toBe('/api/rostering/export');
      // The link downloads the district's roster, as the signed-in admin.
      const download = await page.request.get('/api/rostering/export');
      expect([download.status(), download.headers()['content-type']]).toEqual([
        200,
        'application/zip',
      ]);
      expect((await download.body()).subarray(0, 2).toString('latin1')).toBe('PK');
      await expectNoAxeViolations(page, 'roster page, nothing imported');

      // The keyboard reaches the file input and the button; with no file, it says so.
      expect((await tabTo(page, 'OneRoster file', { max: 30 })).tag).toBe('input');
      await tabTo(page, 'Check the file', { max: 3 });
      await page.keyboard.press('Enter');
      await expectText(main, 'Choose the .zip file to check.');
      expect((await focused(page)).name).toBe('OneRoster file');
      await expectNoAxeViolations(page, 'roster page, no file chosen');

      // The server's first answer about the job is held back as "running" with progress, so
      // the live region's progress can be seen; the next poll gets the real answer.
      let held = false;
      await page.route('**/api/rostering/imports/*', async (route) => {
        if (held || route.request().method() !== 'GET') return route.continue();
        held = true;
        const res = await route.fetch();
        const job = (await res.json()) as Record<string, unknown>;
        await route.fulfill({
          response: res,
          json: {
            ...job,
            status: 'running',
            progress: { file: 'users.csv', rows: 4 },
            report: null,
          },
        });
      });
      await checkFile(page, 'Test_minimal_data_set');
      const live = page.getByRole('region', { name: 'Import a roster' }).getByRole('status');
      await expectText(live, 'Checking the file. Reading users.csv: 4 rows so far.');
      await page.getByRole('heading', { level: 3, name: 'What this file would change' }).waitFor();
      await page.unroute('**/api/rostering/imports/*');
      await expectText(live, 'The check is done. Nothing has changed yet.');
      await expectText(main, 'File: Test_minimal_data_set.zip');
      await expectText(
        main,
        'Complete lists: academicSessions.csv, classes.csv, enrollments.csv, orgs.csv, users.csv',
      );
      const figures = (await page.locator('.roster-result dl.figures').innerText()).split(/\s+/);
      expect(figures.join(' ')).toBe('OneRoster version 1.1 Rows read 20');

      const caption = 'Changes by kind of record';
      expect(await cellsOf(page, caption, 'People (staff, students and families)')).toEqual([
        'People (staff, students and families)',
        '6',
        '0',
        '0',
        '0',
      ]);
      expect(await cellsOf(page, caption, 'Classes')).toEqual(['Classes', '2', '0', '0', '0']);
      const warnings = page.locator('.roster-warnings');
      await expectText(warnings, 'classes.csv, line 2, column classType: "Scheduled" read as');
      await expectText(warnings, '(2 rows like this: lines 2 and 3)');
      expect(await page.locator('.roster-errors').count()).toBe(0);
      // Nothing is in the database before it is applied.
      expect(await classTitles(district.id)).toEqual([]);
      await expectNoAxeViolations(page, 'roster page, previewed');

      // Apply, from the keyboard.
      await page.getByRole('button', { name: 'Apply these changes' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 3, name: 'The changes are applied' }).waitFor();
      expect((await focused(page)).name).toBe('The changes are applied');
      await expectText(live, 'The changes are applied.');
      expect(await page.getByRole('button', { name: 'Apply these changes' }).count()).toBe(0);
      expect(await classTitles(district.id)).toEqual(['History - 2', 'Introduction to Physics']);

      const history = page.getByRole('region', { name: 'Recent imports' }).getByRole('table');
      const row = history.getByRole('row').filter({ hasText: 'Test_minimal_data_set.zip' });
      await expectText(row, 'Applied');
      expect(await history.getByRole('row').count()).toBe(2); // the header and this import
      await expectNoAxeViolations(page, 'roster page, applied');

      // In Spanish, and on a phone.
      await page.getByRole('button', { name: 'Español' }).click();
      await page.getByRole('heading', { level: 1, name: 'Matrícula' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'Los cambios están aplicados' }).waitFor();
      await expectText(page.getByRole('table', { name: 'Cambios por tipo de registro' }), 'Clases');
      const historia = page.getByRole('region', { name: 'Importaciones recientes' });
      await expectText(historia.getByRole('row').nth(1), 'Aplicada');
      await expectNoAxeViolations(page, 'roster page, applied, in Spanish');
      await page.setViewportSize({ width: 360, height: 740 });
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, 'roster page, applied, in Spanish at 360 px');
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it(
    'rejects a set with bad dates, naming the file, line and column, and changes nothing',
    { timeout: 60_000 },
    async () => {
      const { district, admin } = await districtAdmin();
      const { page, context, pageErrors } = await openPage(h, {
        viewport: { width: 360, height: 740 },
      });
      await signInThroughPage(page, admin.account);
      await page.getByRole('heading', { level: 1, name: district.name }).waitFor();
      await page.goto('/admin/roster');
      await page.getByRole('heading', { level: 1, name: 'Roster' }).waitFor();

      await checkFile(page, 'v1p2_full_dataset');
      await page.getByRole('heading', { level: 3, name: 'This file cannot be imported' }).waitFor();
      const main = page.getByRole('main');
      await expectText(main, 'Nothing was changed.');
      await page.getByRole('heading', { level: 4, name: '5 problems stop this import' }).waitFor();
      await expectText(
        page.locator('.roster-errors'),
        'users.csv, line 2, column dateLastModified',
      );
      expect(await page.getByRole('button', { name: 'Apply these changes' }).count()).toBe(0);
      expect(await page.getByRole('table', { name: 'Changes by kind of record' }).count()).toBe(0);
      const history = page.getByRole('region', { name: 'Recent imports' }).getByRole('table');
      await expectText(history, 'Rejected: nothing changed');
      expect(await classTitles(district.id)).toEqual([]);
      const people = await h.db.kysely
        .selectFrom('people')
        .select('id')
        .where('district_id', '=', district.id)
        .execute();
      expect(people).toHaveLength(1); // the admin alone
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, 'roster page, rejected, at 360 px');

      // On a phone the language is in the menu; Escape closes it again.
      await page.getByRole('button', { name: 'Menu' }).click();
      await page.getByRole('button', { name: 'Español' }).click();
      await page.keyboard.press('Escape');
      await page
        .getByRole('heading', { level: 3, name: 'Este archivo no se puede importar' })
        .waitFor();
      await expectText(
        page.locator('.roster-errors'),
        'users.csv, línea 2, columna dateLastModified',
      );
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, 'roster page, rejected, in Spanish at 360 px');
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it('shows a teacher the not-found page at /admin/roster', { timeout: 30_000 }, async () => {
    const room = await buildClassroom(h.db.kysely, { today: TODAY });
    const { page, context, pageErrors } = await openPage(h);
    await signInThroughPage(page, room.teacher.account);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expectNoAxeViolations(page, 'teacher home');
    await page.goto('/admin/roster');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await page.getByLabel('OneRoster file').count()).toBe(0);
    await expectNoAxeViolations(page, 'roster page for a teacher');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
