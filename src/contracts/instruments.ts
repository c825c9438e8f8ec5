// Survey instruments as data (content/instruments/*.json), validated at load time against these
// schemas, and the localized view of an instrument a respondent receives.
// The content files' types are src/domain/instruments.ts's; these schemas check them.
import { Type, type Static } from 'typebox';
import {
  OPTION_COUNT,
  SURVEY_LANGS,
  type InstrumentFile as InstrumentFileShape,
  type LocalText as LocalTextShape,
  type OptionSetsFile as OptionSetsFileShape,
  type SurveyLang as SurveyLangShape,
} from '../domain/instruments.js';
import type { AssertTrue, SameShape } from './common.js';

export { OPTION_COUNT, SURVEY_LANGS };
export type SurveyLang = SurveyLangShape;
export const SurveyLang = Type.Enum(SURVEY_LANGS);

const Text = Type.String({ minLength: 1, maxLength: 400 });
export const LocalText = Type.Object({ en: Text, es: Text }, { additionalProperties: false });
export type LocalText = LocalTextShape;

const Labels = Type.Array(Type.String({ minLength: 1, maxLength: 60 }), {
  minItems: OPTION_COUNT,
  maxItems: OPTION_COUNT,
});
export const OptionSetFile = Type.Object(
  { en: Labels, es: Labels },
  { additionalProperties: false },
);
/** content/instruments/response-options.json: option sets by name. */
export const OptionSetsFile = Type.Record(
  Type.String({ pattern: '^[a-z][a-z0-9-]*$' }),
  OptionSetFile,
);
export type OptionSetsFile = OptionSetsFileShape;

const Slug = Type.String({ pattern: '^[a-z][a-z0-9-]*$', maxLength: 60 });

export const InstrumentRespondent = Type.Enum(['student', 'teacher']);
/** What one response is about: a class (and its teacher), the school, a student (a teacher's rating), oneself. */
export const InstrumentAbout = Type.Enum(['class', 'school', 'student', 'self']);
export type InstrumentAbout = Static<typeof InstrumentAbout>;

export const ScaleFile = Type.Object(
  {
    id: Slug,
    title: LocalText,
    /** Which end is favourable: percent favourable counts the top two (high) or bottom two (low) options. */
    favourable: Type.Enum(['high', 'low']),
    /** `<instrument>/<scale>` measuring the same relationship from the other side (the dyad gap). */
    counterpart: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]*/[a-z][a-z0-9-]*$' })),
  },
  { additionalProperties: false },
);

export const ItemFile = Type.Object(
  {
    id: Slug,
    /** rating (default): one of five options. adult: an "adult at school" item, which may also name adults. */
    kind: Type.Optional(Type.Enum(['rating', 'adult'])),
    /** The scale it scores into; an item without one is reported on its own. */
    scale: Type.Optional(Slug),
    options: Slug,
    reverse: Type.Optional(Type.Boolean()),
    text: LocalText,
    namePrompt: Type.Optional(LocalText),
  },
  { additionalProperties: false },
);

export const InstrumentFile = Type.Object(
  {
    id: Slug,
    version: Type.Integer({ minimum: 1 }),
    respondent: InstrumentRespondent,
    about: InstrumentAbout,
    title: LocalText,
    intro: LocalText,
    scales: Type.Array(ScaleFile),
    items: Type.Array(ItemFile, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type InstrumentFile = InstrumentFileShape;

type _InstrumentShapes = [
  AssertTrue<SameShape<Static<typeof LocalText>, LocalTextShape>>,
  AssertTrue<SameShape<Static<typeof OptionSetsFile>, OptionSetsFileShape>>,
  AssertTrue<SameShape<Static<typeof InstrumentFile>, InstrumentFileShape>>,
];

// ---- What the API sends ----

export const InstrumentOption = Type.Object({
  value: Type.Integer({ minimum: 1, maximum: OPTION_COUNT }),
  label: Type.String(),
});
export const InstrumentItemView = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['rating', 'adult']),
  text: Type.String(),
  options: Type.Array(InstrumentOption),
  namePrompt: Type.Optional(Type.String()),
});
export type InstrumentItemView = Static<typeof InstrumentItemView>;

export const InstrumentSummary = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  respondent: InstrumentRespondent,
  about: InstrumentAbout,
  title: Type.String(),
  itemCount: Type.Integer(),
});
export type InstrumentSummary = Static<typeof InstrumentSummary>;
export const InstrumentListResponse = Type.Object({ instruments: Type.Array(InstrumentSummary) });
export type InstrumentListResponse = Static<typeof InstrumentListResponse>;
