// The import report as plain text for the command line: counts per record kind, then each
// warning and error with its file, line, column and reason.
import type { RosterMessage, RosterReport } from '../../../../contracts/rostering.js';

export function formatMessage(m: RosterMessage): string {
  const where = [
    m.file,
    m.line !== null ? `line ${m.line}` : null,
    m.column ? `column ${m.column}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const many =
    m.rows && m.rows > 1
      ? ` (${m.rows} rows; lines ${m.lines?.join(', ')}${m.rows > (m.lines?.length ?? 0) ? ', ...' : ''})`
      : '';
  return `${where}: ${m.reason}${many}`;
}

export function formatCounts(report: RosterReport, dryRun: boolean): string {
  const head = dryRun ? 'would be' : 'were';
  const lines = [
    `OneRoster ${report.version ?? '?'}: ${report.rowsRead} rows read. Records that ${head}:`,
  ];
  lines.push(
    `  ${'record'.padEnd(18)} ${'added'.padStart(8)} ${'updated'.padStart(8)} ${'deactivated'.padStart(12)} ${'unchanged'.padStart(10)}`,
  );
  for (const [entity, c] of Object.entries(report.counts))
    lines.push(
      `  ${entity.padEnd(18)} ${String(c.added).padStart(8)} ${String(c.updated).padStart(8)} ${String(c.deactivated).padStart(12)} ${String(c.unchanged).padStart(10)}`,
    );
  return lines.join('\n');
}
