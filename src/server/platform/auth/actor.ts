import type { Role } from '../../../contracts/common.js';

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

/** Who may call a route: anyone, any signed-in user, or the listed roles. Every route declares one. */
export type RoutePolicy = 'public' | 'signed-in' | readonly Role[];
