import type { TFunction } from 'i18next';
import type { HiddenView } from '../../../../contracts/survey-reports.js';

/** "fewer than 5", or why a group that is not small is hidden: never a number of respondents. */
export function hiddenText(h: HiddenView, t: TFunction): string {
  return h.reason === 'small'
    ? t('surveyReports.fewerThan', { minimum: h.minimum })
    : t('surveyReports.protected');
}

export function formatScore(v: number | null | undefined, lang: string): string {
  return v === null || v === undefined
    ? '—'
    : v.toLocaleString(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function formatPercent(v: number | null | undefined, lang: string): string {
  return v === null || v === undefined
    ? '—'
    : v.toLocaleString(lang, { style: 'percent', maximumFractionDigits: 0 });
}
