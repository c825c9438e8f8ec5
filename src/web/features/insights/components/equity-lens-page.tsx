import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { EquityLensResponse } from '../../../../contracts/insights.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { ErrorBoundary } from '../../../components/ui/error-boundary.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { formatDay } from '../../../lib/format.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useEquityLens } from '../api/get-equity-lens.js';

const EquityChart = lazy(() =>
  import('./equity-chart.js').then((m) => ({ default: m.EquityChart })),
);

type Dimension = EquityLensResponse['dimensions'][number];
type Group = Dimension['groups'][number];
type Estimate = { ratio: number; ci95: [number, number] } | null;

function useFormat() {
  const { i18n } = useTranslation();
  const two = new Intl.NumberFormat(i18n.language, {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return { num: (x: number | null) => (x === null ? '—' : two.format(x)), two };
}

function EstimateText({ e }: { e: Estimate }) {
  const { t } = useTranslation();
  const { two } = useFormat();
  if (!e) return <>—</>;
  return (
    <>
      {two.format(e.ratio)}
      <span className="table-note">
        {' '}
        {t('insights.equity.interval', { lo: two.format(e.ci95[0]), hi: two.format(e.ci95[1]) })}
      </span>
    </>
  );
}

function DimensionSection({ d }: { d: Dimension }) {
  const { t } = useTranslation();
  const { num } = useFormat();
  const headingId = `equity-${d.dimension}`;
  const name = t(`insights.equity.dimensions.${d.dimension}`);
  const label = (g: Group) =>
    t(`insights.equity.groups.${g.group}` as 'insights.equity.groups.female');
  const bars = d.groups.flatMap((g) =>
    g.shown && g.students > 0
      ? [
          {
            label: label(g),
            affirmations: g.affirmationsPerStudent ?? 0,
            corrections: g.correctionsPerStudent ?? 0,
          },
        ]
      : [],
  );
  const affirmationsLabel = t('insights.equity.affirmationsPerStudent');
  const correctionsLabel = t('insights.equity.correctionsPerStudent');
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <figure className="chart" aria-labelledby={`${headingId}-caption`}>
        <figcaption id={`${headingId}-caption`} className="chart-caption">
          {t('insights.equity.caption', { dimension: name })}
        </figcaption>
        {bars.length > 0 ? (
          <div className="chart-canvas" aria-hidden="true">
            <ErrorBoundary fallback={null}>
              <Suspense fallback={<div className="chart-placeholder" />}>
                <EquityChart
                  data={bars}
                  affirmationsLabel={affirmationsLabel}
                  correctionsLabel={correctionsLabel}
                />
              </Suspense>
            </ErrorBoundary>
          </div>
        ) : null}
        <div
          className="table-scroll"
          role="region"
          aria-labelledby={`${headingId}-table`}
          tabIndex={0}
        >
          <table>
            <caption id={`${headingId}-table`} className="visually-hidden">
              {t('insights.equity.tableCaption', { dimension: name })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('insights.equity.group')}</th>
                <th scope="col" className="num">
                  {t('insights.equity.students')}
                </th>
                <th scope="col" className="num">
                  {affirmationsLabel}
                </th>
                <th scope="col" className="num">
                  {correctionsLabel}
                </th>
                <th scope="col">{t('insights.equity.rateRatio')}</th>
                <th scope="col">{t('insights.equity.riskRatio')}</th>
              </tr>
            </thead>
            <tbody>
              {d.groups.map((g) => (
                <tr key={g.group}>
                  <th scope="row">{label(g)}</th>
                  {!g.shown ? (
                    <td colSpan={5} className="table-note">
                      {t('insights.equity.hidden')}
                    </td>
                  ) : (
                    <>
                      <td className="num">{g.students}</td>
                      <td className="num">{num(g.affirmationsPerStudent)}</td>
                      <td className="num">{num(g.correctionsPerStudent)}</td>
                      <td>
                        <EstimateText e={g.correctionRateRatio} />
                      </td>
                      <td>
                        <EstimateText e={g.correctedRiskRatio} />
                      </td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </figure>
    </section>
  );
}

/**
 * The teacher's private equity lens: how their own affirmations and corrections this term fall
 * across groups of their students, with ratios explained in plain words and small groups hidden.
 */
export function EquityLensPage() {
  const { t, i18n } = useTranslation();
  const title = t('insights.equity.title');
  useDocumentTitle(title);
  const lens = useEquityLens();
  if (lens.isPending) return <Loading />;
  if (lens.isError) return <ErrorAlert error={lens.error} onRetry={() => void lens.refetch()} />;
  const l = lens.data;
  const period = l.from
    ? t('insights.equity.period', {
        from: formatDay(l.from, i18n.language),
        to: formatDay(l.to, i18n.language),
      })
    : '';
  return (
    <>
      <PageHeading lead={t('insights.equity.lead')}>{title}</PageHeading>
      <section aria-labelledby="equity-about">
        <h2 id="equity-about">{t('insights.equity.aboutHeading')}</h2>
        <p>{t('insights.equity.private')}</p>
        <p>{t('insights.equity.ratioMeaning')}</p>
        <p>{t('insights.equity.intervalMeaning')}</p>
        <p>{t('insights.equity.smallGroups', { count: l.minimumGroupSize })}</p>
      </section>
      <p>
        {period}{' '}
        {t('insights.equity.totals', {
          students: l.totals.students,
          affirmations: l.totals.affirmations,
          corrections: l.totals.corrections,
        })}
      </p>
      {l.dimensions.map((d) => (
        <DimensionSection key={d.dimension} d={d} />
      ))}
    </>
  );
}
