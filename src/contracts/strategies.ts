// The strategy library: short, practical texts from content/strategies/<lang>/<slug>.md, each
// linked to the relationship stages it fits (Establish–Maintain–Restore, Cook et al. 2018,
// extended with pre-establish for a history of conflict).
import { Type, type Static } from 'typebox';
import { STAGES, type Stage } from '../domain/stages.js';
import { Locale } from './common.js';

/** The relationship stages (one list, from the domain). */
export const STRATEGY_STAGES = STAGES;
export type StrategyStage = Stage;
export const StrategyStage = Type.Enum(STRATEGY_STAGES);

export const STRATEGY_LANGS = ['en', 'es'] as const;
export type StrategyLang = (typeof STRATEGY_LANGS)[number];

/** Lowercase words joined by hyphens; the file name without `.md`, the same in every language. */
export const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
export const StrategySlug = Type.String({ minLength: 1, maxLength: 80, pattern: SLUG_PATTERN });

export const StrategySummary = Type.Object({
  slug: StrategySlug,
  title: Type.String(),
  /** The stages this strategy fits, in stage order. */
  stages: Type.Array(StrategyStage),
  /** One sentence. */
  summary: Type.String(),
  /** Rough time it costs a teacher, in minutes. */
  minutes: Type.Integer(),
});
export type StrategySummary = Static<typeof StrategySummary>;

export const Strategy = Type.Object({
  slug: StrategySlug,
  lang: Locale,
  title: Type.String(),
  stages: Type.Array(StrategyStage),
  summary: Type.String(),
  minutes: Type.Integer(),
  /** The body rendered to HTML on the server from the library's own Markdown (no raw HTML). */
  html: Type.String(),
  /** The works cited, as reference strings. */
  citations: Type.Array(Type.String()),
});
export type Strategy = Static<typeof Strategy>;

export const StrategyListResponse = Type.Object({
  lang: Locale,
  strategies: Type.Array(StrategySummary),
});
export type StrategyListResponse = Static<typeof StrategyListResponse>;

export const StrategyListQuery = Type.Object(
  {
    /** Only the strategies that fit this stage ("what helps in restore"). */
    stage: Type.Optional(StrategyStage),
    /** Defaults to the caller's locale. */
    lang: Type.Optional(Locale),
  },
  { additionalProperties: false },
);
export type StrategyListQuery = Static<typeof StrategyListQuery>;

export const StrategyQuery = Type.Object(
  { lang: Type.Optional(Locale) },
  { additionalProperties: false },
);
export type StrategyQuery = Static<typeof StrategyQuery>;

export const StrategyParams = Type.Object({ slug: StrategySlug });
export type StrategyParams = Static<typeof StrategyParams>;
