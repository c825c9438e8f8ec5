// The published files the tests read (OneRoster sets, reliability data), copied unchanged into
// test/fixtures/conformance: its README names each file's source, path, commit and licence.
import { join, resolve } from 'node:path';

export const CONFORMANCE_ROOT = resolve(import.meta.dirname, 'fixtures/conformance');

/** A path inside test/fixtures/conformance. */
export function conformancePath(...parts: string[]): string {
  return join(CONFORMANCE_ROOT, ...parts);
}
