// Who may see and edit the district's calendar: its district admins. The route declares the same
// role; the service asks again before it reads anything, so no other caller path can skip it.
import type { Actor } from '../../platform/auth/actor.js';
import { ForbiddenError } from '../../platform/errors.js';

export function assertManagesCalendar(actor: Actor): void {
  if (actor.role !== 'district_admin')
    throw new ForbiddenError('Only district admins manage the calendar.');
}
