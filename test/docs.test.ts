// The docs keep up with the code: docs/ARCHITECTURE.md's tree names every folder of src/, and
// every decision a file cites (docs/decisions/NNN-title.md, or decisions/NNN) exists.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = resolve(import.meta.dirname, '..');
const DECISIONS = join(REPO_ROOT, 'docs/decisions');
/** In the tree, annotations start at this column; a line indented this far continues one. */
const ANNOTATION_COLUMN = 26;

/** Every folder under dir (relative to the repository, `/`-separated), depth first. */
function foldersUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => {
      const path = join(dir, e.name);
      return [relative(REPO_ROOT, path).split('\\').join('/'), ...foldersUnder(path)];
    });
}

/**
 * The folders the annotated tree (the first code block) names, as path segments. A line's
 * indentation (two spaces a level) places it under the folder above it; a line may name several
 * siblings (`auth/ classes/`) or a path (`components/ui/`); `<feature>/` stands for any folder.
 */
function documentedFolders(markdown: string): string[][] {
  const tree = markdown.split('```')[1] ?? '';
  const parents: string[][] = [];
  const named: string[][] = [];
  for (const line of tree.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (line.trim() === '' || indent >= ANNOTATION_COLUMN) continue;
    const depth = indent / 2;
    const head = line.trim().split(/\s{2,}/)[0]!;
    for (const token of head.split(' ').filter((t) => t.endsWith('/'))) {
      let path = parents[depth - 1] ?? [];
      for (const segment of token.split('/').filter(Boolean)) {
        path = [...path, segment];
        named.push(path);
      }
      parents[depth] = path;
      parents.length = depth + 1;
    }
  }
  return named;
}

const matches = (folder: string[], doc: string[]) =>
  folder.length === doc.length && doc.every((s, i) => s === folder[i] || s.startsWith('<'));

/** Files that may cite a decision. */
function citingFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory())
      return e.name === 'node_modules' || e.name === 'results' ? [] : citingFiles(path);
    return /\.(ts|tsx|js|md|css|html|json)$/.test(e.name) ? [path] : [];
  });
}

describe('docs/ARCHITECTURE.md', () => {
  const named = documentedFolders(readFileSync(join(REPO_ROOT, 'docs/ARCHITECTURE.md'), 'utf8'));
  const isNamed = (folder: string) => named.some((doc) => matches(folder.split('/'), doc));

  it('reads the tree: folders it names are found, others are not', () => {
    expect(isNamed('src/server/platform/access')).toBe(true);
    expect(isNamed('src/web/features/practice/lib')).toBe(true);
    expect(isNamed('src/web/components/ui')).toBe(true);
    expect(isNamed('src/server/platform/nowhere')).toBe(false);
    expect(isNamed('src/server/features/auth/api')).toBe(false);
  });

  it('names every folder of src/', () => {
    const missing = foldersUnder(join(REPO_ROOT, 'src')).filter((f) => !isNamed(f));
    expect(missing).toEqual([]);
  });
});

describe('decisions cited in src/, test/, e2e/, bench/, docs/ and the README', () => {
  const decisions = readdirSync(DECISIONS).filter((f) => /^\d{3}-.+\.md$/.test(f));
  const numbers = new Set(decisions.map((f) => f.slice(0, 3)));
  const files = [
    ...['src', 'test', 'e2e', 'bench', 'docs'].flatMap((d) => citingFiles(join(REPO_ROOT, d))),
    join(REPO_ROOT, 'README.md'),
  ].filter((f) => existsSync(f) && statSync(f).isFile());
  const citations = files.flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const where = relative(REPO_ROOT, file);
    return [
      ...[...text.matchAll(/(?<![\w-])(\d{3}-[a-z0-9-]+\.md)/g)].map((m) => ({
        where,
        cited: m[1]!,
        exists: decisions.includes(m[1]!),
      })),
      ...[...text.matchAll(/decisions\/(\d{3})(?![\w-])/g)].map((m) => ({
        where,
        cited: `decisions/${m[1]}`,
        exists: numbers.has(m[1]!),
      })),
    ];
  });

  it('are found (the check reads the citations)', () => {
    expect(citations.length).toBeGreaterThan(20);
    expect(citations).toContainEqual({
      where: 'src/server/platform/access/roster-cache.ts',
      cited: '006-logging-hot-path.md',
      exists: true,
    });
  });

  it('all exist', () => {
    expect(citations.filter((c) => !c.exists)).toEqual([]);
  });
});
