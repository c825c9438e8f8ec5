// Who may do what with surveys. Running them (leaders their school's administrations, district
// admins any: access.managedSchool) is the access module's rule; this feature's own is taking:
// the person the participation is for, signed in or through a link for that administration.
import { localDate } from '../../../domain/calendar.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import { ForbiddenError, NotFoundError } from '../../platform/errors.js';
import type { LinkActor } from '../../platform/links/links.js';

/** Someone answering: a signed-in student or teacher, or a one-time link's session. */
export interface Taker {
  districtId: string;
  personId: string;
  timeZone: string;
  /** The district's "today" for this request. */
  today: string;
  respondent: 'student' | 'teacher';
  /** A link session may only reach its own administration. */
  onlyAdministrationId: string | null;
}

/** The taker of a request: the signed-in caller's context, or a link session at `now`. */
export function takerOf(ctx: RequestContext | null, link: LinkActor | null, now: Date): Taker {
  if (ctx) {
    const { actor } = ctx;
    if (!actor.personId || (actor.role !== 'student' && actor.role !== 'teacher'))
      throw new ForbiddenError('Only students and teachers answer surveys.');
    return {
      districtId: actor.districtId,
      personId: actor.personId,
      timeZone: actor.timeZone,
      today: ctx.today,
      respondent: actor.role,
      onlyAdministrationId: null,
    };
  }
  if (link && link.purpose === 'survey')
    return {
      districtId: link.districtId,
      personId: link.personId,
      timeZone: link.timeZone,
      // A link session has no signed-in context: its "today" is worked out here, once.
      today: localDate(now, link.timeZone),
      respondent: 'student',
      onlyAdministrationId: link.targetId,
    };
  throw new ForbiddenError();
}

export function assertLinkScope(taker: Taker, administrationId: string): void {
  if (taker.onlyAdministrationId !== null && taker.onlyAdministrationId !== administrationId)
    throw new NotFoundError('This survey');
}
