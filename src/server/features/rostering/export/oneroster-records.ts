// Rows of the roster tables → OneRoster 1.2 CSV records, in ONEROSTER_COLUMNS order. Pure.
// Every record is `active` (a bulk export leaves inactive rows out). dateLastModified is the
// source's own, or, for a row Rapport made, the moment the district was created in Rapport: the
// tables keep no modification time of their own, and a fixed rule keeps two exports of one
// roster identical (docs/decisions/012-oneroster-export.md).
import type { Database } from '../../../platform/db/schema.js';
import {
  decodeExtra,
  type ClassExtra,
  type CourseExtra,
  type PersonExtra,
  type RosterRole,
} from '../roster-extra.js';

export type CsvRecord = string[];

export interface RecordContext {
  /** dateLastModified of rows without a source modification time. */
  fallbackModified: string;
  /** The district org's sourcedId: the org of a role when the person has no school. */
  districtSourcedId: string;
}

/** ISO 8601 UTC with milliseconds; the fallback when absent or unreadable. */
export function modifiedAt(value: string | null | undefined, ctx: RecordContext): string {
  const t = value ? Date.parse(value) : NaN;
  return Number.isNaN(t) ? ctx.fallbackModified : new Date(t).toISOString();
}

const text = (v: string | null | undefined) => v ?? '';
const list = (v: readonly string[] | undefined) => (v ?? []).join(',');
const bool = (v: number | boolean | null | undefined) =>
  v === null || v === undefined ? '' : v ? 'true' : 'false';
const head = (sourcedId: string, modified: string | null | undefined, ctx: RecordContext) => [
  sourcedId,
  'active',
  modifiedAt(modified, ctx),
];

export interface DistrictOrg {
  sourcedId: string;
  name: string;
}

export function districtOrgRecord(d: DistrictOrg, ctx: RecordContext): CsvRecord {
  return [...head(d.sourcedId, null, ctx), d.name, 'district', '', ''];
}

export function orgRecord(
  o: {
    sourcedId: string;
    sourced_id: string | null;
    name: string;
    org_type?: string;
    identifier?: string | null;
    parent_sourced_id?: string | null;
    source_modified_at?: string | null;
  },
  ctx: RecordContext,
): CsvRecord {
  const type = o.org_type ?? 'school';
  // A school made in Rapport belongs to the district; an imported org keeps the parent it came with.
  const parent =
    o.parent_sourced_id ??
    (o.sourced_id === null && type !== 'district' ? ctx.districtSourcedId : '');
  return [
    ...head(o.sourcedId, o.source_modified_at, ctx),
    o.name,
    type,
    text(o.identifier),
    parent,
  ];
}

export function academicSessionRecord(
  t: {
    sourcedId: string;
    name: string;
    session_type?: string;
    start_date: string;
    end_date: string;
    parent_sourced_id?: string | null;
    school_year?: string | null;
    source_modified_at?: string | null;
  },
  ctx: RecordContext,
): CsvRecord {
  return [
    ...head(t.sourcedId, t.source_modified_at, ctx),
    t.name,
    t.session_type ?? 'term',
    t.start_date,
    t.end_date,
    text(t.parent_sourced_id),
    // The school year a session ends in (OneRoster's convention: 2024–25 is "2025").
    t.school_year ?? t.end_date.slice(0, 4),
  ];
}

export function courseRecord(
  c: {
    sourcedId: string;
    orgSourcedId: string;
    title: string;
    code: string | null;
    extra?: string | null;
    source_modified_at?: string | null;
  },
  ctx: RecordContext,
): CsvRecord {
  const x = decodeExtra<CourseExtra>(c.extra, {});
  return [
    ...head(c.sourcedId, c.source_modified_at, ctx),
    text(x.schoolYearSourcedId),
    c.title,
    text(c.code),
    list(x.grades),
    c.orgSourcedId,
    list(x.subjects),
    list(x.subjectCodes),
  ];
}

export function classRecord(
  c: {
    sourcedId: string;
    courseSourcedId: string;
    schoolSourcedId: string;
    termSourcedId: string;
    title: string;
    period: string | null;
    room: string | null;
    extra?: string | null;
    source_modified_at?: string | null;
  },
  ctx: RecordContext,
): CsvRecord {
  const x = decodeExtra<Partial<ClassExtra>>(c.extra, {});
  return [
    ...head(c.sourcedId, c.source_modified_at, ctx),
    c.title,
    list(x.grades),
    c.courseSourcedId,
    text(x.classCode),
    x.classType ?? 'scheduled',
    text(c.room),
    c.schoolSourcedId,
    list(x.termSourcedIds?.length ? x.termSourcedIds : [c.termSourcedId]),
    list(x.subjects),
    list(x.subjectCodes),
    list(x.periods ?? (c.period ? [c.period] : [])),
  ];
}

const NO_PERSON_EXTRA: PersonExtra = { enabledUser: true, roles: [] };

export function userRecord(
  p: {
    sourcedId: string;
    username?: string | null;
    given_name: string;
    family_name: string;
    middle_name?: string | null;
    preferred_name: string | null;
    pronouns: string | null;
    identifier?: string | null;
    email: string | null;
    grade: string | null;
    extra?: string | null;
    source_modified_at?: string | null;
    schoolSourcedId: string | null;
  },
  /** sourcedIds of the person's guardians (a student) or wards (a guardian), sorted. */
  linkedAgents: readonly string[],
  ctx: RecordContext,
): CsvRecord {
  const x = decodeExtra(p.extra, NO_PERSON_EXTRA);
  return [
    ...head(p.sourcedId, p.source_modified_at, ctx),
    x.enabledUser ? 'true' : 'false',
    // username is required: a person made in Rapport signs in by email or has none.
    p.username ?? p.email ?? p.sourcedId,
    list(x.userIds),
    p.given_name,
    p.family_name,
    text(p.middle_name),
    text(p.identifier),
    text(p.email),
    text(x.sms),
    text(x.phone),
    list(x.agentSourcedIds?.length ? x.agentSourcedIds : linkedAgents),
    list(x.grades ?? (p.grade ? [p.grade] : [])),
    '', // password: never exported
    text(x.userMasterIdentifier),
    text(p.preferred_name),
    text(x.preferredMiddleName),
    text(x.preferredFamilyName),
    x.primaryOrgSourcedId ?? text(p.schoolSourcedId),
    text(p.pronouns),
  ];
}

const ROLE_OF_KIND: Record<Database['people']['kind'], string> = {
  student: 'student',
  guardian: 'guardian',
  staff: 'teacher',
};

/**
 * One roles.csv record: the person's stored role number `idx`, or (idx -1, a person with no
 * stored role) a primary role derived from their kind at their school, or the district.
 */
export function roleRecord(
  r: {
    role_sid: string;
    idx: number | string;
    kind: Database['people']['kind'];
    extra: string | null;
    user_sid: string;
    school_sid: string | null;
    source_modified_at?: string | null;
  },
  ctx: RecordContext,
): CsvRecord {
  const idx = Number(r.idx);
  const stored = idx >= 0 ? decodeExtra(r.extra, NO_PERSON_EXTRA).roles[idx] : undefined;
  const role: RosterRole = stored ?? {
    roleType: 'primary',
    role: ROLE_OF_KIND[r.kind],
    orgSourcedId: r.school_sid ?? ctx.districtSourcedId,
  };
  return [
    ...head(r.role_sid, r.source_modified_at, ctx),
    r.user_sid,
    role.roleType,
    role.role,
    text(role.beginDate),
    text(role.endDate),
    role.orgSourcedId,
    text(role.userProfileSourcedId),
  ];
}

export function enrollmentRecord(
  e: {
    sourcedId: string;
    classSourcedId: string;
    schoolSourcedId: string;
    userSourcedId: string;
    role: string;
    is_primary?: number | null;
    begin_date: string | null;
    end_date: string | null;
    source_modified_at?: string | null;
  },
  ctx: RecordContext,
): CsvRecord {
  return [
    ...head(e.sourcedId, e.source_modified_at, ctx),
    e.classSourcedId,
    e.schoolSourcedId,
    e.userSourcedId,
    e.role,
    bool(e.is_primary),
    text(e.begin_date),
    text(e.end_date),
  ];
}

export function demographicsRecord(
  d: { sourcedId: string } & Omit<Database['demographics'], 'district_id' | 'person_id' | 'active'>,
  ctx: RecordContext,
): CsvRecord {
  return [
    ...head(d.sourcedId, d.source_modified_at, ctx),
    text(d.birth_date),
    text(d.sex),
    text(d.american_indian_or_alaska_native),
    text(d.asian),
    text(d.black_or_african_american),
    text(d.native_hawaiian_or_other_pacific_islander),
    text(d.white),
    text(d.two_or_more_races),
    text(d.hispanic_or_latino),
    text(d.country_of_birth_code),
    text(d.state_of_birth_abbreviation),
    text(d.city_of_birth),
    text(d.public_school_residence_status),
  ];
}
