import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { useOpenSurveys } from '../api/get-open-surveys.js';

/**
 * The open surveys of the signed-in student or teacher (a teacher rates each student, or
 * themselves): one line each, with what it is about and when it closes.
 */
export function OpenSurveysSection() {
  const { t, i18n } = useTranslation();
  const open = useOpenSurveys();
  return (
    <section aria-labelledby="open-surveys-h" className="open-surveys">
      <h2 id="open-surveys-h">{t('surveys.open.title')}</h2>
      {open.isPending ? (
        <Loading />
      ) : open.isError ? (
        <ErrorAlert error={open.error} onRetry={() => void open.refetch()} />
      ) : open.data.surveys.length === 0 ? (
        <p>{t('surveys.open.none')}</p>
      ) : (
        <ul className="open-surveys-list">
          {open.data.surveys.map((s) => {
            // The last day it can be taken, in the district's calendar.
            const closes = new Intl.DateTimeFormat(i18n.language, {
              month: 'long',
              day: 'numeric',
              timeZone: 'UTC',
            }).format(new Date(`${s.lastDay}T12:00:00Z`));
            return (
              <li key={`${s.administrationId}/${s.subjectKey}`}>
                {s.status === 'finished' ? (
                  <span>
                    {s.title}
                    {s.subjectLabel ? ` · ${s.subjectLabel}` : ''} — {t('surveys.open.finished')}
                  </span>
                ) : (
                  <Link
                    to={`/surveys/take/${encodeURIComponent(s.administrationId)}?subject=${encodeURIComponent(s.subjectKey)}`}
                  >
                    {s.title}
                    {s.subjectLabel ? ` · ${s.subjectLabel}` : ''}
                  </Link>
                )}{' '}
                <span className="muted">
                  {s.status === 'started' ? `${t('surveys.open.started')} · ` : ''}
                  {t('surveys.open.closes', { date: closes })}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
