import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { GroupView, ReportResponse } from '../../../../contracts/survey-reports.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { reportPath, useReport } from '../api/get-report.js';
import { formatPercent, formatScore, hiddenText } from './hidden-text.js';
import { ScaleFigure } from './scale-figure.js';

/** A class, teacher or school report of one survey administration. */
export function ReportPage({
  administrationId,
  scope,
  scopeId,
}: {
  administrationId: string;
  scope: string;
  scopeId: string;
}) {
  const { t } = useTranslation();
  useDocumentTitle(t('surveyReports.reportTitle'));
  const report = useReport(administrationId, scope, scopeId);
  if (report.isPending) return <Loading />;
  if (report.isError)
    return <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  return <Report report={report.data} />;
}

function Report({ report }: { report: ReportResponse }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'es' ? 'es' : 'en';
  const a = report.administration;
  const own = report.groups[0]!;
  const csv = `${reportPath(a.id, report.scope.kind, report.scope.id)}/csv`;
  return (
    <>
      <PageHeading
        lead={t('surveyReports.lead', {
          title: a.title[lang],
          wave: t(`surveyReports.waves.${a.waveName}`, { defaultValue: a.waveName }),
          year: a.schoolYear,
        })}
      >
        {report.scope.label}
      </PageHeading>
      <p className="hint">{t('surveyReports.minimumNote', { minimum: report.minimum })}</p>
      <GroupSummary group={own} />
      <section aria-labelledby="scales-heading">
        <h2 id="scales-heading">{t('surveyReports.scales')}</h2>
        {own.scales.map((s, i) => (
          <ScaleFigure key={s.key} groups={report.groups} index={i} />
        ))}
        {report.previous ? (
          <p className="hint">
            {t('surveyReports.changeNote', {
              wave: t(`surveyReports.waves.${report.previous.waveName}`, {
                defaultValue: report.previous.waveName,
              }),
            })}
          </p>
        ) : null}
      </section>
      <section aria-labelledby="items-heading">
        <h2 id="items-heading">{t('surveyReports.items', { group: own.label })}</h2>
        {own.scales.map((s) => (
          <table key={s.key}>
            <caption>{s.title[lang]}</caption>
            <thead>
              <tr>
                <th scope="col">{t('surveyReports.item')}</th>
                <th scope="col" className="num">
                  {t('surveyReports.n')}
                </th>
                <th scope="col" className="num">
                  {t('surveyReports.mean')}
                </th>
                <th scope="col" className="num">
                  {t('surveyReports.favourable')}
                </th>
                {[1, 2, 3, 4, 5].map((o) => (
                  <th key={o} scope="col" className="num">
                    {t('surveyReports.option', { option: o })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {s.figures === null ? (
                <tr>
                  <td colSpan={9}>{hiddenText(s.hidden!, t)}</td>
                </tr>
              ) : (
                s.items.map((it) => (
                  <tr key={it.key}>
                    <th scope="row">{it.text[lang]}</th>
                    {it.figures ? (
                      <>
                        <td className="num">{it.figures.n}</td>
                        <td className="num">{formatScore(it.figures.mean, lang)}</td>
                        <td className="num">{formatPercent(it.figures.favourable, lang)}</td>
                        {it.figures.distribution.map((n, o) => (
                          <td key={o} className="num">
                            {n}
                          </td>
                        ))}
                      </>
                    ) : (
                      <td colSpan={8}>{hiddenText(it.hidden!, t)}</td>
                    )}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        ))}
      </section>
      <p>
        <a href={csv} download>
          {t('surveyReports.downloadCsv')}
        </a>
      </p>
      {report.scope.kind === 'class' ? (
        <p>
          <Link
            to={`/surveys/${encodeURIComponent(a.id)}/gaps/${encodeURIComponent(report.scope.id)}`}
          >
            {t('surveyReports.gapLink')}
          </Link>
        </p>
      ) : null}
      <p>
        <Link to="/surveys">{t('surveyReports.allReports')}</Link>
      </p>
    </>
  );
}

function GroupSummary({ group }: { group: GroupView }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="figures">
      <div>
        <dt>{t('surveyReports.responses')}</dt>
        <dd>{group.hidden ? hiddenText(group.hidden, t) : group.n}</dd>
      </div>
      <div>
        <dt>{t('surveyReports.responseRate')}</dt>
        <dd>{group.hidden ? '—' : formatPercent(group.responseRate, i18n.language)}</dd>
      </div>
    </dl>
  );
}
