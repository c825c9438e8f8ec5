// Rules of an instrument set that a schema cannot say: references resolve, ids are unique, every
// item has five labelled options in every language, counterparts point both ways. Scoring helpers.
// The content files' shapes are declared here; contracts/instruments.ts holds the TypeBox
// schemas that check them at load time, and its types are these (contracts → domain, one way).

export const SURVEY_LANGS = ['en', 'es'] as const;
export type SurveyLang = (typeof SURVEY_LANGS)[number];

/** Every response option set has exactly this many labelled options (values 1..5). */
export const OPTION_COUNT = 5;

/** A product text in every survey language. */
export type LocalText = Record<SurveyLang, string>;

/** content/instruments/response-options.json: option sets by name, OPTION_COUNT labels each. */
export type OptionSetsFile = Record<string, Record<SurveyLang, string[]>>;

export type InstrumentRespondent = 'student' | 'teacher';
/** What one response is about: a class (and its teacher), the school, a student (a teacher's rating), oneself. */
export type InstrumentAbout = 'class' | 'school' | 'student' | 'self';

export interface ScaleFile {
  id: string;
  title: LocalText;
  /** Which end is favourable: percent favourable counts the top two (high) or bottom two (low) options. */
  favourable: 'high' | 'low';
  /** `<instrument>/<scale>` measuring the same relationship from the other side (the dyad gap). */
  counterpart?: string;
}

export interface ItemFile {
  id: string;
  /** rating (default): one of five options. adult: an "adult at school" item, which may also name adults. */
  kind?: 'rating' | 'adult';
  /** The scale it scores into; an item without one is reported on its own. */
  scale?: string;
  options: string;
  reverse?: boolean;
  text: LocalText;
  namePrompt?: LocalText;
}

/** content/instruments/<id>.json. */
export interface InstrumentFile {
  id: string;
  version: number;
  respondent: InstrumentRespondent;
  about: InstrumentAbout;
  title: LocalText;
  intro: LocalText;
  scales: ScaleFile[];
  items: ItemFile[];
}

export interface InstrumentProblem {
  /** The file name, e.g. `classroom-climate.json`. */
  file: string;
  /** A JSON path inside it, e.g. `items[3].options`. */
  field: string;
  reason: string;
}

/** Every cross-reference problem in a set of instruments (already schema-valid). Empty when sound. */
export function checkInstrumentSet(
  options: OptionSetsFile,
  instruments: Array<{ file: string; instrument: InstrumentFile }>,
): InstrumentProblem[] {
  const problems: InstrumentProblem[] = [];
  for (const [name, set] of Object.entries(options)) {
    for (const lang of SURVEY_LANGS) {
      const labels = set[lang];
      if (labels.length !== OPTION_COUNT)
        problems.push({
          file: 'response-options.json',
          field: `${name}.${lang}`,
          reason: `has ${labels.length} options; every set needs exactly ${OPTION_COUNT}`,
        });
      if (new Set(labels).size !== labels.length)
        problems.push({
          file: 'response-options.json',
          field: `${name}.${lang}`,
          reason: 'repeats a label',
        });
    }
  }
  const instrumentIds = new Map<string, string>();
  const itemIds = new Map<string, string>();
  const scalesById = new Map<string, InstrumentFile['scales'][number]>();
  for (const { file, instrument } of instruments) {
    if (file !== `${instrument.id}.json`)
      problems.push({
        file,
        field: 'id',
        reason: `must match the file name (${instrument.id}.json)`,
      });
    const seen = instrumentIds.get(instrument.id);
    if (seen)
      problems.push({ file, field: 'id', reason: `"${instrument.id}" is also used by ${seen}` });
    instrumentIds.set(instrument.id, file);
    const scaleIds = new Set<string>();
    instrument.scales.forEach((s, i) => {
      if (scaleIds.has(s.id))
        problems.push({ file, field: `scales[${i}].id`, reason: `"${s.id}" is used twice` });
      scaleIds.add(s.id);
      scalesById.set(`${instrument.id}/${s.id}`, s);
    });
    const used = new Set<string>();
    instrument.items.forEach((item, i) => {
      const other = itemIds.get(item.id);
      if (other)
        problems.push({
          file,
          field: `items[${i}].id`,
          reason: `"${item.id}" is also used in ${other}`,
        });
      itemIds.set(item.id, file);
      if (!(item.options in options))
        problems.push({
          file,
          field: `items[${i}].options`,
          reason: `no option set "${item.options}" in response-options.json`,
        });
      if (item.scale !== undefined) {
        used.add(item.scale);
        if (!scaleIds.has(item.scale))
          problems.push({
            file,
            field: `items[${i}].scale`,
            reason: `no scale "${item.scale}" in this instrument`,
          });
      }
      if ((item.kind ?? 'rating') === 'adult' && instrument.respondent !== 'student')
        problems.push({
          file,
          field: `items[${i}].kind`,
          reason: 'only a student instrument can ask about adults',
        });
      if (item.namePrompt && item.kind !== 'adult')
        problems.push({
          file,
          field: `items[${i}].namePrompt`,
          reason: 'only an "adult" item names people',
        });
    });
    instrument.scales.forEach((s, i) => {
      if (!used.has(s.id))
        problems.push({ file, field: `scales[${i}]`, reason: `scale "${s.id}" has no items` });
    });
  }
  for (const { file, instrument } of instruments) {
    instrument.scales.forEach((s, i) => {
      if (!s.counterpart) return;
      const other = scalesById.get(s.counterpart);
      if (!other)
        problems.push({
          file,
          field: `scales[${i}].counterpart`,
          reason: `no scale ${s.counterpart}`,
        });
      else if (other.counterpart !== `${instrument.id}/${s.id}`)
        problems.push({
          file,
          field: `scales[${i}].counterpart`,
          reason: `${s.counterpart} must name ${instrument.id}/${s.id} as its counterpart too`,
        });
    });
  }
  return problems;
}

/** An answer (1..5) on the scale's direction: a reverse-keyed item's 1 counts as 5. */
export function keyedValue(value: number, reverse: boolean | undefined): number {
  return reverse ? OPTION_COUNT + 1 - value : value;
}

/** Whether an answer is one of the item's options. */
export function isOptionValue(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= OPTION_COUNT;
}
