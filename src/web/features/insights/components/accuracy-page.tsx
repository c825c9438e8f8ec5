import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { ErrorBoundary } from '../../../components/ui/error-boundary.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { formatDay, formatShortDay } from '../../../lib/format.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useAccuracy } from '../api/get-accuracy.js';

const AccuracyChart = lazy(() =>
  import('./accuracy-chart.js').then((m) => ({ default: m.AccuracyChart })),
);
const percent = (x: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(x);

/** How accurate the teacher's predictions have been, week by week, with the table behind it. */
export function AccuracyPage() {
  const { t, i18n } = useTranslation();
  const title = t('insights.accuracy.title');
  useDocumentTitle(title);
  const accuracy = useAccuracy();
  if (accuracy.isPending) return <Loading />;
  if (accuracy.isError)
    return <ErrorAlert error={accuracy.error} onRetry={() => void accuracy.refetch()} />;
  const { weeks, reveals } = accuracy.data;
  const caption = t('insights.accuracy.caption');
  return (
    <>
      <PageHeading lead={t('insights.accuracy.lead')}>{title}</PageHeading>
      <p className="hint">{t('insights.predict.scoring')}</p>
      {weeks.length === 0 ? (
        <p>{t('insights.accuracy.none')}</p>
      ) : (
        <figure className="chart" aria-labelledby="accuracy-caption">
          <figcaption id="accuracy-caption" className="chart-caption">
            {caption}
          </figcaption>
          <div className="chart-canvas" aria-hidden="true">
            <ErrorBoundary fallback={null}>
              <Suspense fallback={<div className="chart-placeholder" />}>
                <AccuracyChart
                  data={weeks.map((w) => ({
                    label: formatShortDay(w.weekStart, i18n.language),
                    percent: Math.round(w.accuracy * 100),
                  }))}
                />
              </Suspense>
            </ErrorBoundary>
          </div>
          <details className="chart-table">
            <summary>{t('practice.trend.showTable')}</summary>
            <table>
              <caption className="visually-hidden">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('insights.accuracy.week')}</th>
                  <th scope="col" className="num">
                    {t('insights.accuracy.accuracy')}
                  </th>
                  <th scope="col" className="num">
                    {t('insights.accuracy.students')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {weeks.map((w) => (
                  <tr key={w.weekStart}>
                    <th scope="row">
                      <time dateTime={w.weekStart}>
                        {t('insights.accuracy.weekOf', {
                          date: formatDay(w.weekStart, i18n.language),
                        })}
                      </time>
                    </th>
                    <td className="num">{percent(w.accuracy, i18n.language)}</td>
                    <td className="num">{w.reveals}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </figure>
      )}
      {reveals.length > 0 ? (
        <section aria-labelledby="reveals-heading">
          <h2 id="reveals-heading">{t('insights.accuracy.revealsHeading')}</h2>
          <ul className="plain-list">
            {reveals.map((r) => (
              <li key={r.studentId}>
                <Link to={`/students/${encodeURIComponent(r.studentId)}/predict`}>
                  {r.displayName}
                </Link>
                {' — '}
                {r.accuracy === null
                  ? t('insights.predict.noScore')
                  : t('insights.accuracy.revealLine', {
                      value: percent(r.accuracy, i18n.language),
                      date: formatDay(r.revealedOn, i18n.language),
                    })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
