// Cronbach's alpha against the figures pingouin publishes for its own data sets
// (test/fixtures/conformance/reliability, read as they are: see its README).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { conformancePath } from '../../../test/conformance.js';
import { cronbachAlpha } from './reliability.js';

type Row = (number | null)[];

function readCsv(name: string): Record<string, string>[] {
  const text = readFileSync(conformancePath('reliability', name), 'utf8');
  return parse(text, { bom: true, columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
}

function answer(cell: string | undefined, where: string): number | null {
  if (cell === undefined || cell.trim() === '') return null;
  const value = Number(cell);
  if (!Number.isFinite(value)) throw new Error(`${where}: not a number: ${cell}`);
  return value;
}

/** Long format (subject, item, score) to one row per subject, one column per item. */
function pivot(records: Record<string, string>[], subject: string, item: string, score: string) {
  const subjects = [...new Set(records.map((r) => r[subject]!))];
  const items = [...new Set(records.map((r) => r[item]!))];
  const rows: Row[] = subjects.map(() => items.map(() => null));
  records.forEach((r, i) => {
    rows[subjects.indexOf(r[subject]!)]![items.indexOf(r[item]!)] = answer(
      r[score],
      `line ${i + 2}`,
    );
  });
  return { rows, items };
}

const round3 = (ci: [number, number]) => ci.map((v) => Math.round(v * 1000) / 1000);

describe('Cronbach alpha on published data (pingouin)', () => {
  it('cronbach_alpha.csv (long format, 15 × 10): 0.5917188485995826 [0.195, 0.840]', () => {
    const { rows, items } = pivot(readCsv('cronbach_alpha.csv'), 'Subj', 'Items', 'Scores');
    expect(rows).toHaveLength(15);
    expect(items).toHaveLength(10);
    const result = cronbachAlpha(rows);
    expect(result).not.toBeNull();
    expect(Math.abs(result!.alpha - 0.5917188485995826)).toBeLessThan(1e-12);
    expect(round3(result!.ci95)).toEqual([0.195, 0.84]);
    expect(result!.n).toBe(15);
    expect(result!.k).toBe(10);
  });

  const wide = () => {
    const records = readCsv('cronbach_wide_missing.csv');
    const columns = Object.keys(records[0]!);
    return {
      columns,
      rows: records.map((r, i) => columns.map((c) => answer(r[c], `line ${i + 2}, ${c}`))),
    };
  };

  it('cronbach_wide_missing.csv, pairwise: 0.732660835214447 [0.435, 0.909]', () => {
    const { columns, rows } = wide();
    expect(columns[0]).toBe('Q1'); // the byte-order mark is not part of the first name
    expect(columns).toHaveLength(11);
    expect(rows.flat().filter((v) => v === null)).toHaveLength(4);
    const result = cronbachAlpha(rows);
    expect(Math.abs(result!.alpha - 0.732660835214447)).toBeLessThan(1e-12);
    expect(round3(result!.ci95)).toEqual([0.435, 0.909]);
    expect(result!.n).toBe(12);
  });

  it('cronbach_wide_missing.csv, listwise: 0.8016949152542373 from the 9 complete rows', () => {
    const { rows } = wide();
    const result = cronbachAlpha(rows, { missing: 'listwise' });
    expect(Math.abs(result!.alpha - 0.8016949152542373)).toBeLessThan(1e-12);
    expect(result!.n).toBe(9);
    // The interval from the 9 respondents the estimate rests on: what pingouin publishes now
    // (reliability.py, "the sample size of the confidence interval is the one after listwise
    // deletion").
    expect(round3(result!.ci95)).toEqual([0.533, 0.947]);
  });

  it('cronbach_wide_missing.csv, listwise with every respondent in the interval: the published [0.581, 0.933]', () => {
    // The conformance README's figure is that of the pingouin release it cites (and of R's
    // psych::alpha), which put all 12 respondents in the interval's n.
    const { rows } = wide();
    const result = cronbachAlpha(rows, { missing: 'listwise', intervalSample: 'all' });
    expect(Math.abs(result!.alpha - 0.8016949152542373)).toBeLessThan(1e-12);
    expect(result!.n).toBe(12);
    expect(round3(result!.ci95)).toEqual([0.581, 0.933]);
  });
});
