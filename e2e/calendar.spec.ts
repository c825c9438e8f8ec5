// The school calendar in a real browser: a district admin uploads a real .ics file through the
// file input, sees the days off and the school-day count, edits and removes days, by keyboard,
// in English and Spanish, and at phone width.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassroom, buildStaff } from '../test/factories.js';
import { DISTRICT_HOLIDAYS_ICS } from '../test/ics-samples.js';
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

describe.skipIf(!browserAvailable)('school calendar', () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    h = await startHarness();
    dir = mkdtempSync(join(tmpdir(), 'rapport-ics-'));
  });
  afterAll(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'uploads an .ics file, shows the days off and fewer school days, edits and removes days',
    { timeout: 90_000 },
    async () => {
      // The term runs from 2026-09-24 to 2027-01-02: 72 weekdays.
      const room = await buildClassroom(h.db.kysely, { today: TODAY, students: 1 });
      const admin = await buildStaff(h.db.kysely, {
        districtId: room.district.id,
        schoolId: null,
        role: 'district_admin',
      });
      const icsPath = join(dir, 'riverbend-2026-27.ics');
      writeFileSync(icsPath, DISTRICT_HOLIDAYS_ICS);
      const brokenPath = join(dir, 'broken.ics');
      writeFileSync(
        brokenPath,
        DISTRICT_HOLIDAYS_ICS.replace(
          'DTSTART;VALUE=DATE:20261111',
          'DTSTART;VALUE=DATE:2026-11-11',
        ),
      );

      const { page, context, pageErrors } = await openPage(h);
      await signInThroughPage(page, admin.account);
      await page.getByRole('heading', { level: 1, name: room.district.name }).waitFor();
      await expectNoAxeViolations(page, 'district admin home');
      await page.getByRole('link', { name: 'School calendar: terms and days off' }).click();
      await page.getByRole('heading', { level: 1, name: 'School calendar' }).waitFor();
      const terms = page.getByRole('region', { name: 'Terms' }).getByRole('table');
      const schoolDays = async () =>
        (
          await terms
            .getByRole('row')
            .filter({ hasText: 'Fall' })
            .locator('td')
            .last()
            .textContent()
        )?.trim();
      expect(await schoolDays()).toBe('72');
      await expectText(page.getByRole('main'), 'No days off yet.');
      await expectNoAxeViolations(page, 'calendar, empty');

      // A broken file: refused with its line, and nothing changes.
      const upload = page.getByRole('region', { name: 'Upload a calendar file' });
      const uploadFile = async (path: string) => {
        await page.getByLabel('Calendar file (.ics)').setInputFiles(path);
        await upload.getByRole('button', { name: 'Upload' }).click();
      };
      await uploadFile(brokenPath);
      const alert = upload.getByRole('alert');
      await expectText(alert, 'The file was not used, and nothing changed:');
      const badLine =
        DISTRICT_HOLIDAYS_ICS.split('\r\n').indexOf('DTSTART;VALUE=DATE:20261111') + 1;
      await expectText(alert, `line ${badLine}: DTSTART "2026-11-11" is not a date`);
      expect(await schoolDays()).toBe('72');
      await expectNoAxeViolations(page, 'calendar, upload refused');

      // The real file: sixteen days within the term, fourteen of them weekdays.
      await uploadFile(icsPath);
      await expectText(
        upload.getByRole('status'),
        '16 days off added or updated. 0 were already there.',
      );
      await expectText(upload, 'Early Release Wednesday (dismissal 1:00 pm) (line');
      await expect.poll(schoolDays).toBe('58');
      const list = page.getByRole('region', { name: 'Days off' });
      const item = (date: string) => list.getByRole('listitem').filter({ hasText: date });
      await expectText(item('Thursday, November 26'), 'Thanksgiving Break');
      await expectText(item('Thursday, November 26'), 'From the calendar file');
      await expectText(item('Saturday, December 26'), 'Winter Break');
      await expectNoAxeViolations(page, 'calendar after upload');

      // The same file again adds nothing.
      await uploadFile(icsPath);
      await expectText(
        upload.getByRole('status'),
        '0 days off added or updated. 16 were already there.',
      );

      // Change a reason, by keyboard.
      await item('Wednesday, November 11').getByRole('button', { name: 'Change reason' }).focus();
      await page.keyboard.press('Enter');
      const reason = page.getByLabel('New reason for Wednesday, November 11');
      expect((await focused(page)).name).toBe('New reason for Wednesday, November 11');
      await reason.fill('Veterans Day (observed)');
      await page.keyboard.press('Enter');
      await expectText(item('Wednesday, November 11'), 'Veterans Day (observed)');
      await expectText(item('Wednesday, November 11'), 'Added by hand');
      await expect
        .poll(async () => (await focused(page)).name)
        .toBe('Change reason for Wednesday, November 11');

      // Remove a day: a school day again.
      await item('Friday, November 27').getByRole('button', { name: 'Remove' }).click();
      await expectText(list.getByRole('status'), 'Friday, November 27 is a school day again.');
      expect(await item('Friday, November 27').count()).toBe(0);
      await expect.poll(schoolDays).toBe('59');

      // Add one by hand, reaching the form by keyboard.
      await tabTo(page, 'Date', { shift: true, max: 80 });
      await page.getByLabel('Date', { exact: true }).fill('2026-12-04');
      await page.getByLabel('Reason', { exact: true }).fill('Staff development');
      await page.getByRole('button', { name: 'Add day off' }).click();
      await expectText(item('Friday, December 4'), 'Staff development');
      await expect.poll(schoolDays).toBe('58');
      await expectNoAxeViolations(page, 'calendar after edits');

      // In Spanish.
      await page.getByRole('button', { name: 'Español' }).click();
      await page.getByRole('heading', { level: 1, name: 'Calendario escolar' }).waitFor();
      await expectText(page.getByRole('main'), 'Días sin clases');
      await expectText(page.getByRole('main'), 'Del archivo de calendario');
      await expectNoAxeViolations(page, 'calendar in Spanish');

      // At phone width.
      await page.setViewportSize({ width: 360, height: 740 });
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, 'calendar at 360 px');
      expect(pageErrors).toEqual([]);

      const rows = await h.db.kysely
        .selectFrom('days_off')
        .select(['date', 'source'])
        .where('district_id', '=', room.district.id)
        .execute();
      expect(rows).toHaveLength(16);
      await context.close();
    },
  );

  it('is not shown to a teacher', { timeout: 30_000 }, async () => {
    const room = await buildClassroom(h.db.kysely, { today: TODAY, students: 1 });
    const { page, context } = await openPage(h);
    await signInThroughPage(page, room.teacher.account);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expectNoAxeViolations(page, 'teacher home');
    await page.goto('/admin/calendar');
    // A full page load (the app, then the session) on a CI machine running two test workers
    // once took longer than the default 10 s.
    await page
      .getByRole('heading', { level: 1, name: 'Page not found' })
      .waitFor({ timeout: 20_000 });
    expect(await page.getByRole('heading', { name: 'School calendar' }).count()).toBe(0);
    await expectNoAxeViolations(page, 'page not found (teacher)');
    await context.close();
  });
});
