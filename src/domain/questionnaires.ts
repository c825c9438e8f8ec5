// Get-to-know-you questionnaires as data (issue 5): a questionnaire file with its catalogues
// resolved into one checked structure, and the rule for one item's answer. Pure: the files are
// read in src/server/platform/content/questionnaires.ts; their JSON shape (declared here) is
// checked there against the schemas of contracts/questionnaires.ts before it reaches
// buildQuestionnaire.

export type Lang = 'en' | 'es';
export const LANGS: readonly Lang[] = ['en', 'es'];
export type Bilingual = Record<Lang, string>;

export const ITEM_KINDS = ['multi', 'single', 'text'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** An option as a content file writes it. */
export interface OptionFile {
  id: string;
  label: Bilingual;
}

/** content/questionnaires/catalogues/<id>.json: options in categories, e.g. interests. */
export interface CatalogueFile {
  id: string;
  title: Bilingual;
  categories: Array<{ id: string; label: Bilingual; options: OptionFile[] }>;
}

/** content/questionnaires/<id>.json. */
export interface QuestionnaireFile {
  id: string;
  version: number;
  title: Bilingual;
  intro: Bilingual;
  teacherIntro: Bilingual;
  citations: string[];
  items: Array<{
    id: string;
    kind: ItemKind;
    prompt: Bilingual;
    /** How a teacher is asked the same item about themselves (defaults to `prompt`). */
    teacherPrompt?: Bilingual;
    hint?: Bilingual;
    /** Options inline, or all the options of a catalogue (by id); never both. */
    options?: OptionFile[];
    catalogue?: string;
    maxChoices?: number;
    /** A free-text answer beside (or, for kind text, instead of) the options. */
    text?: { label: Bilingual; maxLength: number };
  }>;
}

/** No free-text answer is longer than this, whatever an item allows (characters). */
export const MAX_TEXT_LENGTH = 500;

export interface QuestionnaireOption {
  id: string;
  label: Bilingual;
  /** The catalogue category the option belongs to; null for an item's own options. */
  category: { id: string; label: Bilingual } | null;
}

export interface QuestionnaireItem {
  id: string;
  kind: ItemKind;
  prompt: Bilingual;
  /** How a teacher is asked the same item about themselves. */
  teacherPrompt: Bilingual;
  hint: Bilingual | null;
  /** The catalogue the options come from, or null for options of the item's own. */
  catalogue: string | null;
  options: QuestionnaireOption[];
  /** How many options may be chosen: 1 for single, 0 for text. */
  maxChoices: number;
  text: { label: Bilingual; maxLength: number } | null;
}

export interface Questionnaire {
  id: string;
  version: number;
  title: Bilingual;
  intro: Bilingual;
  teacherIntro: Bilingual;
  citations: string[];
  items: QuestionnaireItem[];
}

/** Every option of a catalogue, with its category, in file order. */
function catalogueOptions(catalogue: CatalogueFile): QuestionnaireOption[] {
  return catalogue.categories.flatMap((c) =>
    c.options.map((o) => ({ id: o.id, label: o.label, category: { id: c.id, label: c.label } })),
  );
}

function blank(text: Bilingual | undefined): Lang[] {
  return text ? LANGS.filter((l) => text[l].trim() === '') : [];
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

/** The problems of one catalogue: duplicate ids or labels, blank texts. */
export function checkCatalogue(catalogue: CatalogueFile): string[] {
  const problems: string[] = [];
  for (const id of duplicates(catalogue.categories.map((c) => c.id)))
    problems.push(`categories: the id "${id}" is used twice`);
  const options = catalogueOptions(catalogue);
  for (const id of duplicates(options.map((o) => o.id)))
    problems.push(`options: the id "${id}" is used twice`);
  for (const lang of LANGS)
    for (const label of duplicates(options.map((o) => o.label[lang].trim().toLowerCase())))
      problems.push(`options: the ${lang} label "${label}" is used twice`);
  for (const c of catalogue.categories) {
    for (const lang of blank(c.label)) problems.push(`categories.${c.id}.label.${lang}: is blank`);
    for (const o of c.options)
      for (const lang of blank(o.label)) problems.push(`options.${o.id}.label.${lang}: is blank`);
  }
  return problems;
}

/**
 * Resolves a questionnaire file against its catalogues and checks what a JSON schema cannot:
 * unique ids and labels, a catalogue that exists, options that fit the item's kind, choice
 * limits within the options. Returns the questionnaire, or every problem found.
 */
export function buildQuestionnaire(
  file: QuestionnaireFile,
  catalogues: ReadonlyMap<string, CatalogueFile>,
): { questionnaire: Questionnaire; problems: [] } | { questionnaire: null; problems: string[] } {
  const problems: string[] = [];
  for (const key of ['title', 'intro', 'teacherIntro'] as const)
    for (const lang of blank(file[key])) problems.push(`${key}.${lang}: is blank`);
  for (const id of duplicates(file.items.map((i) => i.id)))
    problems.push(`items: the id "${id}" is used twice`);

  const items: QuestionnaireItem[] = [];
  for (const raw of file.items) {
    const at = `items.${raw.id}`;
    for (const key of ['prompt', 'teacherPrompt', 'hint'] as const)
      for (const lang of blank(raw[key])) problems.push(`${at}.${key}.${lang}: is blank`);
    if (raw.text)
      for (const lang of blank(raw.text.label)) problems.push(`${at}.text.label.${lang}: is blank`);

    let options: QuestionnaireOption[] = [];
    if (raw.options && raw.catalogue)
      problems.push(`${at}: has both options and a catalogue; give one`);
    if (raw.catalogue) {
      const catalogue = catalogues.get(raw.catalogue);
      if (!catalogue) problems.push(`${at}.catalogue: there is no catalogue "${raw.catalogue}"`);
      else options = catalogueOptions(catalogue);
    } else if (raw.options) {
      options = raw.options.map((o) => ({ id: o.id, label: o.label, category: null }));
      for (const id of duplicates(options.map((o) => o.id)))
        problems.push(`${at}.options: the id "${id}" is used twice`);
      for (const lang of LANGS)
        for (const label of duplicates(options.map((o) => o.label[lang].trim().toLowerCase())))
          problems.push(`${at}.options: the ${lang} label "${label}" is used twice`);
      for (const o of options)
        for (const lang of blank(o.label))
          problems.push(`${at}.options.${o.id}.label.${lang}: is blank`);
    }

    let maxChoices = 0;
    if (raw.kind === 'text') {
      if (options.length > 0 || raw.catalogue) problems.push(`${at}: a text item has no options`);
      if (!raw.text) problems.push(`${at}.text: a text item needs a text field`);
      if (raw.maxChoices !== undefined)
        problems.push(`${at}.maxChoices: a text item has no choices`);
    } else {
      if (!raw.options && !raw.catalogue)
        problems.push(`${at}: a ${raw.kind} item needs options or a catalogue`);
      if (raw.kind === 'single') {
        if (raw.maxChoices !== undefined && raw.maxChoices !== 1)
          problems.push(`${at}.maxChoices: a single-choice item allows exactly one`);
        maxChoices = 1;
      } else {
        maxChoices = raw.maxChoices ?? options.length;
        if (options.length > 0 && maxChoices > options.length)
          problems.push(
            `${at}.maxChoices: ${maxChoices} is more than its ${options.length} options`,
          );
      }
    }
    if (raw.text && raw.text.maxLength > MAX_TEXT_LENGTH)
      problems.push(`${at}.text.maxLength: at most ${MAX_TEXT_LENGTH}`);

    items.push({
      id: raw.id,
      kind: raw.kind,
      prompt: raw.prompt,
      teacherPrompt: raw.teacherPrompt ?? raw.prompt,
      hint: raw.hint ?? null,
      catalogue: raw.catalogue ?? null,
      options,
      maxChoices,
      text: raw.text ?? null,
    });
  }
  if (problems.length > 0) return { questionnaire: null, problems };
  return {
    questionnaire: {
      id: file.id,
      version: file.version,
      title: file.title,
      intro: file.intro,
      teacherIntro: file.teacherIntro,
      citations: file.citations,
      items,
    },
    problems: [],
  };
}

export interface AnswerInput {
  optionIds: readonly string[];
  text?: string | null;
}
/** An answer that passed checkAnswer: its options in the order given, its text trimmed or null. */
export interface CheckedAnswer {
  optionIds: string[];
  text: string | null;
}
/** Why an answer was refused: the field within the answer and the reason, for the user. */
export interface AnswerProblem {
  field: string;
  reason: string;
}

/** Characters as a person counts them (an emoji is one), not UTF-16 code units. */
export function textLength(text: string): number {
  return [...text].length;
}

/**
 * Checks one item's answer against the item: every option from the item's own list or
 * catalogue, none twice, no more than its limit; free text only where the item has it, and no
 * longer than its limit. The first problem is returned with the field it is in.
 */
export function checkAnswer(
  item: QuestionnaireItem,
  answer: AnswerInput,
): { ok: true; answer: CheckedAnswer } | { ok: false; problem: AnswerProblem } {
  const known = new Set(item.options.map((o) => o.id));
  const seen = new Set<string>();
  for (const [i, id] of answer.optionIds.entries()) {
    const field = `optionIds[${i}]`;
    if (!known.has(id)) {
      const reason =
        item.kind === 'text'
          ? `item "${item.id}" takes free text only, not options`
          : `"${id}" is not an option of item "${item.id}"`;
      return { ok: false, problem: { field, reason } };
    }
    if (seen.has(id)) return { ok: false, problem: { field, reason: `"${id}" is chosen twice` } };
    seen.add(id);
  }
  if (answer.optionIds.length > item.maxChoices) {
    const reason = `item "${item.id}" allows at most ${item.maxChoices} choice${item.maxChoices === 1 ? '' : 's'} (got ${answer.optionIds.length})`;
    return { ok: false, problem: { field: 'optionIds', reason } };
  }
  const text = answer.text?.trim() ? answer.text.trim() : null;
  if (text !== null) {
    if (!item.text)
      return {
        ok: false,
        problem: { field: 'text', reason: `item "${item.id}" takes no free text` },
      };
    const length = textLength(text);
    if (length > item.text.maxLength)
      return {
        ok: false,
        problem: {
          field: 'text',
          reason: `at most ${item.text.maxLength} characters for item "${item.id}" (got ${length})`,
        },
      };
  }
  return { ok: true, answer: { optionIds: [...answer.optionIds], text } };
}
