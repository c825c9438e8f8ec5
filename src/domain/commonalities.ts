// What a teacher and a student have in common, from their get-to-know-you answers (catalogue
// option ids per item). Learning what they share helps both sides see each other as similar
// (Gehlbach et al. 2016, "birds of similar feathers"); the study gave each side a few
// commonalities, not everything, so this returns the top few.
//
// Score of one shared choice (an option of an item both chose):
//
//   score = itemWeight × (1 + ln((N + 1) / (n + 1)))
//
// where N is how many people in the school answered the item and n how many of them chose the
// option (n is clamped to [0, N]). The second factor is a smoothed inverse frequency: it is 1 for
// an option everyone chose and grows as the option gets rarer, so "you both play the cello" ranks
// above "you both like music" when few people chose the cello. Free-text answers never count.
// Ties are broken by item position in the catalogue, then option position, then ids, so the
// same answers always give the same list.

export type Locale = 'en' | 'es';

export interface CommonalityOption {
  id: string;
  label: Record<Locale, string>;
}

export interface CommonalityItem {
  id: string;
  /** How much sharing this item means (values may weigh more than a favourite food); > 0. */
  weight: number;
  /** The phrase for one shared option; `{{option}}` is replaced by the option's label. */
  phrase: Record<Locale, string>;
  options: readonly CommonalityOption[];
}

/** Item id → the option ids a person chose. */
export type Choices = ReadonlyMap<string, readonly string[]>;

/** How many people answered each item, and how many chose each option (`item:option` keys). */
export interface Frequencies {
  respondents: ReadonlyMap<string, number>;
  chosen: ReadonlyMap<string, number>;
}

export interface Commonality {
  itemId: string;
  optionId: string;
  score: number;
  phrase: string;
}

export const DEFAULT_COMMONALITIES = 3;

export function frequencyKey(itemId: string, optionId: string): string {
  return `${itemId}:${optionId}`;
}

/** The inverse-frequency factor: 1 for an option everyone chose, more the rarer it is. */
export function rarity(respondents: number, chosen: number): number {
  const total = Math.max(0, respondents);
  const n = Math.min(Math.max(0, chosen), total);
  return 1 + Math.log((total + 1) / (n + 1));
}

export function phraseFor(item: CommonalityItem, option: CommonalityOption, locale: Locale) {
  return item.phrase[locale].replace('{{option}}', option.label[locale]);
}

/**
 * Every choice both people made, scored, best first. Options outside the catalogue are ignored
 * (the questionnaire refuses them on the way in; this never shows what it cannot phrase).
 */
export function scoreCommonalities(
  catalogue: readonly CommonalityItem[],
  a: Choices,
  b: Choices,
  frequencies: Frequencies,
  locale: Locale,
): Commonality[] {
  const ranked: Array<Commonality & { itemIndex: number; optionIndex: number }> = [];
  catalogue.forEach((item, itemIndex) => {
    const mine = new Set(a.get(item.id) ?? []);
    const theirs = new Set(b.get(item.id) ?? []);
    if (mine.size === 0 || theirs.size === 0 || !(item.weight > 0)) return;
    item.options.forEach((option, optionIndex) => {
      if (!mine.has(option.id) || !theirs.has(option.id)) return;
      const key = frequencyKey(item.id, option.id);
      const score =
        item.weight *
        rarity(frequencies.respondents.get(item.id) ?? 0, frequencies.chosen.get(key) ?? 0);
      ranked.push({
        itemId: item.id,
        optionId: option.id,
        score,
        phrase: phraseFor(item, option, locale),
        itemIndex,
        optionIndex,
      });
    });
  });
  ranked.sort(
    (x, y) =>
      y.score - x.score ||
      x.itemIndex - y.itemIndex ||
      x.optionIndex - y.optionIndex ||
      compare(x.itemId, y.itemId) ||
      compare(x.optionId, y.optionId),
  );
  return ranked.map(({ itemId, optionId, score, phrase }) => ({ itemId, optionId, score, phrase }));
}

/** The top `limit` (default 3) commonalities of two people's answers. */
export function topCommonalities(
  catalogue: readonly CommonalityItem[],
  a: Choices,
  b: Choices,
  frequencies: Frequencies,
  locale: Locale,
  limit = DEFAULT_COMMONALITIES,
): Commonality[] {
  return scoreCommonalities(catalogue, a, b, frequencies, locale).slice(0, Math.max(0, limit));
}

/** Counts of respondents per item and choosers per option, from everyone's choices. */
export function countFrequencies(everyone: Iterable<Choices>): Frequencies {
  const respondents = new Map<string, number>();
  const chosen = new Map<string, number>();
  for (const person of everyone) {
    for (const [itemId, optionIds] of person) {
      const distinct = new Set(optionIds);
      if (distinct.size === 0) continue;
      respondents.set(itemId, (respondents.get(itemId) ?? 0) + 1);
      for (const optionId of distinct) {
        const key = frequencyKey(itemId, optionId);
        chosen.set(key, (chosen.get(key) ?? 0) + 1);
      }
    }
  }
  return { respondents, chosen };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
