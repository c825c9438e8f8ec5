import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PracticeTodayResponse } from '../../../../contracts/practice.js';
import { PLAN_SCHOOL_DAYS } from '../../../../domain/two-by-ten.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { LiveMessage } from '../../../components/ui/live-message.js';
import { Loading } from '../../../components/ui/loading.js';
import { useDismissFocus } from '../api/dismiss-focus.js';
import { usePracticeToday } from '../api/get-practice-today.js';
import { useLogMoment } from '../lib/use-log-moment.js';
import { formatAge } from '../lib/format.js';
import { RatioFigure } from './ratio-figure.js';
import { useReasonText } from './focus-reason.js';

const studentPath = (id: string) => `/students/${encodeURIComponent(id)}`;

/**
 * "This week" on a teacher's home: who needs them (at most five, each with the reason), the
 * repairs waiting, today's two-by-ten conversations, and their own ratio beside the research's
 * reference. Private to the teacher: it is their home.
 */
export function PracticePanel() {
  const { t } = useTranslation();
  const today = usePracticeToday();
  return (
    <section aria-labelledby="week-heading" className="practice-panel">
      <h2 id="week-heading">{t('practice.week.heading')}</h2>
      {today.isPending ? (
        <Loading />
      ) : today.isError ? (
        <ErrorAlert error={today.error} onRetry={() => void today.refetch()} />
      ) : (
        <WeekBody week={today.data} />
      )}
    </section>
  );
}

/** How many of the oldest repairs the home lists; the rest are one link away. */
const HOME_REPAIRS = 3;

function WeekBody({ week }: { week: PracticeTodayResponse }) {
  const { t } = useTranslation();
  // Who needs the teacher, the repairs waiting and their ratio fit the first screen of a phone;
  // today's two-by-ten conversations (a form each) follow.
  return (
    <>
      <FocusList week={week} />
      <div className="panel-part week-figures">
        <RepairsSummary repairs={week.openRepairs} />
        <div className="week-figure">
          <h3>{t('practice.week.yourRatio')}</h3>
          <RatioFigure ratio={week.ratio} window={week.window} />
        </div>
      </div>
      {week.planDays.length > 0 ? (
        <div className="panel-part">
          <h3>{t('practice.week.planDays')}</h3>
          <ul className="plain-list">
            {week.planDays.map((d) => (
              <PlanDayItem key={d.planId} day={d} />
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

/** How many repairs are waiting, the three oldest, and the way to all of them. */
function RepairsSummary({ repairs }: { repairs: PracticeTodayResponse['openRepairs'] }) {
  const { t } = useTranslation();
  const oldest = [...repairs].sort((a, b) => b.ageHours - a.ageHours).slice(0, HOME_REPAIRS);
  return (
    <div className="week-figure">
      <h3>
        {repairs.length === 0
          ? t('practice.week.repairs')
          : t('practice.week.repairsCount', { count: repairs.length })}
      </h3>
      {repairs.length === 0 ? (
        <p>{t('practice.week.noRepairs')}</p>
      ) : (
        <>
          <ul className="plain-list compact-list" aria-label={t('practice.week.oldestRepairs')}>
            {oldest.map((r) => (
              <li key={r.studentId}>
                <Link to={studentPath(r.studentId)}>{r.displayName}</Link>
                {' — '}
                {t('practice.week.repairAge', { age: formatAge(r.ageHours, t) })}
              </li>
            ))}
          </ul>
          <p className="compact-links">
            <Link to="/practice/repairs/open">
              {t('practice.week.allRepairs', { count: repairs.length })}
            </Link>
          </p>
        </>
      )}
      <p className="compact-links">
        <Link to="/practice/repairs">{t('practice.week.howFast')}</Link>
      </p>
    </div>
  );
}

function FocusList({ week }: { week: PracticeTodayResponse }) {
  const { t } = useTranslation();
  const reasonText = useReasonText(week);
  const dismiss = useDismissFocus();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  function notThisWeek(studentId: string, name: string) {
    if (dismiss.isPending) return;
    setDismissed(null);
    dismiss.mutate(studentId, {
      onSuccess: () => {
        setDismissed(name);
        // The button that had focus is gone: land on the list's heading, not the page top.
        headingRef.current?.focus();
      },
    });
  }

  return (
    <div className="panel-part">
      <h3 id="focus-heading" ref={headingRef} tabIndex={-1}>
        {t('practice.focus.heading')}
      </h3>
      {week.focus.length === 0 ? (
        <p>{t('practice.focus.empty')}</p>
      ) : (
        <ul className="focus-list" aria-labelledby="focus-heading">
          {week.focus.map((f) => (
            <li key={f.studentId} className="focus-item">
              <span className="focus-text">
                <Link to={studentPath(f.studentId)} className="focus-name">
                  {f.displayName}
                </Link>
                <span className="focus-reason">{reasonText(f)}</span>
              </span>
              <Button
                variant="quiet"
                aria-disabled={dismiss.isPending || undefined}
                onClick={() => notThisWeek(f.studentId, f.displayName)}
              >
                {t('practice.focus.dismiss')}
                <span className="visually-hidden">
                  {' '}
                  {t('practice.focus.dismissFor', { name: f.displayName })}
                </span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {dismiss.isError ? <ErrorAlert error={dismiss.error} /> : null}
      <LiveMessage>
        {dismissed ? t('practice.focus.dismissed', { name: dismissed }) : null}
      </LiveMessage>
    </div>
  );
}

function PlanDayItem({ day }: { day: PracticeTodayResponse['planDays'][number] }) {
  const { t } = useTranslation();
  const [topic, setTopic] = useState('');
  // Logged offline: the day counts once the server has it; until then the item says so.
  const [kept, setKept] = useState(false);
  const log = useLogMoment(day.studentId);
  const topicId = `topic-${day.planId}`;
  return (
    <li className="plan-day-item">
      <p className="plan-day-line">
        <Link to={studentPath(day.studentId)}>{day.displayName}</Link>
        {' — '}
        {t('practice.plan.dayOf', { n: day.dayNumber, total: PLAN_SCHOOL_DAYS })}
      </p>
      {day.done ? (
        <p className="done-note">
          <span aria-hidden="true">✓ </span>
          {t('practice.plan.doneToday')}
        </p>
      ) : kept ? (
        <p className="done-note" role="status">
          {t('practice.plan.keptToday')}
        </p>
      ) : (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!log.isPending)
              log.send('conversation', topic, ({ status }) => setKept(status === 'queued'));
          }}
        >
          <div className="field">
            <label htmlFor={topicId}>{t('practice.plan.topic')}</label>
            <input
              id={topicId}
              value={topic}
              maxLength={200}
              onChange={(e) => setTopic(e.target.value)}
              autoComplete="off"
            />
          </div>
          <Button type="submit" variant="primary" aria-disabled={log.isPending || undefined}>
            {t('practice.plan.logToday')}
            <span className="visually-hidden">
              {' '}
              {t('practice.plan.withName', { name: day.displayName })}
            </span>
          </Button>
        </form>
      )}
      {log.error ? <ErrorAlert error={log.error} /> : null}
    </li>
  );
}
