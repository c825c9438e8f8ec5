import type { Role } from '../../../contracts/common.js';
import type { LinkPurpose } from '../../../contracts/links.js';

/** The signed-in caller, as every service sees it. All queries are scoped to actor.districtId. */
export interface Actor {
  accountId: string;
  districtId: string;
  personId: string | null;
  role: Role;
  schoolId: string | null;
  locale: 'en' | 'es';
  /** The district's IANA time zone: what "today" means for this caller. */
  timeZone: string;
  sessionId: string;
  csrfToken: string;
  ip: string;
}

/**
 * Who may call a route: anyone, any signed-in user, the listed roles, or (link) the listed roles
 * and a one-time link's session of that purpose (platform/links). Every route declares one.
 */
export type RoutePolicy =
  | 'public'
  | 'signed-in'
  | readonly Role[]
  | { readonly link: LinkPurpose; readonly roles: readonly Role[] };
