// Relationship stages (Establish–Maintain–Restore, Cook et al. 2018, extended with
// pre-establish for a history of conflict). Rapport suggests a stage from the dyad's signals
// and says why; the teacher accepts or overrides.
import type { Ratio } from './ratio.js';

export const STAGES = ['pre_establish', 'establish', 'maintain', 'restore'] as const;
export type Stage = (typeof STAGES)[number];

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

/** Fewer interactions than this over the term so far means the relationship is still forming. */
export const FEW_INTERACTIONS = 5;

export interface StageSignals {
  openRepair: boolean;
  /** Positive moments and corrections over the ratio window. */
  window: Ratio;
  conflictHistory: boolean;
  /** All interactions of the dyad this term. */
  interactionsThisTerm: number;
}

export type StageReason =
  | 'open_repair'
  | 'corrections_outnumber_positives'
  | 'conflict_history'
  | 'few_interactions'
  | 'steady';

export interface StageSuggestion {
  stage: Stage;
  reason: StageReason;
}

/**
 * The suggested stage, by precedence: an open repair → restore; corrections outnumbering
 * positives, or a history of conflict → pre-establish; few interactions → establish;
 * otherwise maintain.
 */
export function suggestStage(s: StageSignals): StageSuggestion {
  if (s.openRepair) return { stage: 'restore', reason: 'open_repair' };
  if (s.window.corrections > s.window.positive)
    return { stage: 'pre_establish', reason: 'corrections_outnumber_positives' };
  if (s.conflictHistory) return { stage: 'pre_establish', reason: 'conflict_history' };
  if (s.interactionsThisTerm < FEW_INTERACTIONS)
    return { stage: 'establish', reason: 'few_interactions' };
  return { stage: 'maintain', reason: 'steady' };
}

/** One sentence saying why, in the teacher's language. */
export function explainStage(
  s: StageSuggestion,
  signals: StageSignals,
  locale: 'en' | 'es',
): string {
  const { positive, corrections } = signals.window;
  const en: Record<StageReason, string> = {
    open_repair:
      'A correction or a hard moment has not been repaired yet, so the relationship needs restoring.',
    corrections_outnumber_positives: `Corrections (${corrections}) outnumber positive moments (${positive}) over the last school days, so start as if the relationship were new.`,
    conflict_history:
      'You marked a history of conflict, so begin by building trust before expecting it.',
    few_interactions: `There have been only ${signals.interactionsThisTerm} interactions this term, so the relationship is still being established.`,
    steady: `Positive moments (${positive}) lead corrections (${corrections}) and nothing is waiting for repair, so keep it up.`,
  };
  const es: Record<StageReason, string> = {
    open_repair:
      'Una corrección o un momento difícil aún no se ha reparado, así que la relación necesita restaurarse.',
    corrections_outnumber_positives: `Las correcciones (${corrections}) superan a los momentos positivos (${positive}) en los últimos días de clase, así que conviene empezar como si la relación fuera nueva.`,
    conflict_history:
      'Marcaste un historial de conflicto, así que conviene construir confianza antes de esperarla.',
    few_interactions: `Solo ha habido ${signals.interactionsThisTerm} interacciones este periodo, así que la relación aún se está estableciendo.`,
    steady: `Los momentos positivos (${positive}) superan a las correcciones (${corrections}) y no hay nada pendiente de reparar: sigue así.`,
  };
  return (locale === 'es' ? es : en)[s.reason];
}
