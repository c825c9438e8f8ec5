// Reads a district's roster for a OneRoster export, one keyset page at a time, so memory stays at
// one page whatever the roster's size. A row's sourcedId is its sourced_id, or its internal id
// when Rapport made it; each table is read as two halves, each in the order of an index that
// exists: imported rows by (district_id, sourced_id), rows made in Rapport by their primary key.
// The service merges the halves. Comparisons and order are byte order on both databases (SQLite's
// default; "C" on PostgreSQL), so two exports sort alike whatever the server's collation.
// Only active rows whose references are active too are read: a bulk file is the whole truth, and a
// row pointing at something the file set leaves out would not be conformant.
import { PostgresAdapter, sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../../platform/db/schema.js';

/** Imported rows (sourced_id set) or rows made in Rapport. */
export type Half = 'sourced' | 'made';
/** One keyset page of a half: the rows after `after` (the previous page's last row). */
export type HalfPage<T> = (half: Half, after: T | null, limit: number) => Promise<T[]>;
/** One keyset page of a file read in a single order (roles). */
export type Page<T> = (after: T | null, limit: number) => Promise<T[]>;

export function exportRepository(db: Kysely<Database>, districtId: string) {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  /** The sourcedId an export gives the row aliased `alias`. */
  const sid = (alias: string) =>
    sql<string>`coalesce(${sql.ref(`${alias}.sourced_id`)}, ${sql.ref(`${alias}.id`)})`;
  /** `expr`, compared byte by byte. */
  const bytes = (expr: Expression<string>): RawBuilder<string> =>
    postgres ? sql<string>`(${expr} collate "C")` : sql<string>`${expr}`;
  // "Made in Rapport", written so SQLite does not pick the sourced_id index for `is null` and
  // then sort the whole half: the primary key gives the order.
  const madeHere = (alias: string) =>
    sql<boolean>`(${sql.ref(`${alias}.sourced_id`)} || '') is null`;
  /** The keyset condition and order of one half of the table aliased `alias`. */
  const keyset = (alias: string, half: Half, after: { sourcedId: string } | null) => {
    const col = bytes(sql.ref(`${alias}.${half === 'sourced' ? 'sourced_id' : 'id'}`));
    return {
      where: sql<boolean>`${half === 'sourced' ? sql`${sql.ref(`${alias}.sourced_id`)} is not null` : madeHere(alias)}
        ${after !== null ? sql`and ${col} > ${after.sourcedId}` : sql``}`,
      order: col,
    };
  };
  // An enrollment made in Rapport is "<class id>-<person id>": with ids of one length (UUIDs) that
  // sorts as the primary key (class_id, person_id) does.
  const ENROLLMENT_SID = sql<string>`coalesce(e.sourced_id, e.class_id || '-' || e.person_id)`;
  const enrollmentKeyset = (
    half: Half,
    after: { sourcedId: string; class_id: string; person_id: string } | null,
  ) =>
    half === 'sourced'
      ? keyset('e', half, after)
      : {
          where: sql<boolean>`${madeHere('e')} ${
            after !== null
              ? sql`and (${bytes(sql.ref('e.class_id'))}, ${bytes(sql.ref('e.person_id'))}) > (${after.class_id}, ${after.person_id})`
              : sql``
          }`,
          order: sql<string>`${bytes(sql.ref('e.class_id'))}, ${bytes(sql.ref('e.person_id'))}`,
        };

  // A class is exported when it, its course, the course's org, its school and its term are.
  const exportableClass = (alias: string) => sql<boolean>`(${sql.ref(`${alias}.active`)} = 1
    and exists (select 1 from courses c join schools co
        on co.district_id = c.district_id and co.id = c.school_id
      where c.district_id = ${sql.ref(`${alias}.district_id`)} and c.id = ${sql.ref(`${alias}.course_id`)}
        and c.active = 1 and co.active = 1)
    and exists (select 1 from schools s
      where s.district_id = ${sql.ref(`${alias}.district_id`)} and s.id = ${sql.ref(`${alias}.school_id`)}
        and s.active = 1)
    and exists (select 1 from terms t
      where t.district_id = ${sql.ref(`${alias}.district_id`)} and t.id = ${sql.ref(`${alias}.term_id`)}
        and t.active = 1))`;

  /** Roles as stored in people.extra, one row each, with the person and the role's index. */
  const storedRoles = postgres
    ? sql`select coalesce(r.value ->> 'sourcedId', ${sid('p')} || '-role-' || r.ord) as role_sid,
          p.id as person_id, r.ord - 1 as idx
        from people p
        cross join lateral jsonb_array_elements(p.extra::jsonb -> 'roles') with ordinality as r(value, ord)
        where p.district_id = ${districtId} and p.active = 1`
    : sql`select coalesce(json_extract(r.value, '$.sourcedId'), ${sid('p')} || '-role-' || (r.key + 1))
          as role_sid, p.id as person_id, r.key as idx
        from people p, json_each(p.extra, '$.roles') r
        where p.district_id = ${districtId} and p.active = 1`;
  const roleCount = postgres
    ? sql`jsonb_array_length(p.extra::jsonb -> 'roles')`
    : sql`json_array_length(p.extra, '$.roles')`;
  /** People with no stored role get one derived from their kind (idx -1). */
  const derivedRoles = sql`select ${sid('p')} || '-role-1' as role_sid, p.id as person_id, -1 as idx
    from people p
    where p.district_id = ${districtId} and p.active = 1 and coalesce(${roleCount}, 0) = 0`;

  return {
    async district() {
      return db
        .selectFrom('districts')
        .select(['id', 'name', 'sourced_id', 'created_at'])
        .where('id', '=', districtId)
        .executeTakeFirst();
    },

    async hasDistrictOrg(): Promise<boolean> {
      const row = await db
        .selectFrom('schools')
        .select('id')
        .where('district_id', '=', districtId)
        .where('org_type', '=', 'district')
        .where('active', '=', 1)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    orgs: ((half, after, limit) => {
      const k = keyset('s', half, after);
      return db
        .selectFrom('schools as s')
        .select([
          sid('s').as('sourcedId'),
          's.sourced_id',
          's.name',
          's.org_type',
          's.identifier',
          's.parent_sourced_id',
          's.source_modified_at',
        ])
        .where('s.district_id', '=', districtId)
        .where('s.active', '=', 1)
        .where(k.where)
        .orderBy(k.order)
        .limit(limit)
        .execute();
    }) satisfies HalfPage<{ sourcedId: string }>,

    academicSessions: ((half, after, limit) => {
      const k = keyset('t', half, after);
      return db
        .selectFrom('terms as t')
        .select([
          sid('t').as('sourcedId'),
          't.name',
          't.session_type',
          't.start_date',
          't.end_date',
          't.parent_sourced_id',
          't.school_year',
          't.source_modified_at',
        ])
        .where('t.district_id', '=', districtId)
        .where('t.active', '=', 1)
        .where(k.where)
        .orderBy(k.order)
        .limit(limit)
        .execute();
    }) satisfies HalfPage<{ sourcedId: string }>,

    courses: ((half, after, limit) => {
      const k = keyset('c', half, after);
      return db
        .selectFrom('courses as c')
        .innerJoin('schools as o', (j) =>
          j.onRef('o.district_id', '=', 'c.district_id').onRef('o.id', '=', 'c.school_id'),
        )
        .select([
          sid('c').as('sourcedId'),
          sid('o').as('orgSourcedId'),
          'c.title',
          'c.code',
          'c.extra',
          'c.source_modified_at',
        ])
        .where('c.district_id', '=', districtId)
        .where('c.active', '=', 1)
        .where('o.active', '=', 1)
        .where(k.where)
        .orderBy(k.order)
        .limit(limit)
        .execute();
    }) satisfies HalfPage<{ sourcedId: string }>,

    classes: ((half, after, limit) => {
      const k = keyset('cl', half, after);
      return db
        .selectFrom('classes as cl')
        .innerJoin('courses as c', (j) =>
          j.onRef('c.district_id', '=', 'cl.district_id').onRef('c.id', '=', 'cl.course_id'),
        )
        .innerJoin('schools as s', (j) =>
          j.onRef('s.district_id', '=', 'cl.district_id').onRef('s.id', '=', 'cl.school_id'),
        )
        .innerJoin('terms as t', (j) =>
          j.onRef('t.district_id', '=', 'cl.district_id').onRef('t.id', '=', 'cl.term_id'),
        )
        .select([
          sid('cl').as('sourcedId'),
          sid('c').as('courseSourcedId'),
          sid('s').as('schoolSourcedId'),
          sid('t').as('termSourcedId'),
          'cl.title',
          'cl.period',
          'cl.room',
          'cl.extra',
          'cl.source_modified_at',
        ])
        .where('cl.district_id', '=', districtId)
        .where(exportableClass('cl'))
        .where(k.where)
        .orderBy(k.order)
        .limit(limit)
        .execute();
    }) satisfies HalfPage<{ sourcedId: string }>,

    users: ((half, after, limit) => {
      const k = keyset('p', half, after);
      return db
        .selectFrom('people as p')
        .leftJoin('schools as s', (j) =>
          j
            .onRef('s.district_id', '=', 'p.district_id')
            .onRef('s.id', '=', 'p.school_id')
            .on('s.active', '=', 1),
        )
        .select([
          sid('p').as('sourcedId'),
          'p.id',
          'p.kind',
          // A person made in Rapport has no roster username; their sign-in name stands in.
          sql<string | null>`coalesce(p.username, (select min(a.username) from accounts a
            where a.district_id = p.district_id and a.person_id = p.id))`.as('username'),
          'p.given_name',
          'p.family_name',
          'p.middle_name',
          'p.preferred_name',
          'p.pronouns',
          'p.identifier',
          'p.email',
          'p.grade',
          'p.extra',
          'p.source_modified_at',
          sql<string | null>`case when s.id is null then null else ${sid('s')} end`.as(
            'schoolSourcedId',
          ),
        ])
        .where('p.district_id', '=', districtId)
        .where('p.active', '=', 1)
        .where(k.where)
        .orderBy(k.order)
        .limit(limit)
        .execute();
    }) satisfies HalfPage<{ sourcedId: string }>,

    /** Active guardianships of these people as students and as guardians, with both sourcedIds. */
    async guardianships(personIds: string[]) {
      // One lookup per side, each by its index (an `or` of the two scans every guardianship).
      const links = (side: 'g.student_id' | 'g.guardian_id') =>
        db
          .selectFrom('guardianships as g')
          .innerJoin('people as st', (j) =>
            j.onRef('st.district_id', '=', 'g.district_id').onRef('st.id', '=', 'g.student_id'),
          )
          .innerJoin('people as gu', (j) =>
            j.onRef('gu.district_id', '=', 'g.district_id').onRef('gu.id', '=', 'g.guardian_id'),
          )
          .select([
            'g.student_id',
            'g.guardian_id',
            sid('st').as('studentSourcedId'),
            sid('gu').as('guardianSourcedId'),
          ])
          .where('g.district_id', '=', districtId)
          .where('g.active', '=', 1)
          .where('st.active', '=', 1)
          .where('gu.active', '=', 1)
          .where(side, 'in', personIds)
          .execute();
      return { ofStudents: await links('g.student_id'), ofGuardians: await links('g.guardian_id') };
    },

    roles: (async (after, limit) => {
      const page = await sql<{
        role_sid: string;
        idx: number | string;
        kind: Database['people']['kind'];
        extra: string | null;
        user_sid: string;
        school_sid: string | null;
        source_modified_at: string | null;
      }>`select x.role_sid, x.idx, p.kind, p.extra, p.source_modified_at, ${sid('p')} as user_sid,
          case when s.id is null then null else ${sid('s')} end as school_sid
        from (${storedRoles} union all ${derivedRoles}) x
        join people p on p.district_id = ${districtId} and p.id = x.person_id
        left join schools s on s.district_id = p.district_id and s.id = p.school_id and s.active = 1
        ${after !== null ? sql`where ${bytes(sql.ref('x.role_sid'))} > ${after.role_sid}` : sql``}
        order by ${bytes(sql.ref('x.role_sid'))}
        limit ${limit}`.execute(db);
      return page.rows;
    }) satisfies Page<{ role_sid: string }>,

    enrollments: ((half, after, limit) => {
      const k = enrollmentKeyset(half, after);
      return db
        .selectFrom('enrollments as e')
        .innerJoin('classes as cl', (j) =>
          j.onRef('cl.district_id', '=', 'e.district_id').onRef('cl.id', '=', 'e.class_id'),
        )
        .innerJoin('schools as s', (j) =>
          j.onRef('s.district_id', '=', 'cl.district_id').onRef('s.id', '=', 'cl.school_id'),
        )
        .innerJoin('people as p', (j) =>
          j.onRef('p.district_id', '=', 'e.district_id').onRef('p.id', '=', 'e.person_id'),
        )
        .select([
          ENROLLMENT_SID.as('sourcedId'),
          'e.class_id',
          'e.person_id',
          sid('cl').as('classSourcedId'),
          sid('s').as('schoolSourcedId'),
          sid('p').as('userSourcedId'),
          'e.role',
          'e.is_primary',
          'e.begin_date',
          'e.end_date',
          'e.source_modified_at',
        ])
        .where('e.district_id', '=', districtId)
        .where('e.active', '=', 1)
        .where('p.active', '=', 1)
        .where(exportableClass('cl'))
        .where(k.where)
        .orderBy(k.order)
        .limit(limit)
        .execute();
    }) satisfies HalfPage<{ sourcedId: string; class_id: string; person_id: string }>,

    demographics: ((half, after, limit) => {
      const k = keyset('p', half, after);
      return db
        .selectFrom('demographics as d')
        .innerJoin('people as p', (j) =>
          j.onRef('p.district_id', '=', 'd.district_id').onRef('p.id', '=', 'd.person_id'),
        )
        .select([
          sid('p').as('sourcedId'),
          'd.birth_date',
          'd.sex',
          'd.american_indian_or_alaska_native',
          'd.asian',
          'd.black_or_african_american',
          'd.native_hawaiian_or_other_pacific_islander',
          'd.white',
          'd.two_or_more_races',
          'd.hispanic_or_latino',
          'd.country_of_birth_code',
          'd.state_of_birth_abbreviation',
          'd.city_of_birth',
          'd.public_school_residence_status',
          'd.source_modified_at',
        ])
        .where('d.district_id', '=', districtId)
        .where('d.active', '=', 1)
        .where('p.active', '=', 1)
        .where(k.where)
        .orderBy(k.order)
        .limit(limit)
        .execute();
    }) satisfies HalfPage<{ sourcedId: string }>,
  };
}

export type ExportRepository = ReturnType<typeof exportRepository>;

/** Every district in the database, by name: the command line picks the one to export. */
export async function listDistricts(db: Kysely<Database>) {
  return db.selectFrom('districts').select(['id', 'name']).orderBy('name').execute();
}
