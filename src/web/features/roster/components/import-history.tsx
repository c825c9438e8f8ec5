import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { formatInstant } from '../../../lib/format.js';
import { useImports } from '../api/list-imports.js';

/** The district's recent roster jobs: when, which file, how it ended, how many rows. */
export function ImportHistory() {
  const { t, i18n } = useTranslation();
  const imports = useImports();
  if (imports.isPending) return <Loading />;
  if (imports.isError)
    return <ErrorAlert error={imports.error} onRetry={() => void imports.refetch()} />;
  const { jobs } = imports.data;
  if (jobs.length === 0) return <p>{t('roster.history.none')}</p>;
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <div
      className="table-scroll"
      role="region"
      aria-labelledby="roster-history-heading"
      tabIndex={0}
    >
      <table className="roster-history">
        <thead>
          <tr>
            <th scope="col">{t('roster.history.when')}</th>
            <th scope="col">{t('roster.history.file')}</th>
            <th scope="col">{t('roster.history.status')}</th>
            <th scope="col" className="num">
              {t('roster.history.rows')}
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={job.id}>
              <td>{formatInstant(job.createdAt, i18n.language)}</td>
              <td className="roster-file-name">
                {job.sourceName ??
                  (job.kind === 'export' ? t('roster.history.export') : t('roster.history.noName'))}
              </td>
              <td>{t(`roster.jobStatus.${job.status}`)}</td>
              <td className="num">{job.report ? number.format(job.report.rowsRead) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
