import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PracticeTodayResponse } from '../../../../contracts/practice.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { LiveMessage } from '../../../components/ui/live-message.js';
import { newClientId } from '../../../lib/client-id.js';
import { useMarkRepairNotNeeded, useUndoRepairNotNeeded } from '../api/mark-repair-not-needed.js';
import { formatAge } from '../lib/format.js';

const studentPath = (id: string) => `/students/${encodeURIComponent(id)}`;

/**
 * The repairs waiting, oldest first, each with a one-tap "Not needed" (not every correction
 * harms the relationship) and an undo for the last one closed. The list is labelled by the
 * heading its page gives it; focus returns to that heading when a row leaves.
 */
export function OpenRepairsList({
  week,
  headingId,
  headingRef,
}: {
  week: PracticeTodayResponse;
  headingId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTranslation();
  const mark = useMarkRepairNotNeeded();
  const undo = useUndoRepairNotNeeded();
  // A retried tap keeps its client id, so the server records one mark however often it is sent.
  const pending = useRef(new Map<string, string>());
  const [last, setLast] = useState<{ clientId: string; name: string } | null>(null);
  const [reopened, setReopened] = useState<string | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const busy = mark.isPending || undo.isPending;
  // The row is gone: land on the undo, the likeliest next step (once it is on the page).
  useEffect(() => {
    if (last) undoRef.current?.focus();
  }, [last]);

  function notNeeded(studentId: string, name: string) {
    if (busy) return;
    const clientId = pending.current.get(studentId) ?? newClientId();
    pending.current.set(studentId, clientId);
    setReopened(null);
    mark.mutate(
      { studentId, clientId },
      {
        onSuccess: () => {
          pending.current.delete(studentId);
          setLast({ clientId, name });
        },
      },
    );
  }

  function takeBack() {
    if (!last || busy) return;
    undo.mutate(last.clientId, {
      onSuccess: () => {
        setReopened(last.name);
        setLast(null);
        headingRef.current?.focus();
      },
    });
  }

  return (
    <>
      {week.openRepairs.length === 0 ? (
        <p>{t('practice.week.noRepairs')}</p>
      ) : (
        <ul className="focus-list" aria-labelledby={headingId}>
          {week.openRepairs.map((r) => (
            <li key={r.studentId} className="focus-item">
              <span className="focus-text">
                <Link to={studentPath(r.studentId)} className="focus-name">
                  {r.displayName}
                </Link>
                <span className="focus-reason">
                  {t('practice.week.repairAge', { age: formatAge(r.ageHours, t) })}
                </span>
              </span>
              <Button
                variant="quiet"
                aria-disabled={busy || undefined}
                onClick={() => notNeeded(r.studentId, r.displayName)}
              >
                {t('practice.notNeeded.button')}
                <span className="visually-hidden">
                  {' '}
                  {t('practice.notNeeded.buttonFor', { name: r.displayName })}
                </span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {week.openRepairs.length > 0 ? <p className="hint">{t('practice.notNeeded.hint')}</p> : null}
      <LiveMessage>
        {last
          ? t('practice.notNeeded.done', { name: last.name })
          : reopened
            ? t('practice.notNeeded.undone', { name: reopened })
            : null}
      </LiveMessage>
      {last ? (
        <Button ref={undoRef} aria-disabled={busy || undefined} onClick={takeBack}>
          {t('practice.notNeeded.undo')}
          <span className="visually-hidden">
            {' '}
            {t('practice.notNeeded.undoFor', { name: last.name })}
          </span>
        </Button>
      ) : null}
      {mark.isError ? <ErrorAlert error={mark.error} /> : null}
      {undo.isError ? <ErrorAlert error={undo.error} /> : null}
    </>
  );
}
