// `npm run bench -- [name…] [--flag…]`: runs the named benchmarks, or all of them when none is
// named. Each writes bench/results/<name>.json and prints a short summary. Flags (such as
// `--rebuild`) go to every benchmark run; each must be one that a named benchmark declares.
import { benchmarks } from './registry.js';

async function main(argv: string[]): Promise<number> {
  const known = Object.keys(benchmarks);
  const named = argv.filter((a) => !a.startsWith('--'));
  const flags = new Set(argv.filter((a) => a.startsWith('--')).map((a) => a.slice(2)));
  const names = named.length > 0 ? named : known;
  const unknown = names.filter((n) => !(n in benchmarks));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`);
    console.error('Known benchmarks:');
    for (const [name, b] of Object.entries(benchmarks))
      console.error(`  ${name.padEnd(12)} ${b.description}`);
    return 1;
  }
  const loaded = await Promise.all(names.map((n) => benchmarks[n]!.load()));
  const declared = new Map(loaded.flatMap((b) => Object.entries(b.flags ?? {})));
  const unknownFlags = [...flags].filter((f) => !declared.has(f));
  if (unknownFlags.length > 0) {
    console.error(
      `Unknown flag${unknownFlags.length > 1 ? 's' : ''}: --${unknownFlags.join(', --')}.`,
    );
    console.error('Flags of the named benchmarks:');
    if (declared.size === 0) console.error('  (none)');
    for (const [flag, what] of declared) console.error(`  --${flag.padEnd(10)} ${what}`);
    return 1;
  }
  for (const bench of loaded) {
    console.log(`Running ${bench.name}…`);
    console.log(await bench.run(flags));
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
