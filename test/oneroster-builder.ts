// A small valid OneRoster 1.2 CSV set, built at run time, and the ways to hand it to the
// importer: a zip in memory (yazl) or a folder in a temp dir. Files are kept as rows of cells
// so a test can change one cell, or put raw bytes where one was, before serialising.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import yazl from 'yazl';
import {
  COLUMNS,
  MANIFEST_FILES,
  ROSTER_FILES,
  type RosterFile,
} from '../src/domain/oneroster/spec.js';

/** A file as rows of cells, the header first. */
export type CsvTable = string[][];
/** File name → its rows. */
export type RosterSet = Record<string, CsvTable>;

export interface StudentSpec {
  given: string;
  family: string;
}

export interface RosterSetOptions {
  /** Makes usernames unique, so sets for several districts can share one database. */
  tag: string;
  students?: StudentSpec[];
  teacherName?: StudentSpec;
  classTitle?: string;
}

/** One spec file's table: its header in the spec's order, then one row per record. */
function table(file: RosterFile, records: Array<Record<string, string>>): CsvTable {
  const columns = COLUMNS['1.2'][file]!.map((c) => c.name);
  return [columns, ...records.map((r) => columns.map((c) => r[c] ?? ''))];
}

/** A district, a school, a term, a course, a class, a teacher and its students (two by default). */
export function buildRosterSet(o: RosterSetOptions): RosterSet {
  const students = o.students ?? [
    { given: 'Ana', family: 'Rivera' },
    { given: 'Ben', family: 'Okafor' },
  ];
  const teacher = o.teacherName ?? { given: 'Tess', family: 'Ng' };
  const users = [
    { id: 't1', role: 'teacher', ...teacher },
    ...students.map((s, i) => ({ id: `s${i + 1}`, role: 'student', ...s })),
  ];
  // Every file Rapport reads but demographics is in the set; the others are absent.
  const used = new Set<string>(ROSTER_FILES.filter((f) => f !== 'demographics'));
  return {
    'manifest.csv': [
      ['propertyName', 'value'],
      ['manifest.version', '1.0'],
      ['oneroster.version', '1.2'],
      ...MANIFEST_FILES['1.2'].map((f) => [`file.${f}`, used.has(f) ? 'bulk' : 'absent']),
    ],
    'orgs.csv': table('orgs', [
      { sourcedId: 'd1', name: 'Fuzz District', type: 'district' },
      { sourcedId: 'sch1', name: 'Fuzz Middle', type: 'school', parentSourcedId: 'd1' },
    ]),
    'academicSessions.csv': table('academicSessions', [
      {
        sourcedId: 'term1',
        title: 'Fall 2024',
        type: 'term',
        startDate: '2024-08-15',
        endDate: '2024-12-20',
        schoolYear: '2025',
      },
    ]),
    'courses.csv': table('courses', [
      { sourcedId: 'c1', title: 'Science', courseCode: 'SCI7', grades: '07', orgSourcedId: 'sch1' },
    ]),
    'classes.csv': table('classes', [
      {
        sourcedId: 'k1',
        title: o.classTitle ?? 'Science 7',
        courseSourcedId: 'c1',
        classType: 'scheduled',
        schoolSourcedId: 'sch1',
        termSourcedIds: 'term1',
        periods: '2',
      },
    ]),
    'users.csv': table(
      'users',
      users.map((u) => ({
        sourcedId: u.id,
        enabledUser: 'true',
        username: `${o.tag}-${u.id}`,
        givenName: u.given,
        familyName: u.family,
        ...(u.role === 'student' ? { grades: '07' } : { email: `${o.tag}-${u.id}@example.test` }),
      })),
    ),
    'roles.csv': table(
      'roles',
      users.map((u) => ({
        sourcedId: `r-${u.id}`,
        userSourcedId: u.id,
        roleType: 'primary',
        role: u.role,
        orgSourcedId: 'sch1',
      })),
    ),
    'enrollments.csv': table(
      'enrollments',
      users.map((u) => ({
        sourcedId: `e-${u.id}`,
        classSourcedId: 'k1',
        schoolSourcedId: 'sch1',
        userSourcedId: u.id,
        role: u.role,
      })),
    ),
  };
}

/** A cell as CSV writes it: quoted when it holds a quote, comma, line end or outer space. */
export function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export interface SerializeOptions {
  lineEnd?: '\n' | '\r\n';
  bom?: boolean;
  /** Raw bytes written where one cell stands, unquoted: they may break the file's structure. */
  raw?: { row: number; column: number; bytes: Buffer };
}

/** The bytes of one CSV file. */
export function serializeCsv(rows: CsvTable, o: SerializeOptions = {}): Buffer {
  const end = o.lineEnd ?? '\n';
  const parts: Buffer[] = o.bom ? [Buffer.from([0xef, 0xbb, 0xbf])] : [];
  rows.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (c > 0) parts.push(Buffer.from(','));
      parts.push(
        o.raw && o.raw.row === r && o.raw.column === c ? o.raw.bytes : Buffer.from(csvCell(cell)),
      );
    });
    parts.push(Buffer.from(end));
  });
  return Buffer.concat(parts);
}

/** Every file's bytes; `bytes` overrides files by name. */
export function serializeSet(
  set: RosterSet,
  o: Omit<SerializeOptions, 'raw'> & { bytes?: Record<string, Buffer> } = {},
): Record<string, Buffer> {
  return Object.fromEntries(
    Object.entries(set).map(([name, rows]) => [name, o.bytes?.[name] ?? serializeCsv(rows, o)]),
  );
}

/** A zip of the files, deflated; a Readable entry is streamed (its size unknown in advance). */
export function zipFiles(files: Record<string, Buffer | (() => Readable)>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, body] of Object.entries(files)) {
    if (Buffer.isBuffer(body)) zip.addBuffer(body, name);
    else zip.addReadStream(body(), name);
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** The files in a new temp folder; returns its path. */
export function writeFolder(files: Record<string, Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-roster-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

/** `size` bytes of one repeated byte, streamed in chunks so the test never holds them all. */
export function repeatedBytes(size: number, byte = 0x61): () => Readable {
  const chunk = Buffer.alloc(64 * 1024, byte);
  return () =>
    Readable.from(
      (function* () {
        for (let left = size; left > 0; left -= chunk.length)
          yield left >= chunk.length ? chunk : chunk.subarray(0, left);
      })(),
    );
}
