// Factories: each persists rows and returns them. A test builds its own district, so tests
// never share state and can run side by side on one database.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashPassword } from '../src/server/platform/auth/passwords.js';
import type { Database } from '../src/server/platform/db/schema.js';
import type { Role } from '../src/contracts/common.js';

type K = Kysely<Database>;
const uid = () => randomUUID();
const short = () => randomUUID().slice(0, 8);

// Hashing with full-strength scrypt per test account would dominate test time; factories use a
// cheap cost with the same code path. Production and the demo use the default cost.
const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };

export async function buildDistrict(db: K, o: Partial<Database['districts']> = {}) {
  const row = {
    id: uid(),
    name: `District ${short()}`,
    timezone: 'America/Chicago',
    sourced_id: null,
    created_at: new Date().toISOString(),
    ...o,
  };
  await db.insertInto('districts').values(row).execute();
  return row;
}

export async function buildSchool(db: K, o: { districtId: string } & Partial<Database['schools']>) {
  const { districtId, ...rest } = o;
  const row = {
    district_id: districtId,
    id: uid(),
    name: `School ${short()}`,
    level: 'middle',
    sourced_id: null,
    active: 1 as const,
    ...rest,
  };
  await db.insertInto('schools').values(row).execute();
  return row;
}

export async function buildTerm(
  db: K,
  o: { districtId: string; startDate: string; endDate: string; daysOff?: string[]; name?: string },
) {
  const row = {
    district_id: o.districtId,
    id: uid(),
    name: o.name ?? 'Fall',
    start_date: o.startDate,
    end_date: o.endDate,
    sourced_id: null,
    active: 1 as const,
  };
  await db.insertInto('terms').values(row).execute();
  for (const date of o.daysOff ?? []) {
    await db
      .insertInto('term_days_off')
      .values({ district_id: o.districtId, term_id: row.id, date, reason: 'Holiday' })
      .execute();
  }
  return row;
}

export async function buildClass(
  db: K,
  o: { districtId: string; schoolId: string; termId: string } & Partial<
    Pick<Database['classes'], 'title' | 'period' | 'room' | 'meeting_days'>
  >,
) {
  const course = {
    district_id: o.districtId,
    id: uid(),
    school_id: o.schoolId,
    title: o.title ?? 'Science',
    code: null,
    sourced_id: null,
    active: 1 as const,
  };
  await db.insertInto('courses').values(course).execute();
  const row = {
    district_id: o.districtId,
    id: uid(),
    school_id: o.schoolId,
    course_id: course.id,
    term_id: o.termId,
    title: o.title ?? `Science ${short()}`,
    period: o.period ?? '1',
    room: o.room ?? '101',
    meeting_days: o.meeting_days ?? '12345',
    sourced_id: null,
    active: 1 as const,
  };
  await db.insertInto('classes').values(row).execute();
  return row;
}

export async function buildPerson(
  db: K,
  o: { districtId: string; kind: Database['people']['kind']; schoolId?: string | null } & Partial<
    Database['people']
  >,
) {
  const { districtId, schoolId, ...rest } = o;
  const row = {
    district_id: districtId,
    id: uid(),
    given_name: `Given${short()}`,
    family_name: `Family${short()}`,
    preferred_name: null,
    pronouns: null,
    email: null,
    grade: null,
    school_id: schoolId ?? null,
    sourced_id: null,
    active: 1 as const,
    ...rest,
  };
  await db.insertInto('people').values(row).execute();
  return row;
}

export async function buildAccount(
  db: K,
  o: {
    districtId: string;
    role: Role;
    personId?: string | null;
    schoolId?: string | null;
    password?: string;
    username?: string;
  },
) {
  const password = o.password ?? `pw-${short()}-${short()}`;
  const username = (o.username ?? `${o.role}-${short()}${short()}`).toLowerCase();
  const row = {
    district_id: o.districtId,
    id: uid(),
    person_id: o.personId ?? null,
    username,
    email: `${username}@example.test`,
    role: o.role,
    school_id: o.schoolId ?? null,
    password_hash: await hashPassword(password, TEST_SCRYPT),
    locale: 'en',
    active: 1 as const,
    created_at: new Date().toISOString(),
  };
  await db.insertInto('accounts').values(row).execute();
  return { ...row, password };
}

/** A staff person with a signed-in-able account of the given role. */
export async function buildStaff(
  db: K,
  o: { districtId: string; schoolId: string | null; role: Role; givenName?: string },
) {
  const person = await buildPerson(db, {
    districtId: o.districtId,
    kind: 'staff',
    schoolId: o.schoolId,
    ...(o.givenName ? { given_name: o.givenName } : {}),
  });
  const account = await buildAccount(db, {
    districtId: o.districtId,
    role: o.role,
    personId: person.id,
    schoolId: o.schoolId,
  });
  return { person, account };
}

export async function buildStudent(
  db: K,
  o: { districtId: string; schoolId: string } & Partial<Database['people']>,
) {
  return buildPerson(db, { grade: '7', ...o, kind: 'student' });
}

export async function enroll(
  db: K,
  o: {
    districtId: string;
    classId: string;
    personId: string;
    role: 'student' | 'teacher';
    active?: 0 | 1;
    beginDate?: string;
    endDate?: string;
  },
) {
  await db
    .insertInto('enrollments')
    .values({
      district_id: o.districtId,
      class_id: o.classId,
      person_id: o.personId,
      role: o.role,
      begin_date: o.beginDate ?? null,
      end_date: o.endDate ?? null,
      sourced_id: null,
      active: o.active ?? 1,
    })
    .execute();
}

/** A whole classroom: district, school, a term around `today`, one class, its teacher and students. */
export async function buildClassroom(
  db: K,
  o: {
    today: string;
    students?: number;
    studentNames?: Array<{ given: string; preferred?: string; family?: string }>;
    daysOff?: string[];
    district?: Awaited<ReturnType<typeof buildDistrict>>;
  },
) {
  const district = o.district ?? (await buildDistrict(db));
  const school = await buildSchool(db, { districtId: district.id });
  const term = await buildTerm(db, {
    districtId: district.id,
    startDate: addDaysIso(o.today, -60),
    endDate: addDaysIso(o.today, 40),
    daysOff: o.daysOff ?? [],
  });
  const cls = await buildClass(db, {
    districtId: district.id,
    schoolId: school.id,
    termId: term.id,
    title: 'Science 7',
    period: '2',
  });
  const teacher = await buildStaff(db, {
    districtId: district.id,
    schoolId: school.id,
    role: 'teacher',
    givenName: 'Tess',
  });
  await enroll(db, {
    districtId: district.id,
    classId: cls.id,
    personId: teacher.person.id,
    role: 'teacher',
  });
  const names: Array<{ given: string; preferred?: string; family?: string }> =
    o.studentNames ??
    Array.from({ length: o.students ?? 3 }, (_, i) => ({ given: `Student${i + 1}` }));
  const students = [];
  for (const n of names) {
    const s = await buildStudent(db, {
      districtId: district.id,
      schoolId: school.id,
      given_name: n.given,
      preferred_name: n.preferred ?? null,
      family_name: n.family ?? 'Rivera',
    });
    await enroll(db, { districtId: district.id, classId: cls.id, personId: s.id, role: 'student' });
    students.push(s);
  }
  return { district, school, term, cls, teacher, students };
}

function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A get-to-know-you response with its chosen options (item id → option ids), saved as the
 * questionnaire page would save it; `shared` is the respondent's "the other side may see these".
 */
export async function answerQuestionnaire(
  db: K,
  o: {
    districtId: string;
    respondentId: string;
    kind: 'student' | 'teacher';
    choices: Record<string, string[]>;
    shared?: boolean;
    questionnaireId?: string;
  },
) {
  const at = new Date().toISOString();
  const questionnaire_id = o.questionnaireId ?? 'get-to-know-you';
  await db
    .insertInto('questionnaire_responses')
    .values({
      district_id: o.districtId,
      questionnaire_id,
      respondent_id: o.respondentId,
      respondent_kind: o.kind,
      content_version: 1,
      shared: o.shared === false ? 0 : 1,
      last_item_id: null,
      started_at: at,
      updated_at: at,
      submitted_at: at,
    })
    .execute();
  for (const [item_id, optionIds] of Object.entries(o.choices))
    for (const option_id of optionIds)
      await db
        .insertInto('questionnaire_answers')
        .values({
          district_id: o.districtId,
          questionnaire_id,
          respondent_id: o.respondentId,
          item_id,
          option_id,
          text: null,
          answered_at: at,
        })
        .execute();
}
