// Daily practice belongs to the dyad: a teacher reads and writes it only for a student they
// teach today. Anything else reads as "not found", whether the student exists or not.
import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { accessRepository } from '../../platform/access/access.repository.js';
import type { Database } from '../../platform/db/schema.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors.js';
import { practiceRepository } from './practice.repository.js';

export function teacherOf(actor: Actor): string {
  if (!actor.personId)
    throw new ForbiddenError('Only a teacher with a roster has a daily practice here.');
  return actor.personId;
}

/** The student as the teacher's roster has them today, or NotFoundError. */
export async function assertDyad(
  db: Kysely<Database>,
  actor: Actor,
  studentId: string,
  today: string,
) {
  const rows = await practiceRepository(db).students(actor.districtId, teacherOf(actor), today, {
    studentId,
  });
  const first = rows[0];
  if (!first) throw new NotFoundError('This student');
  return first;
}

export async function assertTeachesClass(
  db: Kysely<Database>,
  actor: Actor,
  classId: string,
  today: string,
) {
  const taught = await accessRepository(db).teacherClassIds(
    actor.districtId,
    teacherOf(actor),
    today,
  );
  if (!taught.includes(classId)) throw new NotFoundError('This class');
}
