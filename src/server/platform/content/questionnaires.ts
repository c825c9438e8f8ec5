// The get-to-know-you questionnaires of content/questionnaires/: every <id>.json with the
// catalogues of catalogues/<id>.json, checked against their JSON schema (contracts) and the
// domain's rules, once per process. A broken file stops the load with every problem named, so it
// fails at start-up rather than in front of a student. Shared by the features that read answers
// (know-your-students, commonalities, perspective taking).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Value } from 'typebox/value';
import {
  CatalogueFile,
  QuestionnaireFile,
  type CatalogueFile as CatalogueFileType,
  type QuestionnaireFile as QuestionnaireFileType,
} from '../../../contracts/questionnaires.js';
import { buildQuestionnaire, checkCatalogue, type Questionnaire } from '../../../domain/questionnaires.js';
import { NotFoundError } from '../errors.js';

/**
 * content/questionnaires at the repository root: four folders up both from the sources
 * (src/server/platform/content) and from the build (dist/server/platform/content).
 */
export const DEFAULT_QUESTIONNAIRES_ROOT = resolve(
  import.meta.dirname,
  '../../../../content/questionnaires',
);

/** The questionnaire content is invalid. Lists every problem as `<file>: <field>: <reason>`. */
export class QuestionnaireContentError extends Error {
  constructor(
    readonly root: string,
    readonly problems: string[],
  ) {
    super(
      `The questionnaires in ${root} have ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  ${p}`).join('\n'),
    );
    this.name = 'QuestionnaireContentError';
  }
}

export interface QuestionnaireLibrary {
  root: string;
  questionnaires: ReadonlyMap<string, Questionnaire>;
}

function readJson(path: string, name: string, problems: string[]): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (e) {
    problems.push(`${name}: not valid JSON (${(e as Error).message})`);
    return undefined;
  }
}

function schemaProblems(schema: typeof CatalogueFile | typeof QuestionnaireFile, value: unknown, name: string) {
  return Value.Errors(schema, value).map(
    (e) => `${name}: ${e.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(file)'}: ${e.message}`,
  );
}

/** Reads and checks every questionnaire and catalogue under `root`; throws listing every problem. */
export function buildQuestionnaireLibrary(root: string): QuestionnaireLibrary {
  if (!existsSync(root)) throw new QuestionnaireContentError(root, [`${root}: the folder does not exist`]);
  const problems: string[] = [];
  const catalogues = new Map<string, CatalogueFileType>();
  const catalogueDir = join(root, 'catalogues');
  const catalogueNames = existsSync(catalogueDir)
    ? readdirSync(catalogueDir).filter((n) => n.endsWith('.json')).sort()
    : [];
  for (const name of catalogueNames) {
    const at = `catalogues/${name}`;
    const json = readJson(join(catalogueDir, name), at, problems);
    if (json === undefined) continue;
    const errors = schemaProblems(CatalogueFile, json, at);
    if (errors.length > 0) {
      problems.push(...errors);
      continue;
    }
    const catalogue = json as CatalogueFileType;
    if (`${catalogue.id}.json` !== name) problems.push(`${at}: id: must match the file name`);
    problems.push(...checkCatalogue(catalogue).map((p) => `${at}: ${p}`));
    catalogues.set(catalogue.id, catalogue);
  }

  const questionnaires = new Map<string, Questionnaire>();
  for (const name of readdirSync(root).filter((n) => n.endsWith('.json')).sort()) {
    const json = readJson(join(root, name), name, problems);
    if (json === undefined) continue;
    const errors = schemaProblems(QuestionnaireFile, json, name);
    if (errors.length > 0) {
      problems.push(...errors);
      continue;
    }
    const file = json as QuestionnaireFileType;
    if (`${file.id}.json` !== name) problems.push(`${name}: id: must match the file name`);
    const built = buildQuestionnaire(file, catalogues);
    if (built.questionnaire) questionnaires.set(file.id, built.questionnaire);
    else problems.push(...built.problems.map((p) => `${name}: ${p}`));
  }
  if (questionnaires.size === 0 && problems.length === 0)
    problems.push(`${root}: no questionnaire (<id>.json) found`);
  if (problems.length > 0) throw new QuestionnaireContentError(root, problems);
  return { root, questionnaires };
}

const libraries = new Map<string, QuestionnaireLibrary>();

/** The questionnaires under `root` (default: content/questionnaires), read on first use. */
export function loadQuestionnaires(root: string = DEFAULT_QUESTIONNAIRES_ROOT): QuestionnaireLibrary {
  const cached = libraries.get(root);
  if (cached) return cached;
  const library = buildQuestionnaireLibrary(root);
  libraries.set(root, library);
  return library;
}

/** The id of the questionnaire students and teachers answer early in the term. */
export const GET_TO_KNOW_YOU = 'get-to-know-you';

/** One questionnaire by id, or NotFoundError. */
export function getQuestionnaire(id: string, root?: string): Questionnaire {
  const q = loadQuestionnaires(root).questionnaires.get(id);
  if (!q) throw new NotFoundError('This questionnaire');
  return q;
}
