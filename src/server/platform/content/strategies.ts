// The strategy library: every content/strategies/<lang>/<slug>.md is parsed, validated and
// rendered to HTML once per process. Bad content stops the load with a message naming each file
// and field, so a broken text fails at start-up instead of showing up half-rendered to a teacher.
import matter from 'gray-matter';
import { Marked, type Token, type Tokens } from 'marked';
import {
  SLUG_PATTERN,
  STRATEGY_LANGS,
  STRATEGY_STAGES,
  type Strategy,
  type StrategyLang,
  type StrategyListResponse,
  type StrategyStage,
  type StrategySummary,
} from '../../../contracts/strategies.js';
import { NotFoundError } from '../errors.js';
import { strategiesRepository, type StrategyFile } from './strategy-files.js';

/** The body's second-level headings, in this order, per language. */
export const SECTIONS: Record<StrategyLang, readonly [string, string, string, string]> = {
  en: ['Why it helps', 'How to do it', 'What to watch for', 'Sources'],
  es: ['Por qué ayuda', 'Cómo hacerlo', 'A qué prestar atención', 'Fuentes'],
};

const FIELDS = ['title', 'stages', 'summary', 'minutes', 'citations'] as const;
const MAX_TITLE = 80;
const MAX_SUMMARY = 200;
const MAX_MINUTES = 60;

export interface StrategyEntry extends Strategy {
  /** The Markdown body (everything after the front matter), for checks on the text itself. */
  markdown: string;
  /** `<lang>/<slug>.md` */
  path: string;
}

export interface StrategyLibrary {
  root: string;
  byLang: Record<StrategyLang, Map<string, StrategyEntry>>;
}

export interface StrategyProblem {
  /** `<lang>/<slug>.md` */
  file: string;
  field: string;
  reason: string;
}

/** The library's content is invalid. Lists every problem found, one per line. */
export class StrategyContentError extends Error {
  constructor(
    readonly root: string,
    readonly problems: StrategyProblem[],
  ) {
    super(
      `The strategy library in ${root} has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  ${p.file}: ${p.field}: ${p.reason}`).join('\n'),
    );
    this.name = 'StrategyContentError';
  }
}

// Our own instance, so no other code's marked.use() can change how strategies render.
const markdown = new Marked({ gfm: true, async: false });

const libraries = new Map<string, StrategyLibrary>();

/** The library under `root` (default: content/strategies), read and validated on first use. */
export function loadStrategyLibrary(root?: string): StrategyLibrary {
  const repo = strategiesRepository(root);
  const cached = libraries.get(repo.root);
  if (cached) return cached;
  const library = buildStrategyLibrary(repo.root, repo.readAll());
  libraries.set(repo.root, library);
  return library;
}

/** Parses, validates and renders a set of files; throws StrategyContentError listing every problem. */
export function buildStrategyLibrary(root: string, files: StrategyFile[]): StrategyLibrary {
  const problems: StrategyProblem[] = [];
  const byLang: StrategyLibrary['byLang'] = { en: new Map(), es: new Map() };
  for (const file of files) {
    const entry = parseStrategyFile(file, problems);
    if (entry) byLang[entry.lang].set(entry.slug, entry);
  }
  if (files.length === 0)
    problems.push({ file: root, field: 'files', reason: 'no <lang>/<slug>.md files were found' });
  checkLanguagesAgree(files, byLang, problems);
  if (problems.length > 0) throw new StrategyContentError(root, problems);
  return { root, byLang };
}

/** One file's strategy, or null after adding its problems to `problems`. */
function parseStrategyFile(file: StrategyFile, problems: StrategyProblem[]): StrategyEntry | null {
  const before = problems.length;
  const problem = (field: string, reason: string) =>
    problems.push({ file: file.path, field, reason });

  if (!(STRATEGY_LANGS as readonly string[]).includes(file.lang))
    problem('lang', `folder "${file.lang}" is not a language of the library (en, es)`);
  if (!new RegExp(SLUG_PATTERN).test(file.slug))
    problem('slug', `"${file.slug}" must be lowercase words joined by hyphens`);

  let data: Record<string, unknown>;
  let body: string;
  try {
    // Options (even empty) turn off gray-matter's global cache, which would keep a file whose
    // front matter failed to parse and hand it back, unparsed, on the next call.
    const parsed = matter(file.source, {});
    if (!parsed.matter.trim()) {
      problem('front matter', 'is missing: the file must start with a --- block');
      return null;
    }
    data = parsed.data as Record<string, unknown>;
    body = parsed.content;
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    problem('front matter', `is not valid YAML (${first})`);
    return null;
  }

  for (const key of Object.keys(data))
    if (!(FIELDS as readonly string[]).includes(key))
      problem(key, `is not a known field (${FIELDS.join(', ')})`);

  const title = requiredText(data.title, MAX_TITLE, (r) => problem('title', r));
  const summary = requiredText(data.summary, MAX_SUMMARY, (r) => problem('summary', r));
  if (summary && !isOneSentence(summary))
    problem('summary', 'must be one sentence ending with a period');
  const stages = parseStages(data.stages, (r) => problem('stages', r));
  const minutes = data.minutes;
  if (minutes === undefined) problem('minutes', 'is missing');
  else if (
    !Number.isInteger(minutes) ||
    (minutes as number) < 1 ||
    (minutes as number) > MAX_MINUTES
  )
    problem('minutes', `must be a whole number of minutes from 1 to ${MAX_MINUTES}`);
  const citations = parseCitations(data.citations, (field, r) => problem(field, r));

  const lang = file.lang as StrategyLang;
  if (STRATEGY_LANGS.includes(lang)) checkBody(body, lang, citations, problem);

  if (problems.length > before) return null;
  return {
    slug: file.slug,
    lang,
    title: title!,
    stages,
    summary: summary!,
    minutes: minutes as number,
    html: markdown.parse(body, { async: false }),
    citations,
    markdown: body,
    path: file.path,
  };
}

function requiredText(value: unknown, max: number, fail: (reason: string) => void): string | null {
  let reason: string | null = null;
  const text = typeof value === 'string' ? value.trim() : '';
  if (value === undefined || value === null) reason = 'is missing';
  else if (typeof value !== 'string') reason = 'must be text';
  else if (!text) reason = 'is empty';
  else if (text.length > max) reason = `is longer than ${max} characters`;
  if (reason === null) return text;
  fail(reason);
  return null;
}

function isOneSentence(text: string): boolean {
  return /[.]$/.test(text) && !/[.!?]\s+[¿¡]?[A-ZÁÉÍÓÚÑ]/.test(text.slice(0, -1));
}

function parseStages(value: unknown, fail: (reason: string) => void): StrategyStage[] {
  if (!Array.isArray(value) || value.length === 0) {
    fail(
      value === undefined
        ? 'is missing'
        : `must be a non-empty list of stages (${STRATEGY_STAGES.join(', ')})`,
    );
    return [];
  }
  const seen = new Set<StrategyStage>();
  for (const s of value) {
    if (typeof s !== 'string' || !(STRATEGY_STAGES as readonly string[]).includes(s))
      fail(`"${String(s)}" is not a stage (${STRATEGY_STAGES.join(', ')})`);
    else if (seen.has(s as StrategyStage)) fail(`"${s}" is listed twice`);
    else seen.add(s as StrategyStage);
  }
  return STRATEGY_STAGES.filter((s) => seen.has(s));
}

function parseCitations(value: unknown, fail: (field: string, reason: string) => void): string[] {
  if (!Array.isArray(value) || value.length === 0) {
    fail(
      'citations',
      value === undefined ? 'is missing' : 'must be a non-empty list of references',
    );
    return [];
  }
  const out: string[] = [];
  value.forEach((c, i) => {
    const field = `citations[${i}]`;
    if (typeof c !== 'string' || !c.trim()) fail(field, 'must be a non-empty reference');
    else if (!/\((\d{4}|n\.d\.)\)/.test(c))
      fail(field, 'must give the year in parentheses, e.g. "(2018)" or "(n.d.)"');
    else out.push(c.trim());
  });
  return out;
}

/** Sections in order, numbered steps, no raw HTML, and a Sources list equal to `citations`. */
function checkBody(
  body: string,
  lang: StrategyLang,
  citations: string[],
  problem: (field: string, reason: string) => void,
) {
  const tokens = markdown.lexer(body);
  const sections = new Map<string, Token[]>();
  const headings: string[] = [];
  let current: Token[] | null = null;
  let rawHtml = false;
  // Block and inline HTML alike: the web app shows `html` as is, so only Markdown may produce it.
  markdown.walkTokens(tokens, (t) => {
    if (t.type === 'html') rawHtml = true;
  });
  for (const t of tokens) {
    if (t.type === 'heading') {
      const h = t as Tokens.Heading;
      if (h.depth === 1)
        problem('body', `has a level-1 heading "${h.text}"; the title is in front matter`);
      if (h.depth === 2) {
        headings.push(h.text.trim());
        current = [];
        sections.set(h.text.trim(), current);
        continue;
      }
    }
    current?.push(t);
  }
  if (rawHtml) problem('body', 'contains raw HTML; write Markdown only');
  const wanted = SECTIONS[lang];
  if (headings.join('|') !== wanted.join('|')) {
    problem(
      'body',
      `sections must be ${wanted.map((s) => `"## ${s}"`).join(', ')} in this order; found ${
        headings.length ? headings.map((s) => `"${s}"`).join(', ') : 'none'
      }`,
    );
    return;
  }
  const steps = sections.get(wanted[1])!.find((t) => t.type === 'list') as Tokens.List | undefined;
  if (!steps?.ordered) problem(`body.${wanted[1]}`, 'must contain numbered steps');
  const sources = sections.get(wanted[3])!.find((t) => t.type === 'list') as
    Tokens.List | undefined;
  const listed = sources?.items.map((i) => i.text.replace(/\s+/g, ' ').trim()) ?? [];
  if (listed.join('\n') !== citations.map((c) => c.replace(/\s+/g, ' ')).join('\n'))
    problem(
      'citations',
      `must be the same references, in the same order, as the "${wanted[3]}" list`,
    );
}

/** Every slug in every language, with the same stages, minutes and citations. */
function checkLanguagesAgree(
  files: StrategyFile[],
  byLang: StrategyLibrary['byLang'],
  problems: StrategyProblem[],
) {
  const slugs = new Map<string, Set<string>>();
  for (const f of files) {
    if (!(STRATEGY_LANGS as readonly string[]).includes(f.lang)) continue;
    slugs.set(f.slug, (slugs.get(f.slug) ?? new Set()).add(f.lang));
  }
  for (const [slug, langs] of slugs) {
    const present = [...langs];
    for (const lang of STRATEGY_LANGS)
      if (!langs.has(lang))
        problems.push({
          file: `${lang}/${slug}.md`,
          field: 'slug',
          reason: `is missing: ${present.map((l) => `${l}/${slug}.md`).join(', ')} exists`,
        });
  }
  for (const en of byLang.en.values()) {
    const es = byLang.es.get(en.slug);
    if (!es) continue;
    const differs = (field: string, a: unknown, b: unknown) => {
      if (JSON.stringify(a) !== JSON.stringify(b))
        problems.push({
          file: es.path,
          field,
          reason: `differs from ${en.path} (${JSON.stringify(b)} vs ${JSON.stringify(a)})`,
        });
    };
    differs('stages', en.stages, es.stages);
    differs('minutes', en.minutes, es.minutes);
    differs('citations', en.citations, es.citations);
  }
}

function summaryOf(s: StrategyEntry): StrategySummary {
  return { slug: s.slug, title: s.title, stages: s.stages, summary: s.summary, minutes: s.minutes };
}

/** The strategies in one language, optionally only those that fit a stage, by title. */
export function listStrategies(
  library: StrategyLibrary,
  query: { lang: StrategyLang; stage?: StrategyStage | undefined },
): StrategyListResponse {
  const collator = new Intl.Collator(query.lang);
  const strategies = [...library.byLang[query.lang].values()]
    .filter((s) => !query.stage || s.stages.includes(query.stage))
    .sort((a, b) => collator.compare(a.title, b.title))
    .map(summaryOf);
  return { lang: query.lang, strategies };
}

/** One strategy in one language; an unknown slug is a NotFoundError. */
export function getStrategy(library: StrategyLibrary, slug: string, lang: StrategyLang): Strategy {
  const s = library.byLang[lang].get(slug);
  if (!s) throw new NotFoundError('This strategy');
  return {
    slug: s.slug,
    lang: s.lang,
    title: s.title,
    stages: s.stages,
    summary: s.summary,
    minutes: s.minutes,
    html: s.html,
    citations: s.citations,
  };
}
