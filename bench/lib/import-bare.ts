// The import benchmark's baseline: the fastest this machine does the import's essential work.
// Stream-parse each CSV file of a OneRoster 1.2 bulk set with csv-parse and insert its rows into
// the same tables and columns the importer fills (fresh time-ordered uuids as the importer makes, sourced ids, extras as JSON) with
// multi-row prepared statements, all in one transaction; and, as the importer does, a sign-in
// account per user. No validation, no lookups beyond one Map of sourcedId → id per table for
// foreign keys (and the roles of each user, which decide the person's kind and account role and
// go into the person's extras, so roles.csv is read before users.csv).
import { timeOrderedId } from '../../src/server/platform/db/ids.js';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type SQLite from 'better-sqlite3';
import { parse } from 'csv-parse';
import {
  encodeExtra,
  type ClassExtra,
  type CourseExtra,
  type PersonExtra,
  type RosterRole,
} from '../../src/server/features/rostering/roster-extra.js';
import { accountRole, personKind } from '../../src/domain/oneroster/roles.js';
import { batchInserter } from './sqlite-insert.js';

const COLUMNS = {
  schools: [
    'district_id',
    'id',
    'name',
    'level',
    'sourced_id',
    'active',
    'org_type',
    'identifier',
    'parent_sourced_id',
    'source_modified_at',
  ],
  terms: [
    'district_id',
    'id',
    'name',
    'start_date',
    'end_date',
    'sourced_id',
    'active',
    'session_type',
    'parent_sourced_id',
    'school_year',
    'source_modified_at',
  ],
  courses: [
    'district_id',
    'id',
    'school_id',
    'title',
    'code',
    'sourced_id',
    'active',
    'extra',
    'source_modified_at',
  ],
  classes: [
    'district_id',
    'id',
    'school_id',
    'course_id',
    'term_id',
    'title',
    'period',
    'room',
    'meeting_days',
    'sourced_id',
    'active',
    'extra',
    'source_modified_at',
  ],
  people: [
    'district_id',
    'id',
    'kind',
    'given_name',
    'family_name',
    'preferred_name',
    'pronouns',
    'email',
    'grade',
    'school_id',
    'sourced_id',
    'active',
    'username',
    'middle_name',
    'identifier',
    'extra',
    'source_modified_at',
  ],
  enrollments: [
    'district_id',
    'class_id',
    'person_id',
    'role',
    'begin_date',
    'end_date',
    'sourced_id',
    'active',
    'is_primary',
    'source_modified_at',
  ],
  accounts: [
    'district_id',
    'id',
    'person_id',
    'username',
    'email',
    'role',
    'school_id',
    'password_hash',
    'locale',
    'active',
    'created_at',
  ],
  demographics: [
    'district_id',
    'person_id',
    'birth_date',
    'sex',
    'american_indian_or_alaska_native',
    'asian',
    'black_or_african_american',
    'native_hawaiian_or_other_pacific_islander',
    'white',
    'two_or_more_races',
    'hispanic_or_latino',
    'country_of_birth_code',
    'state_of_birth_abbreviation',
    'city_of_birth',
    'public_school_residence_status',
    'active',
    'source_modified_at',
  ],
} as const;

type Get = (column: string) => string;

/** Calls `each` for every data row of a CSV file, with a getter by column name. */
async function eachRow(path: string, each: (get: Get) => void): Promise<number> {
  let index: Map<string, number> | undefined;
  let row: string[] = [];
  const get: Get = (column) => row[index!.get(column) ?? -1] ?? '';
  let rows = 0;
  for await (const record of createReadStream(path).pipe(parse({ bom: true })) as AsyncIterable<
    string[]
  >) {
    if (!index) {
      index = new Map(record.map((name, i) => [name, i]));
      continue;
    }
    row = record;
    each(get);
    rows += 1;
  }
  return rows;
}

const list = (value: string) =>
  value === '' ? [] : value.split(',').flatMap((v) => (v.trim() === '' ? [] : [v.trim()]));
const orNull = (value: string) => (value === '' ? null : value);
const orUndefined = (value: string) => (value === '' ? undefined : value);

/** Imports the set in `dir` into a migrated database; returns the data rows read. */
export async function bareImport(sqlite: SQLite.Database, dir: string): Promise<number> {
  const now = new Date().toISOString();
  const districtId = timeOrderedId();
  const d = districtId;
  const insert = Object.fromEntries(
    Object.entries(COLUMNS).map(([table, columns]) => [
      table,
      batchInserter(sqlite, table, columns),
    ]),
  ) as Record<keyof typeof COLUMNS, ReturnType<typeof batchInserter>>;
  const orgs = new Map<string, string>();
  const terms = new Map<string, string>();
  const courses = new Map<string, string>();
  const classes = new Map<string, string>();
  const people = new Map<string, string>();
  const roles = new Map<string, RosterRole[]>();
  const file = (name: string) => join(dir, name);
  let rows = 0;

  sqlite.exec('begin');
  try {
    sqlite
      .prepare(
        'insert into districts (id, name, timezone, sourced_id, created_at) values (?, ?, ?, ?, ?)',
      )
      .run(d, 'Bench district', 'America/Chicago', null, now);

    const setDistrictSourcedId = sqlite.prepare('update districts set sourced_id = ? where id = ?');
    rows += await eachRow(file('orgs.csv'), (get) => {
      const id = timeOrderedId();
      orgs.set(get('sourcedId'), id);
      if (get('type') === 'district') setDistrictSourcedId.run(get('sourcedId'), d);
      insert.schools.add([
        d,
        id,
        get('name'),
        'other',
        get('sourcedId'),
        1,
        get('type'),
        orNull(get('identifier')),
        orNull(get('parentSourcedId')),
        get('dateLastModified'),
      ]);
    });
    insert.schools.flush();

    rows += await eachRow(file('academicSessions.csv'), (get) => {
      const id = timeOrderedId();
      terms.set(get('sourcedId'), id);
      insert.terms.add([
        d,
        id,
        get('title'),
        get('startDate'),
        get('endDate'),
        get('sourcedId'),
        1,
        get('type'),
        orNull(get('parentSourcedId')),
        orNull(get('schoolYear')),
        get('dateLastModified'),
      ]);
    });
    insert.terms.flush();

    rows += await eachRow(file('courses.csv'), (get) => {
      const id = timeOrderedId();
      courses.set(get('sourcedId'), id);
      const extra: CourseExtra = {
        schoolYearSourcedId: orUndefined(get('schoolYearSourcedId')),
        grades: list(get('grades')),
        subjects: list(get('subjects')),
        subjectCodes: list(get('subjectCodes')),
      };
      insert.courses.add([
        d,
        id,
        orgs.get(get('orgSourcedId'))!,
        get('title'),
        orNull(get('courseCode')),
        get('sourcedId'),
        1,
        encodeExtra(extra),
        get('dateLastModified'),
      ]);
    });
    insert.courses.flush();

    rows += await eachRow(file('classes.csv'), (get) => {
      const id = timeOrderedId();
      classes.set(get('sourcedId'), id);
      const termSourcedIds = list(get('termSourcedIds'));
      const periods = list(get('periods'));
      const extra: ClassExtra = {
        termSourcedIds,
        grades: list(get('grades')),
        classCode: orUndefined(get('classCode')),
        classType: get('classType'),
        subjects: list(get('subjects')),
        subjectCodes: list(get('subjectCodes')),
        periods,
      };
      insert.classes.add([
        d,
        id,
        orgs.get(get('schoolSourcedId'))!,
        courses.get(get('courseSourcedId'))!,
        terms.get(termSourcedIds[0]!)!,
        get('title'),
        periods[0] ?? null,
        orNull(get('location')),
        '12345',
        get('sourcedId'),
        1,
        encodeExtra(extra),
        get('dateLastModified'),
      ]);
    });
    insert.classes.flush();

    rows += await eachRow(file('roles.csv'), (get) => {
      const role: RosterRole = {
        sourcedId: get('sourcedId'),
        roleType: get('roleType') === 'secondary' ? 'secondary' : 'primary',
        role: get('role'),
        orgSourcedId: get('orgSourcedId'),
        beginDate: orUndefined(get('beginDate')),
        endDate: orUndefined(get('endDate')),
        userProfileSourcedId: orUndefined(get('userProfileSourcedId')),
      };
      const user = get('userSourcedId');
      const held = roles.get(user);
      if (held) held.push(role);
      else roles.set(user, [role]);
    });

    rows += await eachRow(file('users.csv'), (get) => {
      const id = timeOrderedId();
      const sourcedId = get('sourcedId');
      people.set(sourcedId, id);
      const held = roles.get(sourcedId) ?? [];
      const primary = held.find((r) => r.roleType === 'primary') ?? held[0];
      const grades = list(get('grades'));
      const extra: PersonExtra = {
        enabledUser: get('enabledUser') === 'true',
        userIds: list(get('userIds')),
        sms: orUndefined(get('sms')),
        phone: orUndefined(get('phone')),
        agentSourcedIds: list(get('agentSourcedIds')),
        grades,
        orgSourcedIds: held.map((r) => r.orgSourcedId),
        primaryOrgSourcedId: orUndefined(get('primaryOrgSourcedId')),
        roles: held,
        userMasterIdentifier: orUndefined(get('userMasterIdentifier')),
        preferredMiddleName: orUndefined(get('preferredMiddleName')),
        preferredFamilyName: orUndefined(get('preferredFamilyName')),
      };
      const schoolId = orgs.get(get('primaryOrgSourcedId')) ?? null;
      const email = orNull(get('email'));
      insert.people.add([
        d,
        id,
        personKind(primary?.role ?? ''),
        get('givenName'),
        get('familyName'),
        orNull(get('preferredGivenName')),
        orNull(get('pronouns')),
        orNull(get('email')),
        grades[0] ?? null,
        schoolId,
        sourcedId,
        1,
        orNull(get('username')),
        orNull(get('middleName')),
        orNull(get('identifier')),
        encodeExtra(extra),
        get('dateLastModified'),
      ]);
      // Every roster user gets a sign-in account (no password: roster passwords are not kept).
      insert.accounts.add([
        d,
        timeOrderedId(),
        id,
        get('username').toLowerCase(),
        email,
        accountRole(primary?.role ?? ''),
        schoolId,
        null,
        'en',
        extra.enabledUser ? 1 : 0,
        now,
      ]);
    });
    insert.people.flush();
    insert.accounts.flush();
    roles.clear();

    rows += await eachRow(file('enrollments.csv'), (get) => {
      const primary = get('primary');
      insert.enrollments.add([
        d,
        classes.get(get('classSourcedId'))!,
        people.get(get('userSourcedId'))!,
        get('role'),
        orNull(get('beginDate')),
        orNull(get('endDate')),
        get('sourcedId'),
        1,
        primary === '' ? null : primary === 'true' ? 1 : 0,
        get('dateLastModified'),
      ]);
    });
    insert.enrollments.flush();

    rows += await eachRow(file('demographics.csv'), (get) => {
      insert.demographics.add([
        d,
        people.get(get('sourcedId'))!,
        orNull(get('birthDate')),
        orNull(get('sex')),
        orNull(get('americanIndianOrAlaskaNative')),
        orNull(get('asian')),
        orNull(get('blackOrAfricanAmerican')),
        orNull(get('nativeHawaiianOrOtherPacificIslander')),
        orNull(get('white')),
        orNull(get('demographicRaceTwoOrMoreRaces')),
        orNull(get('hispanicOrLatinoEthnicity')),
        orNull(get('countryOfBirthCode')),
        orNull(get('stateOfBirthAbbreviation')),
        orNull(get('cityOfBirth')),
        orNull(get('publicSchoolResidenceStatus')),
        1,
        get('dateLastModified'),
      ]);
    });
    insert.demographics.flush();
    sqlite.exec('commit');
  } catch (err) {
    sqlite.exec('rollback');
    throw err;
  }
  return rows;
}
