// The only code that reads the strategy library's files. It reads; strategies.ts parses and
// validates. The root is injectable so tests can point it at a temporary folder.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * content/strategies at the repository root. This file sits four folders below the root both as
 * source (src/server/platform/content) and compiled (dist/server/platform/content).
 */
export const DEFAULT_STRATEGIES_ROOT = resolve(
  import.meta.dirname,
  '../../../../content/strategies',
);

export interface StrategyFile {
  /** The language folder the file is in (`en`, `es`, or whatever else is there). */
  lang: string;
  /** The file name without `.md`. */
  slug: string;
  /** `<lang>/<slug>.md`, for error messages. */
  path: string;
  source: string;
}

export function strategiesRepository(root: string = DEFAULT_STRATEGIES_ROOT) {
  return {
    root,
    /** Every `<lang>/<slug>.md` under the root, sorted by path. Other files are ignored. */
    readAll(): StrategyFile[] {
      if (!existsSync(root)) throw new Error(`The strategy library folder ${root} does not exist.`);
      const files: StrategyFile[] = [];
      for (const lang of readdirSync(root).sort()) {
        const dir = join(root, lang);
        if (!statSync(dir).isDirectory()) continue;
        for (const name of readdirSync(dir).sort()) {
          if (!name.endsWith('.md')) continue;
          files.push({
            lang,
            slug: name.slice(0, -'.md'.length),
            path: `${lang}/${name}`,
            source: readFileSync(join(dir, name), 'utf8'),
          });
        }
      }
      return files;
    },
  };
}
