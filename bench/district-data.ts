// `npx tsx bench/district-data.ts [--scale 1] [--rebuild]`: builds (or finds cached) the
// district data set in the PostgreSQL database rapport_bench_district on BENCH_PG_URL
// (default postgres://postgres@127.0.0.1:5432/postgres) and prints rows/s per table.
import { parseArgs } from 'node:util';
import { districtShape, ensureDistrictDatabase } from './lib/district-generator.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    rebuild: { type: 'boolean', default: false },
  },
});
const server = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const shape = districtShape(Number(values.scale));
const log = (m: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${m}`);
const { url, build } = await ensureDistrictDatabase(server, shape, {
  rebuild: values.rebuild,
  log,
});
console.log(url);
if (build) console.log(JSON.stringify(build, null, 2));
