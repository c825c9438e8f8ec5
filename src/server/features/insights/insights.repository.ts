// The only SQL of the insights feature. Every query is scoped to the district.
import type { Kysely, Transaction } from 'kysely';
import { enrollmentActiveOn } from '../../platform/db/conditions.js';
import type { Database } from '../../platform/db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export function insightsRepository(db: Db) {
  return {
    /** Each respondent's response (kind, shared, submitted) to a questionnaire. */
    async responses(districtId: string, questionnaireId: string, respondentIds: string[]) {
      if (respondentIds.length === 0) return [];
      return db
        .selectFrom('questionnaire_responses')
        .select(['respondent_id', 'shared', 'submitted_at'])
        .where('district_id', '=', districtId)
        .where('questionnaire_id', '=', questionnaireId)
        .where('respondent_id', 'in', respondentIds)
        .execute();
    },

    /** The options each respondent chose (free-text rows left out). */
    async choices(districtId: string, questionnaireId: string, respondentIds: string[]) {
      if (respondentIds.length === 0) return [];
      return db
        .selectFrom('questionnaire_answers')
        .select(['respondent_id', 'item_id', 'option_id'])
        .where('district_id', '=', districtId)
        .where('questionnaire_id', '=', questionnaireId)
        .where('respondent_id', 'in', respondentIds)
        .where('option_id', '<>', '')
        .execute();
    },

    /**
     * How often each option was chosen by the people of a school, and how many of them answered
     * each item: what makes a shared choice rare. Counts only, never who.
     */
    async schoolFrequencies(districtId: string, questionnaireId: string, schoolId: string) {
      const base = db
        .selectFrom('questionnaire_answers as a')
        .innerJoin('people as p', (j) =>
          j.onRef('p.district_id', '=', 'a.district_id').onRef('p.id', '=', 'a.respondent_id'),
        )
        .where('a.district_id', '=', districtId)
        .where('a.questionnaire_id', '=', questionnaireId)
        .where('a.option_id', '<>', '')
        .where('p.school_id', '=', schoolId);
      const [chosen, respondents] = await Promise.all([
        base
          .select(['a.item_id', 'a.option_id', (eb) => eb.fn.countAll<number | string>().as('n')])
          .groupBy(['a.item_id', 'a.option_id'])
          .execute(),
        base
          .select([
            'a.item_id',
            (eb) => eb.fn.count<number | string>('a.respondent_id').distinct().as('n'),
          ])
          .groupBy('a.item_id')
          .execute(),
      ]);
      return { chosen, respondents };
    },

    async classInfo(districtId: string, classId: string) {
      return db
        .selectFrom('classes')
        .select(['id', 'title', 'school_id'])
        .where('district_id', '=', districtId)
        .where('id', '=', classId)
        .executeTakeFirst();
    },

    /** The students actively enrolled in a class today, by name. */
    async person(districtId: string, personId: string) {
      return db
        .selectFrom('people')
        .select(['id', 'kind', 'given_name', 'preferred_name', 'family_name', 'school_id'])
        .where('district_id', '=', districtId)
        .where('id', '=', personId)
        .executeTakeFirst();
    },

    async people(districtId: string, ids: string[]) {
      if (ids.length === 0) return [];
      return db
        .selectFrom('people')
        .select(['id', 'given_name', 'preferred_name', 'family_name'])
        .where('district_id', '=', districtId)
        .where('id', 'in', ids)
        .execute();
    },

    /** The teachers of the classes a student is in today, with each class's school. */
    async studentTeachers(districtId: string, studentId: string, today: string) {
      return db
        .selectFrom('enrollments as se')
        .innerJoin('classes as c', (j) =>
          j.onRef('c.district_id', '=', 'se.district_id').onRef('c.id', '=', 'se.class_id'),
        )
        .innerJoin('terms as t', (j) =>
          j.onRef('t.district_id', '=', 'c.district_id').onRef('t.id', '=', 'c.term_id'),
        )
        .innerJoin('enrollments as te', (j) =>
          j.onRef('te.district_id', '=', 'se.district_id').onRef('te.class_id', '=', 'se.class_id'),
        )
        .innerJoin('people as p', (j) =>
          j.onRef('p.district_id', '=', 'te.district_id').onRef('p.id', '=', 'te.person_id'),
        )
        .select([
          'p.id',
          'p.given_name',
          'p.preferred_name',
          'p.family_name',
          'c.school_id',
          'c.title',
        ])
        .where('se.district_id', '=', districtId)
        .where('se.person_id', '=', studentId)
        .where('se.role', '=', 'student')
        .where(enrollmentActiveOn('se', today))
        .where('te.role', '=', 'teacher')
        .where(enrollmentActiveOn('te', today))
        .where('c.active', '=', 1)
        .where('t.start_date', '<=', today)
        .where('t.end_date', '>=', today)
        .orderBy('p.family_name')
        .orderBy('p.id')
        .orderBy('c.title')
        .execute();
    },

    async schoolSetting(districtId: string, schoolId: string) {
      return db
        .selectFrom('school_insight_settings')
        .select(['students_see_commonalities'])
        .where('district_id', '=', districtId)
        .where('school_id', '=', schoolId)
        .executeTakeFirst();
    },

    async schoolExists(districtId: string, schoolId: string) {
      return db
        .selectFrom('schools')
        .select('id')
        .where('district_id', '=', districtId)
        .where('id', '=', schoolId)
        .executeTakeFirst();
    },

    async setSchoolSetting(
      districtId: string,
      schoolId: string,
      studentsSeeCommonalities: boolean,
      accountId: string,
      at: string,
    ) {
      const flag = studentsSeeCommonalities ? (1 as const) : (0 as const);
      await db
        .insertInto('school_insight_settings')
        .values({
          district_id: districtId,
          school_id: schoolId,
          students_see_commonalities: flag,
          updated_at: at,
          updated_by_account_id: accountId,
        })
        .onConflict((oc) =>
          oc.columns(['district_id', 'school_id']).doUpdateSet({
            students_see_commonalities: flag,
            updated_at: at,
            updated_by_account_id: accountId,
          }),
        )
        .execute();
    },

    // ---- predictions ---------------------------------------------------------------------

    async predictions(districtId: string, teacherId: string, studentId: string, q: string) {
      return db
        .selectFrom('predictions')
        .select(['item_id', 'option_ids', 'score'])
        .where('district_id', '=', districtId)
        .where('teacher_id', '=', teacherId)
        .where('student_id', '=', studentId)
        .where('questionnaire_id', '=', q)
        .orderBy('item_id')
        .execute();
    },

    async reveal(districtId: string, teacherId: string, studentId: string, q: string) {
      return db
        .selectFrom('prediction_reveals')
        .select(['revealed_at', 'accuracy', 'scored_predictions'])
        .where('district_id', '=', districtId)
        .where('teacher_id', '=', teacherId)
        .where('student_id', '=', studentId)
        .where('questionnaire_id', '=', q)
        .executeTakeFirst();
    },

    async savePrediction(row: {
      districtId: string;
      teacherId: string;
      studentId: string;
      questionnaireId: string;
      itemId: string;
      optionIds: string[];
      at: string;
    }) {
      const optionIds = JSON.stringify(row.optionIds);
      await db
        .insertInto('predictions')
        .values({
          district_id: row.districtId,
          teacher_id: row.teacherId,
          student_id: row.studentId,
          questionnaire_id: row.questionnaireId,
          item_id: row.itemId,
          option_ids: optionIds,
          score: null,
          created_at: row.at,
          updated_at: row.at,
        })
        .onConflict((oc) =>
          oc
            .columns(['district_id', 'teacher_id', 'student_id', 'questionnaire_id', 'item_id'])
            .doUpdateSet({ option_ids: optionIds, updated_at: row.at }),
        )
        .execute();
    },

    async setScore(
      districtId: string,
      teacherId: string,
      studentId: string,
      q: string,
      itemId: string,
      score: number | null,
    ) {
      await db
        .updateTable('predictions')
        .set({ score })
        .where('district_id', '=', districtId)
        .where('teacher_id', '=', teacherId)
        .where('student_id', '=', studentId)
        .where('questionnaire_id', '=', q)
        .where('item_id', '=', itemId)
        .execute();
    },

    /** Writes the reveal; false when there already was one (nothing changed). */
    async insertReveal(row: Database['prediction_reveals']): Promise<boolean> {
      const res = await db
        .insertInto('prediction_reveals')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['district_id', 'teacher_id', 'student_id', 'questionnaire_id']).doNothing(),
        )
        .executeTakeFirst();
      return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async teacherReveals(districtId: string, teacherId: string, q: string) {
      return db
        .selectFrom('prediction_reveals as r')
        .innerJoin('people as p', (j) =>
          j.onRef('p.district_id', '=', 'r.district_id').onRef('p.id', '=', 'r.student_id'),
        )
        .select([
          'r.student_id',
          'r.revealed_on',
          'r.revealed_at',
          'r.scored_predictions',
          'r.accuracy',
          'p.given_name',
          'p.preferred_name',
          'p.family_name',
        ])
        .where('r.district_id', '=', districtId)
        .where('r.teacher_id', '=', teacherId)
        .where('r.questionnaire_id', '=', q)
        .orderBy('r.revealed_at')
        .orderBy('r.student_id')
        .execute();
    },

    // ---- equity lens ---------------------------------------------------------------------

    /** Active roster demographics of the students (sensitive: aggregated by the caller). */
    async demographics(districtId: string, studentIds: string[]) {
      if (studentIds.length === 0) return [];
      return db
        .selectFrom('demographics')
        .select([
          'person_id',
          'sex',
          'american_indian_or_alaska_native',
          'asian',
          'black_or_african_american',
          'native_hawaiian_or_other_pacific_islander',
          'white',
          'two_or_more_races',
          'hispanic_or_latino',
        ])
        .where('district_id', '=', districtId)
        .where('person_id', 'in', studentIds)
        .where('active', '=', 1)
        .execute();
    },

    /** Affirmations and corrections a teacher logged per student in [start, end). */
    async teacherKindCounts(districtId: string, teacherId: string, start: string, end: string) {
      return db
        .selectFrom('interactions')
        .select(['student_id', 'kind', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('district_id', '=', districtId)
        .where('teacher_id', '=', teacherId)
        .where('kind', 'in', ['affirmation', 'correction'])
        .where('occurred_at', '>=', start)
        .where('occurred_at', '<', end)
        .where('undone_at', 'is', null)
        .groupBy(['student_id', 'kind'])
        .execute();
    },
  };
}
