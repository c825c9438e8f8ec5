import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { usePracticeToday } from '../api/get-practice-today.js';
import { OpenRepairsList } from './open-repairs-list.js';

/**
 * Every repair waiting, oldest first: the whole list behind the home's three oldest, each
 * closable as not needed in one tap. Each name leads to the student's page, where the repair is
 * logged. The teacher's own: nobody else sees it.
 */
export function OpenRepairsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('practice.openRepairs.title'));
  const today = usePracticeToday();
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <>
      <PageHeading id="open-repairs-heading" ref={heading} lead={t('practice.openRepairs.lead')}>
        {t('practice.openRepairs.title')}
      </PageHeading>
      {today.isPending ? (
        <Loading />
      ) : today.isError ? (
        <ErrorAlert error={today.error} onRetry={() => void today.refetch()} />
      ) : (
        <>
          {today.data.openRepairs.length > 0 ? (
            <p>{t('practice.week.repairsCount', { count: today.data.openRepairs.length })}</p>
          ) : null}
          <OpenRepairsList
            week={today.data}
            headingId="open-repairs-heading"
            headingRef={heading}
          />
        </>
      )}
      <p>
        <Link to="/practice/repairs">{t('practice.week.howFast')}</Link>
      </p>
    </>
  );
}
