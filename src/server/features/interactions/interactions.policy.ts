// Who may log for whom: a teacher, for students actively enrolled today in a class they teach.
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { accessRepository } from '../../platform/access/access.repository.js';
import type { Database } from '../../platform/db/schema.js';
import { ForbiddenError } from '../../platform/errors.js';

export interface LoggableStudent {
  classId: string;
  termStart: string;
  termEnd: string;
}

/** For each student, the class they are logged in (the given class, or a shared one), or throws. */
export async function assertMayLog(
  db: Kysely<Database>,
  actor: Actor,
  studentIds: string[],
  classId: string | undefined,
  today: string,
): Promise<Map<string, LoggableStudent>> {
  if (!actor.personId)
    throw new ForbiddenError('Only a teacher with a roster can log interactions.');
  const access = accessRepository(db);
  const rows = await access.studentsTaughtBy(
    actor.districtId,
    actor.personId,
    studentIds,
    today,
    classId,
  );
  const found = new Map<string, LoggableStudent>();
  for (const r of rows) {
    if (!found.has(r.studentId))
      found.set(r.studentId, { classId: r.classId, termStart: r.start_date, termEnd: r.end_date });
  }
  const missing = studentIds.findIndex((id) => !found.has(id));
  if (missing >= 0) {
    // Only on the way to an error: tell a class the teacher does not teach from a student not in it.
    if (
      classId !== undefined &&
      !(await access.teacherClassIds(actor.districtId, actor.personId, today)).includes(classId)
    ) {
      throw new ForbiddenError('You do not teach this class this term.', 'classId');
    }
    const where =
      classId !== undefined
        ? 'is not a student in this class'
        : 'is not a student in any of your classes';
    throw new ForbiddenError(`studentIds[${missing}]: ${where}`, `studentIds[${missing}]`);
  }
  return found;
}
