// Every benchmark, by name. A new one (surveys, district) adds a line here and a module that
// exports a Benchmark; modules load lazily, so running one never pays for the others' setup.
import type { Benchmark } from './lib/benchmark.js';

export const benchmarks: Record<string, { description: string; load: () => Promise<Benchmark> }> = {
  logging: {
    description: 'logging an interaction: real route vs a bare insert route (SQLite)',
    load: async () => (await import('./logging.js')).loggingBenchmark,
  },
  practice: {
    description:
      'teacher home, class view, student card on a school year of 5M interactions vs one indexed query (SQLite)',
    load: async () => (await import('./practice.js')).practiceBenchmark,
  },
  import: {
    description:
      'OneRoster 1.2 CSV import of a 100,000-student district vs a bare batched insert of the same rows (SQLite)',
    load: async () => (await import('./import.js')).importBenchmark,
  },
  surveys: {
    description:
      'every teacher and school report of 50,000 responses × 20 items vs one aggregate SQL pass (SQLite)',
    load: async () => (await import('./surveys.js')).surveysBenchmark,
  },
  web: {
    description:
      'first load of the web app: gzip kB of the entry chunk and its static imports, and of each home (budget 150 kB)',
    load: async () => (await import('./web.js')).webBenchmark,
  },
  district: {
    description:
      'district size on PostgreSQL (20M interactions): logging through two instances vs bare; teacher screens vs one indexed query',
    load: async () => (await import('./district.js')).districtBenchmark,
  },
};
