// What every benchmark is and how its result file is written, so `npm run bench -- <name>`
// treats them all alike.
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { resolve } from 'node:path';

export interface Benchmark {
  name: string;
  description: string;
  /** Command-line flags the benchmark understands (`--name`), with what each does. */
  flags?: Record<string, string>;
  /** Runs the benchmark, writes bench/results/<name>.json and returns a short human summary. */
  run(flags?: ReadonlySet<string>): Promise<string>;
}

export const RESULTS_DIR = resolve(import.meta.dirname, '../results');
/** Generated data sets (gitignored), kept between runs. */
export const CACHE_DIR = resolve(import.meta.dirname, '../.cache');

export function machine() {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** The commit measured, and whether src/ had uncommitted changes (the server is a moving target). */
export function codeVersion() {
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: import.meta.dirname, encoding: 'utf8' }).trim();
    return {
      commit: git('rev-parse', '--short', 'HEAD'),
      srcDirty: git('status', '--porcelain', '--', '../../src') !== '',
    };
  } catch {
    return { commit: 'unknown', srcDirty: false };
  }
}

/** Writes the result file whole or not at all (a half-written figure is worse than none). */
export function writeResult(name: string, result: object): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = resolve(RESULTS_DIR, `${name}.json`);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(result, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return file;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0–100) of unsorted values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
