import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupView } from '../../../../contracts/survey-reports.js';
import { ErrorBoundary } from '../../../components/ui/error-boundary.js';
import { formatPercent, formatScore, hiddenText } from './hidden-text.js';

const ScaleChart = lazy(() => import('./scale-chart.js').then((m) => ({ default: m.ScaleChart })));

/**
 * One scale across the report's groups: a bar chart of the shown scores for the eye and, behind
 * it, the table with every group (hidden ones say why, without a number).
 */
export function ScaleFigure({ groups, index }: { groups: GroupView[]; index: number }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const lang = i18n.language === 'es' ? 'es' : 'en';
  const first = groups[0]!.scales[index]!;
  const caption = first.title[lang];
  const data = groups
    .filter((g) => g.scales[index]?.figures?.score != null)
    .map((g) => ({ label: g.label, score: g.scales[index]!.figures!.score! }));
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="chart-caption">
        {caption}
      </figcaption>
      {data.length > 0 ? (
        <div className="chart-canvas" aria-hidden="true">
          <ErrorBoundary fallback={null}>
            <Suspense fallback={<div className="chart-placeholder" />}>
              <ScaleChart data={data} />
            </Suspense>
          </ErrorBoundary>
        </div>
      ) : null}
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('surveyReports.group')}</th>
            <th scope="col" className="num">
              {t('surveyReports.n')}
            </th>
            <th scope="col" className="num">
              {t('surveyReports.score')}
            </th>
            <th scope="col" className="num">
              {t('surveyReports.favourable')}
            </th>
            <th scope="col" className="num">
              {t('surveyReports.alpha')}
            </th>
            <th scope="col" className="num">
              {t('surveyReports.change')}
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            const s = g.scales[index]!;
            return (
              <tr key={`${g.kind}:${g.id}`}>
                <th scope="row">{g.label}</th>
                {s.figures ? (
                  <>
                    <td className="num">{s.figures.n}</td>
                    <td className="num">{formatScore(s.figures.score, lang)}</td>
                    <td className="num">{formatPercent(s.figures.favourable, lang)}</td>
                    <td className="num">
                      {s.figures.alphaPairwise
                        ? t('surveyReports.alphaValue', {
                            alpha: formatScore(s.figures.alphaPairwise.alpha, lang),
                            lo: formatScore(s.figures.alphaPairwise.ci95[0], lang),
                            hi: formatScore(s.figures.alphaPairwise.ci95[1], lang),
                          })
                        : '—'}
                    </td>
                    <td className="num">
                      {s.change
                        ? t('surveyReports.changeValue', {
                            difference: formatScore(s.change.difference, lang),
                            lo: formatScore(s.change.ci95[0], lang),
                            hi: formatScore(s.change.ci95[1], lang),
                          })
                        : '—'}
                    </td>
                  </>
                ) : (
                  <td colSpan={5}>{hiddenText(s.hidden!, t)}</td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </figure>
  );
}
