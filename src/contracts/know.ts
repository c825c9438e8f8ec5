// Know your students (issue 5): a student's profile as they edit it, the shared part a teacher
// reads, and a teacher's list of students with where each one stands.
import { Type, type Static } from 'typebox';
import { PROFILE_FIELD_IDS, type ProfileField } from '../domain/profiles.js';
import { Id, IsoInstant, Locale } from './common.js';

/** The profile's fields in order: the domain's list (src/domain/profiles.ts). */
export const PROFILE_FIELD_NAMES = PROFILE_FIELD_IDS;
export const ProfileFieldName = Type.Enum(PROFILE_FIELD_NAMES);
export type ProfileFieldName = ProfileField;

const ProfileAnswer = Type.Object(
  {
    // The per-field limit (60, 40 or 500 characters) is checked by the service, which names it.
    value: Type.String({ maxLength: 20000 }),
    /** The student lets their teachers see this answer. */
    shared: Type.Boolean(),
  },
  { additionalProperties: false },
);

/** The whole profile as the student saves it; a field left out (or blank) is removed. */
export const SaveProfileBody = Type.Object(
  {
    fields: Type.Object(
      Object.fromEntries(PROFILE_FIELD_NAMES.map((f) => [f, Type.Optional(ProfileAnswer)])) as {
        [K in ProfileFieldName]: ReturnType<typeof Type.Optional<typeof ProfileAnswer>>;
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type SaveProfileBody = Static<typeof SaveProfileBody>;

/** The student's own profile: every field they filled in, with their sharing choice. */
export const MyProfileResponse = Type.Object({
  fields: Type.Array(
    Type.Object({ field: ProfileFieldName, value: Type.String(), shared: Type.Boolean() }),
  ),
  /** What the school's roster says, to start from. */
  roster: Type.Object({
    givenName: Type.String(),
    preferredName: Type.Union([Type.String(), Type.Null()]),
    pronouns: Type.Union([Type.String(), Type.Null()]),
  }),
  updatedAt: Type.Union([IsoInstant, Type.Null()]),
});
export type MyProfileResponse = Static<typeof MyProfileResponse>;

export const QuestionnaireStatus = Type.Enum(['not_started', 'in_progress', 'submitted']);
export type QuestionnaireStatus = Static<typeof QuestionnaireStatus>;

export const StudentProfileParams = Type.Object({ studentId: Id });

/** What a teacher (or, audited, a leader) reads: only the answers the student shared. */
export const StudentProfileResponse = Type.Object({
  studentId: Id,
  /** The student's shared preferred name where they gave one, else the roster's. */
  displayName: Type.String(),
  pronouns: Type.Union([Type.String(), Type.Null()]),
  shared: Type.Array(Type.Object({ field: ProfileFieldName, value: Type.String() })),
  questionnaire: QuestionnaireStatus,
});
export type StudentProfileResponse = Static<typeof StudentProfileResponse>;

export const KnowStudentsResponse = Type.Object({
  students: Type.Array(
    Type.Object({
      id: Id,
      displayName: Type.String(),
      familyName: Type.String(),
      classes: Type.Array(Type.Object({ id: Id, title: Type.String() })),
      questionnaire: QuestionnaireStatus,
    }),
  ),
});
export type KnowStudentsResponse = Static<typeof KnowStudentsResponse>;

export const QuestionnaireQuery = Type.Object(
  { lang: Type.Optional(Locale) },
  { additionalProperties: false },
);

/** A one-time link a teacher hands a student to answer the questionnaire without signing in. */
export const QuestionnaireLinkResponse = Type.Object({
  studentId: Id,
  /** The page to open, `/questionnaire/link/<code>`; the web app adds its own origin. */
  path: Type.String(),
  expiresAt: IsoInstant,
});
export type QuestionnaireLinkResponse = Static<typeof QuestionnaireLinkResponse>;

/** Stopping a student's questionnaire link: how many unused links were revoked, sessions ended. */
export const StopQuestionnaireLinkResponse = Type.Object({
  studentId: Id,
  revoked: Type.Integer({ minimum: 0 }),
  sessionsEnded: Type.Integer({ minimum: 0 }),
});
export type StopQuestionnaireLinkResponse = Static<typeof StopQuestionnaireLinkResponse>;
