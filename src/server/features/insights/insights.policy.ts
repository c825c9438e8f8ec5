// Who may see what of the insights. Reaching a student or a class (their teacher today) and a
// school (its leaders and the district's admins) are the access module's rules; this feature's
// own are:
// - commonalities, predictions and the class overview are a teacher's, about their own students;
// - the equity lens is only the teacher's it is about (their own logs, their own students); no
//   leader, admin or coach route reads it;
// - a student sees their own commonalities with their teachers, when their school shows them.
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { access } from '../../platform/access/access.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import type { Database } from '../../platform/db/schema.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { insightsRepository } from './insights.repository.js';

export function studentOf(actor: Actor): string {
  if (actor.role !== 'student' || !actor.personId)
    throw new ForbiddenError('Only a student sees their commonalities with their teachers.');
  return actor.personId;
}

/** The student, if this teacher teaches them today; else NotFoundError. */
export async function assertTeachesStudent(
  db: Kysely<Database>,
  ctx: RequestContext,
  studentId: string,
) {
  const { teacherId, sharedClassIds } = await access(db, ctx).requireTeachesStudent(studentId);
  const student = await insightsRepository(db).person(ctx.actor.districtId, studentId);
  if (!student || student.kind !== 'student') throw new NotFoundError('This student');
  return { teacherId, student, classIds: sharedClassIds };
}

/** The class, if this teacher teaches it today; else NotFoundError. */
export async function assertTeachesClass(
  db: Kysely<Database>,
  ctx: RequestContext,
  classId: string,
) {
  const { teacherId } = await access(db, ctx).requireTeachesClass(classId);
  const cls = await insightsRepository(db).classInfo(ctx.actor.districtId, classId);
  if (!cls) throw new NotFoundError('This class');
  return { teacherId, cls };
}

/** A school of the district that this leader leads (or any, for a district admin). */
export async function assertManagesSchool(
  db: Kysely<Database>,
  ctx: RequestContext,
  schoolId: string,
) {
  access(db, ctx).requireLeadsSchool(schoolId);
  if (!(await insightsRepository(db).schoolExists(ctx.actor.districtId, schoolId)))
    throw new NotFoundError('This school');
}
