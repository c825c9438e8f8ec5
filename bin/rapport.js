#!/usr/bin/env node
// The package's CLI. Runs the compiled server when it has been built (npm start builds it);
// otherwise registers tsx and runs the TypeScript sources, so `npx rapport` works right after install.
// RAPPORT_FROM_SOURCE=1 forces the sources (the tests use it so a stale build is never tested).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/server/cli.js', import.meta.url));
if (existsSync(compiled) && process.env.RAPPORT_FROM_SOURCE !== '1') {
  await import(pathToFileURL(compiled).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/server/cli.ts', import.meta.url).href);
}
