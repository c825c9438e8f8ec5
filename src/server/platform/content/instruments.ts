// The instrument library: content/instruments/*.json, validated against the TypeBox schemas in
// contracts/instruments.ts and the set rules in domain/instruments.ts, once per process. Bad
// content stops the load with every problem named (file, field, reason).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TSchema } from 'typebox';
import { Errors } from 'typebox/value';
import {
  InstrumentFile,
  OptionSetsFile,
  type InstrumentItemView,
  type InstrumentSummary,
  type SurveyLang,
} from '../../../contracts/instruments.js';
import { checkInstrumentSet, type InstrumentProblem } from '../../../domain/instruments.js';
import { NotFoundError } from '../errors.js';

/** content/instruments at the repository root (four folders up, as source and as build). */
export const DEFAULT_INSTRUMENTS_ROOT = resolve(
  import.meta.dirname,
  '../../../../content/instruments',
);
export const OPTIONS_FILE = 'response-options.json';

export class InstrumentContentError extends Error {
  constructor(
    readonly root: string,
    readonly problems: InstrumentProblem[],
  ) {
    super(
      `The instruments in ${root} have ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  ${p.file}: ${p.field}: ${p.reason}`).join('\n'),
    );
    this.name = 'InstrumentContentError';
  }
}

export interface InstrumentLibrary {
  root: string;
  options: OptionSetsFile;
  instruments: Map<string, InstrumentFile>;
}

function schemaProblems(file: string, schema: TSchema, value: unknown): InstrumentProblem[] {
  return Errors(schema, value).map((e) => ({
    file,
    field:
      (e.instancePath || '/')
        .replace(/^\//, '')
        .replace(/\/(\d+)/g, '[$1]')
        .replace(/\//g, '.') || '(root)',
    reason: e.message,
  }));
}

function readJson(root: string, file: string, problems: InstrumentProblem[]): unknown {
  try {
    return JSON.parse(readFileSync(join(root, file), 'utf8'));
  } catch (e) {
    problems.push({ file, field: '(file)', reason: `is not valid JSON: ${(e as Error).message}` });
    return undefined;
  }
}

/** Reads and validates every instrument under root; throws InstrumentContentError listing all problems. */
export function buildInstrumentLibrary(root: string): InstrumentLibrary {
  if (!existsSync(root)) throw new Error(`The instruments folder ${root} does not exist.`);
  const problems: InstrumentProblem[] = [];
  const rawOptions = readJson(root, OPTIONS_FILE, problems);
  const optionProblems =
    rawOptions === undefined ? [] : schemaProblems(OPTIONS_FILE, OptionSetsFile, rawOptions);
  problems.push(...optionProblems);
  const options = (optionProblems.length === 0 ? rawOptions : {}) as OptionSetsFile;
  const valid: Array<{ file: string; instrument: InstrumentFile }> = [];
  for (const file of readdirSync(root).sort()) {
    if (!file.endsWith('.json') || file === OPTIONS_FILE) continue;
    const raw = readJson(root, file, problems);
    if (raw === undefined) continue;
    const found = schemaProblems(file, InstrumentFile, raw);
    if (found.length) problems.push(...found);
    else valid.push({ file, instrument: raw as InstrumentFile });
  }
  if (optionProblems.length === 0) problems.push(...checkInstrumentSet(options, valid));
  if (problems.length) throw new InstrumentContentError(root, problems);
  return {
    root,
    options,
    instruments: new Map(valid.map((v) => [v.instrument.id, v.instrument])),
  };
}

const libraries = new Map<string, InstrumentLibrary>();

/** The library under root (default content/instruments), read and validated on first use. */
export function loadInstrumentLibrary(root: string = DEFAULT_INSTRUMENTS_ROOT): InstrumentLibrary {
  const cached = libraries.get(root);
  if (cached) return cached;
  const library = buildInstrumentLibrary(root);
  libraries.set(root, library);
  return library;
}

export function getInstrument(library: InstrumentLibrary, id: string): InstrumentFile {
  const found = library.instruments.get(id);
  if (!found) throw new NotFoundError(`Survey instrument "${id}"`);
  return found;
}

/** Fills {teacher}, {class}, {student} placeholders; unknown ones are left as written. */
export function fillText(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

/** The items as a respondent sees them in one language. */
export function localizeItems(
  library: InstrumentLibrary,
  instrument: InstrumentFile,
  lang: SurveyLang,
  vars: Record<string, string> = {},
): InstrumentItemView[] {
  return instrument.items.map((item) => ({
    id: item.id,
    kind: item.kind ?? 'rating',
    text: fillText(item.text[lang], vars),
    options: library.options[item.options]![lang].map((label, i) => ({ value: i + 1, label })),
    ...(item.namePrompt ? { namePrompt: item.namePrompt[lang] } : {}),
  }));
}

export function summarizeInstrument(
  instrument: InstrumentFile,
  lang: SurveyLang,
): InstrumentSummary {
  return {
    id: instrument.id,
    version: instrument.version,
    respondent: instrument.respondent,
    about: instrument.about,
    title: instrument.title[lang],
    itemCount: instrument.items.length,
  };
}
