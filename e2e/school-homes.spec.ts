// The homes of school leaders, district admins and the roles without pages yet, in a real
// browser, with real aggregates behind them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClassroom, buildStaff } from '../test/factories.js';
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

describe.skipIf(!browserAvailable)('leader, district admin and other homes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** A classroom where the teacher logged warm moments for two students and a correction for the third. */
  async function schoolWithMoments() {
    const room = await buildClassroom(h.db.kysely, {
      today: TODAY,
      studentNames: [
        { given: 'Ana', family: 'Lopez' },
        { given: 'Ben', family: 'Okafor' },
        { given: 'Chloe', family: 'Nguyen' },
      ],
    });
    const [ana, ben, chloe] = [room.students[0]!, room.students[1]!, room.students[2]!];
    const teacher = await signIn(
      h.app,
      room.teacher.account.username,
      room.teacher.account.password,
    );
    for (const [clientId, kind, studentIds] of [
      ['e2e-warm-0001', 'warm_moment', [ana.id, ben.id]],
      ['e2e-corr-0001', 'correction', [chloe.id]],
    ] as const) {
      const res = await teacher.post('/api/interactions', {
        clientId,
        kind,
        studentIds,
        classId: room.cls.id,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const leader = await buildStaff(h.db.kysely, {
      districtId: room.district.id,
      schoolId: room.school.id,
      role: 'leader',
      givenName: 'Lena',
    });
    const admin = await buildStaff(h.db.kysely, {
      districtId: room.district.id,
      schoolId: null,
      role: 'district_admin',
      givenName: 'Adam',
    });
    return { room, ana, leader, admin };
  }

  it(
    "shows a leader their school's aggregates, and an admin every school and the audit log",
    { timeout: 60_000 },
    async () => {
      const { room, ana, leader, admin } = await schoolWithMoments();

      const l = await openPage(h);
      await signInThroughPage(l.page, leader.account);
      await l.page.getByRole('heading', { level: 1, name: room.school.name }).waitFor();
      const figures = l.page.locator('dl.figures');
      const figure = (term: string) =>
        figures
          .locator('div')
          .filter({ has: l.page.locator('dt', { hasText: term }) })
          .locator('dd');
      expect(await figure('Students').first().textContent()).toBe('3');
      // Staff in the school: the teacher and the leader (the admin belongs to no school).
      expect(await figure('Staff logging').textContent()).toBe('1 of 2');
      expect(await figure('Positive : corrections').textContent()).toBe('2 : 1');
      expect(await figure('Students with no positive moment').textContent()).toBe('1');
      await expectText(figures, 'last 10 school days (Nov 10 – Nov 23)');
      // Counts only: no student's name reaches a leader's home.
      expect(await l.page.getByRole('main').textContent()).not.toMatch(/Ana|Ben|Chloe/);
      await expectNoAxeViolations(l.page, 'leader home');

      // A leader may open a student's card: all teachers' moments together, and it is audited.
      await l.page.goto(`/students/${ana.id}`);
      await l.page.getByRole('heading', { level: 1, name: 'Ana Lopez' }).waitFor();
      await expectText(l.page.getByRole('main'), '1 : 0');
      expect(
        await l.page.getByRole('region', { name: 'Moments you logged recently' }).count(),
      ).toBe(0);
      await expectNoAxeViolations(l.page, 'student card for a leader');
      expect(l.pageErrors).toEqual([]);
      await l.context.close();

      const a = await openPage(h);
      await signInThroughPage(a.page, admin.account);
      await a.page.getByRole('heading', { level: 1, name: room.district.name }).waitFor();
      const schools = a.page.getByRole('region', { name: 'Schools' }).getByRole('table');
      const row = schools.getByRole('row').filter({ hasText: room.school.name });
      const cells = (await row.locator('th, td').allTextContents()).map((c) => c.trim());
      expect(cells).toEqual([room.school.name, '3', '2', '2 : 1', '1 of 2', '1']);
      const audit = a.page.getByRole('region', { name: 'Latest audit entries' }).getByRole('table');
      const entry = audit.getByRole('row').filter({ hasText: 'school leader' });
      await expectText(entry, 'Read');
      await expectText(entry, `Student card ${ana.id}`);
      await expectNoAxeViolations(a.page, 'district admin home');

      // At 360 px the tables scroll inside their own region; the page does not.
      await a.page.setViewportSize({ width: 360, height: 740 });
      const widths = await a.page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
      await expectNoAxeViolations(a.page, 'district admin home at 360 px');
      expect(a.pageErrors).toEqual([]);
      await a.context.close();
    },
  );

  it(
    'tells a coach, kindly, that there is nothing here yet for their role',
    { timeout: 30_000 },
    async () => {
      const room = await buildClassroom(h.db.kysely, { today: TODAY });
      const coach = await buildStaff(h.db.kysely, {
        districtId: room.district.id,
        schoolId: room.school.id,
        role: 'coach',
        givenName: 'Cora',
      });
      const { page, context, pageErrors } = await openPage(h);
      await signInThroughPage(page, coach.account);
      await page
        .getByRole('heading', { level: 1, name: `Welcome, Cora ${coach.person.family_name}` })
        .waitFor();
      await expectText(page.getByRole('main'), 'There is nothing here yet for your role (coach).');
      await expectNoAxeViolations(page, 'coach home');
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );
});
