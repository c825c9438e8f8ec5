import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KnowStudentsResponse } from '../../../../contracts/know.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useKnowStudents } from '../api/list-know-students.js';

type KnowStudent = KnowStudentsResponse['students'][number];

/**
 * "Getting to know my students", for a teacher: their own questionnaire, and each of their
 * students with where the student's questionnaire stands. `linkFor` renders, per student, the
 * way to hand out a one-time link (the app supplies it).
 */
export function KnowStudentsPage({ linkFor }: { linkFor?: (s: KnowStudent) => ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(t('know.students.title'));
  const students = useKnowStudents();
  return (
    <>
      <PageHeading lead={t('know.students.lead')}>{t('know.students.title')}</PageHeading>
      <section aria-labelledby="know-own-heading">
        <h2 id="know-own-heading">{t('know.students.ownHeading')}</h2>
        <p>{t('know.students.ownLead')}</p>
        <p>
          <Link to="/questionnaire" className="button button-primary">
            {t('know.students.ownAction')}
          </Link>
        </p>
      </section>
      <section aria-labelledby="know-list-heading">
        <h2 id="know-list-heading">{t('know.students.listHeading')}</h2>
        {students.isPending ? (
          <Loading />
        ) : students.isError ? (
          <ErrorAlert error={students.error} onRetry={() => void students.refetch()} />
        ) : students.data.students.length === 0 ? (
          <p>{t('know.students.none')}</p>
        ) : (
          <ul className="plain-list know-student-list">
            {students.data.students.map((s) => (
              <li key={s.id} className="know-student">
                <p className="know-student-name">
                  <Link to={`/students/${encodeURIComponent(s.id)}`}>
                    {s.displayName} {s.familyName}
                  </Link>
                </p>
                <p className="hint">
                  {s.classes.map((c) => c.title).join(', ')} ·{' '}
                  {t(`know.students.status.${s.questionnaire}`)}
                </p>
                {linkFor ? linkFor(s) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
