import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildClassroom, buildStaff } from '../../../../test/factories.js';
import { buildTestApp, openTestDb, signIn, testDialects } from '../../../../test/harness.js';
import type { Db } from '../../platform/db/database.js';
import type { App } from '../../platform/http/app.js';

const NOW = new Date('2026-11-23T15:00:00Z');
const TODAY = '2026-11-23';

describe.each(testDialects())('the equity lens on $name', ({ target }) => {
  let db: Db;
  let app: App;
  beforeAll(async () => {
    db = await openTestDb(target());
    app = await buildTestApp(db, { now: () => NOW });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  /** 12 girls and 10 boys, with roster demographics; 2 students whose sex is "other". */
  async function world() {
    const room = await buildClassroom(db.kysely, {
      today: TODAY,
      studentNames: Array.from({ length: 24 }, (_, i) => ({ given: `Kid${i}`, family: 'Lens' })),
    });
    const sexOf = (i: number) => (i < 12 ? 'female' : i < 22 ? 'male' : 'other');
    for (const [i, s] of room.students.entries()) {
      await db.kysely
        .insertInto('demographics')
        .values({
          district_id: room.district.id,
          person_id: s.id,
          birth_date: null,
          sex: sexOf(i),
          american_indian_or_alaska_native: null,
          asian: null,
          black_or_african_american: i % 2 === 0 ? 'true' : 'false',
          native_hawaiian_or_other_pacific_islander: null,
          white: i % 2 === 1 ? 'true' : 'false',
          two_or_more_races: null,
          hispanic_or_latino: 'false',
          country_of_birth_code: null,
          state_of_birth_abbreviation: null,
          city_of_birth: null,
          public_school_residence_status: null,
          active: 1,
          source_modified_at: null,
        })
        .execute();
    }
    const teacher = await signIn(app, room.teacher.account.username, room.teacher.account.password);
    let n = 0;
    const log = async (kind: string, studentIds: string[]) => {
      const res = await teacher.post('/api/interactions', {
        clientId: `lens-${n++}-${Date.now().toString(36)}`,
        kind,
        studentIds,
        classId: room.cls.id,
        occurredAt: '2026-11-20T15:00:00.000Z',
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    const girls = room.students.slice(0, 12).map((s) => s.id);
    const boys = room.students.slice(12, 22).map((s) => s.id);
    const others = room.students.slice(22).map((s) => s.id);
    await log('affirmation', girls);
    await log('affirmation', girls.slice(0, 6)); // 18 for 12 girls
    await log('affirmation', boys); // 10 for 10 boys
    await log('correction', girls.slice(0, 3)); // 3 girls corrected once
    await log('correction', boys.slice(0, 6)); // 6 boys corrected once
    await log('correction', others); // both "other" students corrected
    return { room, teacher };
  }

  it('shows the teacher per-student figures and ratios, hiding small groups and their complement', async () => {
    const { teacher } = await world();
    const res = await teacher.get('/api/insights/equity-lens');
    expect(res.statusCode, res.body).toBe(200);
    const lens = res.json();
    expect(lens.minimumGroupSize).toBe(5);
    expect(lens.totals).toEqual({
      students: 24,
      affirmations: 28,
      corrections: 11,
      correctedStudents: 11,
    });
    const sex = lens.dimensions.find((d: { dimension: string }) => d.dimension === 'sex');
    // "other" holds 2 students: hidden, and the smallest shown group (boys) with it.
    expect(sex.groups.map((g: { group: string; shown: boolean }) => [g.group, g.shown])).toEqual([
      ['female', true],
      ['male', false],
      ['other', false],
      ['unspecified', true],
      ['not_reported', true],
    ]);
    const girls = sex.groups[0];
    expect(girls).toMatchObject({
      students: 12,
      affirmations: 18,
      corrections: 3,
      correctedStudents: 3,
      affirmationsPerStudent: 1.5,
      correctionsPerStudent: 0.25,
    });
    // Girls 3/12 against the other 12 students' 8/12.
    expect(girls.correctionRateRatio.ratio).toBeCloseTo(3 / 8, 10);
    expect(girls.correctedRiskRatio.ratio).toBeCloseTo(3 / 8, 10);
    const race = lens.dimensions.find(
      (d: { dimension: string }) => d.dimension === 'race_ethnicity',
    );
    const shownRace = race.groups.filter(
      (g: { shown: boolean; students?: number }) => g.shown && g.students! > 0,
    );
    expect(
      shownRace.map((g: { group: string; students: number }) => [g.group, g.students]),
    ).toEqual([
      ['black_or_african_american', 12],
      ['white', 12],
    ]);
    // No name, no id of any student in the lens.
    expect(res.body).not.toContain('Kid');
  });

  it('is the teacher’s alone: a leader, an admin, a coach or a student cannot read it', async () => {
    const { room } = await world();
    for (const role of ['leader', 'district_admin', 'coach'] as const) {
      const staff = await buildStaff(db.kysely, {
        districtId: room.district.id,
        schoolId: role === 'district_admin' ? null : room.school.id,
        role,
      });
      const c = await signIn(app, staff.account.username, staff.account.password);
      const res = await c.get('/api/insights/equity-lens');
      expect(res.statusCode, role).toBe(403);
      expect(res.body).not.toContain('female');
    }
    const account = await buildAccount(db.kysely, {
      districtId: room.district.id,
      role: 'student',
      personId: room.students[0]!.id,
      schoolId: room.school.id,
    });
    const s = await signIn(app, account.username, account.password);
    expect((await s.get('/api/insights/equity-lens')).statusCode).toBe(403);
  });

  it('shows a teacher without students nothing but empty groups', async () => {
    const { room } = await world();
    const other = await buildStaff(db.kysely, {
      districtId: room.district.id,
      schoolId: room.school.id,
      role: 'teacher',
    });
    const c = await signIn(app, other.account.username, other.account.password);
    const lens = (await c.get('/api/insights/equity-lens')).json();
    expect(lens.totals.students).toBe(0);
    for (const d of lens.dimensions)
      for (const g of d.groups) expect(g).toMatchObject({ shown: true, students: 0 });
  });
});
