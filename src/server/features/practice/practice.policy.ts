// Daily practice belongs to the dyad: a teacher reads and writes it only for a student they
// teach today (the access module). Anything else reads as "not found".
import type { Kysely } from 'kysely';
import { access } from '../../platform/access/access.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError } from '../../platform/errors.js';
import { practiceRepository } from './practice.repository.js';

/** The student of this dyad as the teacher's roster has them today, or NotFoundError. */
export async function assertDyad(db: Kysely<Database>, ctx: RequestContext, studentId: string) {
  const { teacherId } = await access(db, ctx).requireTeachesStudent(studentId);
  const [first] = await practiceRepository(db).students(
    ctx.actor.districtId,
    teacherId,
    ctx.today,
    { studentId },
  );
  if (!first) throw new NotFoundError('This student');
  return { ...first, teacherId };
}
