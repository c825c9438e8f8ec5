// What a OneRoster role means in Rapport: the kind of person, and the role of their account.
// A roster file never makes anyone a district admin: that is granted inside Rapport only.
import type { Role } from '../roles.js';

export type PersonKind = 'staff' | 'student' | 'guardian';

const GUARDIAN_ROLES = new Set(['guardian', 'parent', 'relative']);
const TEACHING_ROLES = new Set(['teacher', 'aide', 'proctor']);

export function personKind(role: string): PersonKind {
  if (role === 'student') return 'student';
  if (GUARDIAN_ROLES.has(role)) return 'guardian';
  return 'staff';
}

/** Administrators, principals and counselors read school aggregates: the leader role. */
export function accountRole(role: string): Role {
  if (role === 'student') return 'student';
  if (GUARDIAN_ROLES.has(role)) return 'guardian';
  if (TEACHING_ROLES.has(role)) return 'teacher';
  return 'leader';
}

/**
 * Which side of an agentSourcedIds link is the guardian: a student lists their guardians and a
 * guardian lists their children, so either way round; any other pair is not a guardianship.
 */
export function guardianOf(
  first: string | undefined,
  second: string | undefined,
): 'first' | 'second' | null {
  if (first === 'student' && second === 'guardian') return 'second';
  if (first === 'guardian' && second === 'student') return 'first';
  return null;
}
