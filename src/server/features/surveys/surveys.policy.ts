// Who may do what with surveys. Leaders run their school's administrations; district admins any.
// Taking: the person the participation is for, signed in or through a link for that administration.
import type { Actor } from '../../platform/auth/actor.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors.js';
import type { LinkActor } from '../../platform/links/links.js';

/** The school whose administrations this actor manages, or null for the whole district. */
export function managedSchool(actor: Actor): string | null {
  if (actor.role === 'district_admin') return null;
  if (actor.role === 'leader' && actor.schoolId) return actor.schoolId;
  throw new ForbiddenError('Only school leaders and district admins run surveys.');
}

/** Someone answering: a signed-in student or teacher, or a one-time link's session. */
export interface Taker {
  districtId: string;
  personId: string;
  timeZone: string;
  respondent: 'student' | 'teacher';
  /** A link session may only reach its own administration. */
  onlyAdministrationId: string | null;
}

export function takerOf(actor: Actor | null, link: LinkActor | null): Taker {
  if (actor) {
    if (!actor.personId || (actor.role !== 'student' && actor.role !== 'teacher'))
      throw new ForbiddenError('Only students and teachers answer surveys.');
    return {
      districtId: actor.districtId,
      personId: actor.personId,
      timeZone: actor.timeZone,
      respondent: actor.role,
      onlyAdministrationId: null,
    };
  }
  if (link && link.purpose === 'survey')
    return {
      districtId: link.districtId,
      personId: link.personId,
      timeZone: link.timeZone,
      respondent: 'student',
      onlyAdministrationId: link.targetId,
    };
  throw new ForbiddenError();
}

export function assertLinkScope(taker: Taker, administrationId: string): void {
  if (taker.onlyAdministrationId !== null && taker.onlyAdministrationId !== administrationId)
    throw new NotFoundError('This survey');
}
