// The import benchmark's roster generator (bench/lib/oneroster-generator.ts) at a tiny size:
// the 1.2.1 binding's headers, exact counts, references that resolve, and the same bytes for
// the same seed.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { ROLES_1_2 } from '../src/domain/oneroster/spec.js';
import { conformancePath } from './conformance.js';
import {
  generateOneRoster,
  ONEROSTER_HEADERS,
  type RosterFile,
} from '../bench/lib/oneroster-generator.js';

// The 1.2.1 CSV binding's column tables (published, not ours), so the test checks the generator
// against the specification, not against itself.
const BINDING = JSON.parse(
  readFileSync(conformancePath('oneroster/oneroster_v1p2p1_csv_columns.json'), 'utf8'),
) as {
  files: Record<string, Array<{ column: string }>>;
  manifest: Array<{ propertyName: string }>;
};

// Two schools (one per 1,000 students), 12 classes each, 5 or 6 classes a student.
const SIZE = { students: 1500, staff: 10, classes: 24, enrollments: 24 + 1500 * 5 + 7 };

const root = mkdtempSync(join(tmpdir(), 'rapport-oneroster-gen-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const dirA = join(root, 'a');
const generated = generateOneRoster(dirA, { seed: 7, ...SIZE });
const read = (dir: string, file: string) =>
  parse(readFileSync(join(dir, file)), { bom: true }) as string[][];
const records = (file: RosterFile) => {
  const [header, ...rows] = read(dirA, file);
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])));
};

describe('generateOneRoster', () => {
  it('writes every file with the 1.2.1 binding’s columns, in order', () => {
    const files = Object.keys(ONEROSTER_HEADERS) as RosterFile[];
    expect(readdirSync(dirA).sort()).toEqual([...files, 'manifest.csv'].sort());
    for (const file of files)
      expect([file, read(dirA, file)[0]]).toEqual([
        file,
        BINDING.files[file]!.map((c) => c.column),
      ]);
  });

  it('declares 1.2, bulk for the files it writes and absent for the rest', () => {
    const [header, ...rows] = read(dirA, 'manifest.csv');
    expect(header).toEqual(['propertyName', 'value']);
    const manifest = new Map(rows.map(([k, v]) => [k!, v!]));
    expect(manifest.get('manifest.version')).toBe('1.0');
    expect(manifest.get('oneroster.version')).toBe('1.2');
    const fileProps = BINDING.manifest
      .map((p) => p.propertyName)
      .filter((p) => p.startsWith('file.'));
    for (const prop of fileProps) {
      const csv = `${prop.slice('file.'.length)}.csv`;
      expect([prop, manifest.get(prop)]).toEqual([
        prop,
        csv in ONEROSTER_HEADERS ? 'bulk' : 'absent',
      ]);
    }
  });

  it('writes exactly the sizes asked for, and reports them', () => {
    const users = records('users.csv');
    const roles = records('roles.csv');
    const enrollments = records('enrollments.csv');
    const orgs = records('orgs.csv');
    expect(orgs.map((o) => o.type)).toEqual(['district', 'school', 'school']);
    expect(users).toHaveLength(SIZE.students + SIZE.staff);
    expect(records('classes.csv')).toHaveLength(SIZE.classes);
    expect(enrollments).toHaveLength(SIZE.enrollments);
    expect(records('demographics.csv')).toHaveLength(SIZE.students);
    expect(records('academicSessions.csv').map((s) => s.type)).toEqual([
      'schoolYear',
      'semester',
      'semester',
    ]);

    // One primary role per user: students, one site administrator per school, the rest teach.
    expect(roles.map((r) => r.userSourcedId).sort()).toEqual(users.map((u) => u.sourcedId).sort());
    const byRole = (role: string) => roles.filter((r) => r.role === role).length;
    expect([byRole('student'), byRole('siteAdministrator'), byRole('teacher')]).toEqual([
      SIZE.students,
      2,
      SIZE.staff - 2,
    ]);
    expect(roles.every((r) => r.roleType === 'primary')).toBe(true);
    expect(roles.filter((r) => !(ROLES_1_2 as readonly string[]).includes(r.role!))).toEqual([]);

    // One teacher per class; no one is in a class twice.
    const teacherClasses = enrollments
      .filter((e) => e.role === 'teacher')
      .map((e) => e.classSourcedId);
    expect(new Set(teacherClasses).size).toBe(SIZE.classes);
    expect(teacherClasses).toHaveLength(SIZE.classes);
    expect(new Set(enrollments.map((e) => `${e.classSourcedId} ${e.userSourcedId}`)).size).toBe(
      SIZE.enrollments,
    );

    for (const [file, rows] of Object.entries(generated.files))
      expect([file, rows]).toEqual([file, read(dirA, file).length - 1]);
    expect(generated.counts).toMatchObject({
      schools: 2,
      students: SIZE.students,
      staff: SIZE.staff,
      classes: SIZE.classes,
      enrollments: SIZE.enrollments,
    });
    expect(generated.rows).toBe(Object.values(generated.files).reduce((a, b) => a + b, 0));
  });

  it('refers only to records it wrote', () => {
    const ids = (file: RosterFile) => new Set(records(file).map((r) => r.sourcedId));
    const orgs = ids('orgs.csv');
    const sessions = ids('academicSessions.csv');
    const courses = ids('courses.csv');
    const classes = ids('classes.csv');
    const users = ids('users.csv');
    const missing = [
      ...records('courses.csv').flatMap((c) => [c.orgSourcedId, c.schoolYearSourcedId]),
      ...records('classes.csv').flatMap((c) => [
        c.courseSourcedId,
        c.schoolSourcedId,
        c.termSourcedIds,
      ]),
      ...records('enrollments.csv').flatMap((e) => [
        e.classSourcedId,
        e.userSourcedId,
        e.schoolSourcedId,
      ]),
      ...records('roles.csv').flatMap((r) => [r.userSourcedId, r.orgSourcedId]),
      ...records('demographics.csv').map((d) => d.sourcedId),
    ].filter(
      (id) =>
        !orgs.has(id) &&
        !sessions.has(id) &&
        !courses.has(id) &&
        !classes.has(id) &&
        !users.has(id),
    );
    expect(missing).toEqual([]);
  });

  it('writes the same bytes for the same seed, and other bytes for another', () => {
    const dirB = join(root, 'b');
    const dirC = join(root, 'c');
    generateOneRoster(dirB, { seed: 7, ...SIZE });
    generateOneRoster(dirC, { seed: 8, ...SIZE });
    for (const file of readdirSync(dirA)) {
      const a = readFileSync(join(dirA, file));
      expect([file, a.equals(readFileSync(join(dirB, file)))]).toEqual([file, true]);
    }
    expect(
      readFileSync(join(dirA, 'users.csv')).equals(readFileSync(join(dirC, 'users.csv'))),
    ).toBe(false);
  });

  it('refuses a size it cannot honour', () => {
    expect(() => generateOneRoster(join(root, 'd'), { seed: 1, ...SIZE, classes: 4 })).toThrow(
      /classes for/,
    );
  });
});
