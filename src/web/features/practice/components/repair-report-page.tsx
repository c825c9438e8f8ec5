import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useRepairReport } from '../api/get-repair-report.js';
import { formatDuration } from '../lib/format.js';

/** "How fast I repair": the teacher's own repairs this term. Nobody else sees it. */
export function RepairReportPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('practice.repairs.title'));
  const report = useRepairReport();
  if (report.isPending) return <Loading />;
  if (report.isError)
    return <ErrorAlert error={report.error} onRetry={() => void report.refetch()} />;
  const { closed, open, notNeeded, medianHours } = report.data;
  return (
    <>
      <PageHeading lead={t('practice.repairs.lead')}>{t('practice.repairs.title')}</PageHeading>
      <dl className="figures">
        <div>
          <dt>{t('practice.repairs.closed')}</dt>
          <dd>{closed}</dd>
        </div>
        <div>
          <dt>{t('practice.repairs.open')}</dt>
          <dd>{open}</dd>
        </div>
        <div>
          <dt>{t('practice.repairs.notNeeded')}</dt>
          <dd>{notNeeded}</dd>
        </div>
        <div>
          <dt>{t('practice.repairs.median')}</dt>
          <dd>
            {medianHours === null
              ? t('practice.repairs.noneYet')
              : formatDuration(medianHours, t, i18n.language)}
          </dd>
        </div>
      </dl>
      <p className="hint">{t('practice.repairs.explain')}</p>
      {open > 0 ? (
        <p>
          <Link to="/practice/repairs/open">{t('practice.week.allRepairs', { count: open })}</Link>
        </p>
      ) : null}
      <p>
        <Link to="/">{t('errors.backHome')}</Link>
      </p>
    </>
  );
}
