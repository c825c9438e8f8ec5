import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RosterEntities, type RosterReport } from '../../../../contracts/rostering.js';
import { translateCode } from '../../../i18n/translate-code.js';
import { RosterMessages } from './roster-messages.js';

/** How the manifest says each file is meant; files it leaves out ("absent") are not listed. */
const MODES = ['bulk', 'delta'] as const;
const COUNT_COLUMNS = ['added', 'updated', 'deactivated', 'unchanged'] as const;

/** Record kinds in the order the import applies them; kinds we have no name for come last. */
function orderedKinds(counts: RosterReport['counts']): string[] {
  const known: readonly string[] = RosterEntities;
  const present = Object.keys(counts);
  return [
    ...known.filter((k) => present.includes(k)),
    ...present.filter((k) => !known.includes(k)).sort(),
  ];
}

function CountsTable({ counts }: { counts: RosterReport['counts'] }) {
  const { t, i18n } = useTranslation();
  const captionId = useId();
  const kinds = orderedKinds(counts);
  if (kinds.length === 0) return <p>{t('roster.report.noRecords')}</p>;
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="roster-counts">
        <caption id={captionId}>{t('roster.report.countsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('roster.report.kind')}</th>
            {COUNT_COLUMNS.map((c) => (
              <th scope="col" key={c} className="num">
                {t(`roster.report.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => (
            <tr key={kind}>
              <th scope="row">{translateCode(t, 'roster.entities', kind)}</th>
              {COUNT_COLUMNS.map((c) => (
                <td key={c} className="num">
                  {number.format(counts[kind]?.[c] ?? 0)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What an import read and found: version, files, counts per record kind, errors, warnings. */
export function ImportReport({
  report,
  showCounts,
}: {
  report: RosterReport;
  showCounts: boolean;
}) {
  const { t, i18n } = useTranslation();
  const byMode = MODES.map((mode) => ({
    mode,
    files: Object.keys(report.files).filter((f) => report.files[f] === mode),
  })).filter((m) => m.files.length > 0);
  return (
    <>
      <dl className="figures">
        <div>
          <dt>{t('roster.report.version')}</dt>
          <dd>{report.version ?? t('roster.report.noVersion')}</dd>
        </div>
        <div>
          <dt>{t('roster.report.rowsRead')}</dt>
          <dd>{new Intl.NumberFormat(i18n.language).format(report.rowsRead)}</dd>
        </div>
      </dl>
      {byMode.length > 0 ? (
        <>
          <h4>{t('roster.report.files')}</h4>
          <ul className="roster-files">
            {byMode.map(({ mode, files }) => (
              <li key={mode}>
                {t(`roster.modes.${mode}`)}:{' '}
                {files.map((f, i) => (
                  <span key={f}>
                    {i > 0 ? ', ' : null}
                    <span className="mono">{f}.csv</span>
                  </span>
                ))}
              </li>
            ))}
          </ul>
          {byMode.some((m) => m.mode === 'bulk') ? (
            <p className="field-hint">{t('roster.modes.bulkHint')}</p>
          ) : null}
        </>
      ) : null}
      {showCounts ? <CountsTable counts={report.counts} /> : null}
      <RosterMessages kind="errors" messages={report.errors} total={report.errorCount} />
      <RosterMessages kind="warnings" messages={report.warnings} total={report.warningCount} />
    </>
  );
}
