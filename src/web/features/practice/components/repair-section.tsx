import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DyadResponse } from '../../../../contracts/practice.js';
import type { InteractionKind } from '../../../../domain/interaction-kinds.js';
import { closesRepair, REPAIR_CLOSERS } from '../../../../domain/repairs.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { LiveMessage } from '../../../components/ui/live-message.js';
import { errorMessage } from '../../../lib/error-message.js';
import { formatInstant } from '../../../lib/format.js';
import { isWorthKeeping } from '../../../lib/outbox.js';
import { formatAge } from '../lib/format.js';
import { useLogMoment, type Logged } from '../lib/use-log-moment.js';
import { useUncountedMoments } from '../lib/use-uncounted-moments.js';

/**
 * Repair: when one is open, how long it has waited, what closes it (the adult leads the repair)
 * and a button for each way of closing it.
 */
export function RepairSection({
  dyad,
  dataUpdatedAt,
}: {
  dyad: DyadResponse;
  /** When `dyad` was received: closers logged since are not in it yet. */
  dataUpdatedAt: number;
}) {
  const { t, i18n } = useTranslation();
  const log = useLogMoment(dyad.studentId);
  const [closed, setClosed] = useState<Logged | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const uncounted = useUncountedMoments(dyad.studentId, dataUpdatedAt);
  // A closer waiting on this device (or sent since the dyad was read) closes the repair here
  // too; the server closes it once it has the log.
  const closedLocally = uncounted.some((b) => closesRepair(b.kind));
  const repair = closedLocally ? null : dyad.openRepair;

  function close(kind: InteractionKind) {
    if (log.isPending) return;
    setClosed(null);
    log.send(kind, undefined, (logged) => {
      setClosed(logged);
      // The buttons go away with the repair: keep the keyboard in this section.
      headingRef.current?.focus();
    });
  }

  return (
    <section aria-labelledby="repair-heading">
      <h2 id="repair-heading" ref={headingRef} tabIndex={-1}>
        {t('practice.repair.heading')}
      </h2>
      {repair ? (
        <>
          <p>
            <strong>{t('practice.repair.waiting', { age: formatAge(repair.ageHours, t) })}</strong>{' '}
            <span className="hint">
              {t('practice.repair.openedAt', {
                when: formatInstant(repair.openedAt, i18n.language),
              })}
            </span>
          </p>
          <p>{t('practice.repair.closesIt')}</p>
          <div className="button-row">
            {REPAIR_CLOSERS.map((kind) => (
              <Button
                key={kind}
                onClick={() => close(kind)}
                aria-disabled={log.isPending || undefined}
              >
                {t(`practice.repair.log.${kind}`)}
              </Button>
            ))}
          </div>
        </>
      ) : (
        <p>
          {closedLocally && dyad.openRepair
            ? t('practice.repair.closedOnDevice')
            : t('practice.repair.none')}
        </p>
      )}
      {log.error ? (
        <Alert>
          <p>{errorMessage(log.error, t)}</p>
          {isWorthKeeping(log.error) ? <p>{t('classView.keptForLater')}</p> : null}
        </Alert>
      ) : null}
      <LiveMessage>
        {closed
          ? closed.status === 'queued'
            ? t('practice.repair.queued', { kind: t(`kinds.${closed.body.kind}`) })
            : t('practice.repair.logged', { kind: t(`kinds.${closed.body.kind}`) })
          : null}
      </LiveMessage>
    </section>
  );
}
