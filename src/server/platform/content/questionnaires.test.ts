import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedTexts } from '../../../../test/seeds.js';
import type { CatalogueFile, QuestionnaireFile } from '../../../contracts/questionnaires.js';
import { LANGS, type Bilingual } from '../../../domain/questionnaires.js';
import {
  DEFAULT_QUESTIONNAIRES_ROOT,
  GET_TO_KNOW_YOU,
  QuestionnaireContentError,
  buildQuestionnaireLibrary,
  loadQuestionnaires,
} from './questionnaires.js';

describe('the questionnaires in content/questionnaires', () => {
  const library = loadQuestionnaires();
  const q = library.questionnaires.get(GET_TO_KNOW_YOU)!;

  it('has the get-to-know-you questionnaire with interests, values, learning and goals', () => {
    expect(q).toBeDefined();
    expect(q.items.map((i) => i.id)).toEqual(
      expect.arrayContaining(['interests', 'values', 'learning', 'goals']),
    );
    expect(q.items.find((i) => i.id === 'interests')!.catalogue).toBe('interests');
  });

  it('every text is there in English and Spanish, and they differ', () => {
    for (const item of q.items) {
      for (const lang of LANGS) {
        expect(item.prompt[lang].trim(), `${item.id} prompt ${lang}`).not.toBe('');
        expect(item.teacherPrompt[lang].trim(), `${item.id} teacherPrompt ${lang}`).not.toBe('');
        for (const o of item.options) expect(o.label[lang].trim(), `${item.id}.${o.id}`).not.toBe('');
        if (item.text) expect(item.text.label[lang].trim()).not.toBe('');
      }
      // A Spanish text copied from the English one is a missing translation.
      expect(item.prompt.es).not.toBe(item.prompt.en);
    }
  });

  it('item ids are unique, and option ids and labels are unique within each item', () => {
    const ids = q.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of q.items) {
      const optionIds = item.options.map((o) => o.id);
      expect(new Set(optionIds).size, item.id).toBe(optionIds.length);
      for (const lang of LANGS) {
        const labels = item.options.map((o) => o.label[lang].toLowerCase());
        expect(new Set(labels).size, `${item.id} ${lang}`).toBe(labels.length);
      }
    }
  });

  it('the interest catalogue has 40 to 80 interests in several categories', () => {
    const interests = q.items.find((i) => i.id === 'interests')!.options;
    expect(interests.length).toBeGreaterThanOrEqual(40);
    expect(interests.length).toBeLessThanOrEqual(80);
    const categories = new Set(interests.map((o) => o.category?.id));
    expect(categories.size).toBeGreaterThanOrEqual(6);
    expect(categories.has(undefined)).toBe(false);
  });

  it('every limit fits: at most 500 characters of text, choice limits within the options', () => {
    for (const item of q.items) {
      if (item.text) expect(item.text.maxLength).toBeLessThanOrEqual(500);
      if (item.kind === 'text') expect(item.options).toEqual([]);
      else expect(item.maxChoices).toBeLessThanOrEqual(item.options.length);
      if (item.kind === 'single') expect(item.maxChoices).toBe(1);
    }
  });

  // Our own words: no run of 12 words from the research seeds (as for the strategy library).
  it('copies no 12-word run from the research seeds', () => {
    const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
    const runs = new Set<string>();
    for (const text of seedTexts()) {
      const w = words(text);
      for (let i = 0; i + 12 <= w.length; i++) runs.add(w.slice(i, i + 12).join(' '));
    }
    const texts = q.items.flatMap((i) => [
      i.prompt.en,
      i.teacherPrompt.en,
      ...(i.hint ? [i.hint.en] : []),
    ]);
    for (const t of [q.intro.en, q.teacherIntro.en, ...texts]) {
      const w = words(t);
      for (let i = 0; i + 12 <= w.length; i++) expect(runs.has(w.slice(i, i + 12).join(' '))).toBe(false);
    }
  });
});

describe('bad questionnaire content is refused at load, naming file, field and reason', () => {
  const real = readFileSync(join(DEFAULT_QUESTIONNAIRES_ROOT, 'get-to-know-you.json'), 'utf8');
  const catalogue = readFileSync(
    join(DEFAULT_QUESTIONNAIRES_ROOT, 'catalogues', 'interests.json'),
    'utf8',
  );

  function folder(edit: (q: QuestionnaireFile, c: CatalogueFile) => void): string {
    const root = mkdtempSync(join(tmpdir(), 'rapport-questionnaires-'));
    mkdirSync(join(root, 'catalogues'));
    const q = JSON.parse(real) as QuestionnaireFile;
    const c = JSON.parse(catalogue) as CatalogueFile;
    edit(q, c);
    writeFileSync(join(root, 'get-to-know-you.json'), JSON.stringify(q));
    writeFileSync(join(root, 'catalogues', 'interests.json'), JSON.stringify(c));
    return root;
  }
  function problems(root: string): string[] {
    try {
      buildQuestionnaireLibrary(root);
    } catch (e) {
      expect(e).toBeInstanceOf(QuestionnaireContentError);
      return (e as QuestionnaireContentError).problems;
    }
    return [];
  }

  it('the unchanged copy loads (the checks below are not failing on everything)', () => {
    expect(problems(folder(() => {}))).toEqual([]);
  });

  it('a missing Spanish text', () => {
    const p = problems(folder((q) => delete (q.items[1]!.prompt as Partial<Bilingual>).es));
    expect(p.join('\n')).toMatch(/get-to-know-you\.json: items\.1\.prompt.*es/);
  });

  it('a blank English text', () => {
    const p = problems(folder((q) => (q.items[0]!.prompt.en = '   ')));
    expect(p).toContain('get-to-know-you.json: items.interests.prompt.en: is blank');
  });

  it('an item id used twice', () => {
    const p = problems(folder((q) => (q.items[2]!.id = 'values')));
    expect(p).toContain('get-to-know-you.json: items: the id "values" is used twice');
  });

  it('an option id used twice within an item', () => {
    const p = problems(folder((q) => (q.items[1]!.options![1]!.id = q.items[1]!.options![0]!.id)));
    expect(p).toContain('get-to-know-you.json: items.values.options: the id "family" is used twice');
  });

  it('a catalogue option id used twice across categories', () => {
    const p = problems(folder((_q, c) => (c.categories[1]!.options[0]!.id = 'soccer')));
    expect(p).toContain('catalogues/interests.json: options: the id "soccer" is used twice');
  });

  it('a catalogue that does not exist', () => {
    const p = problems(folder((q) => (q.items[0]!.catalogue = 'hobbies')));
    expect(p).toContain('get-to-know-you.json: items.interests.catalogue: there is no catalogue "hobbies"');
  });

  it('a choice limit above the number of options', () => {
    const p = problems(folder((q) => (q.items[1]!.maxChoices = 99)));
    expect(p).toContain(
      'get-to-know-you.json: items.values.maxChoices: 99 is more than its 15 options',
    );
  });

  it('a text limit above 500 characters', () => {
    const p = problems(folder((q) => (q.items[5]!.text!.maxLength = 5000)));
    expect(p.join('\n')).toMatch(/get-to-know-you\.json: items\.5\.text\.maxLength/);
  });

  it('an unknown field (a typo) is refused', () => {
    const p = problems(folder((q) => ((q.items[0] as Record<string, unknown>).promt = 'What?')));
    expect(p.join('\n')).toMatch(/get-to-know-you\.json: items\.0/);
  });
});
