import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DyadResponse } from '../../../../contracts/practice.js';
import type { InteractionKind } from '../../../../domain/interaction-kinds.js';
import { REPAIR_CLOSERS } from '../../../../domain/repairs.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { LiveMessage } from '../../../components/ui/live-message.js';
import { formatInstant } from '../../../lib/format.js';
import { formatAge } from '../lib/format.js';
import { useLogMoment } from '../lib/use-log-moment.js';

/**
 * Repair: when one is open, how long it has waited, what closes it (the adult leads the repair)
 * and a button for each way of closing it.
 */
export function RepairSection({ dyad }: { dyad: DyadResponse }) {
  const { t, i18n } = useTranslation();
  const log = useLogMoment(dyad.studentId);
  const [closedWith, setClosedWith] = useState<InteractionKind | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const repair = dyad.openRepair;

  function close(kind: InteractionKind) {
    if (log.isPending) return;
    setClosedWith(null);
    log.send(kind, undefined, () => {
      setClosedWith(kind);
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
        <p>{t('practice.repair.none')}</p>
      )}
      {log.error ? <ErrorAlert error={log.error} /> : null}
      <LiveMessage>
        {closedWith ? t('practice.repair.logged', { kind: t(`kinds.${closedWith}`) }) : null}
      </LiveMessage>
    </section>
  );
}
