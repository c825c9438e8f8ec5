import { Type, type Static } from 'typebox';
import { Id, IsoDate } from './common.js';

export const ClassSummary = Type.Object({
  id: Id,
  title: Type.String(),
  period: Type.Union([Type.String(), Type.Null()]),
  room: Type.Union([Type.String(), Type.Null()]),
  schoolName: Type.String(),
  studentCount: Type.Integer(),
  meetsToday: Type.Boolean(),
});
export type ClassSummary = Static<typeof ClassSummary>;

export const TeacherHomeResponse = Type.Object({
  today: IsoDate,
  isSchoolDay: Type.Boolean(),
  /** Classes meeting today, in period order. */
  todaysClasses: Type.Array(ClassSummary),
  /** Every active class this teacher teaches in the current term. */
  classes: Type.Array(ClassSummary),
});
export type TeacherHomeResponse = Static<typeof TeacherHomeResponse>;

export const TodayCounts = Type.Object({
  affirmation: Type.Integer(),
  warm_moment: Type.Integer(),
  correction: Type.Integer(),
  other: Type.Integer(),
});
export type TodayCounts = Static<typeof TodayCounts>;

export const RosterStudent = Type.Object({
  id: Id,
  /** Preferred name when the student has one. */
  displayName: Type.String(),
  familyName: Type.String(),
  pronouns: Type.Union([Type.String(), Type.Null()]),
  today: TodayCounts,
});
export type RosterStudent = Static<typeof RosterStudent>;

export const ClassViewResponse = Type.Object({
  id: Id,
  title: Type.String(),
  period: Type.Union([Type.String(), Type.Null()]),
  room: Type.Union([Type.String(), Type.Null()]),
  schoolName: Type.String(),
  termName: Type.String(),
  today: IsoDate,
  students: Type.Array(RosterStudent),
});
export type ClassViewResponse = Static<typeof ClassViewResponse>;

export const ClassParams = Type.Object({ classId: Id });
