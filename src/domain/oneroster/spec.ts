// The OneRoster CSV binding as data: which files Rapport reads, each file's columns in order,
// which are required, and what each holds. Versions 1.1 (IMS Final Release, 2017) and 1.2
// (1EdTech OneRoster 1.2.1 CSV Binding, 2023; 1.2 and 1.2.1 share the column lists).

export type OneRosterVersion = '1.1' | '1.2';

/** How a column's value is read. */
export type ValueKind =
  | 'guid' // an identifier: non-empty, no surrounding spaces
  | 'ref' // a reference to another record's sourcedId
  | 'refs' // a comma-separated list of references
  | 'string'
  | 'strings' // a comma-separated list
  | 'date' // YYYY-MM-DD
  | 'datetime' // ISO 8601 with a time zone
  | 'year' // YYYY
  | 'boolean' // true | false
  | 'enum';

export interface ColumnSpec {
  name: string;
  /** yes: always; delta: when the file is a delta; no: optional. */
  required: 'yes' | 'delta' | 'no';
  kind: ValueKind;
  /** The permitted values of an enumeration. */
  values?: readonly string[];
}

/** The files Rapport reads. Others (resources, line items, results...) are reported and skipped. */
export const ROSTER_FILES = [
  'orgs',
  'academicSessions',
  'courses',
  'classes',
  'roles',
  'users',
  'demographics',
  'enrollments',
] as const;
export type RosterFile = (typeof ROSTER_FILES)[number];

export const STATUS = ['active', 'tobedeleted'] as const;
export const ORG_TYPES = [
  'department',
  'school',
  'district',
  'local',
  'state',
  'national',
] as const;
export const SESSION_TYPES = ['gradingPeriod', 'semester', 'schoolYear', 'term'] as const;
export const CLASS_TYPES = ['homeroom', 'scheduled'] as const;
export const USER_ROLES_1_1 = [
  'administrator',
  'aide',
  'guardian',
  'parent',
  'proctor',
  'relative',
  'student',
  'teacher',
] as const;
export const ROLES_1_2 = [
  'aide',
  'counselor',
  'districtAdministrator',
  'guardian',
  'parent',
  'principal',
  'proctor',
  'relative',
  'siteAdministrator',
  'student',
  'systemAdministrator',
  'teacher',
] as const;
export const ENROLLMENT_ROLES = [
  'administrator',
  'proctor',
  'student',
  'teacher',
  // Not in the 1.1 or 1.2 lists, but exported by common systems; kept, never granted access.
  'aide',
  'guardian',
  'parent',
  'relative',
] as const;
export const ROLE_TYPES = ['primary', 'secondary'] as const;
export const SEX_1_1 = ['male', 'female'] as const;
export const SEX_1_2 = ['male', 'female', 'unspecified', 'other'] as const;
const BOOL = ['true', 'false'] as const;

const c = (
  name: string,
  required: ColumnSpec['required'],
  kind: ValueKind,
  values?: readonly string[],
): ColumnSpec => (values ? { name, required, kind, values } : { name, required, kind });

const HEAD = [
  c('sourcedId', 'yes', 'guid'),
  c('status', 'delta', 'enum', STATUS),
  c('dateLastModified', 'delta', 'datetime'),
];

const ORGS = [
  ...HEAD,
  c('name', 'yes', 'string'),
  c('type', 'yes', 'enum', ORG_TYPES),
  c('identifier', 'no', 'string'),
  c('parentSourcedId', 'no', 'ref'),
];
const SESSIONS = [
  ...HEAD,
  c('title', 'yes', 'string'),
  c('type', 'yes', 'enum', SESSION_TYPES),
  c('startDate', 'yes', 'date'),
  c('endDate', 'yes', 'date'),
  c('parentSourcedId', 'no', 'ref'),
  c('schoolYear', 'yes', 'year'),
];
const COURSES = [
  ...HEAD,
  c('schoolYearSourcedId', 'no', 'ref'),
  c('title', 'yes', 'string'),
  c('courseCode', 'no', 'string'),
  c('grades', 'no', 'strings'),
  c('orgSourcedId', 'yes', 'ref'),
  c('subjects', 'no', 'strings'),
  c('subjectCodes', 'no', 'strings'),
];
const CLASSES = [
  ...HEAD,
  c('title', 'yes', 'string'),
  c('grades', 'no', 'strings'),
  c('courseSourcedId', 'yes', 'ref'),
  c('classCode', 'no', 'string'),
  c('classType', 'yes', 'enum', CLASS_TYPES),
  c('location', 'no', 'string'),
  c('schoolSourcedId', 'yes', 'ref'),
  c('termSourcedIds', 'yes', 'refs'),
  c('subjects', 'no', 'strings'),
  c('subjectCodes', 'no', 'strings'),
  c('periods', 'no', 'strings'),
];
const ENROLLMENTS = [
  ...HEAD,
  c('classSourcedId', 'yes', 'ref'),
  c('schoolSourcedId', 'yes', 'ref'),
  c('userSourcedId', 'yes', 'ref'),
  c('role', 'yes', 'enum', ENROLLMENT_ROLES),
  c('primary', 'no', 'enum', BOOL),
  c('beginDate', 'no', 'date'),
  c('endDate', 'no', 'date'),
];
const RACE = [
  'americanIndianOrAlaskaNative',
  'asian',
  'blackOrAfricanAmerican',
  'nativeHawaiianOrOtherPacificIslander',
  'white',
  'demographicRaceTwoOrMoreRaces',
  'hispanicOrLatinoEthnicity',
];
const demographics = (sex: readonly string[]) => [
  ...HEAD,
  c('birthDate', 'no', 'date'),
  c('sex', 'no', 'enum', sex),
  ...RACE.map((name) => c(name, 'no', 'enum', BOOL)),
  c('countryOfBirthCode', 'no', 'string'),
  c('stateOfBirthAbbreviation', 'no', 'string'),
  c('cityOfBirth', 'no', 'string'),
  c('publicSchoolResidenceStatus', 'no', 'string'),
];

const USERS_1_1 = [
  ...HEAD,
  c('enabledUser', 'yes', 'boolean'),
  c('orgSourcedIds', 'yes', 'refs'),
  c('role', 'yes', 'enum', USER_ROLES_1_1),
  c('username', 'yes', 'string'),
  c('userIds', 'no', 'strings'),
  c('givenName', 'yes', 'string'),
  c('familyName', 'yes', 'string'),
  c('middleName', 'no', 'string'),
  c('identifier', 'no', 'string'),
  c('email', 'no', 'string'),
  c('sms', 'no', 'string'),
  c('phone', 'no', 'string'),
  c('agentSourcedIds', 'no', 'refs'),
  c('grades', 'no', 'strings'),
  c('password', 'no', 'string'),
];
const USERS_1_2 = [
  ...HEAD,
  c('enabledUser', 'yes', 'boolean'),
  c('username', 'yes', 'string'),
  c('userIds', 'no', 'strings'),
  c('givenName', 'yes', 'string'),
  c('familyName', 'yes', 'string'),
  c('middleName', 'no', 'string'),
  c('identifier', 'no', 'string'),
  c('email', 'no', 'string'),
  c('sms', 'no', 'string'),
  c('phone', 'no', 'string'),
  c('agentSourcedIds', 'no', 'refs'),
  c('grades', 'no', 'strings'),
  c('password', 'no', 'string'),
  c('userMasterIdentifier', 'no', 'string'),
  c('preferredGivenName', 'no', 'string'),
  c('preferredMiddleName', 'no', 'string'),
  c('preferredFamilyName', 'no', 'string'),
  c('primaryOrgSourcedId', 'no', 'ref'),
  c('pronouns', 'no', 'string'),
];
const ROLES = [
  ...HEAD,
  c('userSourcedId', 'yes', 'ref'),
  c('roleType', 'yes', 'enum', ROLE_TYPES),
  c('role', 'yes', 'enum', ROLES_1_2),
  c('beginDate', 'no', 'date'),
  c('endDate', 'no', 'date'),
  c('orgSourcedId', 'yes', 'ref'),
  c('userProfileSourcedId', 'no', 'ref'),
];

/** The columns of each file Rapport reads, per version; a file missing here is not in that version. */
export const COLUMNS: Record<
  OneRosterVersion,
  Partial<Record<RosterFile, readonly ColumnSpec[]>>
> = {
  '1.1': {
    orgs: ORGS,
    academicSessions: SESSIONS,
    courses: COURSES,
    classes: CLASSES,
    users: USERS_1_1,
    demographics: demographics(SEX_1_1),
    enrollments: ENROLLMENTS,
  },
  '1.2': {
    orgs: ORGS,
    academicSessions: SESSIONS,
    courses: COURSES,
    classes: CLASSES,
    roles: ROLES,
    users: USERS_1_2,
    demographics: demographics(SEX_1_2),
    enrollments: ENROLLMENTS,
  },
};

/** Every file the manifest of each version lists (`file.<name>`), including those Rapport skips. */
export const MANIFEST_FILES: Record<OneRosterVersion, readonly string[]> = {
  '1.1': [
    'academicSessions',
    'categories',
    'classes',
    'classResources',
    'courses',
    'courseResources',
    'demographics',
    'enrollments',
    'lineItems',
    'orgs',
    'resources',
    'results',
    'users',
  ],
  '1.2': [
    'academicSessions',
    'categories',
    'classes',
    'classResources',
    'courses',
    'courseResources',
    'demographics',
    'enrollments',
    'lineItemLearningObjectiveIds',
    'lineItems',
    'lineItemScoreScales',
    'orgs',
    'resources',
    'resultLearningObjectiveIds',
    'results',
    'resultScoreScales',
    'roles',
    'scoreScales',
    'userProfiles',
    'userResources',
    'users',
  ],
};

/** Reads manifest.csv's oneroster.version: 1.1, 1.2 and 1.2.1 are supported. */
export function readVersion(value: string): OneRosterVersion | undefined {
  const v = value.trim();
  if (v === '1.1') return '1.1';
  if (v === '1.2' || v === '1.2.1') return '1.2';
  return undefined;
}
