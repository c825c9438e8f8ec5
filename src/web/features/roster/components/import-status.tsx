import { useTranslation } from 'react-i18next';
import { useImport } from '../api/get-import.js';

const ENDED = {
  previewed: 'roster.status.previewedNow',
  applied: 'roster.status.appliedNow',
  rejected: 'roster.status.rejectedNow',
  failed: 'roster.status.failedNow',
  exported: 'roster.jobStatus.exported',
} as const;

/** One sentence for the live region: what the import is doing now, or how it ended. */
export function ImportStatus({ jobId, applying }: { jobId: string; applying: boolean }) {
  const { t } = useTranslation();
  const { data: job } = useImport(jobId);
  if (!job) return null;
  switch (job.status) {
    case 'running': {
      const doing = applying ? t('roster.status.applying') : t('roster.status.checking');
      if (!job.progress) return doing;
      return `${doing} ${t('roster.status.progress', { file: job.progress.file, count: job.progress.rows })}`;
    }
    default:
      // The heading below says the same on screen; this is for screen readers.
      return <span className="visually-hidden">{t(ENDED[job.status])}</span>;
  }
}
