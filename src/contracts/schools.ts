import { Type, type Static } from 'typebox';
import { Id, IsoDate } from './common.js';

/** A school's aggregates: counts only, never a teacher's notes or a student's name. */
export const SchoolOverview = Type.Object({
  schoolId: Id,
  schoolName: Type.String(),
  students: Type.Integer(),
  staff: Type.Integer(),
  window: Type.Object({
    schoolDays: Type.Integer(),
    from: Type.Union([IsoDate, Type.Null()]),
    to: Type.Union([IsoDate, Type.Null()]),
  }),
  positive: Type.Integer(),
  corrections: Type.Integer(),
  /** Staff who logged at least one interaction in the window. */
  staffLogging: Type.Integer(),
  /** Students with no affirmation or warm moment from anyone in the last 5 school days. */
  studentsWithoutPositive: Type.Integer(),
});
export type SchoolOverview = Static<typeof SchoolOverview>;

export const LeaderHomeResponse = Type.Object({ school: SchoolOverview });
export type LeaderHomeResponse = Static<typeof LeaderHomeResponse>;

export const AuditEntryView = Type.Object({
  at: Type.String(),
  actorRole: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Type.Union([Type.String(), Type.Null()]),
});
export type AuditEntryView = Static<typeof AuditEntryView>;

export const AdminHomeResponse = Type.Object({
  districtName: Type.String(),
  schools: Type.Array(SchoolOverview),
  audit: Type.Array(AuditEntryView),
});
export type AdminHomeResponse = Static<typeof AdminHomeResponse>;
