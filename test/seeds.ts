// The research seeds the tests check our texts against, copied unchanged into
// test/fixtures/seeds (its README says what each is): a clone alone runs those tests.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SEEDS_ROOT = resolve(import.meta.dirname, 'fixtures/seeds');

/** The text of every seed, in file-name order. */
export function seedTexts(): string[] {
  return readdirSync(SEEDS_ROOT)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => readFileSync(join(SEEDS_ROOT, name), 'utf8'));
}
