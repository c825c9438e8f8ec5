import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TodayCounts as TodayCountsView } from '../../../../contracts/classes.js';
import type { LogInteractionsBody } from '../../../../contracts/interactions.js';
import { QUICK_KINDS, type InteractionKind } from '../../../../domain/interaction-kinds.js';
import { listNames } from '../../../../domain/names.js';
import { Alert, ErrorAlert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { Toast, useToast } from '../../../components/ui/toast.js';
import { ApiError } from '../../../lib/api-client.js';
import { newClientId } from '../../../lib/client-id.js';
import { errorMessage } from '../../../lib/error-message.js';
import { formatDay, formatList } from '../../../lib/format.js';
import { getOutboxState } from '../../../lib/outbox.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useClass } from '../api/get-class.js';
import { useLogInteractions } from '../api/log-interactions.js';
import { usePendingLogs, withUncounted } from '../api/pending-logs.js';
import { useUndoInteractions } from '../api/undo-interactions.js';
import { SyncStatus } from './sync-status.js';

type CountedKind = Exclude<keyof TodayCountsView, 'other'>;
const isCounted = (kind: InteractionKind): kind is CountedKind =>
  kind === 'warm_moment' || kind === 'affirmation' || kind === 'correction';
const COUNTED_KINDS = QUICK_KINDS.filter(isCounted);

function TodayCounts({ today }: { today: TodayCountsView }) {
  const { t } = useTranslation();
  return (
    <span className="today-counts">
      {COUNTED_KINDS.map((kind) => (
        <span key={kind} className="count">
          {t(`classView.count.${kind}`, { n: today[kind] })}
        </span>
      ))}
      {today.other > 0 ? (
        <span className="count">{t('classView.count.other', { n: today.other })}</span>
      ) : null}
    </span>
  );
}

/** A log that failed; `kept` when the outbox holds it to send later. */
interface FailedLog {
  body: LogInteractionsBody;
  tappedAt: Date;
  error: unknown;
  kept: boolean;
}

/**
 * The class view and its two-tap logging: tap students (several may be selected), then tap what
 * happened. The log can be undone from the toast; a failed log keeps its client id, so trying
 * again can never record it twice. Offline, logs wait in the outbox (lib/outbox.ts) and count
 * as logged; the sync status says how many wait.
 */
export function ClassView() {
  const { classId = '' } = useParams();
  // A new class starts with a clean selection, toast and errors.
  return <ClassViewBody key={classId} classId={classId} />;
}

function ClassViewBody({ classId }: { classId: string }) {
  const { t, i18n } = useTranslation();
  const cls = useClass(classId);
  const log = useLogInteractions(classId);
  const undo = useUndoInteractions(classId);
  const { toast, show, dismiss } = useToast();
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const [failedLog, setFailedLog] = useState<FailedLog | null>(null);
  const [undoError, setUndoError] = useState<unknown>(null);
  const pending = usePendingLogs(classId, cls.dataUpdatedAt);
  useDocumentTitle(cls.data?.title ?? t('classView.title'));

  if (cls.isPending) return <Loading />;
  if (cls.isError) return <ErrorAlert error={cls.error} onRetry={() => void cls.refetch()} />;

  const { students } = cls.data;
  const selectedIds = students.filter((s) => selected.has(s.id)).map((s) => s.id);
  const allSelected = students.length > 0 && selectedIds.length === students.length;
  const nothingSelected = selectedIds.length === 0;

  // First names alone, so two Lucias in the class read "Lucia G." and "Lucia M.".
  const shown = listNames(
    students.map((s) => ({ id: s.id, givenName: s.displayName, familyName: s.familyName })),
  );
  const namesOf = (ids: readonly string[]) =>
    formatList(
      ids.map((id) => shown.get(id) ?? ''),
      i18n.language,
    );

  function toggle(studentId: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(studentId)) next.delete(studentId);
      else next.add(studentId);
      return next;
    });
  }

  function toggleAll() {
    setSelected(allSelected ? new Set() : new Set(students.map((s) => s.id)));
  }

  function undoLog(body: LogInteractionsBody, names: string) {
    setUndoError(null);
    undo.mutate(
      { clientId: body.clientId },
      {
        onSuccess: () => show({ message: t('classView.undone', { names }) }),
        onError: (error) => setUndoError(error),
      },
    );
  }

  function send(body: LogInteractionsBody, tappedAt: Date) {
    setFailedLog(null);
    setUndoError(null);
    log.mutate(
      { body, tappedAt },
      {
        onSuccess: (result) => {
          setSelected(new Set());
          const names = namesOf(body.studentIds);
          const logged = t(`classView.logged.${body.kind}`, { names });
          show({
            message: result === 'queued' ? t('classView.queued', { logged }) : logged,
            action: { label: t('classView.undo'), onAction: () => undoLog(body, names) },
          });
        },
        onError: (error) => {
          const kept = getOutboxState().items.some((i) => i.id === body.clientId);
          setFailedLog({ body, tappedAt, error, kept });
        },
      },
    );
  }

  function logKind(kind: InteractionKind) {
    if (nothingSelected || log.isPending) return;
    send({ clientId: newClientId(), kind, studentIds: selectedIds, classId }, new Date());
  }

  // A kept log that has since been sent (or refused, which the app reports) needs no alert.
  const failure =
    failedLog && !(failedLog.kept && !pending.waitingIds.has(failedLog.body.clientId))
      ? failedLog
      : null;

  const c = cls.data;
  const meta = [
    c.period ? t('classInfo.period', { period: c.period }) : null,
    c.room ? t('classInfo.room', { room: c.room }) : null,
    c.termName,
    c.schoolName,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <>
      <PageHeading lead={meta}>{c.title}</PageHeading>
      <p className="today-line">
        {t('classView.today', { date: formatDay(c.today, i18n.language) })}{' '}
        <Link to={`/classes/${encodeURIComponent(c.id)}/ratios`} className="class-ratios-link">
          {t('home.teacher.classRatios')}
          <span className="visually-hidden"> {t('home.teacher.forClass', { title: c.title })}</span>
        </Link>{' '}
        <Link to={`/classes/${encodeURIComponent(c.id)}/know`} className="class-ratios-link">
          {t('insights.nav.overview')}
          <span className="visually-hidden">
            {' '}
            {t('insights.nav.overviewFor', { title: c.title })}
          </span>
        </Link>
      </p>
      {students.length === 0 ? (
        <p>{t('classView.noStudents')}</p>
      ) : (
        <>
          <div className="roster-toolbar">
            <p className="instructions">{t('classView.instructions')}</p>
            <Button onClick={toggleAll}>
              {allSelected ? t('classView.clearSelection') : t('classView.selectAll')}
            </Button>
          </div>
          <ul className="roster">
            {students.map((s) => {
              const on = selected.has(s.id);
              const fullName = `${s.displayName} ${s.familyName}`;
              return (
                <li key={s.id} className={on ? 'roster-item is-selected' : 'roster-item'}>
                  <button
                    type="button"
                    className="student-toggle"
                    aria-pressed={on}
                    onClick={() => toggle(s.id)}
                  >
                    <span className="check" aria-hidden="true">
                      {on ? '✓' : ''}
                    </span>
                    <span className="student-text">
                      <span className="student-name">{fullName}</span>
                      {s.pronouns ? <span className="pronouns"> ({s.pronouns})</span> : null}
                      <TodayCounts today={withUncounted(s.today, s.id, pending.uncounted)} />
                    </span>
                  </button>
                  <Link to={`/students/${encodeURIComponent(s.id)}`} className="card-link">
                    {t('classView.card')}
                    <span className="visually-hidden">
                      {' '}
                      {t('classView.cardFor', { name: fullName })}
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <div className="action-dock">
        <SyncStatus />
        {failure ? (
          <Alert>
            <p>{errorMessage(failure.error, t)}</p>
            {failure.kept ? <p>{t('classView.keptForLater')}</p> : null}
            {failure.error instanceof ApiError && failure.error.retryable ? (
              <Button onClick={() => send(failure.body, failure.tappedAt)}>
                {t('errors.retry')}
              </Button>
            ) : null}
          </Alert>
        ) : null}
        {undoError ? <ErrorAlert error={undoError} /> : null}
        {students.length > 0 ? (
          <div role="group" aria-labelledby="action-hint" className="action-bar">
            <p id="action-hint" className="action-hint">
              {nothingSelected
                ? t('classView.hintNone')
                : t('classView.hintSome', { count: selectedIds.length })}
            </p>
            <div className="kind-buttons">
              {QUICK_KINDS.map((kind) => (
                <Button
                  key={kind}
                  variant="primary"
                  aria-disabled={nothingSelected || log.isPending || undefined}
                  onClick={() => logKind(kind)}
                >
                  {t(`kinds.${kind}`)}
                </Button>
              ))}
            </div>
          </div>
        ) : null}
        <Toast toast={toast} onDismiss={dismiss} />
      </div>
    </>
  );
}
