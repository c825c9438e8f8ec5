// The published files in ../shared/conformance (beside the repository), or
// RAPPORT_CONFORMANCE_DIR. In CI they must be there; elsewhere a missing folder skips the tests
// that read them, with a message.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(import.meta.dirname, '..');

export function conformanceRoot(): string | null {
  const dir = process.env.RAPPORT_CONFORMANCE_DIR ?? resolve(REPO_ROOT, '../shared/conformance');
  if (existsSync(dir)) return dir;
  if (process.env.CI || process.env.RAPPORT_CONFORMANCE_DIR)
    throw new Error(`the conformance files are required: ${dir} does not exist`);
  console.warn(`Skipping conformance tests: ${dir} does not exist.`);
  return null;
}

/** A path inside the conformance folder; throws when the folder is missing. */
export function conformancePath(...parts: string[]): string {
  const root = conformanceRoot();
  if (!root) throw new Error('the conformance files are not here (../shared/conformance)');
  return join(root, ...parts);
}
