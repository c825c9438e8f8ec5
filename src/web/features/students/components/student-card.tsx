import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { InteractionView } from '../../../../contracts/interactions.js';
import type { StudentCardResponse } from '../../../../contracts/students.js';
import { formatRatio } from '../../../../domain/interaction-kinds.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { formatInstant } from '../../../lib/format.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useStudent } from '../api/get-student.js';

function RecentList({ items }: { items: InteractionView[] }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <p>{t('studentCard.nothingLogged')}</p>;
  return (
    <ul className="recent-list">
      {items.map((it) => (
        <li key={it.id}>
          <span className="recent-kind">{t(`kinds.${it.kind}`)}</span>
          <time dateTime={it.occurredAt} className="recent-when">
            {formatInstant(it.occurredAt, i18n.language)}
          </time>
          {it.tag ? <span className="tag">{it.tag}</span> : null}
          {it.note ? <p className="recent-note">{it.note}</p> : null}
        </li>
      ))}
    </ul>
  );
}

function useDetails(s: StudentCardResponse | undefined): string {
  const { t } = useTranslation();
  if (!s) return '';
  return [s.pronouns, s.grade ? t('studentCard.grade', { grade: s.grade }) : null, s.schoolName]
    .filter(Boolean)
    .join(' · ');
}

function SharedClasses({ s }: { s: StudentCardResponse }) {
  const { t } = useTranslation();
  if (s.sharedClasses.length === 0) return null;
  return (
    <section aria-labelledby="classes-heading">
      <h2 id="classes-heading">{t('studentCard.sharedClasses')}</h2>
      <ul className="link-list">
        {s.sharedClasses.map((c) => (
          <li key={c.id}>
            <Link to={`/classes/${encodeURIComponent(c.id)}`}>{c.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function OwnLog({ s }: { s: StudentCardResponse }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">{t('studentCard.recent')}</h2>
      <RecentList items={s.recent.filter((it) => !it.undone)} />
    </section>
  );
}

/** "she/her · Grade 7 · Lincoln Middle": who the student is, for a heading's lead line. */
export function StudentCardLead({ studentId }: { studentId: string }) {
  const student = useStudent(studentId);
  return <>{useDetails(student.data)}</>;
}

/**
 * The card's parts that another page can show for a student's teacher: the classes they share
 * and the moments the teacher logged recently. Nothing while loading; errors are the page's.
 */
export function StudentCardSections({ studentId }: { studentId: string }) {
  const student = useStudent(studentId);
  if (!student.data) return null;
  return (
    <>
      <SharedClasses s={student.data} />
      <OwnLog s={student.data} />
    </>
  );
}

/**
 * A student's card: who they are, the classes the viewer shares with them, positive moments and
 * corrections over recent school days, and (for their teacher) the moments the teacher logged.
 */
export function StudentCard({ showOwnLog }: { showOwnLog: boolean }) {
  const { studentId = '' } = useParams();
  const { t } = useTranslation();
  const student = useStudent(studentId);
  const details = useDetails(student.data);
  const name = student.data ? `${student.data.displayName} ${student.data.familyName}` : null;
  useDocumentTitle(name ?? t('studentCard.title'));

  if (student.isPending) return <Loading />;
  if (student.isError)
    return <ErrorAlert error={student.error} onRetry={() => void student.refetch()} />;
  const s = student.data;
  const { positive, corrections, schoolDays } = s.ratio;

  return (
    <>
      <PageHeading lead={details}>{name}</PageHeading>

      <section aria-labelledby="ratio-heading">
        <h2 id="ratio-heading">{t('studentCard.ratioHeading')}</h2>
        {schoolDays === 0 ? (
          <p>{t('studentCard.noSchoolDays')}</p>
        ) : (
          <>
            <p className="ratio">
              <span className="ratio-figure">{formatRatio(positive, corrections)}</span>
              <span className="ratio-caption">
                {t('studentCard.ratioCaption', { count: schoolDays })}
              </span>
            </p>
            <dl className="figures compact">
              <div>
                <dt>{t('studentCard.positive')}</dt>
                <dd>{positive}</dd>
              </div>
              <div>
                <dt>{t('studentCard.corrections')}</dt>
                <dd>{corrections}</dd>
              </div>
            </dl>
            <p className="hint">
              {showOwnLog ? t('studentCard.guideTeacher') : t('studentCard.guideAll')}
            </p>
          </>
        )}
      </section>

      <SharedClasses s={s} />
      {showOwnLog ? <OwnLog s={s} /> : null}
    </>
  );
}
