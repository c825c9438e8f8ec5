// `npm run bench -- [name…]`: runs the named benchmarks, or all of them when none is named.
// Each writes bench/results/<name>.json and prints a short summary.
import { benchmarks } from './registry.js';

async function main(argv: string[]): Promise<number> {
  const known = Object.keys(benchmarks);
  const names = argv.length > 0 ? argv : known;
  const unknown = names.filter((n) => !(n in benchmarks));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`);
    console.error('Known benchmarks:');
    for (const [name, b] of Object.entries(benchmarks))
      console.error(`  ${name.padEnd(12)} ${b.description}`);
    return 1;
  }
  for (const name of names) {
    const bench = await benchmarks[name]!.load();
    console.log(`Running ${name}…`);
    console.log(await bench.run());
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exitCode = 1;
  },
);
