// Commonalities between a teacher and their students, from the get-to-know-you answers: on a
// student's card, on a class overview, and (when the school turns it on) for the student with
// each of their teachers. A student's answers count only when the student shares them with their
// teachers; a teacher's count for a student only when the teacher shares theirs.
import type { Kysely } from 'kysely';
import type {
  ClassOverviewResponse,
  MyCommonalitiesResponse,
  SchoolInsightSettings,
  StudentCommonalitiesResponse,
} from '../../../contracts/insights.js';
import {
  topCommonalities,
  frequencyKey,
  type Choices,
  type CommonalityItem,
  type Frequencies,
} from '../../../domain/commonalities.js';
import { displayName } from '../../../domain/names.js';
import { accessRepository } from '../../platform/access/access.repository.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import { getQuestionnaire, GET_TO_KNOW_YOU } from '../../platform/content/questionnaires.js';
import type { Database } from '../../platform/db/schema.js';
import { commonalityCatalogue } from '../../platform/content/commonalities.js';
import {
  assertManagesSchool,
  assertTeachesClass,
  assertTeachesStudent,
  studentOf,
} from './insights.policy.js';
import { insightsRepository } from './insights.repository.js';

const Q = GET_TO_KNOW_YOU;

function catalogue(): CommonalityItem[] {
  return commonalityCatalogue(getQuestionnaire(Q));
}

/** Each respondent's chosen options, by item. */
async function choicesOf(
  db: Kysely<Database>,
  districtId: string,
  ids: string[],
): Promise<Map<string, Map<string, string[]>>> {
  const byPerson = new Map<string, Map<string, string[]>>(ids.map((id) => [id, new Map()]));
  for (const row of await insightsRepository(db).choices(districtId, Q, ids)) {
    const items = byPerson.get(row.respondent_id)!;
    items.set(row.item_id, [...(items.get(row.item_id) ?? []), row.option_id]);
  }
  return byPerson;
}

/** Who has a shared response (the student side's "my teachers may see my answers"). */
async function sharedBy(db: Kysely<Database>, districtId: string, ids: string[]) {
  const rows = await insightsRepository(db).responses(districtId, Q, ids);
  return new Set(rows.filter((r) => r.shared === 1).map((r) => r.respondent_id));
}

async function frequencies(
  db: Kysely<Database>,
  districtId: string,
  schoolId: string | null,
): Promise<Frequencies> {
  if (!schoolId) return { respondents: new Map(), chosen: new Map() };
  const f = await insightsRepository(db).schoolFrequencies(districtId, Q, schoolId);
  return {
    respondents: new Map(f.respondents.map((r) => [r.item_id, Number(r.n)])),
    chosen: new Map(f.chosen.map((r) => [frequencyKey(r.item_id, r.option_id), Number(r.n)])),
  };
}

const answered = (c: Choices | undefined) => c !== undefined && c.size > 0;

/** The top commonalities of a teacher with one of their students (the card's section). */
export async function getStudentCommonalities(
  db: Kysely<Database>,
  ctx: RequestContext,
  studentId: string,
): Promise<StudentCommonalitiesResponse> {
  const { actor } = ctx;
  const { teacherId, student } = await assertTeachesStudent(db, ctx, studentId);
  const choices = await choicesOf(db, actor.districtId, [teacherId, studentId]);
  const shared = await sharedBy(db, actor.districtId, [studentId]);
  const mine = choices.get(teacherId);
  const theirs = shared.has(studentId) ? choices.get(studentId) : undefined;
  const result = {
    studentId,
    teacherAnswered: answered(mine),
    studentShared: answered(theirs),
    commonalities: [] as StudentCommonalitiesResponse['commonalities'],
  };
  if (!answered(mine) || !answered(theirs)) return result;
  const f = await frequencies(db, actor.districtId, student.school_id);
  result.commonalities = topCommonalities(catalogue(), mine!, theirs!, f, actor.locale).map(view);
  return result;
}

const view = (c: { itemId: string; optionId: string; phrase: string }) => ({
  itemId: c.itemId,
  optionId: c.optionId,
  phrase: c.phrase,
});

/** Every student of a class with their top commonalities, and who has not shared answers yet. */
export async function getClassOverview(
  db: Kysely<Database>,
  ctx: RequestContext,
  classId: string,
): Promise<ClassOverviewResponse> {
  const { actor, today } = ctx;
  const { teacherId, cls } = await assertTeachesClass(db, ctx, classId);
  const students = await accessRepository(db).classStudents(actor.districtId, classId, today);
  const ids = students.map((s) => s.id);
  const shared = await sharedBy(db, actor.districtId, ids);
  const choices = await choicesOf(db, actor.districtId, [
    teacherId,
    ...ids.filter((id) => shared.has(id)),
  ]);
  const mine = choices.get(teacherId);
  const items = catalogue();
  const f = answered(mine) ? await frequencies(db, actor.districtId, cls.school_id) : null;
  return {
    classId,
    title: cls.title,
    teacherAnswered: answered(mine),
    students: students.map((s) => {
      const theirs = shared.has(s.id) ? choices.get(s.id) : undefined;
      return {
        studentId: s.id,
        displayName: displayName(s.given_name, s.preferred_name),
        familyName: s.family_name,
        studentShared: answered(theirs),
        commonalities:
          f && answered(theirs)
            ? topCommonalities(items, mine!, theirs!, f, actor.locale).map(view)
            : [],
      };
    }),
  };
}

/** A student's commonalities with each of their teachers, when their school shows them. */
export async function getMyCommonalities(
  db: Kysely<Database>,
  ctx: RequestContext,
): Promise<MyCommonalitiesResponse> {
  const { actor, today } = ctx;
  const studentId = studentOf(actor);
  const repo = insightsRepository(db);
  const me = await repo.person(actor.districtId, studentId);
  const setting = me?.school_id ? await repo.schoolSetting(actor.districtId, me.school_id) : null;
  const own = (await choicesOf(db, actor.districtId, [studentId])).get(studentId);
  if (!me || setting?.students_see_commonalities !== 1)
    return { enabled: false, answered: answered(own), teachers: [] };
  const teachers = new Map<
    string,
    { given_name: string; preferred_name: string | null; family_name: string }
  >();
  for (const t of await repo.studentTeachers(actor.districtId, studentId, today))
    if (!teachers.has(t.id)) teachers.set(t.id, t);
  const ids = [...teachers.keys()];
  const shared = await sharedBy(db, actor.districtId, ids);
  const choices = await choicesOf(
    db,
    actor.districtId,
    ids.filter((id) => shared.has(id)),
  );
  const f = answered(own) ? await frequencies(db, actor.districtId, me.school_id) : null;
  const items = catalogue();
  return {
    enabled: true,
    answered: answered(own),
    teachers: ids.map((id) => {
      const t = teachers.get(id)!;
      const theirs = choices.get(id);
      return {
        teacherId: id,
        displayName: `${displayName(t.given_name, t.preferred_name)} ${t.family_name}`,
        commonalities:
          f && answered(theirs)
            ? topCommonalities(items, own!, theirs!, f, actor.locale).map(view)
            : [],
      };
    }),
  };
}

export async function getSchoolSettings(
  db: Kysely<Database>,
  ctx: RequestContext,
  schoolId: string,
): Promise<SchoolInsightSettings> {
  await assertManagesSchool(db, ctx, schoolId);
  const row = await insightsRepository(db).schoolSetting(ctx.actor.districtId, schoolId);
  return { schoolId, studentsSeeCommonalities: row?.students_see_commonalities === 1 };
}

export async function setSchoolSettings(
  db: Kysely<Database>,
  ctx: RequestContext,
  schoolId: string,
  studentsSeeCommonalities: boolean,
): Promise<SchoolInsightSettings> {
  const { actor, now } = ctx;
  await assertManagesSchool(db, ctx, schoolId);
  await insightsRepository(db).setSchoolSetting(
    actor.districtId,
    schoolId,
    studentsSeeCommonalities,
    actor.accountId,
    now.toISOString(),
  );
  return { schoolId, studentsSeeCommonalities };
}
