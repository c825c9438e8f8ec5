import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RosterJob } from '../../../../contracts/rostering.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { errorMessage } from '../../../lib/error-message.js';
import { ImportReport } from './import-report.js';

type Outcome = 'preview' | 'applied' | 'rejected' | 'failed';

function outcomeOf(job: RosterJob): Outcome {
  switch (job.status) {
    case 'applied':
      return 'applied';
    case 'rejected':
      return 'rejected';
    case 'failed':
      return 'failed';
    default:
      // previewed, or running again because it is being applied: the preview still stands.
      return 'preview';
  }
}

/**
 * How an import ended and what it found: for a preview, the changes and the button that
 * applies them; for a rejected file, the problems and the fact that nothing changed.
 */
export function ImportResult({
  job,
  onApply,
  applyPending,
  applyError,
}: {
  job: RosterJob;
  onApply: () => void;
  applyPending: boolean;
  applyError: unknown;
}) {
  const { t } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const outcome = outcomeOf(job);
  const applying = job.status === 'running' || applyPending;

  // The Apply button goes away once the changes are in; keep the keyboard user's place.
  useEffect(() => {
    if (outcome === 'applied') headingRef.current?.focus();
  }, [outcome]);

  return (
    <div className="roster-result">
      <h3 ref={headingRef} tabIndex={-1}>
        {t(`roster.result.${outcome}.heading`)}
      </h3>
      {job.sourceName ? <p>{t('roster.result.file', { name: job.sourceName })}</p> : null}
      {outcome === 'rejected' || outcome === 'failed' ? (
        <div className="notice notice-danger">
          <p>{t(`roster.result.${outcome}.body`)}</p>
        </div>
      ) : (
        <p>{t(`roster.result.${outcome}.body`)}</p>
      )}
      {job.report ? <ImportReport report={job.report} showCounts={outcome !== 'rejected'} /> : null}
      {outcome === 'preview' ? (
        <div className="roster-apply">
          {applyError ? (
            <Alert>
              <p>{errorMessage(applyError, t)}</p>
            </Alert>
          ) : null}
          <Button
            variant="primary"
            aria-disabled={applying || undefined}
            onClick={() => {
              if (!applying) onApply();
            }}
          >
            {applying ? t('roster.result.applying') : t('roster.result.apply')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
