import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { usePracticeToday } from '../api/get-practice-today.js';
import { formatAge } from '../lib/format.js';

/**
 * Every repair waiting, oldest first: the whole list behind the home's three oldest. Each name
 * leads to the student's page, where the repair is logged. The teacher's own: nobody else sees it.
 */
export function OpenRepairsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('practice.openRepairs.title'));
  const today = usePracticeToday();
  if (today.isPending) return <Loading />;
  if (today.isError) return <ErrorAlert error={today.error} onRetry={() => void today.refetch()} />;
  const repairs = [...today.data.openRepairs].sort((a, b) => b.ageHours - a.ageHours);
  return (
    <>
      <PageHeading lead={t('practice.openRepairs.lead')}>
        {t('practice.openRepairs.title')}
      </PageHeading>
      {repairs.length === 0 ? (
        <p>{t('practice.week.noRepairs')}</p>
      ) : (
        <>
          <p>{t('practice.week.repairsCount', { count: repairs.length })}</p>
          <ol className="plain-list open-repairs" aria-label={t('practice.openRepairs.title')}>
            {repairs.map((r) => (
              <li key={r.studentId}>
                <Link to={`/students/${encodeURIComponent(r.studentId)}`}>{r.displayName}</Link>
                {' — '}
                {t('practice.week.repairAge', { age: formatAge(r.ageHours, t) })}
              </li>
            ))}
          </ol>
        </>
      )}
      <p>
        <Link to="/practice/repairs">{t('practice.week.howFast')}</Link>
      </p>
    </>
  );
}
