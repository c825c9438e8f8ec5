// A generated district as a OneRoster 1.2 bulk CSV set, for the import benchmark: deterministic
// (the same seed and sizes give the same bytes) and written row by row through a small buffer,
// so a file of any size never sits in memory whole. Headers are the 1.2.1 CSV binding's columns
// in order (test/fixtures/conformance/oneroster/oneroster_v1p2p1_csv_columns.json).
//
// Shape: one district org and about one school per 1,000 students, cycling elementary (KG–05),
// middle (06–08) and high (09–12). Students, staff and classes are split evenly over the schools;
// each school has one site administrator and the rest of its staff teach. A school year with two
// semesters; each class runs in one semester. Every class gets one teacher enrollment; the
// other enrollments go to students, each student in consecutive classes of their school, so no
// student is in a class twice. One primary role per user; one demographics row per student.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEMO_FAMILY_NAMES,
  DEMO_GIVEN_NAMES,
  DEMO_PRONOUNS,
  DEMO_SUBJECTS,
} from '../../src/server/features/demo/demo.generator.js';
import { seededRandom } from '../../src/server/features/demo/seeded-random.js';
import { COLUMNS, MANIFEST_FILES, ROSTER_FILES } from '../../src/domain/oneroster/spec.js';

export interface RosterSize {
  students: number;
  staff: number;
  classes: number;
  /** All enrollments: one teacher enrollment per class, students hold the rest. */
  enrollments: number;
}

export interface GenerateOptions extends RosterSize {
  seed: number;
}

/** The 1.2.1 CSV binding's columns, in order (the importer's spec), for the files written. */
const WRITTEN = ROSTER_FILES;
export const ONEROSTER_HEADERS = Object.fromEntries(
  WRITTEN.map((file) => [`${file}.csv`, COLUMNS['1.2'][file]!.map((c) => c.name)]),
) as unknown as Record<`${(typeof WRITTEN)[number]}.csv`, readonly string[]>;

export type RosterFile = keyof typeof ONEROSTER_HEADERS;

export interface GeneratedRoster {
  seed: number;
  size: RosterSize;
  /** Data rows per file (headers and the manifest not counted). */
  files: Record<RosterFile, number>;
  /** Data rows of all files. */
  rows: number;
  bytes: number;
  counts: {
    schools: number;
    students: number;
    staff: number;
    teachers: number;
    administrators: number;
    courses: number;
    classes: number;
    enrollments: number;
    teacherEnrollments: number;
    studentEnrollments: number;
    demographics: number;
  };
}

const MODIFIED = '2025-08-01T12:00:00.000Z';
const YEAR = { start: '2025-08-20', end: '2026-05-29', schoolYear: '2026' };
const SEMESTERS = [
  { title: 'Fall 2025', start: '2025-08-20', end: '2026-01-09' },
  { title: 'Spring 2026', start: '2026-01-12', end: '2026-05-29' },
] as const;
const LEVELS = [
  { name: 'Elementary', grades: ['KG', '01', '02', '03', '04', '05'] },
  { name: 'Middle', grades: ['06', '07', '08'] },
  { name: 'High', grades: ['09', '10', '11', '12'] },
] as const;
const SUBJECT_CODES = ['MATH', 'ELA', 'SCI', 'SOC', 'ART', 'PE'] as const;
const CITIES = [
  ['US', 'TX', 'Austin'],
  ['US', 'TX', 'Houston'],
  ['US', 'CA', 'Los Angeles'],
  ['US', 'IL', 'Chicago'],
  ['MX', '', 'Monterrey'],
  ['US', 'NY', 'New York'],
] as const;
const STUDENTS_PER_SCHOOL = 1000;
const FLUSH_CHARS = 1 << 20;

/** Part k of `total` split into `parts` contiguous, near-equal ranges: [start, end). */
function range(total: number, parts: number, k: number): [number, number] {
  return [Math.floor((total * k) / parts), Math.floor((total * (k + 1)) / parts)];
}

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV file written through a buffer of about 1 MB. */
function csvFile(path: string, header: readonly string[]) {
  const fd = openSync(path, 'w');
  let buffer = `${header.join(',')}\r\n`;
  let rows = 0;
  let bytes = 0;
  const flush = () => {
    bytes += writeSync(fd, buffer);
    buffer = '';
  };
  return {
    row(values: readonly string[]) {
      buffer += `${values.map(field).join(',')}\r\n`;
      rows += 1;
      if (buffer.length >= FLUSH_CHARS) flush();
    },
    close() {
      flush();
      closeSync(fd);
      return { rows, bytes };
    },
  };
}

function checkSize(size: RosterSize, schools: number) {
  const studentEnrollments = size.enrollments - size.classes;
  const perStudent = Math.ceil(studentEnrollments / size.students);
  const fail = (why: string) => {
    throw new Error(`cannot generate ${JSON.stringify(size)}: ${why}`);
  };
  for (const [k, v] of Object.entries(size))
    if (!Number.isInteger(v) || v < 1) fail(`${k} must be a positive integer`);
  if (size.staff < 2 * schools) fail(`${schools} schools need 2 staff each`);
  if (studentEnrollments < 0) fail('fewer enrollments than classes');
  for (let k = 0; k < schools; k++) {
    const [c0, c1] = range(size.classes, schools, k);
    if (c1 - c0 < Math.max(1, perStudent))
      fail(`school ${k} has ${c1 - c0} classes for ${perStudent} enrollments a student`);
  }
}

/** Writes the set into `dir` (created if missing) and returns what it wrote. */
export function generateOneRoster(dir: string, opts: GenerateOptions): GeneratedRoster {
  const size: RosterSize = {
    students: opts.students,
    staff: opts.staff,
    classes: opts.classes,
    enrollments: opts.enrollments,
  };
  const schools = Math.max(1, Math.round(size.students / STUDENTS_PER_SCHOOL));
  checkSize(size, schools);
  mkdirSync(dir, { recursive: true });
  const r = seededRandom(opts.seed);
  const open = <F extends RosterFile>(name: F) => csvFile(join(dir, name), ONEROSTER_HEADERS[name]);
  const files = {} as Record<RosterFile, number>;
  let bytes = 0;
  const done = (name: RosterFile, f: ReturnType<typeof csvFile>) => {
    const out = f.close();
    files[name] = out.rows;
    bytes += out.bytes;
  };
  const pad = (n: number, width: number) => String(n).padStart(width, '0');

  // manifest.csv
  const manifest = csvFile(join(dir, 'manifest.csv'), ['propertyName', 'value']);
  manifest.row(['manifest.version', '1.0']);
  manifest.row(['oneroster.version', '1.2']);
  for (const f of MANIFEST_FILES['1.2'])
    manifest.row([`file.${f}`, `${f}.csv` in ONEROSTER_HEADERS ? 'bulk' : 'absent']);
  manifest.row(['source.systemName', 'Rapport bench roster generator']);
  bytes += manifest.close().bytes;

  // orgs.csv: the district, then its schools.
  const orgs = open('orgs.csv');
  const districtId = r.uuid();
  orgs.row([districtId, 'active', MODIFIED, 'Riverbend Unified', 'district', 'RBU', '']);
  const schoolIds: string[] = [];
  for (let k = 0; k < schools; k++) {
    const id = r.uuid();
    schoolIds.push(id);
    const level = LEVELS[k % LEVELS.length]!;
    const family = DEMO_FAMILY_NAMES[k % DEMO_FAMILY_NAMES.length]!;
    const round = Math.floor(k / DEMO_FAMILY_NAMES.length);
    const name = `${family}${round > 0 ? ` ${round + 1}` : ''} ${level.name} School`;
    orgs.row([id, 'active', MODIFIED, name, 'school', `SCH${pad(k + 1, 4)}`, districtId]);
  }
  done('orgs.csv', orgs);

  // academicSessions.csv: the school year, then its two semesters.
  const sessions = open('academicSessions.csv');
  const yearId = r.uuid();
  sessions.row([
    yearId,
    'active',
    MODIFIED,
    `School year ${YEAR.start.slice(0, 4)}–${YEAR.schoolYear.slice(2)}`,
    'schoolYear',
    YEAR.start,
    YEAR.end,
    '',
    YEAR.schoolYear,
  ]);
  const semesterIds = SEMESTERS.map((s) => {
    const id = r.uuid();
    sessions.row([
      id,
      'active',
      MODIFIED,
      s.title,
      'semester',
      s.start,
      s.end,
      yearId,
      YEAR.schoolYear,
    ]);
    return id;
  });
  done('academicSessions.csv', sessions);

  // courses.csv: per school, one course per subject and grade (no more than it has classes).
  const courses = open('courses.csv');
  const schoolCourses: Array<
    Array<{ id: string; title: string; code: string; grade: string; subject: string }>
  > = [];
  let courseCount = 0;
  for (let k = 0; k < schools; k++) {
    const level = LEVELS[k % LEVELS.length]!;
    const [c0, c1] = range(size.classes, schools, k);
    const n = Math.min(c1 - c0, DEMO_SUBJECTS.length * level.grades.length);
    const list = [];
    for (let c = 0; c < n; c++) {
      const s = c % DEMO_SUBJECTS.length;
      const grade = level.grades[Math.floor(c / DEMO_SUBJECTS.length)]!;
      const course = {
        id: r.uuid(),
        title: `${DEMO_SUBJECTS[s]} ${grade === 'KG' ? 'Kindergarten' : `Grade ${Number(grade)}`}`,
        code: `${SUBJECT_CODES[s]}-${grade}`,
        grade,
        subject: DEMO_SUBJECTS[s]!,
      };
      list.push(course);
      courses.row([
        course.id,
        'active',
        MODIFIED,
        yearId,
        course.title,
        course.code,
        grade,
        schoolIds[k]!,
        course.subject,
        '',
      ]);
    }
    schoolCourses.push(list);
    courseCount += n;
  }
  done('courses.csv', courses);

  // classes.csv: class j of a school is a section of course j mod (its courses), in semester
  // j mod 2.
  const classes = open('classes.csv');
  const classIds: string[] = [];
  for (let k = 0; k < schools; k++) {
    const [c0, c1] = range(size.classes, schools, k);
    const list = schoolCourses[k]!;
    for (let j = 0; j < c1 - c0; j++) {
      const course = list[j % list.length]!;
      const section = Math.floor(j / list.length) + 1;
      const id = r.uuid();
      classIds.push(id);
      classes.row([
        id,
        'active',
        MODIFIED,
        `${course.title} (${section})`,
        course.grade,
        course.id,
        `${course.code}-${section}`,
        'scheduled',
        `Room ${100 + (j % 60)}`,
        schoolIds[k]!,
        semesterIds[j % 2]!,
        course.subject,
        '',
        String(1 + (j % 7)),
      ]);
    }
  }
  done('classes.csv', classes);

  // users.csv, roles.csv and demographics.csv together: students, then staff.
  const users = open('users.csv');
  const roles = open('roles.csv');
  const demographics = open('demographics.csv');
  const studentIds: string[] = [];
  const staffIds: string[] = [];
  const user = (
    kind: 'student' | 'staff',
    n: number,
    schoolId: string,
    grade: string,
    role: 'student' | 'teacher' | 'siteAdministrator',
  ) => {
    const id = r.uuid();
    const given = r.pick(DEMO_GIVEN_NAMES);
    const family = r.pick(DEMO_FAMILY_NAMES);
    const middle = r.chance(0.4) ? r.pick(DEMO_GIVEN_NAMES) : '';
    const identifier = `${kind === 'student' ? 'S' : 'T'}${pad(n, 7)}`;
    const username =
      kind === 'student'
        ? `${given[0]}${family}${n}`.toLowerCase()
        : `${given}.${family}${n}`.toLowerCase();
    const email = `${username}@${kind === 'student' ? 'students.' : ''}riverbend.example`;
    users.row([
      id,
      'active',
      MODIFIED,
      'true',
      username,
      `{SIS:${identifier}}`,
      given,
      family,
      middle,
      identifier,
      email,
      '',
      kind === 'staff' ? `555-01${pad(n % 100, 2)}` : '',
      '',
      grade,
      '',
      '',
      r.chance(0.1) ? given.slice(0, 3) : '',
      '',
      '',
      schoolId,
      r.chance(0.3) ? r.pick(DEMO_PRONOUNS) : '',
    ]);
    roles.row([r.uuid(), 'active', MODIFIED, id, 'primary', role, '', '', schoolId, '']);
    return id;
  };
  for (let k = 0; k < schools; k++) {
    const level = LEVELS[k % LEVELS.length]!;
    const [s0, s1] = range(size.students, schools, k);
    for (let i = s0; i < s1; i++) {
      const grade = level.grades[(i - s0) % level.grades.length]!;
      const id = user('student', i + 1, schoolIds[k]!, grade, 'student');
      studentIds.push(id);
      const born = 2020 - (grade === 'KG' ? 0 : Number(grade));
      const race = r.next();
      const [country, state, city] = r.pick(CITIES);
      const flag = (b: boolean) => (b ? 'true' : 'false');
      demographics.row([
        id,
        'active',
        MODIFIED,
        `${born}-${pad(r.int(1, 12), 2)}-${pad(r.int(1, 28), 2)}`,
        r.pick(['female', 'male', 'female', 'male', 'unspecified']),
        flag(race < 0.02),
        flag(race >= 0.02 && race < 0.08),
        flag(race >= 0.08 && race < 0.22),
        flag(race >= 0.22 && race < 0.23),
        flag(race >= 0.23 && race < 0.95),
        flag(race >= 0.95),
        flag(r.chance(0.28)),
        country,
        state,
        city,
        '',
      ]);
    }
  }
  // Staff: per school one site administrator, then its teachers.
  const schoolTeachers: string[][] = [];
  let administrators = 0;
  for (let k = 0; k < schools; k++) {
    const [t0, t1] = range(size.staff, schools, k);
    staffIds.push(user('staff', t0 + 1, schoolIds[k]!, '', 'siteAdministrator'));
    administrators += 1;
    const teachers: string[] = [];
    for (let t = t0 + 1; t < t1; t++) {
      const id = user('staff', t + 1, schoolIds[k]!, '', 'teacher');
      staffIds.push(id);
      teachers.push(id);
    }
    schoolTeachers.push(teachers);
  }
  done('users.csv', users);
  done('roles.csv', roles);
  done('demographics.csv', demographics);

  // enrollments.csv: each class's teacher, then the students (student i of a school takes
  // consecutive classes of the school from a start that spreads them evenly).
  const enrollments = open('enrollments.csv');
  const enroll = (k: number, c: number, userId: string, role: 'teacher' | 'student') => {
    const s = SEMESTERS[c % 2]!;
    const [c0] = range(size.classes, schools, k);
    enrollments.row([
      r.uuid(),
      'active',
      MODIFIED,
      classIds[c0 + c]!,
      schoolIds[k]!,
      userId,
      role,
      role === 'teacher' ? 'true' : 'false',
      s.start,
      s.end,
    ]);
  };
  for (let k = 0; k < schools; k++) {
    const [c0, c1] = range(size.classes, schools, k);
    const teachers = schoolTeachers[k]!;
    for (let j = 0; j < c1 - c0; j++) enroll(k, j, teachers[j % teachers.length]!, 'teacher');
  }
  const studentEnrollments = size.enrollments - size.classes;
  const base = Math.floor(studentEnrollments / size.students);
  const extra = studentEnrollments % size.students;
  for (let k = 0; k < schools; k++) {
    const [c0, c1] = range(size.classes, schools, k);
    const [s0, s1] = range(size.students, schools, k);
    const n = c1 - c0;
    for (let i = s0; i < s1; i++) {
      const count = base + (i < extra ? 1 : 0);
      const start = ((i - s0) * Math.max(1, base)) % n;
      for (let m = 0; m < count; m++) enroll(k, (start + m) % n, studentIds[i]!, 'student');
    }
  }
  done('enrollments.csv', enrollments);

  const rows = Object.values(files).reduce((a, b) => a + b, 0);
  return {
    seed: opts.seed,
    size,
    files,
    rows,
    bytes,
    counts: {
      schools,
      students: studentIds.length,
      staff: staffIds.length,
      teachers: staffIds.length - administrators,
      administrators,
      courses: courseCount,
      classes: classIds.length,
      enrollments: files['enrollments.csv'],
      teacherEnrollments: classIds.length,
      studentEnrollments: files['enrollments.csv'] - classIds.length,
      demographics: files['demographics.csv'],
    },
  };
}
