// The only SQL of survey reports. Every query is scoped to the district. Answers are read for one
// administration and one school at a time (the unit a report is published for).
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

export function surveyReportsRepository(db: Kysely<Database>) {
  /** A district's administrations, each with its wave's name and school year. */
  const withWave = (districtId: string) =>
    db
      .selectFrom('survey_administrations as a')
      .innerJoin('survey_waves as w', (j) =>
        j.onRef('w.district_id', '=', 'a.district_id').onRef('w.id', '=', 'a.wave_id'),
      )
      .select([
        'a.id',
        'a.school_id',
        'a.wave_id',
        'a.instrument_id',
        'a.respondent',
        'a.mode',
        'a.opens_at',
        'a.closes_at',
        'w.name as wave_name',
        'w.school_year',
      ])
      .where('a.district_id', '=', districtId);

  return {
    async settings(districtId: string) {
      return db
        .selectFrom('survey_report_settings')
        .select(['min_group_size', 'leaders_see_teachers'])
        .where('district_id', '=', districtId)
        .executeTakeFirst();
    },

    async saveSettings(
      districtId: string,
      s: { minGroupSize: number | null; leadersSeeTeachers: boolean },
      accountId: string,
      at: string,
    ) {
      const values = {
        min_group_size: s.minGroupSize,
        leaders_see_teachers: s.leadersSeeTeachers ? (1 as const) : (0 as const),
        updated_at: at,
        updated_by_account_id: accountId,
      };
      await db
        .insertInto('survey_report_settings')
        .values({ district_id: districtId, ...values })
        .onConflict((oc) => oc.column('district_id').doUpdateSet(values))
        .execute();
    },

    /** An administration with its wave. */
    async administration(districtId: string, id: string) {
      return withWave(districtId).where('a.id', '=', id).executeTakeFirst();
    },

    /** Student administrations whose window has closed, newest first. */
    async closedStudentAdministrations(districtId: string, now: string) {
      return withWave(districtId)
        .where('a.respondent', '=', 'student')
        .where('a.closes_at', '<=', now)
        .orderBy('a.closes_at', 'desc')
        .orderBy('a.id')
        .execute();
    },

    /** The schools, teachers and classes an administration's responses count for. */
    async responseScopes(districtId: string, administrationId: string) {
      return db
        .selectFrom('survey_responses')
        .select(['school_id', 'teacher_id', 'class_id'])
        .distinct()
        .where('district_id', '=', districtId)
        .where('administration_id', '=', administrationId)
        .execute();
    },

    /**
     * One school's responses with their answers in one row each: `answers` is
     * `item:value,item:value…` (item ids are slugs), or null when the response has none. A row
     * per response rather than per answer: twenty times fewer rows to read.
     */
    async responsesWithAnswers(districtId: string, administrationId: string, schoolId: string) {
      const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
      const pair = sql`s.item_id || ':' || s.value`;
      const joined = postgres ? sql`string_agg(${pair}, ',')` : sql`group_concat(${pair}, ',')`;
      return db
        .selectFrom('survey_responses as r')
        .select([
          'r.id',
          'r.class_id',
          'r.teacher_id',
          'r.grade',
          'r.respondent_id',
          (eb) =>
            eb
              .selectFrom('survey_answers as s')
              .select(sql<string | null>`${joined}`.as('a'))
              .whereRef('s.district_id', '=', 'r.district_id')
              .whereRef('s.administration_id', '=', 'r.administration_id')
              .whereRef('s.response_id', '=', 'r.id')
              .as('answers'),
        ])
        .where('r.district_id', '=', districtId)
        .where('r.administration_id', '=', administrationId)
        .where('r.school_id', '=', schoolId)
        .orderBy('r.id')
        .execute();
    },

    /** Roster demographics of linked respondents (sensitive: for suppressed aggregates only). */
    async demographics(districtId: string, personIds: string[]) {
      if (personIds.length === 0) return [];
      const out = [];
      for (let i = 0; i < personIds.length; i += 500)
        out.push(
          ...(await db
            .selectFrom('demographics')
            .selectAll()
            .where('district_id', '=', districtId)
            .where('person_id', 'in', personIds.slice(i, i + 500))
            .where('active', '=', 1)
            .execute()),
        );
      return out;
    },

    async targets(districtId: string, administrationId: string) {
      return db
        .selectFrom('survey_administration_targets')
        .select(['kind', 'value'])
        .where('district_id', '=', districtId)
        .where('administration_id', '=', administrationId)
        .execute();
    },

    /** Students enrolled in each class, by grade: who a class-targeted administration invited. */
    async classRoster(districtId: string, classIds: string[]) {
      if (classIds.length === 0) return [];
      return db
        .selectFrom('enrollments as e')
        .innerJoin('people as p', (j) =>
          j.onRef('p.district_id', '=', 'e.district_id').onRef('p.id', '=', 'e.person_id'),
        )
        .select(['e.class_id', 'p.grade', (eb) => eb.fn.countAll<number>().as('n')])
        .where('e.district_id', '=', districtId)
        .where('e.class_id', 'in', classIds)
        .where('e.role', '=', 'student')
        .where('e.active', '=', 1)
        .groupBy(['e.class_id', 'p.grade'])
        .execute();
    },

    /** Students of a school by grade: who a grade-targeted administration invited. */
    async schoolGrades(districtId: string, schoolId: string) {
      return db
        .selectFrom('people')
        .select(['grade', (eb) => eb.fn.countAll<number>().as('n')])
        .where('district_id', '=', districtId)
        .where('school_id', '=', schoolId)
        .where('kind', '=', 'student')
        .where('active', '=', 1)
        .groupBy('grade')
        .execute();
    },

    async classes(districtId: string, classIds: string[]) {
      if (classIds.length === 0) return [];
      return db
        .selectFrom('classes')
        .select(['id', 'title', 'period', 'school_id'])
        .where('district_id', '=', districtId)
        .where('id', 'in', classIds)
        .execute();
    },

    async people(districtId: string, ids: string[]) {
      if (ids.length === 0) return [];
      return db
        .selectFrom('people')
        .select(['id', 'given_name', 'preferred_name', 'family_name', 'school_id'])
        .where('district_id', '=', districtId)
        .where('id', 'in', ids)
        .execute();
    },

    async school(districtId: string, schoolId: string) {
      return db
        .selectFrom('schools')
        .select(['id', 'name'])
        .where('district_id', '=', districtId)
        .where('id', '=', schoolId)
        .executeTakeFirst();
    },

    /** The teachers enrolled in classes (for invited counts of a teacher's report). */
    async classTeachers(districtId: string, classIds: string[]) {
      if (classIds.length === 0) return [];
      return db
        .selectFrom('enrollments')
        .select(['class_id', 'person_id'])
        .where('district_id', '=', districtId)
        .where('class_id', 'in', classIds)
        .where('role', '=', 'teacher')
        .where('active', '=', 1)
        .execute();
    },

    /**
     * The same instrument's latest administration that closed before this one opened, in an
     * earlier wave and for the same school (or district-wide both times): the change baseline.
     */
    async previousAdministration(
      districtId: string,
      a: {
        id: string;
        instrument_id: string;
        school_id: string | null;
        opens_at: string;
        wave_id: string;
      },
    ) {
      let q = db
        .selectFrom('survey_administrations as a')
        .innerJoin('survey_waves as w', (j) =>
          j.onRef('w.district_id', '=', 'a.district_id').onRef('w.id', '=', 'a.wave_id'),
        )
        .select(['a.id', 'a.mode', 'w.name as wave_name', 'w.school_year'])
        .where('a.district_id', '=', districtId)
        .where('a.instrument_id', '=', a.instrument_id)
        .where('a.id', '!=', a.id)
        .where('a.wave_id', '!=', a.wave_id)
        .where('a.closes_at', '<=', a.opens_at);
      q =
        a.school_id === null
          ? q.where('a.school_id', 'is', null)
          : q.where('a.school_id', '=', a.school_id);
      return q.orderBy('a.closes_at', 'desc').orderBy('a.id').executeTakeFirst();
    },

    /** The teacher's ratings (responses about students) in administrations of a wave and instrument. */
    async teacherRatings(
      districtId: string,
      waveId: string,
      instrumentId: string,
      teacherId: string,
      studentIds: string[],
    ) {
      if (studentIds.length === 0) return [];
      return db
        .selectFrom('survey_responses as r')
        .innerJoin('survey_administrations as a', (j) =>
          j.onRef('a.district_id', '=', 'r.district_id').onRef('a.id', '=', 'r.administration_id'),
        )
        .innerJoin('survey_answers as s', (j) =>
          j
            .onRef('s.district_id', '=', 'r.district_id')
            .onRef('s.administration_id', '=', 'r.administration_id')
            .onRef('s.response_id', '=', 'r.id'),
        )
        .select(['r.id', 'r.about_student_id', 's.item_id', 's.value'])
        .where('r.district_id', '=', districtId)
        .where('a.wave_id', '=', waveId)
        .where('a.instrument_id', '=', instrumentId)
        .where('r.respondent_id', '=', teacherId)
        .where('r.about_student_id', 'in', studentIds)
        .execute();
    },

    /** Responses in a class that their students chose to share with this teacher, with answers. */
    async sharedAnswers(
      districtId: string,
      administrationId: string,
      classId: string,
      teacherId: string,
    ) {
      return db
        .selectFrom('survey_response_shares as sh')
        .innerJoin('survey_responses as r', (j) =>
          j.onRef('r.district_id', '=', 'sh.district_id').onRef('r.id', '=', 'sh.response_id'),
        )
        .innerJoin('survey_answers as s', (j) =>
          j
            .onRef('s.district_id', '=', 'r.district_id')
            .onRef('s.administration_id', '=', 'r.administration_id')
            .onRef('s.response_id', '=', 'r.id'),
        )
        .select(['r.id', 'r.respondent_id', 's.item_id', 's.value'])
        .where('sh.district_id', '=', districtId)
        .where('sh.teacher_id', '=', teacherId)
        .where('r.administration_id', '=', administrationId)
        .where('r.class_id', '=', classId)
        .where('r.respondent_id', 'is not', null)
        .execute();
    },
  };
}

export type SurveyReportsRepository = ReturnType<typeof surveyReportsRepository>;
