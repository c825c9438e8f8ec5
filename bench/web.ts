// The web app's first load: builds src/web with the project's Vite config into a temporary
// directory, reads Vite's manifest, and adds up the gzip size of what a browser must fetch
// before it can run: the entry chunk and every chunk it imports statically (modulepreload).
// Each home page's total adds the page's own lazy chunk and its static imports. The budget is
// 150 KB of JavaScript (gzip) for the entry (issue 13); sizes are bytes, so this is a budget
// check, not a timing.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { codeVersion, machine, round, writeResult, type Benchmark } from './lib/benchmark.js';

const REPO_ROOT = resolve(import.meta.dirname, '..');
export const ENTRY_BUDGET_KB = 150;
/** kB as Vite prints them (1 kB = 1000 bytes), gzip at zlib's default level, as Vite does. */
const KB = 1000;

/** The pages whose first-load totals are reported, by their source in the manifest. */
const ROUTES = {
  teacherHome: 'app/pages/teacher-home-page.tsx',
  leaderHome: 'app/pages/leader-home-page.tsx',
  adminHome: 'features/home/components/admin-home.tsx',
  studentHome: 'app/pages/student-home-page.tsx',
  classView: 'features/classes/components/class-view.tsx',
} as const;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The manifest keys of `key` and everything it imports statically, transitively. */
export function staticClosure(manifest: Manifest, key: string, into = new Set<string>()) {
  if (into.has(key)) return into;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`The manifest has no chunk "${key}".`);
  into.add(key);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

export function measureBuild(outDir: string) {
  const manifest = JSON.parse(
    readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'),
  ) as Manifest;
  const gzipBytes = new Map<string, number>();
  const sizeOf = (file: string) => {
    let n = gzipBytes.get(file);
    if (n === undefined) {
      n = gzipSync(readFileSync(join(outDir, file))).length;
      gzipBytes.set(file, n);
    }
    return n;
  };
  const kb = (keys: Iterable<string>) =>
    round([...keys].reduce((sum, k) => sum + sizeOf(manifest[k]!.file), 0) / KB, 1);

  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry && k === 'index.html');
  if (!entryKey) throw new Error('The manifest has no index.html entry.');
  const entry = staticClosure(manifest, entryKey);
  const routes = Object.fromEntries(
    Object.entries(ROUTES).map(([name, src]) => {
      const keys = staticClosure(manifest, src, new Set(entry));
      return [name, { totalKb: kb(keys), ownKb: round(kb(keys) - kb(entry), 1) }];
    }),
  );
  const cssKb = round(
    (manifest[entryKey]!.css ?? []).reduce((sum, f) => sum + sizeOf(f), 0) / KB,
    1,
  );
  const allJs = Object.values(manifest).filter((c) => c.file.endsWith('.js'));
  return {
    entryKb: kb(entry),
    entryChunks: [...entry].map((k) => ({
      file: manifest[k]!.file,
      gzipKb: round(sizeOf(manifest[k]!.file) / KB, 1),
    })),
    teacherHomeKb: (routes.teacherHome as { totalKb: number }).totalKb,
    routes,
    cssKb,
    chunks: allJs.length,
    allJsKb: round(allJs.reduce((sum, c) => sum + sizeOf(c.file), 0) / KB, 1),
  };
}

export const webBenchmark: Benchmark = {
  name: 'web',
  description: 'first load of the web app: gzip KB of the entry chunk and its static imports',
  async run() {
    const outDir = mkdtempSync(join(tmpdir(), 'rapport-web-bench-'));
    // Vite bundles React's development build unless NODE_ENV says production.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        configFile: resolve(REPO_ROOT, 'vite.config.ts'),
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true, manifest: true },
      });
      const m = measureBuild(outDir);
      const result = {
        name: 'web',
        date: new Date().toISOString(),
        machine: machine(),
        ...codeVersion(),
        units: {
          entryKb:
            'kB (1000 bytes) of gzip (zlib default level): the entry chunk and every chunk it imports statically',
          teacherHomeKb: "entryKb plus the teacher home's lazy chunk and its static imports",
        },
        budgetKb: ENTRY_BUDGET_KB,
        meetsBudget: m.entryKb <= ENTRY_BUDGET_KB,
        ...m,
      };
      const file = writeResult('web', result);
      const routes = Object.entries(m.routes)
        .map(([name, r]) => `  ${name.padEnd(12)} ${r.totalKb} kB (own ${r.ownKb} kB)`)
        .join('\n');
      const verdict = result.meetsBudget ? 'within' : 'OVER';
      if (!result.meetsBudget) process.exitCode = 1;
      return [
        `entry: ${m.entryKb} kB gzip JS (${m.entryChunks.length} chunks), ${verdict} the ${ENTRY_BUDGET_KB} kB budget; CSS ${m.cssKb} kB`,
        `teacher's home: ${m.teacherHomeKb} kB in all`,
        routes,
        `all JS: ${m.allJsKb} kB in ${m.chunks} chunks`,
        `→ ${file}`,
      ].join('\n');
    } finally {
      process.env.NODE_ENV = nodeEnv;
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};
