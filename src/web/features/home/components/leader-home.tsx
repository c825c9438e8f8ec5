import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useLeaderHome } from '../api/get-leader-home.js';
import { SchoolFigures } from './school-figures.js';

/** A school leader's home: their school's aggregates. */
export function LeaderHome() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  const home = useLeaderHome();
  if (home.isPending) return <Loading />;
  if (home.isError) return <ErrorAlert error={home.error} onRetry={() => void home.refetch()} />;
  const { school } = home.data;
  return (
    <>
      <PageHeading lead={t('home.leader.lead')}>{school.schoolName}</PageHeading>
      <section aria-labelledby="school-figures-heading">
        <h2 id="school-figures-heading">{t('home.leader.figures')}</h2>
        <SchoolFigures school={school} />
      </section>
    </>
  );
}
