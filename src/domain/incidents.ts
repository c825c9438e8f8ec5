// When frustrated, think of several explanations, at least one charitable, before acting
// (reshaping perceptions; empathic discipline, Okonofua et al. 2016). An incident does not
// save without one.

export const MIN_EXPLANATIONS = 2;
export const MAX_EXPLANATIONS = 6;
export const MAX_INCIDENT_TEXT = 2000;
export const MAX_EXPLANATION_TEXT = 500;

export interface IncidentDraft {
  whatHappened: string;
  explanations: ReadonlyArray<{ text: string; charitable: boolean }>;
  nextStep: string;
}

export interface IncidentProblem {
  field: string;
  reason: string;
}

/** The first problem with an incident draft, or null when it may be saved. */
export function incidentProblem(d: IncidentDraft): IncidentProblem | null {
  if (d.whatHappened.trim() === '')
    return { field: 'whatHappened', reason: 'say briefly what happened' };
  const filled = d.explanations.map((e, i) => ({ ...e, i })).filter((e) => e.text.trim() !== '');
  const blank = d.explanations.findIndex((e) => e.text.trim() === '');
  if (blank >= 0)
    return {
      field: `explanations[${blank}].text`,
      reason: 'is empty; remove it or write an explanation',
    };
  if (filled.length < MIN_EXPLANATIONS) {
    return {
      field: 'explanations',
      reason: `needs at least ${MIN_EXPLANATIONS} possible explanations`,
    };
  }
  if (!filled.some((e) => e.charitable)) {
    return {
      field: 'explanations',
      reason:
        'needs at least one charitable explanation (one that assumes the best about the student)',
    };
  }
  if (d.nextStep.trim() === '') return { field: 'nextStep', reason: 'say what you will try next' };
  return null;
}
