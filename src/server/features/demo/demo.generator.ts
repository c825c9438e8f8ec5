// The demo district, generated deterministically from a seed and "today": the same inputs give
// the same rows, byte for byte. Pure: no I/O; the service hashes passwords and inserts.
import {
  addDays,
  isoWeekday,
  isSchoolDay,
  localDayRange,
  type TermCalendar,
} from '../../../domain/calendar.js';
import type { InteractionKind } from '../../../domain/interaction-kinds.js';
import type { Database } from '../../platform/db/schema.js';
import { seededRandom } from './seeded-random.js';

export interface DemoOptions {
  seed: number;
  /** The district's calendar date the demo is built around (the term contains it). */
  today: string;
  students: number;
  staff: number;
  /**
   * The term's first and last day (it must contain `today`), e.g. a whole school year for the
   * benchmarks. Default: from the Monday about 13 weeks before today to the Friday about 5
   * weeks after.
   */
  term?: { start: string; end: string; name?: string };
  /** False: generate no interactions (a benchmark that writes its own). Default true. */
  interactions?: boolean;
}

export const DEMO_DEFAULTS = { seed: 1, students: 1200, staff: 60 } as const;
export const DEMO_TIMEZONE = 'America/Chicago';
export const DEMO_PASSWORD = 'rapport-demo';
/** The sign-ins `npm start` prints. */
export const DEMO_USERNAMES = {
  teacher: 'teacher',
  leader: 'leader',
  district_admin: 'admin',
  student: 'student',
} as const;

export interface DemoAccount {
  row: Omit<Database['accounts'], 'password_hash'>;
}

export interface DemoData {
  district: Database['districts'];
  schools: Database['schools'][];
  terms: Database['terms'][];
  daysOff: Database['term_days_off'][];
  courses: Database['courses'][];
  classes: Database['classes'][];
  people: Database['people'][];
  guardianships: Database['guardianships'][];
  enrollments: Database['enrollments'][];
  accounts: DemoAccount[];
  interactions: Database['interactions'][];
}

/** Given and family names of demo people, shared with the benchmarks' roster generator. */
export const DEMO_GIVEN_NAMES = [
  'Ana',
  'Ben',
  'Camila',
  'Diego',
  'Elena',
  'Farah',
  'Gabriel',
  'Hana',
  'Isaac',
  'Jada',
  'Kenji',
  'Lucia',
  'Mateo',
  'Nia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Samir',
  'Tala',
  'Uriel',
  'Valeria',
  'Wes',
  'Ximena',
  'Yusuf',
  'Zoe',
  'Aiden',
  'Bianca',
  'Caleb',
  'Daniela',
  'Elijah',
  'Fatima',
  'Grace',
  'Hector',
  'Imani',
  'Jonah',
  'Kayla',
  'Liam',
  'Maya',
  'Noah',
  'Olivia',
  'Pablo',
  'Riley',
  'Sofia',
  'Thomas',
  'Vanessa',
  'William',
  'Yara',
  'Zain',
  'Amara',
];
export const DEMO_FAMILY_NAMES = [
  'Garcia',
  'Nguyen',
  'Smith',
  'Johnson',
  'Hernandez',
  'Kim',
  'Patel',
  'Brown',
  'Lopez',
  'Williams',
  'Martinez',
  'Davis',
  'Rodriguez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Sanchez',
  'Clark',
  'Ramirez',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Torres',
  'Hill',
  'Flores',
  'Green',
  'Adams',
  'Nelson',
  'Baker',
  'Hall',
  'Rivera',
];
const NICKNAMES: Record<string, string> = {
  William: 'Will',
  Thomas: 'Tom',
  Gabriel: 'Gabe',
  Elijah: 'Eli',
  Daniela: 'Dani',
  Valeria: 'Vale',
  Samir: 'Sam',
};
export const DEMO_PRONOUNS = ['she/her', 'he/him', 'they/them'];
export const DEMO_SUBJECTS = [
  'Math',
  'English',
  'Science',
  'Social Studies',
  'Art',
  'Physical Education',
] as const;
/** Tags teachers put on moments, shared with the benchmarks' data. */
export const DEMO_TAGS = [
  'greeting at the door',
  'helped a peer',
  'effort',
  'kindness',
  'participation',
  'off task',
  'late',
  'check-in',
];

function mondayOnOrBefore(date: string): string {
  return addDays(date, -(isoWeekday(date) - 1));
}

function nthWeekday(year: number, month: number, weekday: number, n: number): string {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const offset = (weekday - isoWeekday(first) + 7) % 7;
  return addDays(first, offset + (n - 1) * 7);
}

/** US school holidays that fall between start and end (a realistic, not a complete, list). */
export function demoHolidays(start: string, end: string): Array<{ date: string; reason: string }> {
  const out: Array<{ date: string; reason: string }> = [];
  const y0 = Number(start.slice(0, 4));
  const y1 = Number(end.slice(0, 4));
  for (let y = y0; y <= y1; y++) {
    const thanksgiving = nthWeekday(y, 11, 4, 4);
    const days: Array<[string, string]> = [
      [nthWeekday(y, 1, 1, 3), 'Martin Luther King Jr. Day'],
      [nthWeekday(y, 2, 1, 3), "Presidents' Day"],
      ...[0, 1, 2, 3, 4].map(
        (i) => [addDays(nthWeekday(y, 3, 1, 3), i), 'Spring break'] as [string, string],
      ),
      [addDays(nthWeekday(y, 6, 1, 1), -7), 'Memorial Day'],
      [nthWeekday(y, 9, 1, 1), 'Labor Day'],
      [nthWeekday(y, 10, 1, 2), "Indigenous Peoples' Day"],
      [addDays(nthWeekday(y, 10, 1, 2), 1), 'Teacher work day'],
      [`${y}-11-11`, 'Veterans Day'],
      [addDays(thanksgiving, -1), 'Thanksgiving break'],
      [thanksgiving, 'Thanksgiving'],
      [addDays(thanksgiving, 1), 'Thanksgiving break'],
    ];
    for (let d = `${y}-12-21`; d <= `${y}-12-31`; d = addDays(d, 1)) days.push([d, 'Winter break']);
    for (const [date, reason] of days) {
      if (date >= start && date <= end && isoWeekday(date) <= 5) out.push({ date, reason });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

export function generateDemo(opts: DemoOptions): DemoData {
  const r = seededRandom(opts.seed);
  const createdAt = `${opts.today}T06:00:00.000Z`;
  const district: Database['districts'] = {
    id: r.uuid(),
    name: 'Riverbend Unified (demo)',
    timezone: DEMO_TIMEZONE,
    sourced_id: null,
    created_at: createdAt,
  };
  const d = district.id;

  // About 13 weeks of school behind today and 5 ahead, unless the caller sets the term.
  const start = opts.term?.start ?? mondayOnOrBefore(addDays(opts.today, -91));
  const end = opts.term?.end ?? addDays(mondayOnOrBefore(addDays(opts.today, 35)), 4);
  if (opts.today < start || opts.today > end)
    throw new Error(`the term ${start}..${end} does not contain today (${opts.today})`);
  const season = Number(start.slice(5, 7)) >= 7 ? 'Fall' : 'Spring';
  const term: Database['terms'] = {
    district_id: d,
    id: r.uuid(),
    name: opts.term?.name ?? `${season} ${opts.today.slice(0, 4)}`,
    start_date: start,
    end_date: end,
    sourced_id: null,
    active: 1,
  };
  const holidays = demoHolidays(start, end);
  const daysOff = holidays.map((h) => ({
    district_id: d,
    term_id: term.id,
    date: h.date,
    reason: h.reason,
  }));
  const cal: TermCalendar = {
    startDate: start,
    endDate: end,
    daysOff: new Set(holidays.map((h) => h.date)),
  };

  const schools: Database['schools'][] = [
    {
      district_id: d,
      id: r.uuid(),
      name: 'Riverbend Middle School',
      level: 'middle',
      sourced_id: null,
      active: 1,
    },
    {
      district_id: d,
      id: r.uuid(),
      name: 'Riverbend High School',
      level: 'high',
      sourced_id: null,
      active: 1,
    },
  ];
  const people: Database['people'][] = [];
  const accounts: DemoAccount[] = [];
  const usedUsernames = new Set<string>(Object.values(DEMO_USERNAMES));
  const person = (
    kind: Database['people']['kind'],
    schoolId: string | null,
    extra: Partial<Database['people']> = {},
  ) => {
    const given = r.pick(DEMO_GIVEN_NAMES);
    const row: Database['people'] = {
      district_id: d,
      id: r.uuid(),
      kind,
      given_name: given,
      family_name: r.pick(DEMO_FAMILY_NAMES),
      preferred_name:
        kind === 'student' && NICKNAMES[given] && r.chance(0.6) ? NICKNAMES[given]! : null,
      pronouns: kind === 'student' && r.chance(0.5) ? r.pick(DEMO_PRONOUNS) : null,
      email: null,
      grade: null,
      school_id: schoolId,
      sourced_id: null,
      active: 1,
      ...extra,
    };
    people.push(row);
    return row;
  };
  const account = (
    p: Database['people'],
    role: string,
    schoolId: string | null,
    username?: string,
  ) => {
    let name = username ?? `${p.given_name}.${p.family_name}`.toLowerCase();
    for (let i = 2; !username && usedUsernames.has(name); i++)
      name = `${p.given_name}.${p.family_name}${i}`.toLowerCase();
    usedUsernames.add(name);
    const email = `${name}@riverbend.example`;
    if (p.kind === 'staff') p.email = email;
    accounts.push({
      row: {
        district_id: d,
        id: r.uuid(),
        person_id: p.id,
        username: name,
        email,
        role,
        school_id: schoolId,
        locale: 'en',
        active: 1,
        created_at: createdAt,
      },
    });
  };

  // Staff: a district admin, a leader and a coach per school, the rest teachers split ~45/55.
  const admin = person('staff', null);
  account(admin, 'district_admin', null, DEMO_USERNAMES.district_admin);
  const teachersBySchool = new Map<string, Database['people'][]>();
  const teacherCount = Math.max(2, opts.staff - 5);
  const msTeachers = Math.max(1, Math.round(teacherCount * 0.45));
  schools.forEach((s, si) => {
    account(person('staff', s.id), 'leader', s.id, si === 0 ? DEMO_USERNAMES.leader : undefined);
    account(person('staff', s.id), 'coach', s.id);
    const n = si === 0 ? msTeachers : teacherCount - msTeachers;
    const list: Database['people'][] = [];
    for (let i = 0; i < n; i++) {
      const t = person('staff', s.id);
      account(t, 'teacher', s.id, si === 0 && i === 0 ? DEMO_USERNAMES.teacher : undefined);
      list.push(t);
    }
    teachersBySchool.set(s.id, list);
  });

  // Courses and sections: each teacher teaches one subject in five periods.
  const courses: Database['courses'][] = [];
  const classes: Database['classes'][] = [];
  const enrollments: Database['enrollments'][] = [];
  const sectionsBySchoolSubject = new Map<string, Database['classes'][]>();
  const teacherOfClass = new Map<string, string>();
  schools.forEach((s) => {
    const grades = s.level === 'middle' ? ['6', '7', '8'] : ['9', '10', '11', '12'];
    const teachers = teachersBySchool.get(s.id)!;
    const courseOf = new Map<string, Database['courses']>();
    for (const subject of DEMO_SUBJECTS) {
      const c = {
        district_id: d,
        id: r.uuid(),
        school_id: s.id,
        title: subject,
        code: subject.slice(0, 3).toUpperCase(),
        sourced_id: null,
        active: 1 as const,
      };
      courses.push(c);
      courseOf.set(subject, c);
    }
    teachers.forEach((t, ti) => {
      const subject = DEMO_SUBJECTS[ti % DEMO_SUBJECTS.length]!;
      const periods = [1, 2, 3, 4, 5, 6, 7].filter((p) => p !== 1 + (ti % 7)).slice(0, 5);
      for (const p of periods) {
        const grade = grades[(ti + p) % grades.length]!;
        const cls: Database['classes'] = {
          district_id: d,
          id: r.uuid(),
          school_id: s.id,
          course_id: courseOf.get(subject)!.id,
          term_id: term.id,
          title: `${subject} ${grade}`,
          period: String(p),
          room: String(100 + ti + 1),
          // A few electives meet three days a week.
          meeting_days: subject === 'Art' && p % 2 === 0 ? '135' : '12345',
          sourced_id: null,
          active: 1,
        };
        classes.push(cls);
        teacherOfClass.set(cls.id, t.id);
        enrollments.push({
          district_id: d,
          class_id: cls.id,
          person_id: t.id,
          role: 'teacher',
          begin_date: null,
          end_date: null,
          sourced_id: null,
          active: 1,
        });
        const key = `${s.id}|${subject}|${grade}`;
        sectionsBySchoolSubject.set(key, [...(sectionsBySchoolSubject.get(key) ?? []), cls]);
      }
    });
  });

  // Students, their guardians, and one section per subject for their grade.
  const guardianships: Database['guardianships'][] = [];
  const msStudents = Math.round(opts.students * 0.42);
  const studentsOfClass = new Map<string, string[]>();
  let firstStudent: Database['people'] | undefined;
  for (let i = 0; i < opts.students; i++) {
    const s = i < msStudents ? schools[0]! : schools[1]!;
    const grades = s.level === 'middle' ? ['6', '7', '8'] : ['9', '10', '11', '12'];
    const st = person('student', s.id, { grade: grades[i % grades.length]! });
    firstStudent ??= st;
    const guardians = r.chance(0.6) ? 2 : 1;
    for (let g = 0; g < guardians; g++) {
      const gp = person('guardian', null, {
        family_name: g === 0 ? st.family_name : r.pick(DEMO_FAMILY_NAMES),
      });
      gp.email =
        `${gp.given_name}.${gp.family_name}.${gp.id.slice(0, 4)}@family.example`.toLowerCase();
      guardianships.push({
        district_id: d,
        guardian_id: gp.id,
        student_id: st.id,
        relationship: g === 0 ? 'parent' : r.pick(['parent', 'guardian', 'grandparent']),
      });
    }
    for (const subject of DEMO_SUBJECTS) {
      const sections = sectionsBySchoolSubject.get(`${s.id}|${subject}|${st.grade}`);
      if (!sections?.length) continue;
      // Fill the emptiest of two random sections, so class sizes even out.
      const a = r.pick(sections);
      const b = r.pick(sections);
      const cls =
        (studentsOfClass.get(a.id)?.length ?? 0) <= (studentsOfClass.get(b.id)?.length ?? 0)
          ? a
          : b;
      studentsOfClass.set(cls.id, [...(studentsOfClass.get(cls.id) ?? []), st.id]);
      enrollments.push({
        district_id: d,
        class_id: cls.id,
        person_id: st.id,
        role: 'student',
        begin_date: null,
        end_date: null,
        sourced_id: null,
        active: 1,
      });
    }
  }
  if (firstStudent)
    account(firstStudent, 'student', firstStudent.school_id, DEMO_USERNAMES.student);

  // Interactions: every school day from the term's start until yesterday.
  const interactions: Database['interactions'][] = [];
  const schoolDays: string[] = [];
  for (let day = start; opts.interactions !== false && day < opts.today; day = addDays(day, 1))
    if (isSchoolDay(cal, day)) schoolDays.push(day);
  const teacherAccount = new Map(
    accounts.filter((a) => a.row.role === 'teacher').map((a) => [a.row.person_id!, a.row.id]),
  );
  // Some students have had no positive moment for weeks: they get none in the last 4 weeks.
  const overlooked = new Set(
    people.filter((p) => p.kind === 'student' && r.chance(0.05)).map((p) => p.id),
  );
  const recentCut = schoolDays[Math.max(0, schoolDays.length - 20)] ?? start;
  const classesOfTeacher = new Map<string, Database['classes'][]>();
  for (const c of classes) {
    const t = teacherOfClass.get(c.id)!;
    classesOfTeacher.set(t, [...(classesOfTeacher.get(t) ?? []), c]);
  }
  for (const [teacherId, taught] of classesOfTeacher) {
    const accountId = teacherAccount.get(teacherId)!;
    // Most teachers log more positives than corrections; about one in six does not.
    const positiveShare = r.chance(0.17) ? 0.3 + r.next() * 0.2 : 0.7 + r.next() * 0.22;
    const perClassPerDay = 0.5 + r.next() * 4; // light to heavy users of the app
    for (const day of schoolDays) {
      const weekday = String(isoWeekday(day));
      const { start: dayStart } = localDayRange(day, DEMO_TIMEZONE);
      for (const cls of taught) {
        if (!cls.meeting_days.includes(weekday)) continue;
        const roster = studentsOfClass.get(cls.id) ?? [];
        if (roster.length === 0) continue;
        const n = r.poisson(perClassPerDay);
        for (let k = 0; k < n; k++) {
          const studentId = r.pick(roster);
          let kind: InteractionKind = r.chance(positiveShare)
            ? r.chance(0.55)
              ? 'warm_moment'
              : 'affirmation'
            : 'correction';
          if (kind !== 'correction' && overlooked.has(studentId) && day >= recentCut)
            kind = 'correction';
          if (kind === 'correction' && r.chance(0.25))
            kind = r.pick(['empathy_statement', 'repair', 'conversation'] as const);
          // Class periods run from 8:00; minute within the period.
          const minutes = 8 * 60 + (Number(cls.period) - 1) * 55 + r.int(0, 50);
          const occurred = new Date(Date.parse(dayStart) + minutes * 60_000).toISOString();
          interactions.push({
            district_id: d,
            id: r.uuid(),
            client_id: r.uuid(),
            author_account_id: accountId,
            teacher_id: teacherId,
            student_id: studentId,
            class_id: cls.id,
            kind,
            tag: r.chance(0.2) ? r.pick(DEMO_TAGS) : null,
            note: null,
            occurred_at: occurred,
            created_at: occurred,
            undone_at: null,
          });
        }
      }
    }
  }

  return {
    district,
    schools,
    terms: [term],
    daysOff,
    courses,
    classes,
    people,
    guardianships,
    enrollments,
    accounts,
    interactions,
  };
}
