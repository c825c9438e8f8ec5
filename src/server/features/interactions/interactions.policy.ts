// Who may log for whom: a teacher, for students actively enrolled today in a class they teach.
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { accessRepository } from '../../platform/access/access.repository.js';
import { teacherRosterToday, type RosterPlace } from '../../platform/access/roster-cache.js';
import type { Database } from '../../platform/db/schema.js';
import { ForbiddenError } from '../../platform/errors.js';

/** For each student, where they are logged (the given class, or the first shared one), or throws. */
export async function assertMayLog(
  db: Kysely<Database>,
  actor: Actor,
  studentIds: string[],
  classId: string | undefined,
  today: string,
): Promise<Map<string, RosterPlace>> {
  if (!actor.personId)
    throw new ForbiddenError('Only a teacher with a roster can log interactions.');
  const roster = await teacherRosterToday(db, actor.districtId, actor.personId, today);
  const found = new Map<string, RosterPlace>();
  for (const [i, id] of studentIds.entries()) {
    const places = roster.get(id) ?? [];
    const place = classId === undefined ? places[0] : places.find((p) => p.classId === classId);
    if (place) {
      found.set(id, place);
      continue;
    }
    // Only on the way to an error: tell a class the teacher does not teach from a student not in it.
    if (classId !== undefined) {
      const taught = await accessRepository(db).teacherClassIds(
        actor.districtId,
        actor.personId,
        today,
      );
      if (!taught.includes(classId))
        throw new ForbiddenError('You do not teach this class this term.', 'classId');
    }
    const where =
      classId !== undefined
        ? 'is not a student in this class'
        : 'is not a student in any of your classes';
    throw new ForbiddenError(`studentIds[${i}]: ${where}`, `studentIds[${i}]`);
  }
  return found;
}
