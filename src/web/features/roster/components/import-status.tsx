import { useTranslation } from 'react-i18next';
import { useImport } from '../api/get-import.js';

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
    case 'previewed':
      return t('roster.status.previewedNow');
    case 'applied':
      return t('roster.status.appliedNow');
    case 'rejected':
      return t('roster.status.rejectedNow');
    default:
      return t('roster.status.failedNow');
  }
}
