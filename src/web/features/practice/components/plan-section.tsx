import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DyadResponse, PlanView, Stage } from '../../../../contracts/practice.js';
import { PLAN_SCHOOL_DAYS } from '../../../../domain/two-by-ten.js';
import { STAGES } from '../../../../domain/stages.js';
import { Alert, ErrorAlert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { LiveMessage } from '../../../components/ui/live-message.js';
import { ApiError } from '../../../lib/api-client.js';
import { errorMessage } from '../../../lib/error-message.js';
import { formatDay } from '../../../lib/format.js';
import { usePracticeToday } from '../api/get-practice-today.js';
import { useReflectOnPlan } from '../api/reflect-on-plan.js';
import { useStartPlan } from '../api/start-plan.js';
import { useStopPlan } from '../api/stop-plan.js';
import { formatWeekday } from '../lib/format.js';
import { useLogMoment } from '../lib/use-log-moment.js';

/** After a control in this section goes away, focus its heading rather than the page's top. */
const focusPlanHeading = () => document.getElementById('plan-heading')?.focus();

type DayState = PlanView['days'][number]['state'];
// A shape as well as a word for each state, so colour is never the only signal.
const MARK: Record<DayState, string> = { done: '✓', missed: '–', today: '●', upcoming: '○' };

/**
 * Two-by-ten: two minutes of personal, non-academic conversation on ten school days in a row.
 * Start one, follow its days, log today's conversation, stop it, reflect when it is over.
 */
export function PlanSection({ dyad, name }: { dyad: DyadResponse; name: string }) {
  const { t } = useTranslation();
  const active = dyad.plans.find((p) => p.status === 'active') ?? null;
  const past = dyad.plans.filter((p) => p.status !== 'active');
  // Starting and stopping swap the parts below, so their requests live here: a part that has
  // gone away would never hear that its request succeeded.
  const start = useStartPlan();
  const stop = useStopPlan();
  return (
    <section aria-labelledby="plan-heading">
      <h2 id="plan-heading" tabIndex={-1}>
        {t('practice.plan.heading')}
      </h2>
      <p className="hint">{t('practice.plan.what')}</p>
      {active ? (
        <ActivePlan plan={active} name={name} stop={stop} />
      ) : (
        <StartPlanForm studentId={dyad.studentId} start={start} />
      )}
      {past.length > 0 ? (
        <>
          <h3>{t('practice.plan.history')}</h3>
          <ul className="plain-list history-list">
            {past.map((p) => (
              <PastPlan key={p.id} plan={p} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function StartPlanForm({
  studentId,
  start,
}: {
  studentId: string;
  start: ReturnType<typeof useStartPlan>;
}) {
  const { t } = useTranslation();
  const week = usePracticeToday(); // the server's today, which the browser's clock may not agree with
  const [date, setDate] = useState<string | null>(null);
  const value = date ?? week.data?.today ?? '';
  const fieldError =
    start.error instanceof ApiError && start.error.field === 'startDate' ? start.error : null;

  return (
    <form
      className="inline-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (start.isPending || !value) return;
        start.mutate(
          { studentId, startDate: value },
          // The form gives way to the plan's days: keep the keyboard in this section.
          { onSuccess: focusPlanHeading },
        );
      }}
    >
      <div className="field">
        <label htmlFor="plan-start">{t('practice.plan.startDate')}</label>
        <input
          id="plan-start"
          type="date"
          value={value}
          onChange={(e) => setDate(e.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? 'plan-start-error' : 'plan-start-hint'}
        />
        {fieldError ? (
          <p id="plan-start-error" className="field-error" role="alert">
            {t('practice.form.fieldProblem', {
              field: t('practice.plan.startDate'),
              reason: fieldError.reason ?? fieldError.message,
            })}
          </p>
        ) : (
          <p id="plan-start-hint" className="field-hint">
            {t('practice.plan.startHint')}
          </p>
        )}
      </div>
      <Button type="submit" variant="primary" aria-disabled={start.isPending || undefined}>
        {t('practice.plan.start')}
      </Button>
      {start.error && !fieldError ? <ErrorAlert error={start.error} /> : null}
    </form>
  );
}

function ActivePlan({
  plan,
  name,
  stop,
}: {
  plan: PlanView;
  name: string;
  stop: ReturnType<typeof useStopPlan>;
}) {
  const { t, i18n } = useTranslation();
  // Here rather than in the form, which goes away once today's conversation is logged.
  const log = useLogMoment(plan.studentId);
  const todayDay = plan.days.find((d) => d.state === 'today') ?? null;
  const doneToday = plan.todayNumber !== null && plan.days[plan.todayNumber - 1]?.state === 'done';
  return (
    <>
      <p>
        {t('practice.plan.started', { date: formatDay(plan.startDate, i18n.language) })}{' '}
        <strong>{t('practice.plan.progress', { done: plan.done, total: PLAN_SCHOOL_DAYS })}</strong>
      </p>
      <ol className="plan-days" aria-label={t('practice.plan.daysLabel', { name })}>
        {plan.days.map((d) => (
          <li key={d.date} className={`plan-day is-${d.state}`}>
            <span className="plan-day-mark" aria-hidden="true">
              {MARK[d.state]}
            </span>
            <span className="plan-day-number">{t('practice.plan.day', { n: d.number })}</span>
            <time dateTime={d.date} className="plan-day-date">
              {formatWeekday(d.date, i18n.language)}
            </time>
            <span className="plan-day-state">{t(`practice.plan.states.${d.state}`)}</span>
          </li>
        ))}
      </ol>
      {todayDay ? <LogConversation key={todayDay.date} log={log} name={name} /> : null}
      <LiveMessage>
        {doneToday ? (
          <>
            <span aria-hidden="true">✓ </span>
            {t('practice.plan.doneToday')}
          </>
        ) : null}
      </LiveMessage>
      {plan.finished ? (
        <ReflectionForm plan={plan} name={name} />
      ) : (
        <StopPlan planId={plan.id} stop={stop} />
      )}
    </>
  );
}

function LogConversation({ log, name }: { log: ReturnType<typeof useLogMoment>; name: string }) {
  const { t } = useTranslation();
  const [topic, setTopic] = useState('');
  // Logged offline: the day counts once the server has it; until then the form says so.
  const [kept, setKept] = useState(false);
  if (kept)
    return (
      <p className="done-note" role="status">
        {t('practice.plan.keptToday')}
      </p>
    );
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (log.isPending) return;
        log.send('conversation', topic, ({ status }) => {
          if (status === 'queued') setKept(true);
          // The form goes away once today is done: keep the keyboard in this section.
          focusPlanHeading();
        });
      }}
    >
      <div className="field">
        <label htmlFor="plan-topic">{t('practice.plan.topic')}</label>
        <input
          id="plan-topic"
          value={topic}
          maxLength={200}
          autoComplete="off"
          onChange={(e) => setTopic(e.target.value)}
        />
      </div>
      <Button type="submit" variant="primary" aria-disabled={log.isPending || undefined}>
        {t('practice.plan.logToday')}
        <span className="visually-hidden"> {t('practice.plan.withName', { name })}</span>
      </Button>
      {log.error ? <ErrorAlert error={log.error} /> : null}
    </form>
  );
}

function StopPlan({ planId, stop }: { planId: string; stop: ReturnType<typeof useStopPlan> }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  if (!confirming)
    return (
      <Button
        variant="quiet"
        onClick={() => {
          setConfirming(true);
          // Focus the question's first answer once it is shown.
          requestAnimationFrame(() => confirmRef.current?.focus());
        }}
      >
        {t('practice.plan.stop')}
      </Button>
    );
  return (
    <div role="group" aria-labelledby="stop-question" className="confirm">
      <p id="stop-question">{t('practice.plan.stopQuestion')}</p>
      <div className="button-row">
        <Button
          ref={confirmRef}
          aria-disabled={stop.isPending || undefined}
          onClick={() => {
            if (!stop.isPending) stop.mutate(planId, { onSuccess: focusPlanHeading });
          }}
        >
          {t('practice.plan.stopYes')}
        </Button>
        <Button variant="quiet" onClick={() => setConfirming(false)}>
          {t('practice.plan.stopNo')}
        </Button>
      </div>
      {stop.isError ? <ErrorAlert error={stop.error} /> : null}
    </div>
  );
}

function ReflectionForm({ plan, name }: { plan: PlanView; name: string }) {
  const { t } = useTranslation();
  const reflect = useReflectOnPlan();
  const [text, setText] = useState('');
  const [stage, setStage] = useState<Stage | ''>('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const serverField =
    reflect.error instanceof ApiError && reflect.error.field ? reflect.error : null;
  const textProblem =
    problem ??
    (serverField?.field === 'reflection'
      ? t('practice.form.fieldProblem', {
          field: t('practice.plan.reflection', { name }),
          reason: serverField.reason ?? serverField.message,
        })
      : null);

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (reflect.isPending) return;
        if (text.trim() === '') {
          setProblem(t('practice.plan.reflectionRequired'));
          document.getElementById(`${id}-text`)?.focus();
          return;
        }
        setProblem(null);
        reflect.mutate({
          planId: plan.id,
          body: { reflection: text.trim(), ...(stage ? { stage } : {}) },
        });
      }}
    >
      <h3>{t('practice.plan.reflectHeading')}</h3>
      <p>{t('practice.plan.reflectLead', { done: plan.done, total: PLAN_SCHOOL_DAYS })}</p>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('practice.plan.reflection', { name })}</label>
        <textarea
          id={`${id}-text`}
          value={text}
          rows={4}
          maxLength={2000}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={textProblem ? true : undefined}
          aria-describedby={textProblem ? `${id}-text-error` : undefined}
        />
        {textProblem ? (
          <p id={`${id}-text-error`} className="field-error">
            {textProblem}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={`${id}-stage`}>{t('practice.plan.recheck')}</label>
        <select
          id={`${id}-stage`}
          value={stage}
          onChange={(e) => setStage(e.target.value as Stage | '')}
        >
          <option value="">{t('practice.plan.keepStage')}</option>
          {STAGES.map((s) => (
            <option key={s} value={s}>
              {t(`practice.stages.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <Button type="submit" variant="primary" aria-disabled={reflect.isPending || undefined}>
          {t('practice.plan.saveReflection')}
        </Button>
      </div>
      {reflect.error && !textProblem ? (
        <Alert>
          <p>{errorMessage(reflect.error, t)}</p>
        </Alert>
      ) : null}
    </form>
  );
}

function PastPlan({ plan }: { plan: PlanView }) {
  const { t, i18n } = useTranslation();
  return (
    <li>
      <p>
        <strong>{t(`practice.plan.status.${plan.status}`)}</strong>
        {' — '}
        {t('practice.plan.startedShort', { date: formatDay(plan.startDate, i18n.language) })}
        {' · '}
        {t('practice.plan.progress', { done: plan.done, total: PLAN_SCHOOL_DAYS })}
      </p>
      {plan.reflection ? <p className="recent-note">{plan.reflection}</p> : null}
    </li>
  );
}
