// Who may see what of the insights:
// - commonalities and predictions about a student: only a teacher who teaches the student today
//   (anyone else: "not found", whether the student exists or not);
// - a class overview: only a teacher of the class;
// - the equity lens: only the teacher it is about (their own logs, their own students); no
//   leader, admin or coach route reads it;
// - a student's own commonalities with their teachers: the student, when their school shows them;
// - a school's setting: its leaders, and the district's admins.
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { accessRepository } from '../../platform/access/access.repository.js';
import type { Database } from '../../platform/db/schema.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { insightsRepository } from './insights.repository.js';

export function teacherOf(actor: Actor): string {
  if (actor.role !== 'teacher' || !actor.personId)
    throw new ForbiddenError('Only a teacher with a roster has insights about students here.');
  return actor.personId;
}

export function studentOf(actor: Actor): string {
  if (actor.role !== 'student' || !actor.personId)
    throw new ForbiddenError('Only a student sees their commonalities with their teachers.');
  return actor.personId;
}

/** The student, if this teacher teaches them today; else NotFoundError. */
export async function assertTeachesStudent(
  db: Kysely<Database>,
  actor: Actor,
  studentId: string,
  today: string,
) {
  const teacherId = teacherOf(actor);
  const access = accessRepository(db);
  const taught = await access.teacherClassIds(actor.districtId, teacherId, today);
  const shared = await access.studentsInClasses(actor.districtId, taught, [studentId], today);
  if (shared.length === 0) throw new NotFoundError('This student');
  const student = await insightsRepository(db).person(actor.districtId, studentId);
  if (!student || student.kind !== 'student') throw new NotFoundError('This student');
  return { teacherId, student, classIds: [...new Set(shared.map((s) => s.class_id))] };
}

export async function assertTeachesClass(
  db: Kysely<Database>,
  actor: Actor,
  classId: string,
  today: string,
) {
  const teacherId = teacherOf(actor);
  const taught = await accessRepository(db).teacherClassIds(actor.districtId, teacherId, today);
  if (!taught.includes(classId)) throw new NotFoundError('This class');
  const cls = await insightsRepository(db).classInfo(actor.districtId, classId);
  if (!cls) throw new NotFoundError('This class');
  return { teacherId, cls };
}

/** A leader of the school, or a district admin of its district. */
export async function assertManagesSchool(db: Kysely<Database>, actor: Actor, schoolId: string) {
  const allowed =
    actor.role === 'district_admin' || (actor.role === 'leader' && actor.schoolId === schoolId);
  if (!allowed) throw new NotFoundError('This school');
  if (!(await insightsRepository(db).schoolExists(actor.districtId, schoolId)))
    throw new NotFoundError('This school');
}
