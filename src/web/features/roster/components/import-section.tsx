import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { LiveMessage } from '../../../components/ui/live-message.js';
import { errorMessage } from '../../../lib/error-message.js';
import { useApplyImport } from '../api/apply-import.js';
import { useCheckImport } from '../api/check-import.js';
import { useImport } from '../api/get-import.js';
import { importsKey } from '../api/list-imports.js';
import { ImportResult } from './import-result.js';
import { ImportStatus } from './import-status.js';

/**
 * Upload a OneRoster zip as a dry run, follow its progress, read what it would change, and
 * apply it. The live region stays in the page so every change of state is announced.
 */
export function ImportSection() {
  const { t } = useTranslation();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const check = useCheckImport();
  const apply = useApplyImport();
  const [missing, setMissing] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);

  function submit() {
    if (check.isPending) return;
    const file = fileRef.current?.files?.[0];
    setMissing(!file);
    if (!file) {
      fileRef.current?.focus();
      return;
    }
    apply.reset();
    check.mutate(file, { onSuccess: (job) => setJobId(job.id) });
  }

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const applying = jobId !== null && apply.variables === jobId && !apply.isError;
  return (
    <>
      <p>{t('roster.import.intro')}</p>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('roster.import.file')}</label>
          <p id={hintId} className="field-hint">
            {t('roster.import.fileHint')}
          </p>
          <input
            ref={fileRef}
            id={`${id}-file`}
            type="file"
            accept=".zip,application/zip"
            onChange={() => setMissing(false)}
            aria-describedby={missing ? `${hintId} ${errorId}` : hintId}
            {...(missing ? { 'aria-invalid': true } : {})}
          />
          {missing ? (
            <p id={errorId} className="field-error" role="alert">
              {t('roster.import.chooseFile')}
            </p>
          ) : null}
        </div>
        {check.isError ? (
          <Alert>
            <p>{t('roster.import.uploadFailed')}</p>
            <p>{errorMessage(check.error, t)}</p>
          </Alert>
        ) : null}
        <div>
          <Button type="submit" variant="primary" aria-disabled={check.isPending || undefined}>
            {t('roster.import.check')}
          </Button>
        </div>
      </form>
      <LiveMessage>
        {check.isPending ? t('roster.import.uploading') : null}
        {jobId && !check.isPending ? <ImportStatus jobId={jobId} applying={applying} /> : null}
      </LiveMessage>
      {jobId && !check.isPending ? (
        <CurrentImport
          key={jobId}
          jobId={jobId}
          onApply={() => apply.mutate(jobId)}
          applyState={{ pending: apply.isPending, error: apply.isError ? apply.error : null }}
        />
      ) : null}
    </>
  );
}

/** The import being looked at: its report once it has one; the history refreshes when it ends. */
function CurrentImport({
  jobId,
  onApply,
  applyState,
}: {
  jobId: string;
  onApply: () => void;
  applyState: { pending: boolean; error: unknown };
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const job = useImport(jobId);
  const status = job.data?.status;
  useEffect(() => {
    if (status && status !== 'running')
      void queryClient.invalidateQueries({ queryKey: importsKey, exact: true });
  }, [status, queryClient]);

  if (job.isError)
    return (
      <Alert>
        <p>{errorMessage(job.error, t)}</p>
      </Alert>
    );
  // While it is being applied, the preview's report stays on screen.
  if (!job.data || (job.data.status === 'running' && !job.data.report)) return null;
  return (
    <ImportResult
      job={job.data}
      onApply={onApply}
      applyPending={applyState.pending}
      applyError={applyState.error}
    />
  );
}
