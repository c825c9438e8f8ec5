// The seeded demo district on a real database: its teacher's equity lens has groups to show,
// from the demo's roster demographics, and hides the small ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  openIsolatedTestDb,
  signIn,
  testDialects,
} from '../../../../test/harness.js';
import type { Db } from '../../platform/db/database.js';
import type { App } from '../../platform/http/app.js';
import { DEMO_PASSWORD, DEMO_USERNAMES } from './demo.generator.js';
import { seedDemo } from './demo.service.js';

const NOW = new Date('2026-11-23T15:00:00Z');

describe.each(testDialects())('the demo district on $name', ({ target }) => {
  let db: Db;
  let app: App;
  beforeAll(async () => {
    db = await openIsolatedTestDb(target());
    app = await buildTestApp(db, { now: () => NOW });
    await seedDemo(db.kysely, { students: 400, staff: 20 }, NOW);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it("gives every student roster demographics, so the teacher's equity lens shows groups and hides small ones", async () => {
    const students = await db.kysely
      .selectFrom('people')
      .select((e) => e.fn.countAll<number | string>().as('n'))
      .where('kind', '=', 'student')
      .executeTakeFirstOrThrow();
    const withDemographics = await db.kysely
      .selectFrom('demographics')
      .select((e) => e.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(withDemographics.n)).toBe(Number(students.n));

    const teacher = await signIn(app, DEMO_USERNAMES.teacher, DEMO_PASSWORD);
    const lens = await teacher.get('/api/insights/equity-lens');
    expect(lens.statusCode).toBe(200);
    const body = lens.json() as {
      dimensions: Array<{ dimension: string; groups: Array<{ group: string; shown: boolean }> }>;
    };
    const groups = (d: string) => body.dimensions.find((x) => x.dimension === d)!.groups;
    const shown = (d: string) =>
      groups(d)
        .filter((g) => g.shown)
        .map((g) => g.group);
    expect(shown('sex')).toEqual(expect.arrayContaining(['female', 'male']));
    expect(shown('race_ethnicity')).toEqual(
      expect.arrayContaining(['hispanic_or_latino', 'white', 'black_or_african_american']),
    );
    // The rare groups of a teacher's hundred-odd students are under the minimum: hidden.
    expect(groups('race_ethnicity').some((g) => !g.shown)).toBe(true);
  });
  it("shows survey results: the closed fall survey's reports for the demo teacher and the demo leader have figures", async () => {
    const teacher = await signIn(app, DEMO_USERNAMES.teacher, DEMO_PASSWORD);
    const list = (await teacher.get('/api/survey-reports')).json() as {
      administrations: Array<{
        administration: { id: string; waveName: string };
        reports: Array<{ kind: string; id: string }>;
      }>;
    };
    // Only the closed wave has results; the open winter wave is still being answered.
    expect(list.administrations.map((a) => a.administration.waveName)).toEqual(['fall']);
    const [fall] = list.administrations;
    expect(fall!.reports.filter((r) => r.kind === 'class')).toHaveLength(5);
    const mine = fall!.reports.find((r) => r.kind === 'teacher')!;
    const report = await teacher.get(
      `/api/survey-reports/${fall!.administration.id}/teacher/${mine.id}`,
    );
    expect(report.statusCode).toBe(200);
    const groups = report.json().groups as Array<{
      kind: string;
      n: number | null;
      hidden: unknown;
      scales: Array<{
        key: string;
        figures: { score: number; alphaPairwise: { alpha: number } | null } | null;
      }>;
    }>;
    // The teacher's own group and each of the five classes are above the minimum group size.
    expect(groups).toHaveLength(6);
    for (const g of groups) {
      expect(g.hidden).toBeNull();
      expect(g.n).toBeGreaterThanOrEqual(5);
    }
    const climate = groups[0]!.scales.find((s) => s.key === 'climate')!.figures!;
    expect(climate.score).toBeGreaterThan(2.5);
    expect(climate.score).toBeLessThan(4.8);

    const leader = await signIn(app, DEMO_USERNAMES.leader, DEMO_PASSWORD);
    const leaderList = (await leader.get('/api/survey-reports')).json() as typeof list;
    const school = leaderList.administrations[0]!.reports.find((r) => r.kind === 'school')!;
    const schoolReport = await leader.get(
      `/api/survey-reports/${fall!.administration.id}/school/${school.id}`,
    );
    expect(schoolReport.statusCode).toBe(200);
    const whole = (schoolReport.json().groups as typeof groups)[0]!;
    expect(whole.hidden).toBeNull();
    // Fifteen classes: the teacher's five and two colleagues' five each.
    expect(whole.n).toBeGreaterThan(groups[0]!.n!);

    // Anonymous, as the survey path writes it: no response names its student.
    const linked = await db.kysely
      .selectFrom('survey_responses')
      .select('id')
      .where('respondent_id', 'is not', null)
      .execute();
    expect(linked).toEqual([]);
  });
});
