// The rules an administration's window and classes follow, whether it is being created or
// edited (surveys.service.ts, administrations.service.ts).
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { ValidationError } from '../../platform/errors.js';
import { surveysRepository } from './surveys.repository.js';

const MAX_WINDOW_DAYS = 120;

/** The window's rules, shared by creating and editing: a real, future, bounded window. */
export function checkWindow(opensAt: string, closesAt: string, now: Date): void {
  const opens = Date.parse(opensAt);
  const closes = Date.parse(closesAt);
  if (Number.isNaN(opens)) throw new ValidationError('opensAt', 'is not a date and time');
  if (Number.isNaN(closes)) throw new ValidationError('closesAt', 'is not a date and time');
  if (closes <= opens) throw new ValidationError('closesAt', 'must be after opensAt');
  if (closes <= now.getTime()) throw new ValidationError('closesAt', 'is in the past');
  if (closes - opens > MAX_WINDOW_DAYS * 86_400_000)
    throw new ValidationError('closesAt', `a window lasts at most ${MAX_WINDOW_DAYS} days`);
}

/** Every class id names an active class of the school (of the district when schoolId is null). */
export async function checkClasses(
  db: Kysely<Database>,
  districtId: string,
  classIds: string[],
  schoolId: string | null,
): Promise<void> {
  const found = await surveysRepository(db).existingClasses(districtId, classIds, schoolId);
  const missing = classIds.findIndex((id) => !found.some((c) => c.id === id));
  if (missing >= 0)
    throw new ValidationError(
      `classIds[${missing}]`,
      schoolId
        ? 'is not an active class of this school'
        : 'is not an active class of this district',
      missing,
    );
}
