import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudentProfileResponse } from '../../../../contracts/know.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { Loading } from '../../../components/ui/loading.js';
import { useStudentProfile } from '../api/get-student-profile.js';

/** Shown apart, first: what the student most wants their teacher to know. */
const HIGHLIGHT = 'teacher_should_know';
/** Name and pronouns are shown with the student's name, not again in the list. */
const IDENTITY = new Set(['preferred_name', 'pronouns']);

function SharedAnswers({ profile }: { profile: StudentProfileResponse }) {
  const { t } = useTranslation();
  const highlight = profile.shared.find((f) => f.field === HIGHLIGHT);
  const rest = profile.shared.filter((f) => f.field !== HIGHLIGHT && !IDENTITY.has(f.field));
  if (!highlight && rest.length === 0)
    return <p>{t('know.card.nothingShared', { name: profile.displayName })}</p>;
  return (
    <>
      {highlight ? (
        <blockquote className="profile-highlight">
          <p className="profile-highlight-label">{t('know.card.wantsYouToKnow')}</p>
          <p>{highlight.value}</p>
        </blockquote>
      ) : null}
      {rest.length > 0 ? (
        <dl className="profile-answers">
          {rest.map((f) => (
            <div key={f.field}>
              <dt>{t(`know.card.fields.${f.field}`)}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </>
  );
}

/**
 * What a student shared with their teachers, on the student's page: "what I want my teacher to
 * know" first, then the rest; never anything from the roster's demographics. For anyone but the
 * student's teacher the read is recorded, so it waits until they ask for it. `commonalities` is
 * a slot for what the teacher and the student have in common (another feature's).
 */
export function StudentProfilePanel({
  studentId,
  asTeacher,
  commonalities,
}: {
  studentId: string;
  asTeacher: boolean;
  commonalities?: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [opened, setOpened] = useState(asTeacher);
  const profile = useStudentProfile(studentId, opened);
  let body: ReactNode;
  if (!opened)
    body = (
      <>
        <p className="hint">{t('know.card.recordedRead')}</p>
        <Button onClick={() => setOpened(true)}>{t('know.card.show')}</Button>
      </>
    );
  else if (profile.isPending) body = <Loading />;
  else if (profile.isError)
    body = <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  else
    body = (
      <>
        <SharedAnswers profile={profile.data} />
        <p className="hint">{t(`know.card.questionnaire.${profile.data.questionnaire}`)}</p>
      </>
    );
  return (
    <section aria-labelledby={headingId} className="student-profile-panel">
      <h2 id={headingId}>{t('know.card.heading')}</h2>
      {body}
      {commonalities}
    </section>
  );
}
