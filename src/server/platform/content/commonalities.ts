// How each get-to-know-you item turns a shared choice into a sentence (content/insights/
// commonalities.json), joined with the questionnaire's options into the catalogue the
// commonalities function scores. Checked once per process; a broken file stops the first use
// with the field and the reason.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { CommonalityItem } from '../../../domain/commonalities.js';
import type { Questionnaire } from '../../../domain/questionnaires.js';

const Bilingual = Type.Object({ en: Type.String(), es: Type.String() });
const PhrasesFile = Type.Object({
  questionnaire: Type.String(),
  about: Type.String(),
  items: Type.Record(
    Type.String(),
    Type.Object({
      weight: Type.Number({ exclusiveMinimum: 0 }),
      lowercase: Type.Boolean(),
      phrase: Bilingual,
    }),
  ),
});
type PhrasesFile = Static<typeof PhrasesFile>;

export const DEFAULT_PHRASES_PATH = resolve(
  import.meta.dirname,
  '../../../../content/insights/commonalities.json',
);

let cached: { path: string; file: PhrasesFile } | null = null;

function readPhrases(path: string): PhrasesFile {
  if (cached?.path === path) return cached.file;
  const json: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const error = Value.Errors(PhrasesFile, json)[0];
  if (error) throw new Error(`${path}: ${error.instancePath || '(file)'}: ${error.message}`);
  const file = json as PhrasesFile;
  for (const [id, item] of Object.entries(file.items))
    for (const lang of ['en', 'es'] as const)
      if (!item.phrase[lang].includes('{{option}}'))
        throw new Error(`${path}: items.${id}.phrase.${lang}: must contain {{option}}`);
  cached = { path, file };
  return file;
}

/** "Soccer" → "soccer", but "TV series" stays as it is. */
function lowerFirst(label: string): string {
  const [first, second] = [label.charAt(0), label.charAt(1)];
  return second && second === second.toUpperCase() && second !== second.toLowerCase()
    ? label
    : first.toLowerCase() + label.slice(1);
}

/** The items of the questionnaire that have a phrase, as the commonalities function takes them. */
export function commonalityCatalogue(
  questionnaire: Questionnaire,
  path = DEFAULT_PHRASES_PATH,
): CommonalityItem[] {
  const phrases = readPhrases(path);
  if (phrases.questionnaire !== questionnaire.id) return [];
  return questionnaire.items.flatMap((item) => {
    const p = phrases.items[item.id];
    if (!p || item.kind === 'text') return [];
    return [
      {
        id: item.id,
        weight: p.weight,
        phrase: p.phrase,
        options: item.options.map((o) => ({
          id: o.id,
          label: p.lowercase ? { en: lowerFirst(o.label.en), es: lowerFirst(o.label.es) } : o.label,
        })),
      },
    ];
  });
}
