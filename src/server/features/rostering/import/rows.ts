// Reads one roster file row by row: the header mapped to the specification's columns, then each
// row's cells read by their column's kind. A row with any error is reported and not returned.
import { mapHeader } from '../../../../domain/oneroster/header.js';
import type { ColumnSpec } from '../../../../domain/oneroster/spec.js';
import { readCell, type CellValue } from '../../../../domain/oneroster/values.js';
import { readCsvBatches } from './csv-reader.js';
import type { Findings } from './findings.js';
import type { FileMode } from './manifest.js';
import type { RosterSource } from './source.js';

export interface RosterRow {
  line: number;
  get(column: string): CellValue;
  str(column: string): string | null;
  list(column: string): string[];
}

/** Yields the good rows of a file; returns false when the header is unusable. */
/** One row's cells by column name; a class, so a million rows share its methods. */
class Row implements RosterRow {
  constructor(
    readonly line: number,
    private readonly values: CellValue[],
    private readonly position: ReadonlyMap<string, number>,
  ) {}
  get(column: string): CellValue {
    const i = this.position.get(column);
    return i === undefined ? null : (this.values[i] ?? null);
  }
  str(column: string): string | null {
    const v = this.get(column);
    return typeof v === 'string' ? v : null;
  }
  list(column: string): string[] {
    const v = this.get(column);
    return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  }
}

/** The good rows of a file, one at a time (reading ahead for a single record). */
export async function* readRosterRows(
  ...args: Parameters<typeof readRosterBatches>
): AsyncGenerator<RosterRow> {
  for await (const batch of readRosterBatches(...args)) yield* batch;
}

/** Yields the good rows of a file in batches; yields nothing when the header is unusable. */
export async function* readRosterBatches(
  source: RosterSource,
  fileName: string,
  label: string,
  spec: readonly ColumnSpec[],
  mode: FileMode,
  findings: Findings,
  onRow?: (rows: number) => void,
  onRejected?: (sourcedId: string) => void,
): AsyncGenerator<RosterRow[]> {
  let width = 0;
  let columns: Array<{ spec: ColumnSpec; index: number }> = [];
  let unnamed = new Set<number>();
  let header = true;
  let count = 0;
  let map: ReturnType<typeof mapHeader> = { index: new Map(), findings: [] };
  /** Spec column name → its position in `columns` (and in each row's values). */
  const position = new Map<string, number>();
  for await (const csvBatch of readCsvBatches(await source.open(fileName))) {
    const out: RosterRow[] = [];
    for (const { line, fields } of csvBatch) {
      if (header) {
        header = false;
        map = mapHeader(fields, spec);
        for (const f of map.findings) {
          if (f.severity === 'error') findings.error(label, line, f.column, f.reason);
          else findings.warn(label, line, f.column, f.reason);
        }
        if (map.findings.some((f) => f.severity === 'error')) return;
        width = fields.length;
        unnamed = new Set(fields.flatMap((f, i) => (f.trim() === '' ? [i] : [])));
        columns = spec.flatMap((s) =>
          map.index.has(s.name) ? [{ spec: s, index: map.index.get(s.name)! }] : [],
        );
        columns.forEach((c, i) => position.set(c.spec.name, i));
        continue;
      }
      count++;
      if (fields.length !== width) {
        // Trailing empty fields, or fields missing only under unnamed columns, mean one thing.
        const extra = fields.slice(width);
        const missingNamed = [...Array(Math.max(0, width - fields.length)).keys()]
          .map((k) => fields.length + k)
          .some((i) => !unnamed.has(i));
        if (extra.some((f) => f.trim() !== '') || missingNamed) {
          findings.error(
            label,
            line,
            null,
            `the row has ${fields.length} fields and the header has ${width}`,
          );
          continue;
        }
      }
      const values: CellValue[] = new Array<CellValue>(columns.length).fill(null);
      let bad = false;
      for (let k = 0; k < columns.length; k++) {
        const { spec: s, index } = columns[k]!;
        const read = readCell(fields[index] ?? '', s);
        if (!read.ok) {
          findings.error(label, line, s.name, read.reason);
          bad = true;
          continue;
        }
        if (read.warning) findings.warn(label, line, s.name, read.warning);
        if (
          read.value === null &&
          (s.required === 'yes' || (s.required === 'delta' && mode === 'delta'))
        ) {
          findings.error(
            label,
            line,
            s.name,
            `"${s.name}" is required${s.required === 'delta' ? ' in a delta file' : ''} and is empty`,
          );
          bad = true;
          continue;
        }
        values[k] = read.value;
      }
      if (count % 5000 === 0) onRow?.(count);
      if (bad) {
        const id = fields[map.index.get('sourcedId') ?? -1]?.trim();
        if (id) onRejected?.(id);
        continue;
      }
      out.push(new Row(line, values, position));
    }
    if (out.length) yield out;
  }
  onRow?.(count);
}
