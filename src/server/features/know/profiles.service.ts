// Student profiles: the student reads and saves their own; a teacher reads the shared part of
// their own students' profiles; a leader or district admin reads the same shared part, and the
// read is audited. Permission is checked before anything about the student is read.
import type { Kysely } from 'kysely';
import type {
  KnowStudentsResponse,
  MyProfileResponse,
  ProfileFieldName,
  QuestionnaireStatus,
  SaveProfileBody,
  StudentProfileResponse,
} from '../../../contracts/know.js';
import { displayName } from '../../../domain/names.js';
import { PROFILE_FIELD_IDS, checkProfile, shownIdentity } from '../../../domain/profiles.js';
import { access, teacherOf } from '../../platform/access/access.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import { recordAudit } from '../../platform/audit/audit.repository.js';
import { GET_TO_KNOW_YOU } from '../../platform/content/questionnaires.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError, ValidationError } from '../../platform/errors.js';
import { ownStudentOf } from './know.policy.js';
import { knowRepository } from './know.repository.js';

const fieldOrder = new Map(PROFILE_FIELD_IDS.map((f, i) => [f, i]));
const byFieldOrder = (a: { field: string }, b: { field: string }) =>
  (fieldOrder.get(a.field as ProfileFieldName) ?? 99) -
  (fieldOrder.get(b.field as ProfileFieldName) ?? 99);

function statusOf(
  response: { submitted_at: string | null; started_at: string | null } | undefined,
): QuestionnaireStatus {
  if (!response || response.started_at === null) return 'not_started';
  return response.submitted_at ? 'submitted' : 'in_progress';
}

export async function getMyProfile(
  db: Kysely<Database>,
  ctx: RequestContext,
): Promise<MyProfileResponse> {
  const { districtId, studentId } = ownStudentOf(ctx.actor);
  const repo = knowRepository(db);
  const person = await repo.person(districtId, studentId);
  if (!person) throw new NotFoundError('Your student record');
  const rows = (await repo.profileFields(districtId, studentId)).sort(byFieldOrder);
  return {
    fields: rows.map((r) => ({
      field: r.field as ProfileFieldName,
      value: r.value,
      shared: r.shared === 1,
    })),
    roster: {
      givenName: person.given_name,
      preferredName: person.preferred_name,
      pronouns: person.pronouns,
    },
    updatedAt: rows.reduce<string | null>(
      (max, r) => (max === null || r.updated_at > max ? r.updated_at : max),
      null,
    ),
  };
}

/** Replaces the student's profile; a field over its limit is refused by name, nothing written. */
export async function saveMyProfile(
  db: Kysely<Database>,
  ctx: RequestContext,
  body: SaveProfileBody,
): Promise<MyProfileResponse> {
  const { districtId, studentId } = ownStudentOf(ctx.actor);
  const checked = checkProfile(body.fields);
  if (!checked.ok) throw new ValidationError(checked.field, checked.reason);
  await db.transaction().execute(async (trx) => {
    await knowRepository(trx).replaceProfile(
      districtId,
      studentId,
      checked.profile.keep,
      ctx.now.toISOString(),
    );
  });
  return getMyProfile(db, ctx);
}

/** The shared part of a student's profile, for their teacher or (audited) a leader. */
export async function getStudentProfile(
  db: Kysely<Database>,
  ctx: RequestContext,
  studentId: string,
): Promise<StudentProfileResponse> {
  const { actor } = ctx;
  const reader = await access(db, ctx).requireStudentReader(studentId);
  if (reader.as !== 'teacher')
    await recordAudit(db, actor, {
      action: 'read',
      subjectType: 'student_profile',
      subjectId: studentId,
    });
  const repo = knowRepository(db);
  const person = await repo.person(actor.districtId, studentId);
  if (!person || person.kind !== 'student') throw new NotFoundError('This student');
  const shared = (await repo.sharedProfileFields(actor.districtId, studentId)).sort(byFieldOrder);
  const sharedMap = Object.fromEntries(shared.map((f) => [f.field, f.value]));
  const identity = shownIdentity(
    {
      givenName: person.given_name,
      preferredName: person.preferred_name,
      pronouns: person.pronouns,
    },
    sharedMap,
  );
  const response = await repo.response(actor.districtId, GET_TO_KNOW_YOU, studentId);
  return {
    studentId,
    displayName: identity.displayName,
    pronouns: identity.pronouns,
    shared: shared.map((f) => ({ field: f.field as ProfileFieldName, value: f.value })),
    questionnaire: statusOf(response),
  };
}

/** The teacher's students today, each with where their questionnaire stands. */
export async function listKnowStudents(
  db: Kysely<Database>,
  ctx: RequestContext,
): Promise<KnowStudentsResponse> {
  const { actor } = ctx;
  const { rows, shared } = await knowRepository(db).teacherStudentsWithStatus(
    actor.districtId,
    teacherOf(actor),
    ctx.today,
    GET_TO_KNOW_YOU,
  );
  const sharedName = new Map(shared.map((s) => [s.student_id, s.value]));
  const students = new Map<string, KnowStudentsResponse['students'][number]>();
  for (const r of rows) {
    let s = students.get(r.id);
    if (!s) {
      s = {
        id: r.id,
        displayName: sharedName.get(r.id) ?? displayName(r.given_name, r.preferred_name),
        familyName: r.family_name,
        classes: [],
        questionnaire: statusOf(r),
      };
      students.set(r.id, s);
    }
    if (!s.classes.some((c) => c.id === r.classId))
      s.classes.push({ id: r.classId, title: r.classTitle });
  }
  return { students: [...students.values()] };
}
