import type { Kysely } from 'kysely';
import type { Actor } from '../../platform/auth/actor.js';
import { accessRepository } from '../../platform/access/access.repository.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError } from '../../platform/errors.js';

/** The classes the actor teaches today. */
export async function classesTaughtBy(
  db: Kysely<Database>,
  actor: Actor,
  today: string,
): Promise<string[]> {
  if (!actor.personId) return [];
  return accessRepository(db).teacherClassIds(actor.districtId, actor.personId, today);
}

/** A teacher opens a class only while teaching it; anything else reads as "not found". */
export async function assertTeaches(
  db: Kysely<Database>,
  actor: Actor,
  classId: string,
  today: string,
) {
  const taught = await classesTaughtBy(db, actor, today);
  if (!taught.includes(classId)) throw new NotFoundError('This class');
}
