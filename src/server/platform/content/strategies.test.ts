import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRATEGY_LANGS, STRATEGY_STAGES } from '../../../contracts/strategies.js';
import { NotFoundError } from '../errors.js';
import { DEFAULT_STRATEGIES_ROOT } from './strategy-files.js';
import { seedTexts } from '../../../../test/seeds.js';
import {
  SECTIONS,
  StrategyContentError,
  getStrategy,
  listStrategies,
  loadStrategyLibrary,
  type StrategyEntry,
  type StrategyProblem,
} from './strategies.js';

const REPO_ROOT = resolve(import.meta.dirname, '../../../..');
const REQUIRED = [
  'two-by-ten',
  'learn-interests',
  'five-to-one',
  'empathy-statements',
  'relationship-repair',
  'respect-agreements',
  'bias-reflection',
  'charitable-explanations',
];

const library = loadStrategyLibrary();
const all: StrategyEntry[] = STRATEGY_LANGS.flatMap((l) => [...library.byLang[l].values()]);

/** Lowercase words (letters, digits, apostrophes), so punctuation and spacing do not matter. */
function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/’/g, "'")
      .match(/[\p{L}\p{N}']+/gu) ?? []
  );
}

/** The body without its Sources list: the text we wrote ourselves. */
function prose(s: StrategyEntry): string {
  return s.markdown.split(new RegExp(`^## ${SECTIONS[s.lang][3]}\\s*$`, 'm'))[0]!;
}

describe('the strategy library', () => {
  it('reads content/strategies at the repository root, from src/ and from dist/ alike', () => {
    expect(DEFAULT_STRATEGIES_ROOT).toBe(join(REPO_ROOT, 'content', 'strategies'));
    // The compiled file sits as deep under dist/ as the source does under src/.
    const fromDist = resolve(REPO_ROOT, 'dist/server/platform/content', '../../../..');
    expect(fromDist).toBe(REPO_ROOT);
  });

  it('has the eight strategies the research names, in English and Spanish', () => {
    for (const lang of STRATEGY_LANGS)
      expect([...library.byLang[lang].keys()]).toEqual(expect.arrayContaining(REQUIRED));
    expect(library.byLang.en.size).toBeGreaterThanOrEqual(10);
  });

  it('has every strategy in both languages, with the same stages, minutes and citations', () => {
    expect([...library.byLang.es.keys()].sort()).toEqual([...library.byLang.en.keys()].sort());
    for (const en of library.byLang.en.values()) {
      const es = library.byLang.es.get(en.slug)!;
      expect(es.stages, en.slug).toEqual(en.stages);
      expect(es.minutes, en.slug).toBe(en.minutes);
      expect(es.citations, en.slug).toEqual(en.citations);
      expect(es.title, en.slug).not.toBe(en.title);
    }
  });

  it('offers at least two strategies for every stage', () => {
    for (const lang of STRATEGY_LANGS)
      for (const stage of STRATEGY_STAGES) {
        const fit = listStrategies(library, { lang, stage }).strategies;
        expect(fit.length, `${lang} ${stage}`).toBeGreaterThanOrEqual(2);
      }
  });

  it('has valid front matter in every file', () => {
    for (const s of all) {
      expect(s.title.length, s.path).toBeGreaterThan(2);
      expect(s.summary, s.path).toMatch(/^[^\n]{20,200}\.$/);
      expect(s.stages.length, s.path).toBeGreaterThan(0);
      expect(STRATEGY_STAGES, s.path).toEqual(expect.arrayContaining(s.stages));
      expect(Number.isInteger(s.minutes) && s.minutes >= 1 && s.minutes <= 60, s.path).toBe(true);
      expect(s.citations.length, s.path).toBeGreaterThan(0);
    }
  });

  it('keeps every text between 150 and 350 words, not counting the Sources list', () => {
    for (const s of all) {
      const n = words(prose(s)).length;
      expect(n, `${s.path} has ${n} words`).toBeGreaterThanOrEqual(150);
      expect(n, `${s.path} has ${n} words`).toBeLessThanOrEqual(350);
    }
  });

  it('renders each body to HTML with its sections and numbered steps', () => {
    for (const s of all) {
      for (const heading of SECTIONS[s.lang])
        expect(s.html, s.path).toContain(`<h2>${heading}</h2>`);
      expect(s.html, s.path).toMatch(/<ol>\s*<li>/);
      expect(s.html, s.path).not.toMatch(/<script|<h1/);
    }
  });

  it('loads once per process', () => {
    expect(loadStrategyLibrary()).toBe(library);
  });
});

describe('against the research seeds (test/fixtures/seeds)', () => {
  const seeds = seedTexts();
  const seedWords = words(seeds.join('\n'));
  const N = 12;
  const seedGrams = new Set<string>();
  for (let i = 0; i + N <= seedWords.length; i++)
    seedGrams.add(seedWords.slice(i, i + N).join(' '));

  it('has no run of 12 or more words copied from a seed', () => {
    expect(seedGrams.size).toBeGreaterThan(1000);
    const copied: string[] = [];
    for (const s of all) {
      const w = words([s.title, s.summary, prose(s)].join('\n'));
      for (let i = 0; i + N <= w.length; i++) {
        const gram = w.slice(i, i + N).join(' ');
        if (seedGrams.has(gram)) copied.push(`${s.path}: "${gram}"`);
      }
    }
    expect(copied).toEqual([]);
  });

  it('cites only works the seeds cite, spelled as they give them', () => {
    const seedText = seedWords.join(' ');
    const unknown: string[] = [];
    for (const citation of new Set(all.flatMap((s) => s.citations))) {
      // Authors and year, then the title: each must appear word for word in a seed.
      const [authorsYear, rest] = citation.split(/(?<=\)\.) /, 2);
      const title = rest?.split(/[.?] /)[0] ?? '';
      if (
        !seedText.includes(words(authorsYear!).join(' ')) ||
        !seedText.includes(words(title).join(' '))
      )
        unknown.push(citation);
    }
    expect(unknown).toEqual([]);
  });
});

describe('listing and reading', () => {
  it('filters by stage and sorts by title in the language asked for', () => {
    const { lang, strategies } = listStrategies(library, { lang: 'es', stage: 'restore' });
    expect(lang).toBe('es');
    expect(strategies.map((s) => s.slug)).toEqual(
      expect.arrayContaining(['empathy-statements', 'relationship-repair']),
    );
    expect(strategies.every((s) => s.stages.includes('restore'))).toBe(true);
    expect(strategies.map((s) => s.slug)).not.toContain('two-by-ten');
    const titles = strategies.map((s) => s.title);
    expect(titles).toEqual([...titles].sort(new Intl.Collator('es').compare));
    expect(strategies[0]).toEqual({
      slug: expect.any(String),
      title: expect.any(String),
      stages: expect.any(Array),
      summary: expect.any(String),
      minutes: expect.any(Number),
    });
  });

  it('lists every strategy without a stage', () => {
    expect(listStrategies(library, { lang: 'en' }).strategies).toHaveLength(library.byLang.en.size);
  });

  it('returns one strategy in the language asked for, and NotFoundError for an unknown slug', () => {
    const s = getStrategy(library, 'two-by-ten', 'es');
    expect(s.title).toBe('Dos por diez');
    expect(s.stages).toEqual(['pre_establish', 'establish']);
    expect(s.html).toContain('<h2>Por qué ayuda</h2>');
    expect(Object.keys(s).sort()).toEqual(
      ['citations', 'html', 'lang', 'minutes', 'slug', 'stages', 'summary', 'title'].sort(),
    );
    expect(() => getStrategy(library, 'no-such-strategy', 'en')).toThrow(NotFoundError);
  });
});

describe('the validator', () => {
  const good = (title: string, stages = '[establish]', lang: 'en' | 'es' = 'en') => {
    const [why, how, watch, sources] = SECTIONS[lang];
    return [
      '---',
      `title: ${title}`,
      `stages: ${stages}`,
      'summary: A short summary of the strategy.',
      'minutes: 2',
      'citations:',
      '  - "Author, A. (2020). A title. A journal."',
      '---',
      '',
      `## ${why}`,
      '',
      'Some reasons.',
      '',
      `## ${how}`,
      '',
      '1. First.',
      '2. Second.',
      '',
      `## ${watch}`,
      '',
      '- Something.',
      '',
      `## ${sources}`,
      '',
      '- Author, A. (2020). A title. A journal.',
      '',
    ].join('\n');
  };

  function folder(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'rapport-strategies-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  }

  function problemsOf(root: string): StrategyProblem[] {
    try {
      loadStrategyLibrary(root);
    } catch (err) {
      expect(err).toBeInstanceOf(StrategyContentError);
      return (err as StrategyContentError).problems;
    }
    throw new Error('the library loaded although it is invalid');
  }

  it('accepts a minimal valid library', () => {
    const root = folder({ 'en/a.md': good('A'), 'es/a.md': good('Una', '[establish]', 'es') });
    const lib = loadStrategyLibrary(root);
    expect(lib.byLang.en.get('a')!.html).toContain('<ol>');
    expect(lib.byLang.es.get('a')!.title).toBe('Una');
  });

  it('names the file and the field: a missing title, an unknown stage, a slug missing in one language', () => {
    const root = folder({
      'en/no-title.md': good('X').replace('title: X\n', ''),
      'es/no-title.md': good('Y', '[establish]', 'es'),
      'en/bad-stage.md': good('B', '[establish, repair]'),
      'es/bad-stage.md': good('C', '[establish, repair]', 'es'),
      'en/only-english.md': good('D'),
    });
    const problems = problemsOf(root);
    expect(problems).toEqual(
      expect.arrayContaining([
        { file: 'en/no-title.md', field: 'title', reason: 'is missing' },
        {
          file: 'en/bad-stage.md',
          field: 'stages',
          reason: '"repair" is not a stage (pre_establish, establish, maintain, restore)',
        },
        {
          file: 'es/only-english.md',
          field: 'slug',
          reason: 'is missing: en/only-english.md exists',
        },
      ]),
    );
    expect(() => loadStrategyLibrary(root)).toThrow(/en\/no-title\.md: title: is missing/);
  });

  it('rejects stages that differ between languages, unknown fields, raw HTML and a wrong Sources list', () => {
    const root = folder({
      'en/a.md': good('A', '[establish, maintain]').replace('Some reasons.', '<b>Bold</b>'),
      'es/a.md': good('Una', '[establish]', 'es').replace('minutes: 2', 'minutes: 2\nstage: x'),
      'en/b.md': good('B').replace('- Author, A. (2020). A title. A journal.\n', '- Other.\n'),
      'es/b.md': good('Be', '[establish]', 'es').replace(
        '1. First.\n2. Second.',
        '- Not numbered.',
      ),
    });
    const byFile = problemsOf(root).map((p) => `${p.file} ${p.field}`);
    expect(byFile).toEqual(
      expect.arrayContaining([
        'en/a.md body',
        'es/a.md stage',
        'en/b.md citations',
        'es/b.md body.Cómo hacerlo',
      ]),
    );
    // es/a.md has its own problem, so the comparison across languages is for files that parse.
    const differs = folder({
      'en/a.md': good('A', '[establish, maintain]'),
      'es/a.md': good('Una', '[establish]', 'es'),
    });
    expect(problemsOf(differs)).toEqual([
      expect.objectContaining({ file: 'es/a.md', field: 'stages' }),
    ]);
  });

  it('rejects a file without front matter or with broken YAML, and missing sections', () => {
    const root = folder({
      'en/a.md': '## Why it helps\n\nNo front matter.\n',
      'es/a.md': good('Una', '[establish]', 'es').replace(
        'stages: [establish]',
        'stages: [establish',
      ),
      'en/b.md': good('B').replace('## What to watch for', '## Watch out'),
      'es/b.md': good('Be', '[establish]', 'es'),
      'fr/b.md': good('Bé'),
    });
    const problems = problemsOf(root);
    expect(problems).toEqual(
      expect.arrayContaining([
        { file: 'en/a.md', field: 'front matter', reason: expect.stringContaining('is missing') },
        {
          file: 'es/a.md',
          field: 'front matter',
          reason: expect.stringContaining('not valid YAML'),
        },
        {
          file: 'en/b.md',
          field: 'body',
          reason: expect.stringContaining('"## What to watch for"'),
        },
        { file: 'fr/b.md', field: 'lang', reason: expect.stringContaining('"fr"') },
      ]),
    );
  });

  it('fails loudly on an empty or missing folder', () => {
    expect(() => loadStrategyLibrary(folder({}))).toThrow(/no <lang>\/<slug>\.md files/);
    expect(() => loadStrategyLibrary(join(tmpdir(), 'rapport-no-such-folder'))).toThrow(
      /strategy library/i,
    );
  });
});
