// A report as CSV: exactly the figures of the report the viewer was given (built from the same
// response object), one row per group and scale, then per item. A hidden figure is a phrase
// ("fewer than 5", "hidden to protect a smaller group"), never a number.
import { stringify } from 'csv-stringify/sync';
import type { HiddenView, ReportResponse } from '../../../contracts/survey-reports.js';

const HEADER = [
  'administration',
  'wave',
  'group_kind',
  'group',
  'responses',
  'invited',
  'response_rate',
  'scale',
  'item',
  'n',
  'score_or_mean',
  'percent_favourable',
  'alpha_pairwise',
  'alpha_pairwise_ci95',
  'alpha_listwise',
  'alpha_listwise_ci95',
  'answers_1',
  'answers_2',
  'answers_3',
  'answers_4',
  'answers_5',
  'change',
  'change_ci95',
];

export function hiddenText(h: HiddenView, locale: 'en' | 'es'): string {
  if (h.reason === 'small')
    return locale === 'es' ? `menos de ${h.minimum}` : `fewer than ${h.minimum}`;
  return locale === 'es'
    ? 'oculto para proteger un grupo más pequeño'
    : 'hidden to protect a smaller group';
}

const fixed = (v: number | null | undefined, digits: number) =>
  v === null || v === undefined ? '' : v.toFixed(digits);
const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '' : (v * 100).toFixed(1);
const ci = (c: [number, number] | null | undefined, digits: number) =>
  c ? `${c[0].toFixed(digits)} to ${c[1].toFixed(digits)}` : '';

export function reportCsv(report: ReportResponse, locale: 'en' | 'es'): string {
  const rows: string[][] = [HEADER];
  const admin = report.administration.title[locale];
  const wave = `${report.administration.waveName} ${report.administration.schoolYear}`;
  for (const g of report.groups) {
    const lead = [admin, wave, g.kind, g.label];
    const groupCells = g.hidden
      ? [hiddenText(g.hidden, locale), '', '']
      : [String(g.n ?? ''), g.invited === null ? '' : String(g.invited), pct(g.responseRate)];
    for (const s of g.scales) {
      const title = s.title[locale];
      if (!s.figures) {
        const text = hiddenText(s.hidden ?? { reason: 'small', minimum: report.minimum }, locale);
        rows.push([...lead, ...groupCells, title, '', text, ...new Array<string>(13).fill('')]);
        continue;
      }
      const f = s.figures;
      rows.push([
        ...lead,
        ...groupCells,
        title,
        '',
        String(f.n),
        fixed(f.score, 2),
        pct(f.favourable),
        fixed(f.alphaPairwise?.alpha, 3),
        ci(f.alphaPairwise?.ci95, 3),
        fixed(f.alphaListwise?.alpha, 3),
        ci(f.alphaListwise?.ci95, 3),
        ...f.distribution.map(String),
        fixed(s.change?.difference, 2),
        ci(s.change?.ci95, 2),
      ]);
      for (const it of s.items) {
        const text = it.text[locale];
        if (!it.figures) {
          rows.push([
            ...lead,
            ...groupCells,
            title,
            text,
            hiddenText(it.hidden!, locale),
            ...new Array<string>(13).fill(''),
          ]);
          continue;
        }
        rows.push([
          ...lead,
          ...groupCells,
          title,
          text,
          String(it.figures.n),
          fixed(it.figures.mean, 2),
          pct(it.figures.favourable),
          '',
          '',
          '',
          '',
          ...it.figures.distribution.map(String),
          '',
          '',
        ]);
      }
    }
  }
  return stringify(rows);
}
