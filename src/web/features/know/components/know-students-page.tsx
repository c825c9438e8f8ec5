import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KnowStudentsResponse } from '../../../../contracts/know.js';
import { listNames } from '../../../../domain/names.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useKnowStudents } from '../api/list-know-students.js';
import { HandOutLink } from './hand-out-link.js';

/**
 * "Getting to know my students", for a teacher: their own questionnaire, and each of their
 * students with where the student's questionnaire stands and a one-time link to hand out.
 */
export function KnowStudentsPage() {
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
          <StudentList students={students.data.students} />
        )}
      </section>
    </>
  );
}

function StudentList({ students }: { students: KnowStudentsResponse['students'] }) {
  const { t } = useTranslation();
  // The hand-out button names the student by first name: two Lucias need telling apart.
  const shown = listNames(
    students.map((s) => ({ id: s.id, givenName: s.displayName, familyName: s.familyName })),
  );
  return (
    <ul className="plain-list know-student-list">
      {students.map((s) => (
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
          {s.questionnaire !== 'submitted' ? (
            <HandOutLink studentId={s.id} name={shown.get(s.id) ?? s.displayName} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
