// Builds small OneRoster 1.2 CSV sets on disk for tests: every file's header comes from the
// specification's column list, rows are given by column name, and anything left out is empty.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import yazl from 'yazl';
import { COLUMNS, MANIFEST_FILES, type RosterFile } from '../src/domain/oneroster/spec.js';
import { conformancePath } from './conformance.js';

export type Rows = Array<Record<string, string>>;
export type RosterSet = Partial<Record<RosterFile, Rows>>;

/** Writes the set into a new temporary folder and returns its path. */
export function writeRosterSet(
  set: RosterSet,
  opts: { mode?: 'bulk' | 'delta'; modes?: Partial<Record<RosterFile, string>> } = {},
): string {
  const dir = mkdtempSync(join(tmpdir(), 'oneroster-'));
  mkdirSync(dir, { recursive: true });
  const manifest: string[][] = [
    ['propertyName', 'value'],
    ['manifest.version', '1.0'],
    ['oneroster.version', '1.2'],
  ];
  for (const file of MANIFEST_FILES['1.2']) {
    const rows = set[file as RosterFile];
    const mode = opts.modes?.[file as RosterFile] ?? (rows ? (opts.mode ?? 'bulk') : 'absent');
    manifest.push([`file.${file}`, mode]);
  }
  manifest.push(['source.systemName', 'Rapport tests'], ['source.systemCode', 'tests']);
  writeFileSync(join(dir, 'manifest.csv'), stringify(manifest, { record_delimiter: '\r\n' }));
  for (const [file, rows] of Object.entries(set) as Array<[RosterFile, Rows]>) {
    const columns = COLUMNS['1.2'][file]!.map((c) => c.name);
    const body = [columns, ...rows.map((r) => columns.map((c) => r[c] ?? ''))];
    writeFileSync(join(dir, `${file}.csv`), stringify(body, { record_delimiter: '\r\n' }));
  }
  return dir;
}

/**
 * A small district: one school, a term, a course, one class taught by a teacher, and the given
 * students in it (each with a guardian for the first). Returns rows to change per test.
 */
export function smallDistrict(
  opts: { students?: string[]; term?: [string, string] } = {},
): Record<RosterFile, Rows> {
  const students = opts.students ?? ['stu-1', 'stu-2'];
  const [start, end] = opts.term ?? ['2026-08-17', '2026-12-18'];
  const stamp = '2026-08-01T00:00:00.000Z';
  const set: Record<RosterFile, Rows> = {
    orgs: [
      { sourcedId: 'dist-1', name: 'Lakeside Unified', type: 'district', dateLastModified: stamp },
      {
        sourcedId: 'sch-1',
        name: 'Lakeside Middle School',
        type: 'school',
        parentSourcedId: 'dist-1',
        dateLastModified: stamp,
      },
    ],
    academicSessions: [
      {
        sourcedId: 'term-1',
        title: 'Fall 2026',
        type: 'term',
        startDate: start,
        endDate: end,
        schoolYear: '2027',
        dateLastModified: stamp,
      },
    ],
    courses: [
      { sourcedId: 'crs-1', title: 'Science 7', orgSourcedId: 'sch-1', dateLastModified: stamp },
    ],
    classes: [
      {
        sourcedId: 'cls-1',
        title: 'Science 7 - Period 2',
        courseSourcedId: 'crs-1',
        classType: 'scheduled',
        schoolSourcedId: 'sch-1',
        termSourcedIds: 'term-1',
        periods: '2',
        location: 'Room 12',
        dateLastModified: stamp,
      },
    ],
    users: [
      {
        sourcedId: 'tch-1',
        enabledUser: 'true',
        username: 'r.okafor',
        givenName: 'Ruth',
        familyName: 'Okafor',
        email: 'r.okafor@lakeside.example',
        primaryOrgSourcedId: 'sch-1',
        dateLastModified: stamp,
      },
      ...students.map((s, i) => ({
        sourcedId: s,
        enabledUser: 'true',
        username: `${s}.user`,
        givenName: `Student${i + 1}`,
        familyName: 'Rivera',
        grades: '07',
        preferredGivenName: i === 0 ? 'Sol' : '',
        pronouns: i === 0 ? 'she/her' : '',
        agentSourcedIds: i === 0 ? 'par-1' : '',
        primaryOrgSourcedId: 'sch-1',
        dateLastModified: stamp,
      })),
      {
        sourcedId: 'par-1',
        enabledUser: 'true',
        username: 'm.rivera',
        givenName: 'Marta',
        familyName: 'Rivera',
        agentSourcedIds: students[0] ?? '',
        dateLastModified: stamp,
      },
    ],
    roles: [
      {
        sourcedId: 'rol-t1',
        userSourcedId: 'tch-1',
        roleType: 'primary',
        role: 'teacher',
        orgSourcedId: 'sch-1',
        dateLastModified: stamp,
      },
      ...students.map((s) => ({
        sourcedId: `rol-${s}`,
        userSourcedId: s,
        roleType: 'primary',
        role: 'student',
        orgSourcedId: 'sch-1',
        dateLastModified: stamp,
      })),
      {
        sourcedId: 'rol-p1',
        userSourcedId: 'par-1',
        roleType: 'primary',
        role: 'parent',
        orgSourcedId: 'sch-1',
        dateLastModified: stamp,
      },
    ],
    enrollments: [
      {
        sourcedId: 'enr-t1',
        classSourcedId: 'cls-1',
        schoolSourcedId: 'sch-1',
        userSourcedId: 'tch-1',
        role: 'teacher',
        primary: 'true',
        dateLastModified: stamp,
      },
      ...students.map((s) => ({
        sourcedId: `enr-${s}`,
        classSourcedId: 'cls-1',
        schoolSourcedId: 'sch-1',
        userSourcedId: s,
        role: 'student',
        dateLastModified: stamp,
      })),
    ],
    demographics: students.map((s, i) => ({
      sourcedId: s,
      birthDate: '2013-03-0' + (i + 1),
      sex: i % 2 ? 'male' : 'female',
      hispanicOrLatinoEthnicity: 'true',
      dateLastModified: stamp,
    })),
  };
  return set;
}

/** The published OneRoster samples (test/fixtures/conformance/oneroster). */
export function conformanceDir(): string {
  return conformancePath('oneroster');
}

/** The files of a folder as a zip, in memory. */
export async function zipFolder(dir: string): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const name of readdirSync(dir).sort()) zip.addBuffer(readFileSync(join(dir, name)), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
