// Who may open a student's card:
// - a teacher, while they share an active class with the student (their own student);
// - a leader, for a student of their school; a district admin, for any student of the
//   district. Both are non-owner reads and are written to the audit log by the service.
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { accessRepository } from '../../platform/access/access.repository.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError } from '../../platform/errors.js';

export type StudentAccess =
  { as: 'teacher'; sharedClassIds: string[] } | { as: 'leader' | 'district_admin' };

export async function authorizeStudentRead(
  db: Kysely<Database>,
  actor: Actor,
  studentId: string,
  today: string,
): Promise<StudentAccess> {
  const access = accessRepository(db);
  if (actor.role === 'teacher' && actor.personId) {
    const taught = await access.teacherClassIds(actor.districtId, actor.personId, today);
    const shared = await access.studentsInClasses(actor.districtId, taught, [studentId], today);
    if (shared.length > 0)
      return { as: 'teacher', sharedClassIds: [...new Set(shared.map((s) => s.class_id))] };
  } else if (actor.role === 'leader' || actor.role === 'district_admin') {
    const student = await access.studentSchool(actor.districtId, studentId);
    if (
      student &&
      (actor.role === 'district_admin' ||
        (actor.schoolId !== null && student.school_id === actor.schoolId))
    ) {
      return { as: actor.role };
    }
  }
  // The same answer whether the student exists elsewhere or not at all.
  throw new NotFoundError('This student');
}
