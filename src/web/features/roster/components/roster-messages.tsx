import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RosterMessage } from '../../../../contracts/rostering.js';
import { formatList } from '../../../lib/format.js';

/** "users.csv, line 4, column dateLastModified", with whatever of line and column is known. */
function where(t: TFunction, m: RosterMessage): string {
  if (m.line !== null && m.column !== null)
    return t('roster.messages.atLineColumn', { file: m.file, line: m.line, column: m.column });
  if (m.line !== null) return t('roster.messages.atLine', { file: m.file, line: m.line });
  if (m.column !== null) return t('roster.messages.atColumn', { file: m.file, column: m.column });
  return m.file;
}

/** "(6 rows like this: lines 2, 3 and 4)", or "the first on lines" when not all are listed. */
function rowsNote(t: TFunction, rows: number, lines: number[], locale: string): string {
  if (lines.length === 0) return t('roster.messages.rows', { count: rows });
  const list = formatList(lines.map(String), locale);
  return lines.length >= rows
    ? t('roster.messages.rowsLines', { count: rows, lines: list })
    : t('roster.messages.rowsFirstLines', { count: rows, lines: list });
}

/**
 * The errors or the warnings of an import, each naming its file, line and column. The reason
 * is the server's, in English. A warning that stands for many rows says how many and where the
 * first ones are.
 */
export function RosterMessages({
  kind,
  messages,
  total,
}: {
  kind: 'errors' | 'warnings';
  messages: RosterMessage[];
  total: number;
}) {
  const { t, i18n } = useTranslation();
  if (total === 0 && messages.length === 0) return null;
  const count = Math.max(total, messages.length);
  return (
    <div className={`roster-messages roster-${kind}`}>
      <h4>{t(`roster.messages.${kind}`, { count })}</h4>
      <p className="field-hint">{t(`roster.messages.${kind}Hint`)}</p>
      <ul>
        {messages.map((m, i) => (
          <li key={`${m.file}-${m.line ?? ''}-${m.column ?? ''}-${i}`}>
            <span className="roster-where">{where(t, m)}</span>
            {': '}
            <span lang="en">{m.reason}</span>
            {m.rows && m.rows > 1 ? (
              <span className="roster-rows">
                {' '}
                {rowsNote(t, m.rows, m.lines ?? [], i18n.language)}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {count > messages.length ? (
        <p>{t('roster.messages.notListed', { count: count - messages.length })}</p>
      ) : null}
    </div>
  );
}
