// Who may read and write what in know-your-students (issue 5, item 6):
// - a student reads and edits only their own profile and answers (the actor's own person);
// - a teacher reads the shared part of a profile while they share an active class with the
//   student (their own student), and hands out links only for their own students;
// - a leader (principals and counselors come from the roster as leaders) reads the shared part
//   for a student of their school, a district admin for any student of the district; both reads
//   are written to the audit log by the service;
// - a one-time link's session answers the questionnaire it names, as the student it was made
//   for, and nothing else;
// - nobody else, and nobody in another district, finds the student at all.
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import type { LinkActor } from '../../platform/links/links.js';
import { accessRepository } from '../../platform/access/access.repository.js';
import type { Database } from '../../platform/db/schema.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors.js';

export type ProfileReadAccess = { as: 'teacher' } | { as: 'leader' | 'district_admin' };

/** The teacher's own student today, or NotFoundError (existence is not revealed). */
export async function authorizeOwnStudent(
  db: Kysely<Database>,
  actor: Actor,
  studentId: string,
  today: string,
): Promise<void> {
  if (actor.role === 'teacher' && actor.personId) {
    const access = accessRepository(db);
    const taught = await access.teacherClassIds(actor.districtId, actor.personId, today);
    const shared = await access.studentsInClasses(actor.districtId, taught, [studentId], today);
    if (shared.length > 0) return;
  }
  throw new NotFoundError('This student');
}

/** May the actor read the shared part of this student's profile, and as whom. */
export async function authorizeProfileRead(
  db: Kysely<Database>,
  actor: Actor,
  studentId: string,
  today: string,
): Promise<ProfileReadAccess> {
  if (actor.role === 'teacher') {
    await authorizeOwnStudent(db, actor, studentId, today);
    return { as: 'teacher' };
  }
  if (actor.role === 'leader' || actor.role === 'district_admin') {
    const student = await accessRepository(db).studentSchool(actor.districtId, studentId);
    if (
      student &&
      (actor.role === 'district_admin' ||
        (actor.schoolId !== null && student.school_id === actor.schoolId))
    )
      return { as: actor.role };
  }
  throw new NotFoundError('This student');
}

/** Who answers a questionnaire: a signed-in student or teacher, about themselves. */
export interface Respondent {
  districtId: string;
  personId: string;
  kind: 'student' | 'teacher';
}

/**
 * The respondent of a questionnaire request: the signed-in student or teacher, or the student a
 * one-time link was made for, while its session lasts and only for the questionnaire it names.
 */
export function respondentOf(
  actor: Actor | null,
  link: LinkActor | null,
  questionnaireId: string,
): Respondent {
  if (actor) {
    if (!actor.personId || (actor.role !== 'student' && actor.role !== 'teacher'))
      throw new ForbiddenError('Only students and teachers answer this questionnaire.');
    return { districtId: actor.districtId, personId: actor.personId, kind: actor.role };
  }
  if (link && link.purpose === 'questionnaire' && link.targetId === questionnaireId)
    return { districtId: link.districtId, personId: link.personId, kind: 'student' };
  throw new ForbiddenError('This link is for another questionnaire.');
}

/** The student whose own profile this is: a signed-in student with a person. */
export function ownStudentOf(actor: Actor): { districtId: string; studentId: string } {
  if (actor.role !== 'student' || !actor.personId)
    throw new ForbiddenError('Only the student edits their own profile.');
  return { districtId: actor.districtId, studentId: actor.personId };
}
