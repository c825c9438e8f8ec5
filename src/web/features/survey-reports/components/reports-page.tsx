import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useReportList } from '../api/list-reports.js';

/** The survey reports the viewer may open, per closed administration. */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'es' ? 'es' : 'en';
  useDocumentTitle(t('surveyReports.title'));
  const list = useReportList();
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <PageHeading lead={t('surveyReports.listLead')}>{t('surveyReports.title')}</PageHeading>
      {list.data.administrations.length === 0 ? <p>{t('surveyReports.none')}</p> : null}
      {list.data.administrations.map(({ administration: a, reports }) => (
        <section key={a.id} aria-labelledby={`admin-${a.id}`}>
          <h2 id={`admin-${a.id}`}>
            {t('surveyReports.lead', {
              title: a.title[lang],
              wave: t(`surveyReports.waves.${a.waveName}`, { defaultValue: a.waveName }),
              year: a.schoolYear,
            })}
          </h2>
          <ul>
            {reports.map((r) => (
              <li key={`${r.kind}:${r.id}`}>
                <Link
                  to={`/surveys/${encodeURIComponent(a.id)}/${r.kind}/${encodeURIComponent(r.id)}`}
                >
                  {t(`surveyReports.kinds.${r.kind}`, { label: r.label })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** A link to the reports, for home pages. */
export function SurveyReportsLink() {
  const { t } = useTranslation();
  return (
    <p>
      <Link to="/surveys">{t('surveyReports.title')}</Link>
    </p>
  );
}
