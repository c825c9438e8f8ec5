// The only SQL of surveys. Every query is scoped by district (docs/decisions/014-surveys.md).
import { sql, type Kysely } from 'kysely';
import { enrollmentActiveOn } from '../../platform/db/conditions.js';
import type {
  Database,
  SurveyAdministrationsTable,
  SurveyAnswersTable,
  SurveyResponsesTable,
} from '../../platform/db/schema.js';

export interface Unit {
  personId: string;
  /** class id, student id, or '' (see survey_participations.subject_key). */
  subjectKey: string;
  classId: string | null;
  schoolId: string | null;
  grade: string | null;
  aboutStudentId: string | null;
}

export interface TargetSet {
  classIds: string[];
  grades: string[];
}

export function surveysRepository(db: Kysely<Database>) {
  /** Active student enrollments today in the targeted classes (by id, or by the students' grade). */
  function targetedEnrollments(
    districtId: string,
    schoolId: string | null,
    t: TargetSet,
    today: string,
  ) {
    let q = db
      .selectFrom('enrollments as se')
      .innerJoin('classes as c', (j) =>
        j.onRef('c.district_id', '=', 'se.district_id').onRef('c.id', '=', 'se.class_id'),
      )
      .innerJoin('terms as t', (j) =>
        j.onRef('t.district_id', '=', 'c.district_id').onRef('t.id', '=', 'c.term_id'),
      )
      .innerJoin('people as p', (j) =>
        j.onRef('p.district_id', '=', 'se.district_id').onRef('p.id', '=', 'se.person_id'),
      )
      .where('se.district_id', '=', districtId)
      .where('se.role', '=', 'student')
      .where(enrollmentActiveOn('se', today))
      .where('c.active', '=', 1)
      .where('p.active', '=', 1)
      .where('t.start_date', '<=', today)
      .where('t.end_date', '>=', today);
    if (schoolId) q = q.where('c.school_id', '=', schoolId);
    return q.where((eb) => {
      const ors = [];
      if (t.classIds.length) ors.push(eb('c.id', 'in', t.classIds));
      if (t.grades.length) ors.push(eb('p.grade', 'in', t.grades));
      return ors.length ? eb.or(ors) : sql<boolean>`1 = 0`;
    });
  }

  return {
    async findOrCreateWave(
      districtId: string,
      schoolYear: string,
      name: string,
      id: string,
      at: string,
    ) {
      await db
        .insertInto('survey_waves')
        .values({ district_id: districtId, id, school_year: schoolYear, name, created_at: at })
        .onConflict((oc) => oc.columns(['district_id', 'school_year', 'name']).doNothing())
        .execute();
      const row = await db
        .selectFrom('survey_waves')
        .select('id')
        .where('district_id', '=', districtId)
        .where('school_year', '=', schoolYear)
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async insertAdministration(row: SurveyAdministrationsTable, targets: TargetSet) {
      await db.insertInto('survey_administrations').values(row).execute();
      const rows = [
        ...targets.classIds.map((value) => ({ kind: 'class' as const, value })),
        ...targets.grades.map((value) => ({ kind: 'grade' as const, value })),
      ].map((t) => ({ district_id: row.district_id, administration_id: row.id, ...t }));
      if (rows.length) await db.insertInto('survey_administration_targets').values(rows).execute();
    },

    /** Changes an administration's own columns (district-scoped). */
    async updateAdministration(
      districtId: string,
      id: string,
      patch: Partial<
        Pick<
          SurveyAdministrationsTable,
          | 'title'
          | 'instrument_id'
          | 'instrument_version'
          | 'respondent'
          | 'mode'
          | 'opens_at'
          | 'closes_at'
        >
      >,
    ) {
      if (Object.keys(patch).length === 0) return;
      await db
        .updateTable('survey_administrations')
        .set(patch)
        .where('district_id', '=', districtId)
        .where('id', '=', id)
        .execute();
    },

    async replaceTargets(districtId: string, administrationId: string, targets: TargetSet) {
      await db
        .deleteFrom('survey_administration_targets')
        .where('district_id', '=', districtId)
        .where('administration_id', '=', administrationId)
        .execute();
      const rows = [
        ...targets.classIds.map((value) => ({ kind: 'class' as const, value })),
        ...targets.grades.map((value) => ({ kind: 'grade' as const, value })),
      ].map((t) => ({ district_id: districtId, administration_id: administrationId, ...t }));
      if (rows.length) await db.insertInto('survey_administration_targets').values(rows).execute();
    },

    /**
     * Where answers have arrived: the classes and grades of its responses, and the subjects of
     * its participations (started or finished). Counts only: no response is tied to a person.
     */
    async answeredScopes(districtId: string, administrationId: string) {
      const responses = await db
        .selectFrom('survey_responses')
        .select(['class_id', 'grade'])
        .distinct()
        .where('district_id', '=', districtId)
        .where('administration_id', '=', administrationId)
        .execute();
      const subjects = await db
        .selectFrom('survey_participations')
        .select('subject_key')
        .distinct()
        .where('district_id', '=', districtId)
        .where('administration_id', '=', administrationId)
        .execute();
      return {
        classIds: new Set(responses.map((r) => r.class_id).filter((c): c is string => !!c)),
        grades: new Set(responses.map((r) => r.grade).filter((g): g is string => !!g)),
        subjectKeys: new Set(subjects.map((s) => s.subject_key)),
      };
    },

    /** Deletes an administration and everything it collected; returns the responses deleted. */
    async deleteAdministration(districtId: string, id: string): Promise<number> {
      const responseIds = db
        .selectFrom('survey_responses')
        .select('id')
        .where('district_id', '=', districtId)
        .where('administration_id', '=', id);
      const participationIds = db
        .selectFrom('survey_participations')
        .select('id')
        .where('district_id', '=', districtId)
        .where('administration_id', '=', id);
      const linkIds = db
        .selectFrom('one_time_links')
        .select('id')
        .where('district_id', '=', districtId)
        .where('purpose', '=', 'survey')
        .where('target_id', '=', id);
      for (const table of ['survey_answer_people', 'survey_response_shares'] as const)
        await db
          .deleteFrom(table)
          .where('district_id', '=', districtId)
          .where('response_id', 'in', responseIds)
          .execute();
      await db
        .deleteFrom('survey_answers')
        .where('district_id', '=', districtId)
        .where('administration_id', '=', id)
        .execute();
      const responses = await db
        .deleteFrom('survey_responses')
        .where('district_id', '=', districtId)
        .where('administration_id', '=', id)
        .executeTakeFirst();
      await db
        .deleteFrom('survey_drafts')
        .where('district_id', '=', districtId)
        .where('participation_id', 'in', participationIds)
        .execute();
      await db
        .deleteFrom('survey_participations')
        .where('district_id', '=', districtId)
        .where('administration_id', '=', id)
        .execute();
      await db
        .deleteFrom('link_sessions')
        .where('district_id', '=', districtId)
        .where('link_id', 'in', linkIds)
        .execute();
      await db
        .deleteFrom('one_time_links')
        .where('district_id', '=', districtId)
        .where('purpose', '=', 'survey')
        .where('target_id', '=', id)
        .execute();
      await db
        .deleteFrom('survey_administration_targets')
        .where('district_id', '=', districtId)
        .where('administration_id', '=', id)
        .execute();
      await db
        .deleteFrom('survey_administrations')
        .where('district_id', '=', districtId)
        .where('id', '=', id)
        .execute();
      return Number(responses.numDeletedRows);
    },

    /** The classes among `ids` that exist, are active, and (if given) belong to the school. */
    async existingClasses(districtId: string, ids: string[], schoolId: string | null) {
      if (!ids.length) return [];
      let q = db
        .selectFrom('classes')
        .select(['id', 'school_id'])
        .where('district_id', '=', districtId)
        .where('id', 'in', ids)
        .where('active', '=', 1);
      if (schoolId) q = q.where('school_id', '=', schoolId);
      return q.execute();
    },

    /** One school (a leader's) or every school of the district, by name. */
    async schools(districtId: string, schoolId: string | null) {
      let q = db.selectFrom('schools').select(['id', 'name']).where('district_id', '=', districtId);
      if (schoolId) q = q.where('id', '=', schoolId);
      return q.orderBy('name').orderBy('id').execute();
    },

    async schoolExists(districtId: string, schoolId: string) {
      return Boolean(
        await db
          .selectFrom('schools')
          .select('id')
          .where('district_id', '=', districtId)
          .where('id', '=', schoolId)
          .executeTakeFirst(),
      );
    },

    /** Administrations (newest first) of a school, or of the whole district when schoolId is null. */
    async listAdministrations(districtId: string, schoolId: string | null) {
      let q = db
        .selectFrom('survey_administrations as a')
        .innerJoin('survey_waves as w', (j) =>
          j.onRef('w.district_id', '=', 'a.district_id').onRef('w.id', '=', 'a.wave_id'),
        )
        .selectAll('a')
        .select(['w.school_year', 'w.name as wave_name'])
        .where('a.district_id', '=', districtId)
        .orderBy('a.opens_at', 'desc')
        .orderBy('a.id');
      if (schoolId)
        q = q.where((eb) =>
          eb.or([eb('a.school_id', '=', schoolId), eb('a.school_id', 'is', null)]),
        );
      return q.execute();
    },

    getAdministration(districtId: string, id: string) {
      return db
        .selectFrom('survey_administrations as a')
        .innerJoin('survey_waves as w', (j) =>
          j.onRef('w.district_id', '=', 'a.district_id').onRef('w.id', '=', 'a.wave_id'),
        )
        .selectAll('a')
        .select(['w.school_year', 'w.name as wave_name'])
        .where('a.district_id', '=', districtId)
        .where('a.id', '=', id)
        .executeTakeFirst();
    },

    async targets(districtId: string, administrationIds: string[]) {
      if (!administrationIds.length) return new Map<string, TargetSet>();
      const rows = await db
        .selectFrom('survey_administration_targets')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('administration_id', 'in', administrationIds)
        .orderBy('value')
        .execute();
      const out = new Map<string, TargetSet>(
        administrationIds.map((id) => [id, { classIds: [], grades: [] }]),
      );
      for (const r of rows)
        (r.kind === 'class'
          ? out.get(r.administration_id)!.classIds
          : out.get(r.administration_id)!.grades
        ).push(r.value);
      return out;
    },

    /** Participation counts per administration: started (not finished) and finished. */
    async participationCounts(districtId: string, administrationIds: string[]) {
      if (!administrationIds.length) return [];
      return db
        .selectFrom('survey_participations')
        .select(['administration_id', 'status', (e) => e.fn.countAll<string | number>().as('n')])
        .where('district_id', '=', districtId)
        .where('administration_id', 'in', administrationIds)
        .groupBy(['administration_id', 'status'])
        .execute();
    },

    /**
     * Who should answer an administration, one unit per response: a student per targeted class
     * (class instruments), per student (school), a teacher per student (ratings) or per teacher (self).
     */
    async units(
      districtId: string,
      adm: { school_id: string | null; respondent: string; about: string },
      targets: TargetSet,
      today: string,
      onlyPersonId?: string,
    ): Promise<Unit[]> {
      if (adm.respondent === 'student') {
        let q = targetedEnrollments(districtId, adm.school_id, targets, today).select([
          'se.person_id',
          'c.id as class_id',
          'c.school_id',
          'p.grade',
        ]);
        if (onlyPersonId) q = q.where('se.person_id', '=', onlyPersonId);
        const rows = await q.orderBy('se.person_id').orderBy('c.id').execute();
        if (adm.about === 'class')
          return rows.map((r) => ({
            personId: r.person_id,
            subjectKey: r.class_id,
            classId: r.class_id,
            schoolId: r.school_id,
            grade: r.grade,
            aboutStudentId: null,
          }));
        const seen = new Map<string, Unit>();
        for (const r of rows)
          if (!seen.has(r.person_id))
            seen.set(r.person_id, {
              personId: r.person_id,
              subjectKey: '',
              classId: null,
              schoolId: r.school_id,
              grade: r.grade,
              aboutStudentId: null,
            });
        return [...seen.values()];
      }
      // Teachers of the targeted classes.
      const students = await targetedEnrollments(districtId, adm.school_id, targets, today)
        .select(['se.person_id', 'c.id as class_id', 'c.school_id', 'p.grade'])
        .execute();
      const classIds = [...new Set(students.map((s) => s.class_id))];
      if (!classIds.length) return [];
      let tq = db
        .selectFrom('enrollments as te')
        .select(['te.person_id', 'te.class_id'])
        .where('te.district_id', '=', districtId)
        .where('te.role', '=', 'teacher')
        .where('te.class_id', 'in', classIds)
        .where(enrollmentActiveOn('te', today));
      if (onlyPersonId) tq = tq.where('te.person_id', '=', onlyPersonId);
      const teachers = await tq.execute();
      const out = new Map<string, Unit>();
      for (const t of teachers) {
        if (adm.about === 'self') {
          const school = students.find((s) => s.class_id === t.class_id)?.school_id ?? null;
          if (!out.has(t.person_id))
            out.set(t.person_id, {
              personId: t.person_id,
              subjectKey: '',
              classId: null,
              schoolId: school,
              grade: null,
              aboutStudentId: null,
            });
          continue;
        }
        for (const s of students.filter((x) => x.class_id === t.class_id)) {
          const key = `${t.person_id}/${s.person_id}`;
          if (!out.has(key))
            out.set(key, {
              personId: t.person_id,
              subjectKey: s.person_id,
              classId: s.class_id,
              schoolId: s.school_id,
              grade: s.grade,
              aboutStudentId: s.person_id,
            });
        }
      }
      return [...out.values()].sort((a, b) =>
        (a.personId + a.subjectKey).localeCompare(b.personId + b.subjectKey),
      );
    },

    /** The teacher a class's responses count for: its primary teacher, else the first by id. */
    async classTeachers(districtId: string, classIds: string[], today: string) {
      if (!classIds.length) return new Map<string, { id: string; name: string }>();
      const rows = await db
        .selectFrom('enrollments as te')
        .innerJoin('people as p', (j) =>
          j.onRef('p.district_id', '=', 'te.district_id').onRef('p.id', '=', 'te.person_id'),
        )
        .select([
          'te.class_id',
          'te.person_id',
          'te.is_primary',
          'p.given_name',
          'p.family_name',
          'p.preferred_name',
        ])
        .where('te.district_id', '=', districtId)
        .where('te.role', '=', 'teacher')
        .where('te.class_id', 'in', classIds)
        .where(enrollmentActiveOn('te', today))
        .orderBy('te.person_id')
        .execute();
      const out = new Map<string, { id: string; name: string; primary: boolean }>();
      for (const r of rows) {
        const prev = out.get(r.class_id);
        const primary = r.is_primary === 1;
        if (!prev || (primary && !prev.primary))
          out.set(r.class_id, {
            id: r.person_id,
            name: `${r.preferred_name ?? r.given_name} ${r.family_name}`,
            primary,
          });
      }
      return out;
    },

    async classTitles(districtId: string, classIds: string[]) {
      if (!classIds.length) return new Map<string, string>();
      const rows = await db
        .selectFrom('classes')
        .select(['id', 'title'])
        .where('district_id', '=', districtId)
        .where('id', 'in', classIds)
        .execute();
      return new Map(rows.map((r) => [r.id, r.title]));
    },

    async studentNames(districtId: string, ids: string[]) {
      if (!ids.length) return new Map<string, string>();
      const rows = await db
        .selectFrom('people')
        .select(['id', 'given_name', 'preferred_name', 'family_name'])
        .where('district_id', '=', districtId)
        .where('id', 'in', ids)
        .execute();
      return new Map(
        rows.map((r) => [r.id, `${r.preferred_name ?? r.given_name} ${r.family_name}`]),
      );
    },

    /** Open (or scheduled) administrations that could include this person. */
    openAdministrations(districtId: string, respondent: 'student' | 'teacher', nowIso: string) {
      return db
        .selectFrom('survey_administrations')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('respondent', '=', respondent)
        .where('opens_at', '<=', nowIso)
        .where('closes_at', '>', nowIso)
        .orderBy('closes_at')
        .execute();
    },

    participationsOf(districtId: string, personId: string, administrationIds: string[]) {
      if (!administrationIds.length) return Promise.resolve([]);
      return db
        .selectFrom('survey_participations')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('person_id', '=', personId)
        .where('administration_id', 'in', administrationIds)
        .execute();
    },

    participation(
      districtId: string,
      administrationId: string,
      personId: string,
      subjectKey: string,
    ) {
      return db
        .selectFrom('survey_participations')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('administration_id', '=', administrationId)
        .where('person_id', '=', personId)
        .where('subject_key', '=', subjectKey)
        .executeTakeFirst();
    },

    async startParticipation(row: Database['survey_participations']) {
      await db
        .insertInto('survey_participations')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['district_id', 'administration_id', 'person_id', 'subject_key']).doNothing(),
        )
        .execute();
    },

    /** Marks a participation finished unless it already was; false when it was. */
    async finishParticipation(districtId: string, id: string): Promise<boolean> {
      const r = await db
        .updateTable('survey_participations')
        .set({ status: 'finished' })
        .where('district_id', '=', districtId)
        .where('id', '=', id)
        .where('status', '<>', 'finished')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Who finished what (person and subject only: no response is reachable from here). */
    finishedUnits(districtId: string, administrationId: string) {
      return db
        .selectFrom('survey_participations')
        .select(['person_id', 'subject_key'])
        .where('district_id', '=', districtId)
        .where('administration_id', '=', administrationId)
        .where('status', '=', 'finished')
        .execute();
    },

    drafts(districtId: string, participationId: string) {
      return db
        .selectFrom('survey_drafts')
        .select(['item_id', 'value', 'people'])
        .where('district_id', '=', districtId)
        .where('participation_id', '=', participationId)
        .execute();
    },

    async saveDraft(row: Database['survey_drafts']) {
      await db
        .insertInto('survey_drafts')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['district_id', 'participation_id', 'item_id']).doUpdateSet({
            value: row.value,
            people: row.people,
            saved_at: row.saved_at,
          }),
        )
        .execute();
    },

    async deleteDrafts(districtId: string, participationId: string) {
      await db
        .deleteFrom('survey_drafts')
        .where('district_id', '=', districtId)
        .where('participation_id', '=', participationId)
        .execute();
    },

    response(districtId: string, id: string) {
      return db
        .selectFrom('survey_responses')
        .selectAll()
        .where('district_id', '=', districtId)
        .where('id', '=', id)
        .executeTakeFirst();
    },

    async insertResponse(
      row: SurveyResponsesTable,
      answers: SurveyAnswersTable[],
      people: Array<{ item_id: string; person_id: string }>,
    ) {
      await db.insertInto('survey_responses').values(row).execute();
      if (answers.length) await db.insertInto('survey_answers').values(answers).execute();
      if (people.length)
        await db
          .insertInto('survey_answer_people')
          .values(people.map((p) => ({ district_id: row.district_id, response_id: row.id, ...p })))
          .execute();
    },

    async share(districtId: string, responseId: string, teacherId: string, at: string) {
      await db
        .insertInto('survey_response_shares')
        .values({
          district_id: districtId,
          response_id: responseId,
          teacher_id: teacherId,
          shared_at: at,
        })
        .execute();
    },

    /** Active staff of a school, for naming an adult. */
    staffOf(districtId: string, schoolId: string) {
      return db
        .selectFrom('people')
        .select(['id', 'given_name', 'family_name', 'preferred_name'])
        .where('district_id', '=', districtId)
        .where('school_id', '=', schoolId)
        .where('kind', '=', 'staff')
        .where('active', '=', 1)
        .orderBy('family_name')
        .orderBy('given_name')
        .execute();
    },

    /** Grades of active students (for the setup form), of a school or the district. */
    async grades(districtId: string, schoolId: string | null) {
      let q = db
        .selectFrom('people')
        .select('grade')
        .distinct()
        .where('district_id', '=', districtId)
        .where('kind', '=', 'student')
        .where('active', '=', 1)
        .where('grade', 'is not', null);
      if (schoolId) q = q.where('school_id', '=', schoolId);
      const rows = await q.execute();
      return rows.map((r) => r.grade!).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    },

    /** Active classes in a current term (for the setup form), of a school or the district. */
    async currentClasses(districtId: string, schoolId: string | null, today: string) {
      let q = db
        .selectFrom('classes as c')
        .innerJoin('terms as t', (j) =>
          j.onRef('t.district_id', '=', 'c.district_id').onRef('t.id', '=', 'c.term_id'),
        )
        .select(['c.id', 'c.title', 'c.period'])
        .where('c.district_id', '=', districtId)
        .where('c.active', '=', 1)
        .where('t.start_date', '<=', today)
        .where('t.end_date', '>=', today);
      if (schoolId) q = q.where('c.school_id', '=', schoolId);
      return q.orderBy('c.title').orderBy('c.id').execute();
    },
  };
}
