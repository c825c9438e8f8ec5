// The only SQL of know-your-students: profile fields, questionnaire responses and answers, and
// the teacher's list of students with where each stands. Every query is scoped to a district.
import type { Kysely } from 'kysely';
import { teacherStudents } from '../../platform/access/access.repository.js';
import type { Database } from '../../platform/db/schema.js';

export interface AnswerRow {
  itemId: string;
  optionId: string;
  text: string | null;
}

export function knowRepository(db: Kysely<Database>) {
  return {
    // ---- profiles ----------------------------------------------------------------------------

    /** Every field of a student's profile: for the student themselves only. */
    async profileFields(districtId: string, studentId: string) {
      return db
        .selectFrom('student_profile_fields')
        .select(['field', 'value', 'shared', 'updated_at'])
        .where('district_id', '=', districtId)
        .where('student_id', '=', studentId)
        .execute();
    },

    /** Only the fields the student shared with their teachers: what anyone else may read. */
    async sharedProfileFields(districtId: string, studentId: string) {
      return db
        .selectFrom('student_profile_fields')
        .select(['field', 'value', 'updated_at'])
        .where('district_id', '=', districtId)
        .where('student_id', '=', studentId)
        .where('shared', '=', 1)
        .execute();
    },

    /** Replaces a student's whole profile (callers run this in a transaction). */
    async replaceProfile(
      districtId: string,
      studentId: string,
      fields: Array<{ field: string; value: string; shared: boolean }>,
      now: string,
    ) {
      await db
        .deleteFrom('student_profile_fields')
        .where('district_id', '=', districtId)
        .where('student_id', '=', studentId)
        .execute();
      if (fields.length === 0) return;
      await db
        .insertInto('student_profile_fields')
        .values(
          fields.map((f) => ({
            district_id: districtId,
            student_id: studentId,
            field: f.field,
            value: f.value,
            shared: f.shared ? (1 as const) : (0 as const),
            updated_at: now,
          })),
        )
        .execute();
    },

    async person(districtId: string, personId: string) {
      return db
        .selectFrom('people')
        .select(['id', 'kind', 'given_name', 'family_name', 'preferred_name', 'pronouns'])
        .where('district_id', '=', districtId)
        .where('id', '=', personId)
        .executeTakeFirst();
    },

    // ---- questionnaires ----------------------------------------------------------------------

    async response(districtId: string, questionnaireId: string, respondentId: string) {
      return db
        .selectFrom('questionnaire_responses')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('questionnaire_id', '=', questionnaireId)
        .where('respondent_id', '=', respondentId)
        .executeTakeFirst();
    },

    async answers(districtId: string, questionnaireId: string, respondentId: string) {
      return db
        .selectFrom('questionnaire_answers')
        .select(['item_id as itemId', 'option_id as optionId', 'text'])
        .where('district_id', '=', districtId)
        .where('questionnaire_id', '=', questionnaireId)
        .where('respondent_id', '=', respondentId)
        .execute() as Promise<AnswerRow[]>;
    },

    /** Creates the response on the first answer; afterwards records progress. */
    async touchResponse(r: {
      districtId: string;
      questionnaireId: string;
      respondentId: string;
      respondentKind: 'student' | 'teacher';
      contentVersion: number;
      lastItemId: string;
      now: string;
    }) {
      await db
        .insertInto('questionnaire_responses')
        .values({
          district_id: r.districtId,
          questionnaire_id: r.questionnaireId,
          respondent_id: r.respondentId,
          respondent_kind: r.respondentKind,
          content_version: r.contentVersion,
          shared: 0,
          last_item_id: r.lastItemId,
          started_at: r.now,
          updated_at: r.now,
          submitted_at: null,
        })
        .onConflict((oc) =>
          oc.columns(['district_id', 'questionnaire_id', 'respondent_id']).doUpdateSet({
            last_item_id: r.lastItemId,
            updated_at: r.now,
            content_version: r.contentVersion,
          }),
        )
        .execute();
    },

    /** Replaces one item's answer rows (callers run this in a transaction). */
    async replaceItemAnswers(
      key: { districtId: string; questionnaireId: string; respondentId: string; itemId: string },
      rows: Array<{ optionId: string; text: string | null }>,
      now: string,
    ) {
      await db
        .deleteFrom('questionnaire_answers')
        .where('district_id', '=', key.districtId)
        .where('questionnaire_id', '=', key.questionnaireId)
        .where('respondent_id', '=', key.respondentId)
        .where('item_id', '=', key.itemId)
        .execute();
      if (rows.length === 0) return;
      await db
        .insertInto('questionnaire_answers')
        .values(
          rows.map((r) => ({
            district_id: key.districtId,
            questionnaire_id: key.questionnaireId,
            respondent_id: key.respondentId,
            item_id: key.itemId,
            option_id: r.optionId,
            text: r.text,
            answered_at: now,
          })),
        )
        .execute();
    },

    async submitResponse(
      districtId: string,
      questionnaireId: string,
      respondentId: string,
      shared: boolean,
      now: string,
    ) {
      await db
        .updateTable('questionnaire_responses')
        .set({ shared: shared ? 1 : 0, submitted_at: now, updated_at: now })
        .where('district_id', '=', districtId)
        .where('questionnaire_id', '=', questionnaireId)
        .where('respondent_id', '=', respondentId)
        .execute();
    },

    // ---- the teacher's students --------------------------------------------------------------

    /**
     * The students a teacher teaches today, each with their classes, how far their questionnaire
     * is, and the preferred names they shared.
     */
    async teacherStudentsWithStatus(
      districtId: string,
      teacherId: string,
      today: string,
      questionnaireId: string,
    ) {
      const rows = await teacherStudents(db, districtId, teacherId, today)
        .innerJoin('people as p', (j) =>
          j.onRef('p.district_id', '=', 'se.district_id').onRef('p.id', '=', 'se.person_id'),
        )
        .leftJoin('questionnaire_responses as r', (j) =>
          j
            .onRef('r.district_id', '=', 'se.district_id')
            .onRef('r.respondent_id', '=', 'se.person_id')
            .on('r.questionnaire_id', '=', questionnaireId),
        )
        .select([
          'p.id',
          'p.given_name',
          'p.preferred_name',
          'p.family_name',
          'c.id as classId',
          'c.title as classTitle',
          'r.started_at',
          'r.submitted_at',
        ])
        .orderBy('p.family_name')
        .orderBy('p.given_name')
        .orderBy('p.id')
        .execute();
      const ids = [...new Set(rows.map((r) => r.id))];
      const shared =
        ids.length === 0
          ? []
          : await db
              .selectFrom('student_profile_fields')
              .select(['student_id', 'field', 'value'])
              .where('district_id', '=', districtId)
              .where('student_id', 'in', ids)
              .where('shared', '=', 1)
              .where('field', '=', 'preferred_name')
              .execute();
      return { rows, shared };
    },
  };
}
