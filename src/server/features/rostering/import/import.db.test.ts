// What a district admin relies on: the teacher sees the right class; a bulk file is the whole
// truth but nothing is deleted (a student who leaves keeps their history and gets it back on
// return); a delta applies tobedeleted unless Rapport holds a newer record; a rejected or dry
// run changes nothing.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../platform/auth/passwords.js';
import type { Db } from '../../../platform/db/database.js';
import type { App } from '../../../platform/http/app.js';
import {
  buildTestApp,
  openIsolatedTestDb,
  signIn,
  testDialects,
} from '../../../../../test/harness.js';
import {
  smallDistrict,
  writeRosterSet,
  type RosterSet,
} from '../../../../../test/oneroster-set.js';
import { snapshotTables } from '../../../../../test/snapshot.js';
import { importOneRoster } from './import-oneroster.js';
import { openRosterSource } from './source.js';

const NOW = new Date('2026-11-23T15:00:00Z'); // a Monday inside the term

describe.each(testDialects())('roster import semantics on $name', ({ target }) => {
  let db: Db;
  let app: App;
  const importSet = async (
    set: RosterSet,
    opts: { dryRun?: boolean; mode?: 'bulk' | 'delta'; districtName?: string } = {},
  ) =>
    importOneRoster(
      db,
      await openRosterSource(writeRosterSet(set, { mode: opts.mode ?? 'bulk' })),
      {
        dryRun: opts.dryRun ?? false,
        ...(opts.districtName ? { districtName: opts.districtName } : {}),
        now: () => NOW,
      },
    );
  const person = (districtId: string, sourcedId: string) =>
    db.kysely
      .selectFrom('people')
      .selectAll()
      .where('district_id', '=', districtId)
      .where('sourced_id', '=', sourcedId)
      .executeTakeFirstOrThrow();
  /** Gives the imported teacher a password (sign-in methods are another feature) and signs in. */
  const signInTeacher = async (districtId: string) => {
    const teacher = await person(districtId, 'tch-1');
    await db.kysely
      .updateTable('accounts')
      .set({ password_hash: await hashPassword('pw-test-123', { N: 1024, r: 8, p: 1 }) })
      .where('district_id', '=', districtId)
      .where('person_id', '=', teacher.id)
      .execute();
    return signIn(app, 'r.okafor', 'pw-test-123');
  };

  beforeEach(async () => {
    await app?.close();
    await db?.close();
    db = await openIsolatedTestDb(target());
    app = await buildTestApp(db, { now: () => NOW });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('an empty database gets a district named after the district org; the teacher sees the class', async () => {
    const r = await importSet(smallDistrict());
    expect(r.rejected).toBe(false);
    const district = await db.kysely
      .selectFrom('districts')
      .selectAll()
      .where('id', '=', r.districtId!)
      .executeTakeFirstOrThrow();
    expect([district.name, district.sourced_id]).toEqual(['Lakeside Unified', 'dist-1']);
    expect(r.report.counts.guardianships!.added).toBe(1);

    const teacher = await signInTeacher(r.districtId!);
    const home = await teacher.get('/api/home/teacher');
    expect(home.statusCode).toBe(200);
    const classes = home.json().classes as Array<{
      id: string;
      title: string;
      studentCount: number;
      room: string;
    }>;
    expect(classes.map((c) => [c.title, c.studentCount, c.room])).toEqual([
      ['Science 7 - Period 2', 2, 'Room 12'],
    ]);
    const view = await teacher.get(`/api/classes/${classes[0]!.id}`);
    const names = (view.json().students as Array<{ displayName: string }>).map(
      (s) => s.displayName,
    );
    // The preferred name (1.2 preferredGivenName) is what the teacher sees.
    expect(names.some((n) => n.startsWith('Sol'))).toBe(true);
  });

  it('a bulk file without a student deactivates them and keeps their history; their return restores it', async () => {
    const first = await importSet(smallDistrict({ students: ['stu-1', 'stu-2'] }));
    const districtId = first.districtId!;
    const teacher = await signInTeacher(districtId);
    const leaver = await person(districtId, 'stu-2');
    const classId = (await teacher.get('/api/home/teacher')).json().classes[0].id as string;
    const logged = await teacher.post('/api/interactions', {
      clientId: 'before-leaving-1',
      kind: 'warm_moment',
      studentIds: [leaver.id],
      classId,
    });
    expect(logged.statusCode).toBe(201);

    const gone = await importSet(smallDistrict({ students: ['stu-1'] }));
    expect(gone.rejected).toBe(false);
    expect(gone.report.counts.users).toEqual({
      added: 0,
      updated: 0,
      deactivated: 1,
      unchanged: 3,
    });
    expect(gone.report.counts.enrollments!.deactivated).toBe(1);
    expect(gone.report.counts.demographics!.deactivated).toBe(1);
    expect(gone.report.counts.accounts!.deactivated).toBe(1);
    expect((await person(districtId, 'stu-2')).active).toBe(0);
    const view = await teacher.get(`/api/classes/${classId}`);
    expect(view.json().students.map((s: { id: string }) => s.id)).not.toContain(leaver.id);
    const kept = await db.kysely
      .selectFrom('interactions')
      .select(['student_id'])
      .where('district_id', '=', districtId)
      .where('student_id', '=', leaver.id)
      .execute();
    expect(kept).toHaveLength(1);

    const back = await importSet(smallDistrict({ students: ['stu-1', 'stu-2'] }));
    expect(back.report.counts.users).toEqual({
      added: 0,
      updated: 1,
      deactivated: 0,
      unchanged: 3,
    });
    const returned = await person(districtId, 'stu-2');
    expect([returned.id, returned.active]).toEqual([leaver.id, 1]);
    const again = await teacher.get(`/api/classes/${classId}`);
    expect(again.json().students.map((s: { id: string }) => s.id)).toContain(leaver.id);
  });

  it('a bulk file that no longer links a guardian ends the guardianship; linking again restores it', async () => {
    const first = await importSet(smallDistrict());
    const links = () =>
      db.kysely
        .selectFrom('guardianships')
        .select(['relationship', 'active'])
        .where('district_id', '=', first.districtId!)
        .execute();
    expect(await links()).toEqual([{ relationship: 'parent', active: 1 }]);
    const unlinked = smallDistrict();
    for (const u of unlinked.users) u.agentSourcedIds = '';
    const r = await importSet(unlinked);
    expect(r.report.counts.guardianships).toEqual({
      added: 0,
      updated: 0,
      deactivated: 1,
      unchanged: 0,
    });
    expect(await links()).toEqual([{ relationship: 'parent', active: 0 }]);
    const again = await importSet(smallDistrict());
    expect(again.report.counts.guardianships).toEqual({
      added: 0,
      updated: 1,
      deactivated: 0,
      unchanged: 0,
    });
    expect(await links()).toEqual([{ relationship: 'parent', active: 1 }]);
  });

  it('a delta applies tobedeleted, and skips a row older than the record Rapport holds', async () => {
    const first = await importSet(smallDistrict());
    const districtId = first.districtId!;
    const base = smallDistrict();
    const stu1 = base.users.find((u) => u.sourcedId === 'stu-1')!;
    const stu2 = base.users.find((u) => u.sourcedId === 'stu-2')!;
    const delta = await importSet(
      {
        users: [
          { ...stu1, status: 'tobedeleted', dateLastModified: '2026-11-01T00:00:00Z' },
          {
            ...stu2,
            givenName: 'Renamed',
            email: 'stale@lakeside.example',
            status: 'active',
            dateLastModified: '2026-01-01T00:00:00Z',
          },
        ],
      },
      { mode: 'delta' },
    );
    expect(delta.rejected).toBe(false);
    expect(delta.report.counts.users).toEqual({
      added: 0,
      updated: 0,
      deactivated: 1,
      unchanged: 1,
    });
    expect(delta.report.warnings).toContainEqual(
      expect.objectContaining({
        file: 'users.csv',
        line: 3,
        column: 'dateLastModified',
        reason: 'older than the record Rapport holds; the row was skipped',
      }),
    );
    expect((await person(districtId, 'stu-1')).active).toBe(0);
    const stale = await person(districtId, 'stu-2');
    expect([stale.given_name, stale.email]).toEqual(['Student2', null]);
    // Nor does the skipped row reach the student's sign-in account.
    const account = await db.kysely
      .selectFrom('accounts')
      .select(['email', 'active'])
      .where('district_id', '=', districtId)
      .where('person_id', '=', stale.id)
      .executeTakeFirstOrThrow();
    expect(account).toEqual({ email: null, active: 1 });
    // Records the delta does not mention are untouched.
    expect((await person(districtId, 'tch-1')).active).toBe(1);
  });

  it('a delta needs status and dateLastModified on every row', async () => {
    await importSet(smallDistrict());
    const before = await snapshotTables(db.kysely);
    const teacher = smallDistrict().users[0]!;
    const r = await importSet({ users: [{ ...teacher, dateLastModified: '' }] }, { mode: 'delta' });
    expect(r.rejected).toBe(true);
    expect(r.report.errors).toContainEqual({
      file: 'users.csv',
      line: 2,
      column: 'status',
      reason: '"status" is required in a delta file and is empty',
    });
    expect(await snapshotTables(db.kysely)).toEqual(before);
  });

  it('one bad reference rejects the whole import and changes nothing', async () => {
    await importSet(smallDistrict());
    const before = await snapshotTables(db.kysely);
    const set = smallDistrict({ students: ['stu-1', 'stu-2', 'stu-3'] });
    set.enrollments.push({
      ...set.enrollments[1]!,
      sourcedId: 'enr-x',
      classSourcedId: 'cls-nope',
    });
    const r = await importSet(set);
    expect(r.rejected).toBe(true);
    expect(r.report.errors).toEqual([
      {
        file: 'enrollments.csv',
        line: 6,
        column: 'classSourcedId',
        reason: 'no class "cls-nope" in classes.csv',
      },
    ]);
    expect(await snapshotTables(db.kysely)).toEqual(before);
  });

  it('a duplicate sourcedId is an error naming both lines', async () => {
    const set = smallDistrict();
    set.courses.push({ ...set.courses[0]!, title: 'Science 7 again' });
    const r = await importSet(set);
    expect(r.rejected).toBe(true);
    expect(r.report.errors).toContainEqual({
      file: 'courses.csv',
      line: 3,
      column: 'sourcedId',
      reason: 'the sourcedId "crs-1" is also on line 2; each record needs its own',
    });
  });

  it('a dry run reports what would change and writes nothing', async () => {
    await importSet(smallDistrict());
    const before = await snapshotTables(db.kysely);
    const next = smallDistrict({ students: ['stu-1', 'stu-3'] });
    const dry = await importSet(next, { dryRun: true });
    expect(dry.rolledBack).toBe(true);
    expect(dry.report.counts.users).toEqual({ added: 1, updated: 0, deactivated: 1, unchanged: 3 });
    expect(await snapshotTables(db.kysely)).toEqual(before);
    const real = await importSet(next);
    expect(real.report.counts).toEqual(dry.report.counts);
  });

  it('files for another district org are refused', async () => {
    const first = await importSet(smallDistrict());
    const other = smallDistrict();
    other.orgs[0] = { ...other.orgs[0]!, sourcedId: 'dist-other' };
    other.orgs[1] = { ...other.orgs[1]!, parentSourcedId: 'dist-other' };
    const r = await importSet(other);
    expect(r.rejected).toBe(true);
    expect(r.report.errors[0]).toMatchObject({ file: 'orgs.csv', line: 2, column: 'sourcedId' });
    expect(r.report.errors[0]!.reason).toContain('dist-1');
    // Into a district of its own, named on the command line, it imports.
    const own = await importSet(other, { districtName: 'Other Unified' });
    expect(own.rejected).toBe(false);
    expect(own.districtId).not.toBe(first.districtId);
  });

  it('a username another district already uses gets no sign-in, with a warning', async () => {
    await importSet(smallDistrict());
    const other = smallDistrict();
    other.orgs[0] = { ...other.orgs[0]!, sourcedId: 'dist-2' };
    const r = await importSet(other, { districtName: 'Second District' });
    expect(r.rejected).toBe(false);
    expect(r.report.counts.accounts!.added).toBe(0);
    expect(r.report.warnings).toContainEqual(
      expect.objectContaining({
        file: 'users.csv',
        column: 'username',
        reason:
          'the username "r.okafor" already belongs to another account; this user gets no sign-in',
      }),
    );
  });
});
