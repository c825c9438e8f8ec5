// Get-to-know-you questionnaires (issue 5): the shape of the content files in
// content/questionnaires/ (validated at load), and the API's requests and responses.
// The content files' types are src/domain/questionnaires.ts's; these schemas check them.
import { Type, type Static } from 'typebox';
import {
  ITEM_KINDS,
  type CatalogueFile as CatalogueFileShape,
  type QuestionnaireFile as QuestionnaireFileShape,
} from '../domain/questionnaires.js';
import { Id, IsoInstant, type AssertTrue, type SameShape } from './common.js';

// ---- Content files -------------------------------------------------------------------------

/** A content id: lower-case words joined by hyphens, stable across versions. */
const ContentId = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 40 });
/** Every product text in both languages. */
const Bilingual = Type.Object(
  { en: Type.String({ minLength: 1 }), es: Type.String({ minLength: 1 }) },
  { additionalProperties: false },
);
const OptionFile = Type.Object(
  { id: ContentId, label: Bilingual },
  { additionalProperties: false },
);

/** content/questionnaires/catalogues/<id>.json: options in categories, e.g. interests. */
export const CatalogueFile = Type.Object(
  {
    id: ContentId,
    title: Bilingual,
    categories: Type.Array(
      Type.Object(
        { id: ContentId, label: Bilingual, options: Type.Array(OptionFile, { minItems: 1 }) },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
);
export type CatalogueFile = CatalogueFileShape;

export { ITEM_KINDS };

/** content/questionnaires/<id>.json. */
export const QuestionnaireFile = Type.Object(
  {
    id: ContentId,
    version: Type.Integer({ minimum: 1 }),
    title: Bilingual,
    intro: Bilingual,
    teacherIntro: Bilingual,
    citations: Type.Array(Type.String({ minLength: 1 })),
    items: Type.Array(
      Type.Object(
        {
          id: ContentId,
          kind: Type.Enum(ITEM_KINDS),
          prompt: Bilingual,
          /** How a teacher is asked the same item about themselves (defaults to `prompt`). */
          teacherPrompt: Type.Optional(Bilingual),
          hint: Type.Optional(Bilingual),
          /** Options inline, or all the options of a catalogue (by id); never both. */
          options: Type.Optional(Type.Array(OptionFile, { minItems: 2 })),
          catalogue: Type.Optional(ContentId),
          maxChoices: Type.Optional(Type.Integer({ minimum: 1 })),
          /** A free-text answer beside (or, for kind text, instead of) the options. */
          text: Type.Optional(
            Type.Object(
              { label: Bilingual, maxLength: Type.Integer({ minimum: 1, maximum: 500 }) },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
);
export type QuestionnaireFile = QuestionnaireFileShape;

type _QuestionnaireShapes = [
  AssertTrue<SameShape<Static<typeof CatalogueFile>, CatalogueFileShape>>,
  AssertTrue<SameShape<Static<typeof QuestionnaireFile>, QuestionnaireFileShape>>,
];

// ---- API -----------------------------------------------------------------------------------

export const QuestionnaireParams = Type.Object({ questionnaireId: Id });
export const QuestionnaireItemParams = Type.Object({ questionnaireId: Id, itemId: Id });

const QuestionnaireOptionView = Type.Object({
  id: Type.String(),
  label: Type.String(),
  /** The catalogue category's label, for options that come from a catalogue. */
  category: Type.Union([Type.String(), Type.Null()]),
});

/** One questionnaire in one language, worded for the caller (a student or a teacher). */
export const QuestionnaireView = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  intro: Type.String(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.Enum(ITEM_KINDS),
      prompt: Type.String(),
      hint: Type.Union([Type.String(), Type.Null()]),
      options: Type.Array(QuestionnaireOptionView),
      maxChoices: Type.Integer(),
      text: Type.Union([
        Type.Object({ label: Type.String(), maxLength: Type.Integer() }),
        Type.Null(),
      ]),
    }),
  ),
});
export type QuestionnaireView = Static<typeof QuestionnaireView>;

export const ItemAnswer = Type.Object({
  itemId: Type.String(),
  optionIds: Type.Array(Type.String()),
  text: Type.Union([Type.String(), Type.Null()]),
});
export type ItemAnswer = Static<typeof ItemAnswer>;

export const ResponseProgress = Type.Object({
  answers: Type.Array(ItemAnswer),
  /** The item last answered or skipped: the flow resumes after it. */
  lastItemId: Type.Union([Type.String(), Type.Null()]),
  shared: Type.Boolean(),
  submittedAt: Type.Union([IsoInstant, Type.Null()]),
});
export type ResponseProgress = Static<typeof ResponseProgress>;

export const MyQuestionnaireResponse = Type.Object({
  questionnaire: QuestionnaireView,
  progress: ResponseProgress,
});
export type MyQuestionnaireResponse = Static<typeof MyQuestionnaireResponse>;

/** Save (or clear, with nothing chosen and no text) one item's answer; a skip saves progress only. */
export const SaveAnswerBody = Type.Object(
  {
    optionIds: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100 }),
    // The limit is checked per item (at most 500) by the service, which names it in the error.
    text: Type.Optional(Type.Union([Type.String({ maxLength: 20000 }), Type.Null()])),
    skipped: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SaveAnswerBody = Static<typeof SaveAnswerBody>;

export const SubmitResponseBody = Type.Object(
  { shared: Type.Boolean() },
  { additionalProperties: false },
);
export type SubmitResponseBody = Static<typeof SubmitResponseBody>;
