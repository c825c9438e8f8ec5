import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DyadResponse } from '../../../../contracts/practice.js';
import { ErrorBoundary } from '../../../components/ui/error-boundary.js';
import { formatShortDay } from '../../../lib/format.js';
import { formatWeekday } from '../lib/format.js';

type Day = DyadResponse['trend'][number];

// Recharts is most of the app's code and only these pages draw charts: it loads with the first
// chart, not with the class view.
const TrendChart = lazy(() => import('./trend-chart.js').then((m) => ({ default: m.TrendChart })));

/**
 * Positive moments and corrections per school day: a bar chart for the eye and, behind it, the
 * same numbers as a table. The chart is hidden from assistive technology (the table carries the
 * data); the figure is named by its caption.
 */
export function RatioTrend({ trend, caption }: { trend: Day[]; caption: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  if (trend.length === 0) return null;
  const positiveLabel = t('practice.trend.positive');
  const correctionsLabel = t('practice.trend.corrections');
  const data = trend.map((d) => ({ ...d, label: formatShortDay(d.date, i18n.language) }));
  return (
    <figure className="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="chart-caption">
        {caption}
      </figcaption>
      <div className="chart-canvas" aria-hidden="true">
        {/* Without the chart's code (offline, say), the table below still has every number. */}
        <ErrorBoundary fallback={null}>
          <Suspense fallback={<div className="chart-placeholder" />}>
            <TrendChart
              data={data}
              positiveLabel={positiveLabel}
              correctionsLabel={correctionsLabel}
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
              <th scope="col">{t('practice.trend.day')}</th>
              <th scope="col" className="num">
                {positiveLabel}
              </th>
              <th scope="col" className="num">
                {correctionsLabel}
              </th>
            </tr>
          </thead>
          <tbody>
            {trend.map((d) => (
              <tr key={d.date}>
                <th scope="row" className="nowrap">
                  <time dateTime={d.date}>{formatWeekday(d.date, i18n.language)}</time>
                </th>
                <td className="num">{d.positive}</td>
                <td className="num">{d.corrections}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
