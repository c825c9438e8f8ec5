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
});
