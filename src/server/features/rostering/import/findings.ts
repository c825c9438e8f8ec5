// What an import found: errors (the import is rejected) and warnings (it goes ahead). A
// warning that many rows share (the same file, column and reason) is one message with a count
// and its first lines, so a 100,000-row file with one habit gives one line, not 100,000.
import type { RosterMessage } from '../../../../contracts/rostering.js';

const MAX_ERRORS = 500;
const MAX_WARNINGS = 300;
const MAX_LINES = 10;

export class Findings {
  readonly errors: RosterMessage[] = [];
  errorCount = 0;
  private readonly warningsByKey = new Map<string, RosterMessage>();
  warningCount = 0;

  error(file: string, line: number | null, column: string | null, reason: string): void {
    this.errorCount++;
    if (this.errors.length < MAX_ERRORS) this.errors.push({ file, line, column, reason });
  }

  warn(file: string, line: number | null, column: string | null, reason: string): void {
    const key = `${file}\u0000${column ?? ''}\u0000${reason}`;
    const known = this.warningsByKey.get(key);
    if (known) {
      known.rows = (known.rows ?? 1) + 1;
      if (line !== null && known.lines && known.lines.length < MAX_LINES) known.lines.push(line);
      return;
    }
    this.warningCount++;
    if (this.warningsByKey.size >= MAX_WARNINGS) return;
    this.warningsByKey.set(key, {
      file,
      line,
      column,
      reason,
      rows: 1,
      lines: line === null ? [] : [line],
    });
  }

  get rejected(): boolean {
    return this.errorCount > 0;
  }

  warnings(): RosterMessage[] {
    return [...this.warningsByKey.values()];
  }
}
