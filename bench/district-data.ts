// `npx tsx bench/district-data.ts [--scale 1] [--rebuild]`: builds (or finds cached) the
// district data set in the PostgreSQL database rapport_bench_district on BENCH_PG_URL
// (default postgres://postgres@127.0.0.1:5432/postgres) and prints rows/s per table.
// `--sqlite file.db --scale 0.05`: writes the same shape into a new SQLite file instead.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { machine, writeResult } from './lib/benchmark.js';
import { buildDistrict, districtShape, ensureDistrictDatabase } from './lib/district-generator.js';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    rebuild: { type: 'boolean', default: false },
    sqlite: { type: 'string' },
  },
});
const shape = districtShape(Number(values.scale));
const log = (m: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${m}`);
if (values.sqlite) {
  if (existsSync(values.sqlite)) throw new Error(`${values.sqlite} exists: give a new file`);
  const build = await buildDistrict({ dialect: 'sqlite', path: values.sqlite }, shape, log);
  console.log(JSON.stringify(build, null, 2));
} else {
  const server = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const { url, build } = await ensureDistrictDatabase(server, shape, {
    rebuild: values.rebuild,
    log,
  });
  console.log(url);
  if (build) {
    // The benchmark reports the build figures of the database it runs on.
    if (shape.scale === 1) writeResult('district-build', { machine: machine(), ...build });
    console.log(JSON.stringify(build, null, 2));
  }
}
