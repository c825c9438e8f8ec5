// Survey administrations and taking a survey (docs/decisions/014-surveys.md).
import { Type, type Static } from 'typebox';
import { Id, IsoInstant } from './common.js';
import { InstrumentItemView, InstrumentRespondent, SurveyLang } from './instruments.js';

export const SurveyMode = Type.Enum(['anonymous', 'confidential']);
export type SurveyMode = Static<typeof SurveyMode>;
export const WaveName = Type.Enum(['fall', 'winter', 'spring']);
export const SchoolYear = Type.String({ pattern: '^\\d{4}-\\d{4}$' });
const Grade = Type.String({ minLength: 1, maxLength: 8, pattern: '^[A-Za-z0-9]+$' });
const ResponseId = Type.String({ minLength: 36, maxLength: 36 });
/** A leader's own name for an administration; null: the instrument's title. */
const AdministrationTitle = Type.Union([
  Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' }),
  Type.Null(),
]);

export const CreateAdministrationBody = Type.Object(
  {
    instrumentId: Type.String({ minLength: 1, maxLength: 60 }),
    schoolYear: SchoolYear,
    wave: WaveName,
    /** Required for a district admin targeting classes; a leader's is always their school. */
    schoolId: Type.Optional(Type.Union([Id, Type.Null()])),
    opensAt: IsoInstant,
    closesAt: IsoInstant,
    languages: Type.Array(SurveyLang, { minItems: 1, maxItems: 2, uniqueItems: true }),
    mode: SurveyMode,
    classIds: Type.Array(Id, { maxItems: 500, uniqueItems: true }),
    grades: Type.Array(Grade, { maxItems: 20, uniqueItems: true }),
    title: Type.Optional(AdministrationTitle),
  },
  { additionalProperties: false },
);
export type CreateAdministrationBody = Static<typeof CreateAdministrationBody>;

/**
 * An edit: only the fields sent change. Before anyone has answered, everything may; once
 * answers have arrived, the items they answered (the instrument), the promise they answered
 * under (the mode), the opening and the classes or grades that have answers are fixed; once the
 * window has closed, only the title.
 */
export const UpdateAdministrationBody = Type.Object(
  {
    title: Type.Optional(AdministrationTitle),
    instrumentId: Type.Optional(Type.String({ minLength: 1, maxLength: 60 })),
    mode: Type.Optional(SurveyMode),
    opensAt: Type.Optional(IsoInstant),
    closesAt: Type.Optional(IsoInstant),
    classIds: Type.Optional(Type.Array(Id, { maxItems: 500, uniqueItems: true })),
    grades: Type.Optional(Type.Array(Grade, { maxItems: 20, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type UpdateAdministrationBody = Static<typeof UpdateAdministrationBody>;

export const AdministrationParams = Type.Object({ administrationId: Id });

/** A cancelled administration is gone, with every answer it had collected. */
export const CancelAdministrationResponse = Type.Object({
  cancelled: Type.Literal(true),
  /** The responses deleted with it. */
  discardedResponses: Type.Integer(),
});
export type CancelAdministrationResponse = Static<typeof CancelAdministrationResponse>;

export const AdministrationView = Type.Object({
  id: Type.String(),
  instrumentId: Type.String(),
  instrumentTitle: Type.String(),
  /** The administration's own title, or null for the instrument's. */
  title: AdministrationTitle,
  respondent: InstrumentRespondent,
  schoolYear: Type.String(),
  wave: Type.String(),
  schoolId: Type.Union([Type.String(), Type.Null()]),
  opensAt: Type.String(),
  closesAt: Type.String(),
  /** The window as the district's calendar days: its first day and its last (YYYY-MM-DD). */
  firstDay: Type.String(),
  lastDay: Type.String(),
  languages: Type.Array(SurveyLang),
  mode: SurveyMode,
  classIds: Type.Array(Type.String()),
  grades: Type.Array(Type.String()),
  state: Type.Enum(['scheduled', 'open', 'closed']),
  /** Who should answer (student–class pairs for a class instrument). */
  eligible: Type.Integer(),
  started: Type.Integer(),
  finished: Type.Integer(),
  /** Whether this caller may edit, close or cancel it (a leader: not a district-wide one). */
  canManage: Type.Boolean(),
});
export type AdministrationView = Static<typeof AdministrationView>;
export const AdministrationListResponse = Type.Object({
  administrations: Type.Array(AdministrationView),
});
export type AdministrationListResponse = Static<typeof AdministrationListResponse>;

export const ClassOption = Type.Object({
  id: Type.String(),
  title: Type.String(),
  teacher: Type.String(),
});
/** A district admin picks the school first: its classes and grades, or none for district-wide. */
export const AdministrationSetupQuery = Type.Object(
  { schoolId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type AdministrationSetupQuery = Static<typeof AdministrationSetupQuery>;

export const AdministrationSetupResponse = Type.Object({
  /** The schools the caller may run a survey for: a leader's own; every school for an admin. */
  schools: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  /** The school the classes and grades below are of; null: the whole district (no classes). */
  schoolId: Type.Union([Type.String(), Type.Null()]),
  /** A district admin chooses the school (or the whole district); a leader's is fixed. */
  chooseSchool: Type.Boolean(),
  instruments: Type.Array(
    Type.Object({ id: Type.String(), title: Type.String(), respondent: InstrumentRespondent }),
  ),
  classes: Type.Array(ClassOption),
  grades: Type.Array(Type.String()),
  /** The district's time zone: a window opens at the start of its first day there and closes
   * at the end of its last. */
  timeZone: Type.String(),
});
export type AdministrationSetupResponse = Static<typeof AdministrationSetupResponse>;

// ---- Taking a survey (a student, a teacher, or a one-time link's session) ----

export const OpenSurvey = Type.Object({
  administrationId: Type.String(),
  subjectKey: Type.String(),
  title: Type.String(),
  /** What it is about: "Science 7 with Ms Tess", or the school. */
  subjectLabel: Type.String(),
  closesAt: Type.String(),
  /** The last day it can be taken, in the district's calendar (YYYY-MM-DD). */
  lastDay: Type.String(),
  status: Type.Enum(['not-started', 'started', 'finished']),
  mode: SurveyMode,
});
export type OpenSurvey = Static<typeof OpenSurvey>;
export const OpenSurveysResponse = Type.Object({ surveys: Type.Array(OpenSurvey) });
export type OpenSurveysResponse = Static<typeof OpenSurveysResponse>;

export const TakeParams = Type.Object({ administrationId: Id });
export const TakeQuery = Type.Object(
  { subject: Type.String({ maxLength: 64 }), lang: Type.Optional(SurveyLang) },
  { additionalProperties: false },
);
export const TakeSurveyResponse = Type.Object({
  administrationId: Type.String(),
  subjectKey: Type.String(),
  mode: SurveyMode,
  language: SurveyLang,
  languages: Type.Array(SurveyLang),
  title: Type.String(),
  intro: Type.String(),
  items: Type.Array(InstrumentItemView),
  /** Staff of the school, for an "adult at school" item. */
  adults: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  draft: Type.Array(
    Type.Object({
      itemId: Type.String(),
      value: Type.Union([Type.Integer(), Type.Null()]),
      people: Type.Array(Type.String()),
    }),
  ),
  finished: Type.Boolean(),
  /** Confidential class surveys: the student may share their answers with this teacher. */
  canShareWithTeacher: Type.Boolean(),
});
export type TakeSurveyResponse = Static<typeof TakeSurveyResponse>;

export const SaveDraftBody = Type.Object(
  {
    subjectKey: Type.String({ maxLength: 64 }),
    itemId: Type.String({ minLength: 1, maxLength: 60 }),
    value: Type.Union([Type.Integer(), Type.Null()]),
    people: Type.Optional(Type.Array(Id, { maxItems: 5 })),
  },
  { additionalProperties: false },
);
export type SaveDraftBody = Static<typeof SaveDraftBody>;

export const AnswerBody = Type.Object(
  {
    itemId: Type.String({ minLength: 1, maxLength: 60 }),
    value: Type.Number(),
    people: Type.Optional(Type.Array(Id, { maxItems: 5 })),
  },
  { additionalProperties: false },
);
export const SubmitResponseBody = Type.Object(
  {
    /** A random UUID (v4) the device makes once per response; resending it is a no-op. */
    responseId: ResponseId,
    subjectKey: Type.String({ maxLength: 64 }),
    language: SurveyLang,
    answers: Type.Array(AnswerBody, { maxItems: 100 }),
    shareWithTeacher: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SubmitResponseBody = Static<typeof SubmitResponseBody>;
export const SubmitResponseResult = Type.Object({
  responseId: Type.String(),
  submittedWeek: Type.String(),
  /** True when this id had already been submitted: nothing new was written. */
  replayed: Type.Boolean(),
});
export type SubmitResponseResult = Static<typeof SubmitResponseResult>;

// ---- One-time links for a class ----

export const CreateSurveyLinksBody = Type.Object({ classId: Id }, { additionalProperties: false });
export const SurveyLinksResponse = Type.Object({
  links: Type.Array(
    Type.Object({
      studentId: Type.String(),
      name: Type.String(),
      code: Type.String(),
      expiresAt: Type.String(),
    }),
  ),
});
export type SurveyLinksResponse = Static<typeof SurveyLinksResponse>;
