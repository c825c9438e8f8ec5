import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ClassSummary } from '../../../../contracts/classes.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { formatDay } from '../../../lib/format.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useTeacherHome } from '../api/get-teacher-home.js';

function ClassList({
  classes,
  withRatios = false,
}: {
  classes: ClassSummary[];
  withRatios?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <ul className="card-list">
      {classes.map((c) => (
        <li key={c.id} className={withRatios ? 'class-item' : undefined}>
          <Link to={`/classes/${encodeURIComponent(c.id)}`} className="class-link">
            <span className="class-title">{c.title}</span>
            <span className="class-meta">
              {[
                c.period ? t('classInfo.period', { period: c.period }) : null,
                c.room ? t('classInfo.room', { room: c.room }) : null,
                t('classInfo.students', { count: c.studentCount }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </Link>
          {withRatios ? (
            <Link to={`/classes/${encodeURIComponent(c.id)}/ratios`} className="class-ratios-link">
              {t('home.teacher.classRatios')}
              <span className="visually-hidden">
                {' '}
                {t('home.teacher.forClass', { title: c.title })}
              </span>
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * A teacher's home: the classes they meet today first, then `practice` (the app puts the
 * week's practice panel here), then every class this term.
 */
export function TeacherHome({ name, practice }: { name: string; practice?: ReactNode }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('home.title'));
  const home = useTeacherHome();
  if (home.isPending) return <Loading />;
  if (home.isError) return <ErrorAlert error={home.error} onRetry={() => void home.refetch()} />;
  const { today, isSchoolDay, todaysClasses, classes } = home.data;
  return (
    <>
      <PageHeading lead={formatDay(today, i18n.language)}>
        {t('home.teacher.greeting', { name })}
      </PageHeading>
      <section aria-labelledby="today-heading">
        <h2 id="today-heading">{t('home.teacher.today')}</h2>
        {!isSchoolDay ? (
          <p>{t('home.teacher.noSchoolDay')}</p>
        ) : todaysClasses.length === 0 ? (
          <p>{t('home.teacher.noClassesToday')}</p>
        ) : (
          <ClassList classes={todaysClasses} />
        )}
      </section>
      {practice}
      <section aria-labelledby="all-classes-heading">
        <h2 id="all-classes-heading">{t('home.teacher.allClasses')}</h2>
        {classes.length === 0 ? (
          <p>{t('home.teacher.noClasses')}</p>
        ) : (
          <ClassList classes={classes} withRatios />
        )}
      </section>
    </>
  );
}
