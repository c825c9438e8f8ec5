// Every user-visible string exists in both languages, with the same placeholders, and every
// plural has the forms its language needs.
import { describe, expect, it } from 'vitest';
import en from './en.json' with { type: 'json' };
import es from './es.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The key without its plural suffix, for keys that have plural forms ("kinds.one_on_one" has none). */
function baseKey(key: string, all: Map<string, string>): string {
  const base = key.replace(PLURAL, '');
  return base !== key && all.has(`${base}_other`) ? base : key;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe.each([
  ['en', en as Tree],
  ['es', es as Tree],
])('%s strings', (locale, tree) => {
  const strings = flatten(tree);
  const other = flatten((locale === 'en' ? es : en) as Tree);
  const bases = (all: Map<string, string>) => new Set([...all.keys()].map((k) => baseKey(k, all)));

  it('has every key the other language has', () => {
    const mine = bases(strings);
    expect([...bases(other)].filter((k) => !mine.has(k))).toEqual([]);
  });

  it('has no empty strings', () => {
    expect([...strings].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('uses the same placeholders as the other language', () => {
    // Plural forms are compared form by form; a form only one language has (Spanish "many")
    // is compared with the other language's "other".
    const mismatched = [...strings]
      .filter(([k, v]) => {
        const base = baseKey(k, strings);
        const theirs = other.get(k) ?? (base !== k ? other.get(`${base}_other`) : undefined);
        return theirs !== undefined && placeholders(theirs).join() !== placeholders(v).join();
      })
      .map(([k]) => k);
    expect(mismatched).toEqual([]);
  });

  it("has every plural form the language's rules use", () => {
    const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    const plurals = [
      ...new Set(
        [...strings.keys()]
          .map((k) => baseKey(k, strings))
          .filter((b) => strings.has(`${b}_other`)),
      ),
    ];
    expect(plurals.length).toBeGreaterThan(0);
    const missing = plurals.flatMap((k) =>
      needed.filter((c) => !strings.has(`${k}_${c}`)).map((c) => `${k}_${c}`),
    );
    expect(missing).toEqual([]);
  });
});
