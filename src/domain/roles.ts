// The roles an account can have in Rapport; contracts/common.ts builds their schema from these.
export const Roles = [
  'district_admin',
  'leader',
  'coach',
  'teacher',
  'student',
  'guardian',
] as const;
export type Role = (typeof Roles)[number];
