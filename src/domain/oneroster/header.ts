// Reading a OneRoster file's header: which column holds which field. The specification fixes
// the names and their order. A header that breaks it but means one thing only (columns out of
// order, a name in the wrong case or misspelt by a letter or two, extension columns) is read
// with a warning; a missing required column, or a name that could be two columns, is an error.
import type { ColumnSpec } from './spec.js';

export interface HeaderFinding {
  severity: 'error' | 'warning';
  /** 1-based position of the column in the file's header, when the finding is about one. */
  position: number | null;
  column: string | null;
  reason: string;
}

export interface HeaderMap {
  /** Spec column name → 0-based index in the row. */
  index: Map<string, number>;
  findings: HeaderFinding[];
}

/** Extension columns the specification allows (metadata.*) and vendors add (ext_*, x-...). */
export function isExtensionColumn(name: string): boolean {
  return /^(metadata\.|ext[_.:-]|x[_.-])/i.test(name);
}

export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Maps a header to the spec's columns. */
export function mapHeader(header: readonly string[], spec: readonly ColumnSpec[]): HeaderMap {
  const index = new Map<string, number>();
  const findings: HeaderFinding[] = [];
  const specNames = spec.map((s) => s.name);
  const seen = new Map<string, number>();
  const unknown: number[] = [];

  header.forEach((raw, i) => {
    const name = raw.trim();
    const prior = seen.get(name);
    if (name !== '' && prior !== undefined) {
      findings.push({
        severity: 'error',
        position: i + 1,
        column: name,
        reason: `the column "${name}" appears twice (columns ${prior + 1} and ${i + 1}); which one holds the value cannot be told`,
      });
      return;
    }
    seen.set(name, i);
    if (specNames.includes(name)) index.set(name, i);
    else unknown.push(i);
  });

  for (const i of unknown) {
    const name = header[i]!.trim();
    if (name === '') {
      findings.push({
        severity: 'warning',
        position: i + 1,
        column: null,
        reason: `column ${i + 1} has no name; its values are ignored`,
      });
      continue;
    }
    if (isExtensionColumn(name)) continue;
    const missing = specNames.filter((s) => !index.has(s));
    const sameCase = missing.filter((s) => s.toLowerCase() === name.toLowerCase());
    const close = sameCase.length
      ? sameCase
      : missing.filter((s) => editDistance(s.toLowerCase(), name.toLowerCase()) <= 2);
    if (close.length === 1) {
      index.set(close[0]!, i);
      findings.push({
        severity: 'warning',
        position: i + 1,
        column: name,
        reason: `"${name}" is not a column of the specification; read as "${close[0]}"`,
      });
    } else if (close.length > 1) {
      findings.push({
        severity: 'error',
        position: i + 1,
        column: name,
        reason: `"${name}" could be any of ${close.map((s) => `"${s}"`).join(', ')}`,
      });
    } else {
      findings.push({
        severity: 'warning',
        position: i + 1,
        column: name,
        reason: `"${name}" is not a column of the specification; ignored`,
      });
    }
  }

  for (const s of spec) {
    if (index.has(s.name)) continue;
    findings.push(
      s.required === 'yes'
        ? {
            severity: 'error',
            position: null,
            column: s.name,
            reason: `the required column "${s.name}" is missing`,
          }
        : {
            severity: 'warning',
            position: null,
            column: s.name,
            reason: `the column "${s.name}" is missing; read as empty`,
          },
    );
  }

  // Order: the spec's columns that are present must appear in the spec's order.
  const present = spec.filter((s) => index.has(s.name));
  for (let k = 1; k < present.length; k++) {
    const before = present[k - 1]!;
    const after = present[k]!;
    if (index.get(after.name)! < index.get(before.name)!) {
      findings.push({
        severity: 'warning',
        position: index.get(after.name)! + 1,
        column: after.name,
        reason: `the columns are not in the specification's order ("${after.name}" comes before "${before.name}"); read by name`,
      });
      break;
    }
  }
  return { index, findings };
}
