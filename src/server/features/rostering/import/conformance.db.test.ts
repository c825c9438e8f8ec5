// The published OneRoster sample sets (test/fixtures/conformance/oneroster, from other projects'
// test suites), as they are: each imports, or is rejected with messages that name the rule.
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../platform/db/database.js';
import { conformanceDir } from '../../../../../test/oneroster-set.js';
import { openIsolatedTestDb, testDialects } from '../../../../../test/harness.js';
import { snapshotTables } from '../../../../../test/snapshot.js';
import { importOneRoster } from './import-oneroster.js';
import { openRosterSource } from './source.js';
import type { ImportResult } from './import-types.js';

const DIR = conformanceDir();
const NOW = () => new Date('2026-11-30T12:00:00Z');

describe.each(testDialects())('published OneRoster samples on $name', ({ target }) => {
  let db: Db;
  const run = async (set: string, opts: { dryRun?: boolean; districtName?: string } = {}) =>
    importOneRoster(db, await openRosterSource(join(DIR, set)), {
      dryRun: opts.dryRun ?? false,
      districtName: opts.districtName ?? `District for ${set}`,
      now: NOW,
    });
  const has = (r: ImportResult, kind: 'errors' | 'warnings', m: Partial<Record<string, unknown>>) =>
    expect(r.report[kind]).toContainEqual(expect.objectContaining(m));

  // A fresh database per test: the samples' usernames are unique across the service.
  beforeEach(async () => {
    await db?.close();
    db = await openIsolatedTestDb(target());
  });
  afterAll(async () => db?.close());

  it.each(['Test_minimal_data_set', 'zips/Test_minimal_data_set.zip'])(
    '%s (1.1, bulk) imports with warnings where it bends the spec, and a second time changes nothing',
    async (set) => {
      const district = `minimal ${set}`;
      const first = await run(set, { districtName: district });
      expect(first.rejected).toBe(false);
      expect(first.report.version).toBe('1.1');
      expect(first.report.counts.users!.added).toBe(6);
      expect(first.report.counts.classes!.added).toBe(2);
      expect(first.report.counts.enrollments!.added).toBe(6);
      expect(first.report.counts.academicSessions!.added).toBe(5);
      // No courses.csv: the classes' courses are made from the classes, with a warning per class.
      has(first, 'warnings', {
        file: 'classes.csv',
        line: 2,
        column: 'courseSourcedId',
        rows: 2,
        lines: [2, 3],
      });
      // "Scheduled" is not the spec's spelling; "department" is used as a school.
      has(first, 'warnings', { file: 'classes.csv', line: 2, column: 'classType' });
      has(first, 'warnings', {
        file: 'classes.csv',
        column: 'schoolSourcedId',
        reason: "the org is a department, not a school; used as the class's school",
      });
      const k = db.kysely;
      const districtId = first.districtId!;
      const teacher = await k
        .selectFrom('people')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('sourced_id', '=', 'usr-222-123456')
        .executeTakeFirstOrThrow();
      expect([teacher.kind, teacher.given_name, teacher.family_name]).toEqual([
        'staff',
        'John',
        'Doe',
      ]);
      const account = await k
        .selectFrom('accounts')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('person_id', '=', teacher.id)
        .executeTakeFirstOrThrow();
      expect([account.username, account.role, account.password_hash]).toEqual([
        'john.doe',
        'teacher',
        null,
      ]);

      const before = await snapshotTables(k);
      const second = await run(set, { districtName: district });
      expect(second.rejected).toBe(false);
      for (const [entity, c] of Object.entries(second.report.counts))
        expect({ entity, ...c }).toEqual({
          entity,
          added: 0,
          updated: 0,
          deactivated: 0,
          unchanged: c.unchanged,
        });
      expect(second.report.counts.users!.unchanged).toBe(6);
      expect(await snapshotTables(k)).toEqual(before);
    },
  );

  it.each(['oneroster_test_data', 'zips/oneroster_test_data.zip'])(
    '%s (1.2, delta) imports: roles from roles.csv, demographics kept apart',
    async (set) => {
      const r = await run(set, { districtName: `delta ${set}` });
      expect(r.rejected).toBe(false);
      expect(r.report.version).toBe('1.2');
      expect(r.report.files.users).toBe('delta');
      expect(r.report.counts.users!.added).toBe(1);
      expect(r.report.counts.enrollments!.added).toBe(1);
      expect(r.report.counts.demographics!.added).toBe(1);
      has(r, 'warnings', {
        file: 'userProfiles.csv',
        reason: 'userProfiles.csv is not used by Rapport; not read',
      });
      const k = db.kysely;
      const bruce = await k
        .selectFrom('people')
        .selectAll()
        .where('district_id', '=', r.districtId!)
        .where('sourced_id', '=', 'USER_0')
        .executeTakeFirstOrThrow();
      expect([bruce.kind, bruce.given_name, bruce.school_id !== null]).toEqual([
        'student',
        'Bruce',
        true,
      ]);
      // The roster's password is never stored; the birth date lives only in demographics.
      expect(JSON.stringify(bruce)).not.toContain('Batman');
      expect(JSON.stringify(bruce)).not.toContain('2010-04-17');
      const demo = await k
        .selectFrom('demographics')
        .selectAll()
        .where('district_id', '=', r.districtId!)
        .where('person_id', '=', bruce.id)
        .executeTakeFirstOrThrow();
      expect(demo.birth_date).toBe('2010-04-17');
    },
  );

  it('Test_full_data_set (1.1, bulk) imports, reading 1.0 and date-only values with warnings', async () => {
    const r = await run('Test_full_data_set');
    expect(r.rejected).toBe(false);
    has(r, 'warnings', {
      file: 'academicSessions.csv',
      line: 4,
      column: 'status',
      reason: '"inactive" (OneRoster 1.0) read as "tobedeleted"',
    });
    has(r, 'warnings', {
      file: 'users.csv',
      column: 'dateLastModified',
      reason: 'a date where a date and time belongs; read as midnight UTC',
    });
    // A student's agent that is a teacher is not a guardian.
    has(r, 'warnings', { file: 'users.csv', line: 3, column: 'agentSourcedIds' });
    has(r, 'warnings', { file: 'users.csv', column: 'password', rows: 6 });
    const cls = await db.kysely
      .selectFrom('classes')
      .select(['active'])
      .where('district_id', '=', r.districtId!)
      .where('sourced_id', '=', 'cls-222-123478')
      .executeTakeFirstOrThrow();
    expect(cls.active).toBe(0); // tobedeleted
    const users = await db.kysely
      .selectFrom('people')
      .select(['extra'])
      .where('district_id', '=', r.districtId!)
      .execute();
    expect(users.map((u) => u.extra).join()).not.toContain('Password1-');
  });

  it('v1p2_full_dataset is rejected: its dates cannot be read without guessing day and month', async () => {
    const before = await snapshotTables(db.kysely);
    const r = await run('v1p2_full_dataset');
    expect(r.rejected).toBe(true);
    expect(r.rolledBack).toBe(true);
    has(r, 'errors', {
      file: 'users.csv',
      line: 2,
      column: 'dateLastModified',
      reason: expect.stringContaining('"1/05/2023" is not a YYYY-MM-DD date'),
    });
    has(r, 'errors', { file: 'users.csv', line: 7, column: 'dateLastModified' });
    // Misspelt columns are read with warnings, not guessed silently.
    has(r, 'warnings', {
      file: 'users.csv',
      column: 'prefferedGivenName',
      reason:
        '"prefferedGivenName" is not a column of the specification; read as "preferredGivenName"',
    });
    has(r, 'warnings', { file: 'roles.csv', column: 'dataLastModified' });
    expect(r.report.errors.every((e) => e.file && e.reason)).toBe(true);
    expect(await snapshotTables(db.kysely)).toEqual(before);
  });

  it('OneRosterv1p1BaseCSV is rejected with each broken rule named', async () => {
    const before = await snapshotTables(db.kysely);
    const r = await run('OneRosterv1p1BaseCSV');
    expect(r.rejected).toBe(true);
    has(r, 'errors', {
      file: 'academicSessions.csv',
      line: 1,
      column: 'schoolYear',
      reason: 'the required column "schoolYear" is missing',
    });
    has(r, 'errors', {
      file: 'classes.csv',
      line: 2,
      column: 'courseSourcedId',
      reason: '"courseSourcedId" is required and is empty',
    });
    has(r, 'errors', { file: 'demographics.csv', line: 1, column: 'sourcedId' });
    // Columns out of order and vendor columns are not errors.
    has(r, 'warnings', {
      file: 'users.csv',
      column: 'enabledUser',
      reason: expect.stringContaining('order'),
    });
    expect(r.report.errors.map((e) => e.file)).not.toContain('orgs.csv');
    expect(await snapshotTables(db.kysely)).toEqual(before);
  });

  it('a dry run of a sample reports the same counts as the import and writes nothing', async () => {
    const before = await snapshotTables(db.kysely);
    const dry = await run('oneroster_test_data', {
      dryRun: true,
      districtName: 'dry run district',
    });
    expect(dry.rolledBack).toBe(true);
    expect(await snapshotTables(db.kysely)).toEqual(before);
    const real = await run('oneroster_test_data', { districtName: 'dry run district' });
    expect(real.report.counts).toEqual(dry.report.counts);
  });
});
