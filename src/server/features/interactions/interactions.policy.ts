// Where a teacher logs for whom: for students actively enrolled today in a class they teach
// (the access module), in the class given or the first one they share.
import type { Kysely } from 'kysely';
import { access, isTeacher } from '../../platform/access/access.js';
import type { RosterPlace } from '../../platform/access/roster-cache.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import type { Database } from '../../platform/db/schema.js';
import { ForbiddenError } from '../../platform/errors.js';

/** For each student, where they are logged (the given class, or the first shared one), or throws. */
export async function assertMayLog(
  db: Kysely<Database>,
  ctx: RequestContext,
  studentIds: string[],
  classId: string | undefined,
): Promise<Map<string, RosterPlace>> {
  if (!isTeacher(ctx.actor))
    throw new ForbiddenError('Only a teacher with a roster can log interactions.');
  const may = access(db, ctx);
  const roster = await may.loggingPlaces();
  const found = new Map<string, RosterPlace>();
  for (const [i, id] of studentIds.entries()) {
    const places = roster.get(id) ?? [];
    const place = classId === undefined ? places[0] : places.find((p) => p.classId === classId);
    if (place) {
      found.set(id, place);
      continue;
    }
    // Only on the way to an error: tell a class the teacher does not teach from a student not in it.
    if (classId !== undefined && !(await may.teachesClass(classId)))
      throw new ForbiddenError('You do not teach this class this term.', 'classId');
    const where =
      classId !== undefined
        ? 'is not a student in this class'
        : 'is not a student in any of your classes';
    throw new ForbiddenError(`studentIds[${i}]: ${where}`, `studentIds[${i}]`);
  }
  return found;
}
