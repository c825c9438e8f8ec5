// Insights from the get-to-know-you answers: commonalities (teacher and student), perspective
// taking (a teacher's predictions, the reveal, accuracy over time), the teacher's private equity
// lens, and a school's setting for showing students their commonalities.
import { Type, type Static } from 'typebox';
import { Id, IsoDate, IsoInstant } from './common.js';

const Bilingual = Type.Object({ en: Type.String(), es: Type.String() });

export const StudentParams = Type.Object({ studentId: Id });
export const ClassParams = Type.Object({ classId: Id });
export const SchoolParams = Type.Object({ schoolId: Id });
export const PredictionParams = Type.Object({ studentId: Id, itemId: Id });

export const CommonalityView = Type.Object({
  itemId: Type.String(),
  optionId: Type.String(),
  /** In the viewer's language: "You both like basketball". */
  phrase: Type.String(),
});
export type CommonalityView = Static<typeof CommonalityView>;

export const StudentCommonalitiesResponse = Type.Object({
  studentId: Id,
  /** The teacher has answered the questionnaire about themselves. */
  teacherAnswered: Type.Boolean(),
  /** The student answered and lets their teachers see their answers. */
  studentShared: Type.Boolean(),
  commonalities: Type.Array(CommonalityView),
});
export type StudentCommonalitiesResponse = Static<typeof StudentCommonalitiesResponse>;

export const ClassOverviewResponse = Type.Object({
  classId: Id,
  title: Type.String(),
  teacherAnswered: Type.Boolean(),
  students: Type.Array(
    Type.Object({
      studentId: Id,
      displayName: Type.String(),
      familyName: Type.String(),
      studentShared: Type.Boolean(),
      commonalities: Type.Array(CommonalityView),
    }),
  ),
});
export type ClassOverviewResponse = Static<typeof ClassOverviewResponse>;

export const MyCommonalitiesResponse = Type.Object({
  /** The school shows students their commonalities with their teachers. */
  enabled: Type.Boolean(),
  answered: Type.Boolean(),
  teachers: Type.Array(
    Type.Object({
      teacherId: Id,
      displayName: Type.String(),
      commonalities: Type.Array(CommonalityView),
    }),
  ),
});
export type MyCommonalitiesResponse = Static<typeof MyCommonalitiesResponse>;

export const PredictionItem = Type.Object({
  itemId: Type.String(),
  kind: Type.Enum(['multi', 'single']),
  prompt: Bilingual,
  maxChoices: Type.Integer(),
  options: Type.Array(
    Type.Object({
      id: Type.String(),
      label: Bilingual,
      category: Type.Union([Type.Object({ id: Type.String(), label: Bilingual }), Type.Null()]),
    }),
  ),
});
export type PredictionItem = Static<typeof PredictionItem>;

export const PredictionsResponse = Type.Object({
  studentId: Id,
  displayName: Type.String(),
  questionnaireId: Type.String(),
  /** The student's answers can be revealed (they answered and share them). */
  studentShared: Type.Boolean(),
  revealedAt: Type.Union([IsoInstant, Type.Null()]),
  items: Type.Array(PredictionItem),
  predictions: Type.Array(
    Type.Object({
      itemId: Type.String(),
      optionIds: Type.Array(Type.String()),
      /** 0 to 1 after the reveal; null before it or when the student skipped the item. */
      score: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
  /** The student's shared answers to the items above: after the reveal only. */
  actual: Type.Union([
    Type.Array(Type.Object({ itemId: Type.String(), optionIds: Type.Array(Type.String()) })),
    Type.Null(),
  ]),
  accuracy: Type.Union([Type.Number(), Type.Null()]),
});
export type PredictionsResponse = Static<typeof PredictionsResponse>;

export const SavePredictionBody = Type.Object(
  { optionIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 100 }) },
  { additionalProperties: false },
);
export type SavePredictionBody = Static<typeof SavePredictionBody>;

export const AccuracyResponse = Type.Object({
  weeks: Type.Array(
    Type.Object({
      weekStart: IsoDate,
      accuracy: Type.Number(),
      reveals: Type.Integer(),
      predictions: Type.Integer(),
    }),
  ),
  reveals: Type.Array(
    Type.Object({
      studentId: Id,
      displayName: Type.String(),
      revealedOn: IsoDate,
      scoredPredictions: Type.Integer(),
      accuracy: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
});
export type AccuracyResponse = Static<typeof AccuracyResponse>;

const Estimate = Type.Union([
  Type.Object({ ratio: Type.Number(), ci95: Type.Tuple([Type.Number(), Type.Number()]) }),
  Type.Null(),
]);
const Totals = {
  students: Type.Integer(),
  affirmations: Type.Integer(),
  corrections: Type.Integer(),
  correctedStudents: Type.Integer(),
};
export const EquityLensResponse = Type.Object({
  from: Type.Union([IsoDate, Type.Null()]),
  to: IsoDate,
  minimumGroupSize: Type.Integer(),
  totals: Type.Object(Totals),
  dimensions: Type.Array(
    Type.Object({
      dimension: Type.Enum(['sex', 'race_ethnicity']),
      groups: Type.Array(
        Type.Union([
          Type.Object({
            group: Type.String(),
            shown: Type.Literal(true),
            ...Totals,
            affirmationsPerStudent: Type.Union([Type.Number(), Type.Null()]),
            correctionsPerStudent: Type.Union([Type.Number(), Type.Null()]),
            correctionRateRatio: Estimate,
            correctedRiskRatio: Estimate,
          }),
          Type.Object({ group: Type.String(), shown: Type.Literal(false) }),
        ]),
      ),
    }),
  ),
});
export type EquityLensResponse = Static<typeof EquityLensResponse>;

export const SchoolInsightSettings = Type.Object({
  schoolId: Id,
  studentsSeeCommonalities: Type.Boolean(),
});
export type SchoolInsightSettings = Static<typeof SchoolInsightSettings>;
export const SetSchoolInsightSettingsBody = Type.Object(
  { studentsSeeCommonalities: Type.Boolean() },
  { additionalProperties: false },
);
