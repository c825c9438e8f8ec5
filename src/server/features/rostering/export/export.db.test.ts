// The OneRoster export on both databases: read back with yauzl and checked against the 1.2.1
// binding's own column lists (conformance data), row by row.
import { randomInt, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindingColumns, collector, parseCsv, readZip } from '../../../../../test/oneroster-zip.js';
import { buildStaff } from '../../../../../test/factories.js';
import { buildTestApp, openTestDb, signIn, testDialects } from '../../../../../test/harness.js';
import { generateDemo } from '../../demo/demo.generator.js';
import { demoRepository } from '../../demo/demo.repository.js';
import type { Db } from '../../../platform/db/database.js';
import type { Database } from '../../../platform/db/schema.js';
import { encodeExtra } from '../roster-extra.js';
import { exportOneRoster, type ExportCounts } from './export.service.js';

type K = Kysely<Database>;

async function exportZip(db: K, districtId: string, pageSize?: number) {
  const out = collector();
  const counts = await exportOneRoster(db, districtId, out, pageSize ? { pageSize } : {});
  return { zip: out.bytes(), counts };
}

async function exportFiles(db: K, districtId: string, pageSize?: number) {
  const { zip, counts } = await exportZip(db, districtId, pageSize);
  const entries = await readZip(zip);
  const files = new Map([...entries].map(([name, text]) => [name, parseCsv(text)]));
  return { zip, counts, entries, files };
}

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * An imported-looking district: sourcedIds, extras, roles, source times, a district org; plus
 * rows made in Rapport (no sourcedId) and inactive rows that must stay out of the export.
 */
async function buildRoster(db: K) {
  const tag = randomUUID().slice(0, 8);
  const sid = (s: string) => `${s}-${tag}`;
  const districtId = randomUUID();
  const id = () => randomUUID();
  await db
    .insertInto('districts')
    .values({
      id: districtId,
      name: `Lakeside ${tag}`,
      timezone: 'America/Chicago',
      sourced_id: sid('dist'),
      created_at: '2026-01-02T03:04:05.000Z',
    })
    .execute();
  const base = { district_id: districtId, active: 1 as const };
  const school = id();
  const appSchool = id();
  const oldSchool = id();
  await db
    .insertInto('schools')
    .values([
      {
        ...base,
        id: id(),
        name: 'Lakeside District',
        level: 'other',
        sourced_id: sid('dist'),
        org_type: 'district',
      },
      {
        ...base,
        id: school,
        name: 'Lakeside High',
        level: 'high',
        sourced_id: sid('sch-b'),
        org_type: 'school',
        identifier: 'LHS',
        parent_sourced_id: sid('dist'),
        source_modified_at: '2026-02-01T10:00:00Z',
      },
      {
        ...base,
        id: oldSchool,
        name: 'Closed School',
        level: 'middle',
        sourced_id: sid('sch-old'),
        org_type: 'school',
        active: 0,
      },
    ])
    .execute();
  // Made in Rapport: no sourcedId, the default org type.
  await db
    .insertInto('schools')
    .values({ ...base, id: appSchool, name: 'Made Here Middle', level: 'middle', sourced_id: null })
    .execute();
  const term = id();
  await db
    .insertInto('terms')
    .values([
      {
        ...base,
        id: term,
        name: 'Fall',
        start_date: '2026-08-20',
        end_date: '2026-12-18',
        sourced_id: sid('term-2'),
        session_type: 'term',
        parent_sourced_id: sid('sy'),
        school_year: '2027',
      },
      {
        ...base,
        id: id(),
        name: 'School year',
        start_date: '2026-08-20',
        end_date: '2027-06-10',
        sourced_id: sid('sy'),
        session_type: 'schoolYear',
      },
      {
        ...base,
        id: id(),
        name: 'Old term',
        start_date: '2025-08-20',
        end_date: '2025-12-18',
        sourced_id: sid('term-old'),
        session_type: 'term',
        active: 0,
      },
    ])
    .execute();
  const course = id();
  const oldCourse = id();
  await db
    .insertInto('courses')
    .values([
      {
        ...base,
        id: course,
        school_id: school,
        title: 'Algebra I',
        code: 'ALG1',
        sourced_id: sid('crs-1'),
        extra: encodeExtra({
          grades: ['09', '10'],
          subjects: ['Math'],
          schoolYearSourcedId: sid('sy'),
        }),
      },
      {
        ...base,
        id: oldCourse,
        school_id: oldSchool,
        title: 'Gone Course',
        code: null,
        sourced_id: sid('crs-old'),
      },
    ])
    .execute();
  const cls = id();
  const klass = (o: Partial<Database['classes']> & { id: string; title: string }) => ({
    ...base,
    school_id: school,
    course_id: course,
    term_id: term,
    period: '1',
    room: 'B-12',
    meeting_days: '12345',
    sourced_id: null,
    ...o,
  });
  await db
    .insertInto('classes')
    .values([
      klass({
        id: cls,
        title: 'Algebra I - 1',
        sourced_id: sid('cls-1'),
        extra: encodeExtra({
          termSourcedIds: [sid('term-2'), sid('sy')],
          classType: 'homeroom',
          classCode: 'M1',
          periods: ['1', '2'],
          subjects: ['Math, Algebra'],
        }),
      }),
      klass({
        id: id(),
        title: 'Orphan Class',
        course_id: oldCourse,
        sourced_id: sid('cls-orphan'),
      }),
      klass({ id: id(), title: 'Cancelled Class', sourced_id: sid('cls-off'), active: 0 }),
    ])
    .execute();
  const person = (
    o: Partial<Database['people']> & { id: string; kind: Database['people']['kind'] },
  ) => ({
    ...base,
    given_name: 'Given',
    family_name: 'Family',
    preferred_name: null,
    pronouns: null,
    email: null,
    grade: null,
    school_id: school,
    sourced_id: null,
    ...o,
  });
  const teacher = id();
  const student = id();
  const guardian = id();
  const gone = id();
  const appStudent = id();
  const exGuardian = id();
  await db
    .insertInto('people')
    .values([
      person({
        id: teacher,
        kind: 'staff',
        given_name: 'Tomas',
        family_name: 'Teach',
        username: 't.one',
        email: 't.one@lakeside.example',
        sourced_id: sid('usr-t'),
        source_modified_at: '2026-03-04T05:06:07.089Z',
        extra: encodeExtra({
          enabledUser: true,
          roles: [
            {
              sourcedId: sid('rol-t'),
              roleType: 'primary',
              role: 'teacher',
              orgSourcedId: sid('sch-b'),
            },
          ],
          phone: '555-0100',
        }),
      }),
      person({
        id: student,
        kind: 'student',
        given_name: 'Sasha',
        family_name: 'Student',
        preferred_name: 'Sash',
        pronouns: 'they/them',
        grade: '09',
        middle_name: 'M',
        identifier: 'S-100',
        sourced_id: sid('usr-s'),
        extra: encodeExtra({
          enabledUser: false,
          userIds: ['{LDAP:12}', '{SIS:34}'],
          roles: [{ roleType: 'primary', role: 'student', orgSourcedId: sid('sch-b') }],
        }),
      }),
      person({
        id: guardian,
        kind: 'guardian',
        given_name: 'Gale',
        family_name: 'Guardian',
        school_id: null,
        sourced_id: sid('usr-g'),
      }),
      person({
        id: exGuardian,
        kind: 'guardian',
        given_name: 'Exa',
        family_name: 'Former',
        school_id: null,
        sourced_id: sid('usr-x'),
      }),
      person({
        id: gone,
        kind: 'student',
        given_name: 'Goneby',
        family_name: 'Left',
        sourced_id: sid('usr-gone'),
        active: 0,
      }),
      person({
        id: appStudent,
        kind: 'student',
        given_name: 'Zoë',
        family_name: 'Made, Jr.',
        school_id: appSchool,
        grade: '7',
      }),
    ])
    .execute();
  await db
    .insertInto('guardianships')
    .values([
      {
        district_id: districtId,
        guardian_id: guardian,
        student_id: student,
        relationship: 'parent',
        active: 1,
      },
      {
        district_id: districtId,
        guardian_id: exGuardian,
        student_id: student,
        relationship: 'parent',
        active: 0,
      },
    ])
    .execute();
  const enrollment = (o: Partial<Database['enrollments']> & { person_id: string }) => ({
    ...base,
    class_id: cls,
    role: 'student' as const,
    begin_date: null,
    end_date: null,
    sourced_id: null,
    ...o,
  });
  await db
    .insertInto('enrollments')
    .values([
      enrollment({ person_id: teacher, role: 'teacher', is_primary: 1, sourced_id: sid('enr-1') }),
      enrollment({
        person_id: student,
        begin_date: '2026-08-20',
        end_date: '2026-12-18',
        sourced_id: sid('enr-2'),
        is_primary: 0,
      }),
      enrollment({ person_id: gone, sourced_id: sid('enr-gone') }),
      enrollment({ person_id: appStudent }),
      enrollment({ person_id: guardian, sourced_id: sid('enr-off'), active: 0 }),
    ])
    .execute();
  const demo = {
    district_id: districtId,
    birth_date: null,
    sex: null,
    american_indian_or_alaska_native: null,
    asian: null,
    black_or_african_american: null,
    native_hawaiian_or_other_pacific_islander: null,
    white: null,
    two_or_more_races: null,
    hispanic_or_latino: null,
    country_of_birth_code: null,
    state_of_birth_abbreviation: null,
    city_of_birth: null,
    public_school_residence_status: null,
    active: 1 as const,
    source_modified_at: null,
  };
  await db
    .insertInto('demographics')
    .values([
      {
        ...demo,
        person_id: student,
        birth_date: '2011-04-05',
        sex: 'female',
        white: 'true',
        city_of_birth: 'Quillbrook',
      },
      { ...demo, person_id: gone, birth_date: '2010-01-01' },
      { ...demo, person_id: teacher, birth_date: '1980-02-03', active: 0 },
    ])
    .execute();
  return { districtId, tag, sid, cls, appStudent, appSchool };
}

describe.each(testDialects())('OneRoster export on $name', ({ target }) => {
  let db: Db;
  let roster: Awaited<ReturnType<typeof buildRoster>>;
  let out: Awaited<ReturnType<typeof exportFiles>>;
  const binding = bindingColumns();

  beforeAll(async () => {
    db = await openTestDb(target());
    roster = await buildRoster(db.kysely);
    out = await exportFiles(db.kysely, roster.districtId);
  });
  afterAll(async () => {
    await db.close();
  });

  const rowsOf = (file: string) => out.files.get(file)!.rows;

  it('writes the 1.2 manifest: every file the binding lists, bulk for ours and absent for the rest', () => {
    expect([...out.entries.keys()]).toEqual([
      'manifest.csv',
      'orgs.csv',
      'academicSessions.csv',
      'courses.csv',
      'classes.csv',
      'roles.csv',
      'users.csv',
      'demographics.csv',
      'enrollments.csv',
    ]);
    const manifest = Object.fromEntries(
      rowsOf('manifest.csv').map((r) => [r.propertyName, r.value]),
    );
    const listed = Object.keys(binding).map((f) => `file.${f.replace(/\.csv$/, '')}`);
    expect(manifest['manifest.version']).toBe('1.0');
    expect(manifest['oneroster.version']).toBe('1.2');
    expect(manifest['source.systemName']).toBe('Rapport');
    for (const property of listed) {
      const written = out.entries.has(property.slice(5) + '.csv');
      expect(manifest[property], property).toBe(written ? 'bulk' : 'absent');
    }
    expect(
      Object.keys(manifest)
        .filter((k) => k.startsWith('file.'))
        .sort(),
    ).toEqual(listed.sort());
  });

  it("gives every file the binding's header, in order, and never leaves a required column empty", () => {
    for (const [name, { header, rows }] of out.files) {
      if (name === 'manifest.csv') continue;
      const columns = binding[name]!;
      expect(header, name).toEqual(columns.map((c) => c.column));
      // A bulk file's rows all have status and dateLastModified too ("Yes for Delta").
      const required = columns.filter((c) => c.required.startsWith('Yes')).map((c) => c.column);
      for (const [i, row] of rows.entries())
        for (const column of required)
          expect(row[column], `${name} row ${i + 2} ${column}`).not.toBe('');
    }
  });

  it('sorts every file by sourcedId in byte order, each sourcedId once', () => {
    for (const [name, { rows }] of out.files) {
      if (name === 'manifest.csv') continue;
      const ids = rows.map((r) => r.sourcedId!);
      expect(ids, name).toEqual([...ids].sort(byteOrder));
      expect(new Set(ids).size, name).toBe(ids.length);
    }
  });

  it('leaves out inactive rows and rows that point at them; counts what it wrote', () => {
    const all = [...out.entries.values()].join('\n');
    for (const left of [
      'Closed School',
      'Old term',
      'Gone Course',
      'Orphan Class',
      'Cancelled Class',
      'Goneby',
      'usr-gone',
      'enr-off',
    ])
      expect(all).not.toContain(left);
    expect(out.counts).toEqual({
      orgs: 3,
      academicSessions: 2,
      courses: 1,
      classes: 1,
      users: 5, // teacher, student, two guardians, the student made in Rapport
      roles: 5,
      enrollments: 3,
      demographics: 1,
    } satisfies ExportCounts);
  });

  it('maps the columns from the tables and the extras', () => {
    const { sid } = roster;
    const [district, school, appSchool] = [sid('dist'), sid('sch-b'), roster.appSchool];
    const orgs = rowsOf('orgs.csv');
    expect(orgs.find((o) => o.sourcedId === school)).toEqual({
      sourcedId: school,
      status: 'active',
      dateLastModified: '2026-02-01T10:00:00.000Z',
      name: 'Lakeside High',
      type: 'school',
      identifier: 'LHS',
      parentSourcedId: district,
    });
    // Made in Rapport: its id, the district's creation time, the district as parent.
    expect(orgs.find((o) => o.sourcedId === appSchool)).toMatchObject({
      dateLastModified: '2026-01-02T03:04:05.000Z',
      type: 'school',
      parentSourcedId: district,
    });
    expect(rowsOf('academicSessions.csv').find((t) => t.sourcedId === sid('term-2'))).toMatchObject(
      {
        title: 'Fall',
        type: 'term',
        startDate: '2026-08-20',
        endDate: '2026-12-18',
        parentSourcedId: sid('sy'),
        schoolYear: '2027',
      },
    );
    expect(rowsOf('academicSessions.csv').find((t) => t.sourcedId === sid('sy'))).toMatchObject({
      type: 'schoolYear',
      schoolYear: '2027',
    });
    expect(rowsOf('courses.csv')[0]).toMatchObject({
      sourcedId: sid('crs-1'),
      schoolYearSourcedId: sid('sy'),
      title: 'Algebra I',
      courseCode: 'ALG1',
      grades: '09,10',
      orgSourcedId: school,
      subjects: 'Math',
    });
    expect(rowsOf('classes.csv')[0]).toMatchObject({
      sourcedId: sid('cls-1'),
      title: 'Algebra I - 1',
      courseSourcedId: sid('crs-1'),
      classCode: 'M1',
      classType: 'homeroom',
      location: 'B-12',
      schoolSourcedId: school,
      termSourcedIds: `${sid('term-2')},${sid('sy')}`,
      subjects: 'Math, Algebra',
      periods: '1,2',
    });
    // A list field is one quoted CSV field.
    expect(out.entries.get('classes.csv')).toContain(`"${sid('term-2')},${sid('sy')}"`);
    const users = new Map(rowsOf('users.csv').map((u) => [u.sourcedId, u]));
    expect(users.get(sid('usr-s'))).toMatchObject({
      enabledUser: 'false',
      username: sid('usr-s'),
      userIds: '{LDAP:12},{SIS:34}',
      givenName: 'Sasha',
      familyName: 'Student',
      middleName: 'M',
      identifier: 'S-100',
      agentSourcedIds: sid('usr-g'), // not the former guardian: that link is inactive
      grades: '09',
      password: '',
      preferredGivenName: 'Sash',
      primaryOrgSourcedId: school,
      pronouns: 'they/them',
    });
    expect(users.get(sid('usr-g'))).toMatchObject({
      enabledUser: 'true',
      agentSourcedIds: sid('usr-s'),
      primaryOrgSourcedId: '',
    });
    expect(users.get(sid('usr-x'))!.agentSourcedIds).toBe('');
    expect(users.get(sid('usr-t'))).toMatchObject({
      username: 't.one',
      email: 't.one@lakeside.example',
      phone: '555-0100',
      dateLastModified: '2026-03-04T05:06:07.089Z',
    });
    expect(users.get(roster.appStudent)).toMatchObject({
      givenName: 'Zoë',
      familyName: 'Made, Jr.',
      grades: '7',
      primaryOrgSourcedId: appSchool,
    });
    expect(
      rowsOf('roles.csv').map((r) => [
        r.sourcedId,
        r.userSourcedId,
        r.roleType,
        r.role,
        r.orgSourcedId,
      ]),
    ).toEqual(
      [
        [`${roster.appStudent}-role-1`, roster.appStudent, 'primary', 'student', appSchool],
        [sid('rol-t'), sid('usr-t'), 'primary', 'teacher', school],
        [`${sid('usr-g')}-role-1`, sid('usr-g'), 'primary', 'guardian', district],
        [`${sid('usr-s')}-role-1`, sid('usr-s'), 'primary', 'student', school],
        [`${sid('usr-x')}-role-1`, sid('usr-x'), 'primary', 'guardian', district],
      ].sort((a, b) => byteOrder(a[0]!, b[0]!)),
    );
    const enrollments = new Map(rowsOf('enrollments.csv').map((e) => [e.sourcedId, e]));
    expect(enrollments.get(sid('enr-1'))).toMatchObject({
      role: 'teacher',
      primary: 'true',
      userSourcedId: sid('usr-t'),
    });
    expect(enrollments.get(sid('enr-2'))).toMatchObject({
      classSourcedId: sid('cls-1'),
      schoolSourcedId: school,
      role: 'student',
      primary: 'false',
      beginDate: '2026-08-20',
      endDate: '2026-12-18',
    });
    expect(enrollments.get(`${roster.cls}-${roster.appStudent}`)).toMatchObject({
      primary: '',
      userSourcedId: roster.appStudent,
    });
    expect(rowsOf('demographics.csv')).toEqual([
      expect.objectContaining({
        sourcedId: sid('usr-s'),
        birthDate: '2011-04-05',
        sex: 'female',
        white: 'true',
        cityOfBirth: 'Quillbrook',
      }),
    ]);
  });

  it('never exports a password, and demographics only in demographics.csv', () => {
    for (const u of rowsOf('users.csv')) expect(u.password).toBe('');
    for (const [name, text] of out.entries) {
      if (name === 'demographics.csv') continue;
      expect(text, name).not.toContain('2011-04-05');
      expect(text, name).not.toContain('Quillbrook');
    }
  });

  it('gives identical bytes for an identical roster, whatever the page size', async () => {
    const again = await exportZip(db.kysely, roster.districtId);
    expect(again.zip.equals(out.zip)).toBe(true);
    // Pages of two rows: keyset paging and the district org's place do not change a byte.
    const paged = await exportZip(db.kysely, roster.districtId, 2);
    expect(paged.zip.equals(out.zip)).toBe(true);
  });

  it('exports the demo district with its counts, every reference resolving inside the file set', async () => {
    const data = generateDemo({
      seed: randomInt(1, 2 ** 31),
      today: '2026-11-23',
      students: 80,
      staff: 12,
    });
    const repo = demoRepository(db.kysely);
    await repo.insertAll('districts', [data.district]);
    for (const table of [
      'schools',
      'terms',
      'courses',
      'classes',
      'people',
      'guardianships',
      'enrollments',
    ] as const)
      await repo.insertAll(table, data[table] as never);
    const demo = await exportFiles(db.kysely, data.district.id, 100);
    const kind = (k: string) => data.people.filter((p) => p.kind === k).length;
    expect(demo.counts).toEqual({
      orgs: 3, // the district and its two schools
      academicSessions: 1,
      courses: data.courses.length,
      classes: data.classes.length,
      users: data.people.length,
      roles: data.people.length,
      enrollments: data.enrollments.length,
      demographics: 0,
    });
    const users = demo.files.get('users.csv')!.rows;
    expect(users.filter((u) => u.grades !== '').length).toBe(kind('student'));
    const roles = demo.files.get('roles.csv')!.rows;
    expect(roles.filter((r) => r.role === 'student').length).toBe(kind('student'));
    expect(roles.filter((r) => r.role === 'teacher').length).toBe(kind('staff'));
    expect(roles.filter((r) => r.role === 'guardian').length).toBe(kind('guardian'));
    const ids = (file: string) => new Set(demo.files.get(file)!.rows.map((r) => r.sourcedId));
    const [orgs, sessions, courses, classes, people] = [
      ids('orgs.csv'),
      ids('academicSessions.csv'),
      ids('courses.csv'),
      ids('classes.csv'),
      ids('users.csv'),
    ];
    for (const e of demo.files.get('enrollments.csv')!.rows) {
      expect(classes.has(e.classSourcedId!)).toBe(true);
      expect(people.has(e.userSourcedId!)).toBe(true);
      expect(orgs.has(e.schoolSourcedId!)).toBe(true);
    }
    for (const c of demo.files.get('classes.csv')!.rows) {
      expect(courses.has(c.courseSourcedId!)).toBe(true);
      expect(sessions.has(c.termSourcedIds!)).toBe(true);
    }
    for (const r of roles) expect(orgs.has(r.orgSourcedId!)).toBe(true);
    for (const u of users)
      for (const agent of u.agentSourcedIds!.split(',').filter(Boolean))
        expect(people.has(agent)).toBe(true);
    expect(users.filter((u) => u.agentSourcedIds !== '').length).toBe(
      kind('student') + kind('guardian'),
    );
  });

  it('GET /api/rostering/export streams the admin their district as a zip and audits it with counts', async () => {
    const app = await buildTestApp(db, { now: () => new Date('2026-11-23T15:00:00Z') });
    try {
      const admin = await buildStaff(db.kysely, {
        districtId: roster.districtId,
        schoolId: null,
        role: 'district_admin',
      });
      const client = await signIn(app, admin.account.username, admin.account.password);
      const res = await client.get('/api/rostering/export');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/zip');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="oneroster-lakeside-${roster.tag}-2026-11-23.zip"`,
      );
      // The admin's own staff row joined the roster since: one user and one role more.
      const files = await readZip(res.rawPayload);
      expect(parseCsv(files.get('users.csv')!).rows).toHaveLength(out.counts.users + 1);
      const audit = await db.kysely
        .selectFrom('audit_log')
        .select(['action', 'actor_account_id', 'subject_id', 'detail'])
        .where('district_id', '=', roster.districtId)
        .where('action', '=', 'roster.export')
        .execute();
      expect(audit).toEqual([
        {
          action: 'roster.export',
          actor_account_id: admin.account.id,
          subject_id: roster.districtId,
          detail: JSON.stringify({
            counts: { ...out.counts, users: out.counts.users + 1, roles: out.counts.roles + 1 },
          }),
        },
      ]);
    } finally {
      await app.close();
    }
  });
});
