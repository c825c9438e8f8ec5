// Who may log for whom: a teacher, for students actively enrolled in a class they teach today.
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { accessRepository } from '../../platform/access/access.repository.js';
import type { Database } from '../../platform/db/schema.js';
import { ForbiddenError } from '../../platform/errors.js';

/** Resolves the class each student is logged in (the given class, or a shared one) or throws. */
export async function assertMayLog(
  db: Kysely<Database>,
  actor: Actor,
  studentIds: string[],
  classId: string | undefined,
  today: string,
): Promise<Map<string, string>> {
  if (!actor.personId) throw new ForbiddenError('Only a teacher with a roster can log interactions.');
  const access = accessRepository(db);
  const teaching = await access.teacherClassIds(actor.districtId, actor.personId, today);
  if (classId !== undefined && !teaching.includes(classId)) {
    throw new ForbiddenError('You do not teach this class this term.');
  }
  const within = classId !== undefined ? [classId] : teaching;
  const rows = await access.studentsInClasses(actor.districtId, within, studentIds, today);
  const classOf = new Map<string, string>();
  for (const r of rows) if (!classOf.has(r.person_id)) classOf.set(r.person_id, r.class_id);
  studentIds.forEach((id, i) => {
    if (!classOf.has(id)) {
      throw new ForbiddenError(
        `studentIds[${i}]: ${classId !== undefined ? 'is not a student in this class' : 'is not a student in any of your classes'}`,
        `studentIds[${i}]`,
      );
    }
  });
  return classOf;
}
