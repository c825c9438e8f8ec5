import { Type, type Static } from 'typebox';
import { Id } from './common.js';
import { InteractionView } from './interactions.js';

export const StudentParams = Type.Object({ studentId: Id });

export const StudentCardResponse = Type.Object({
  id: Id,
  displayName: Type.String(),
  familyName: Type.String(),
  pronouns: Type.Union([Type.String(), Type.Null()]),
  grade: Type.Union([Type.String(), Type.Null()]),
  schoolName: Type.Union([Type.String(), Type.Null()]),
  /** Classes the viewer shares with the student (empty for leaders). */
  sharedClasses: Type.Array(Type.Object({ id: Id, title: Type.String() })),
  /** Positive moments and corrections over the last 10 school days: a teacher's own with the
   * student; for a leader or admin, all teachers together. */
  ratio: Type.Object({
    positive: Type.Integer(),
    corrections: Type.Integer(),
    schoolDays: Type.Integer(),
  }),
  /** The viewer's own recent interactions with the student, newest first (teachers only). */
  recent: Type.Array(InteractionView),
});
export type StudentCardResponse = Static<typeof StudentCardResponse>;
