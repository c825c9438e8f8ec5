// Builds the web app (src/web) into dist/web, where the server serves it. In development the
// Vite server proxies the API to the Fastify server on port 3000.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const WEB_ROOT = resolve(import.meta.dirname, 'src/web');
const SW_FILE = 'sw.js';
const SW_MANIFEST = '__RAPPORT_SW_MANIFEST__';

/**
 * The service worker (src/web/service-worker/sw.ts) is a second entry, built to /sw.js without a
 * hash (its URL must not change). Once everything is written, its manifest placeholder becomes
 * the list of files to cache at install and a version hashed from all of the build's output, so
 * each build installs a new worker and drops the old caches.
 */
function serviceWorkerManifest(): Plugin {
  return {
    name: 'rapport:service-worker-manifest',
    apply: 'build',
    writeBundle(options, bundle) {
      const outDir = options.dir ?? resolve(WEB_ROOT, 'dist');
      const path = join(outDir, SW_FILE);
      const code = readFileSync(path, 'utf8');
      // A classic worker script cannot import: everything it uses must be inlined.
      if (/^\s*(import|export)\b/m.test(code))
        throw new Error(`${SW_FILE} must not import or export (it shares a chunk with the app?)`);
      if (code.split(SW_MANIFEST).length !== 2)
        throw new Error(`${SW_FILE} must contain ${SW_MANIFEST} exactly once`);
      const files = Object.keys(bundle)
        .filter((f) => f !== SW_FILE && !f.endsWith('.map'))
        .sort();
      const hash = createHash('sha256').update(code);
      for (const file of files) {
        const out = bundle[file]!;
        hash.update(file).update(out.type === 'chunk' ? out.code : out.source);
      }
      const manifest = {
        version: hash.digest('hex').slice(0, 16),
        shell: ['/', ...files.filter((f) => f.startsWith('assets/')).map((f) => `/${f}`)],
      };
      writeFileSync(path, code.replace(SW_MANIFEST, JSON.stringify(manifest)));
    },
  };
}

export default defineConfig({
  root: WEB_ROOT,
  plugins: [react(), serviceWorkerManifest()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        index: resolve(WEB_ROOT, 'index.html'),
        sw: resolve(WEB_ROOT, 'service-worker/sw.ts'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? SW_FILE : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/healthz': 'http://127.0.0.1:3000',
    },
  },
});
