// Relationship stages (Establish–Maintain–Restore, Cook et al. 2018, extended with
// pre-establish for a history of conflict). Rapport suggests a stage from the dyad's signals
// and says why; the teacher accepts or overrides.
import { TARGET_RATIO, type Ratio } from './ratio.js';

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
  | 'below_five_to_one'
  | 'no_positive_in_window'
  | 'meets_five_to_one';

export interface StageSuggestion {
  stage: Stage;
  reason: StageReason;
}

/**
 * The suggested stage, by precedence:
 * - an open repair → restore;
 * - corrections outnumbering positive moments over the window (a conflictual pattern), or a
 *   history of conflict → pre-establish;
 * - fewer than FEW_INTERACTIONS interactions this term → establish;
 * - fewer than five positive moments for each correction (below 5:1, from 1:1 up), or no
 *   positive moment at all over the window → establish: the relationship is not yet held
 *   steady;
 * - otherwise (at least five positives to each correction, or positives and no correction) →
 *   maintain. The maintain stage is where a relationship is kept at 5:1 (Cook et al. 2018; the
 *   seeds' practitioner guide), so a dyad below that guide is not called "maintain".
 */
export function suggestStage(s: StageSignals): StageSuggestion {
  const { positive, corrections } = s.window;
  if (s.openRepair) return { stage: 'restore', reason: 'open_repair' };
  if (corrections > positive)
    return { stage: 'pre_establish', reason: 'corrections_outnumber_positives' };
  if (s.conflictHistory) return { stage: 'pre_establish', reason: 'conflict_history' };
  if (s.interactionsThisTerm < FEW_INTERACTIONS)
    return { stage: 'establish', reason: 'few_interactions' };
  if (positive < TARGET_RATIO * corrections)
    return { stage: 'establish', reason: 'below_five_to_one' };
  if (positive === 0) return { stage: 'establish', reason: 'no_positive_in_window' };
  return { stage: 'maintain', reason: 'meets_five_to_one' };
}

const en = {
  positives: (n: number) => `${n} positive ${n === 1 ? 'moment' : 'moments'}`,
  corrections: (n: number) => `${n} ${n === 1 ? 'correction' : 'corrections'}`,
  interactions: (n: number) => `${n} ${n === 1 ? 'interaction' : 'interactions'}`,
};
const es = {
  positives: (n: number) => `${n} ${n === 1 ? 'momento positivo' : 'momentos positivos'}`,
  corrections: (n: number) => `${n} ${n === 1 ? 'corrección' : 'correcciones'}`,
  interactions: (n: number) => `${n} ${n === 1 ? 'interacción' : 'interacciones'}`,
};

/**
 * One sentence saying why, in the teacher's language. Every number it states is the signal's
 * own, and every comparison it makes holds for those numbers (property-tested).
 */
export function explainStage(
  s: StageSuggestion,
  signals: StageSignals,
  locale: 'en' | 'es',
): string {
  const { positive: p, corrections: c } = signals.window;
  const n = signals.interactionsThisTerm;
  const t = TARGET_RATIO;
  if (locale === 'es') {
    switch (s.reason) {
      case 'open_repair':
        return 'Una corrección o un momento difícil aún no se ha reparado, así que la relación necesita restaurarse.';
      case 'corrections_outnumber_positives':
        return `Las correcciones (${c}) superan a los momentos positivos (${p}) en los últimos días de clase, así que conviene empezar como si la relación fuera nueva.`;
      case 'conflict_history':
        return 'Marcaste un historial de conflicto, así que conviene construir confianza antes de esperarla.';
      case 'few_interactions':
        return `Solo ha habido ${es.interactions(n)} este periodo, así que la relación aún se está estableciendo.`;
      case 'below_five_to_one':
        return `Hubo ${es.positives(p)} y ${es.corrections(c)} en los últimos días de clase: menos de ${t} momentos positivos por cada corrección, la guía de ${t} : 1 que sostiene una relación, así que sigue construyéndola.`;
      case 'no_positive_in_window':
        return `No hubo ningún momento positivo en los últimos días de clase, así que busca uno para seguir construyendo la relación.`;
      case 'meets_five_to_one':
        return c === 0
          ? `Hubo ${es.positives(p)} y ninguna corrección en los últimos días de clase, y no hay nada pendiente de reparar: sigue así.`
          : `Hubo ${es.positives(p)} y ${es.corrections(c)} en los últimos días de clase: al menos ${t} por cada corrección, la guía de ${t} : 1, y no hay nada pendiente de reparar: sigue así.`;
    }
  }
  switch (s.reason) {
    case 'open_repair':
      return 'A correction or a hard moment has not been repaired yet, so the relationship needs restoring.';
    case 'corrections_outnumber_positives':
      return `Corrections (${c}) outnumber positive moments (${p}) over the last school days, so start as if the relationship were new.`;
    case 'conflict_history':
      return 'You marked a history of conflict, so begin by building trust before expecting it.';
    case 'few_interactions':
      return `There have been only ${en.interactions(n)} this term, so the relationship is still being established.`;
    case 'below_five_to_one':
      return `There were ${en.positives(p)} and ${en.corrections(c)} over the last school days: fewer than ${t} positive moments for each correction, the ${t} : 1 guide that holds a relationship steady, so keep building it.`;
    case 'no_positive_in_window':
      return 'There was no positive moment over the last school days, so find one to keep building the relationship.';
    case 'meets_five_to_one':
      return c === 0
        ? `There were ${en.positives(p)} and no corrections over the last school days, and nothing is waiting for repair, so keep it up.`
        : `There were ${en.positives(p)} and ${en.corrections(c)} over the last school days: at least ${t} for each correction, the ${t} : 1 guide, and nothing is waiting for repair, so keep it up.`;
  }
}
