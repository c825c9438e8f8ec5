// The OneRoster fields Rapport keeps but does not model, stored as JSON in the `extra` column
// of courses, classes and people. The importer writes them and the exporter reads them back, so
// an export gives back what was imported. Lists keep their order; absent means empty.

export interface CourseExtra {
  schoolYearSourcedId?: string;
  grades?: string[];
  subjects?: string[];
  subjectCodes?: string[];
  /** Created by an import whose classes named a course that no courses.csv had. */
  placeholder?: true;
}

export interface ClassExtra {
  /** Every term the class runs in, as the file lists them; classes.term_id is the first known one. */
  termSourcedIds: string[];
  grades?: string[];
  classCode?: string;
  /** homeroom | scheduled */
  classType: string;
  subjects?: string[];
  subjectCodes?: string[];
  periods?: string[];
}

export interface RosterRole {
  /** roles.csv sourcedId (1.2); absent for a role read from a 1.1 users.csv. */
  sourcedId?: string;
  roleType: 'primary' | 'secondary';
  /** The OneRoster role: teacher, student, administrator, siteAdministrator, guardian, ... */
  role: string;
  orgSourcedId: string;
  beginDate?: string;
  endDate?: string;
  userProfileSourcedId?: string;
}

export interface PersonExtra {
  enabledUser: boolean;
  userIds?: string[];
  sms?: string;
  phone?: string;
  agentSourcedIds?: string[];
  grades?: string[];
  /** Every org of the user, in file order (1.1 orgSourcedIds, or the orgs of 1.2 roles). */
  orgSourcedIds?: string[];
  primaryOrgSourcedId?: string;
  roles: RosterRole[];
  userMasterIdentifier?: string;
  preferredMiddleName?: string;
  preferredFamilyName?: string;
}

/** JSON with keys in a fixed order and empty values left out, so equal extras compare equal. */
export function encodeExtra(extra: object): string {
  const clean: Record<string, unknown> = {};
  for (const key of Object.keys(extra).sort()) {
    const v = (extra as Record<string, unknown>)[key];
    if (v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    clean[key] = v;
  }
  return JSON.stringify(clean);
}

export function decodeExtra<T>(json: string | null | undefined, fallback: T): T {
  if (!json) return fallback;
  return { ...fallback, ...(JSON.parse(json) as Partial<T>) };
}
