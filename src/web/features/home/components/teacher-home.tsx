import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { formatDay } from '../../../lib/format.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useTeacherHome } from '../api/get-teacher-home.js';
import { TodayTiles } from './class-list.js';

/**
 * A teacher's home, one phone screen: the classes they meet today, then `practice` (the app puts
 * the week there: who needs them, repairs, their ratio), then `more` (surveys to hand out).
 * Every class this term is on the Classes page (the menu).
 */
export function TeacherHome({
  name,
  practice,
  more,
}: {
  name: string;
  practice?: ReactNode;
  more?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('home.title'));
  const home = useTeacherHome();
  if (home.isPending) return <Loading />;
  if (home.isError) return <ErrorAlert error={home.error} onRetry={() => void home.refetch()} />;
  const { today, isSchoolDay, todaysClasses, classes } = home.data;
  return (
    <div className="teacher-home">
      <PageHeading lead={formatDay(today, i18n.language)}>
        {t('home.teacher.greeting', { name })}
      </PageHeading>
      <section aria-labelledby="today-heading">
        <h2 id="today-heading">{t('home.teacher.today')}</h2>
        {!isSchoolDay ? (
          <p>{t('home.teacher.noSchoolDay')}</p>
        ) : todaysClasses.length === 0 ? (
          <p>
            {classes.length === 0 ? t('home.teacher.noClasses') : t('home.teacher.noClassesToday')}{' '}
            {classes.length > 0 ? <Link to="/classes">{t('home.teacher.allClasses')}</Link> : null}
          </p>
        ) : (
          <TodayTiles classes={todaysClasses} />
        )}
      </section>
      {practice}
      {more}
    </div>
  );
}
