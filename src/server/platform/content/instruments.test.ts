import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTION_COUNT, SURVEY_LANGS } from '../../../contracts/instruments.js';
import {
  buildInstrumentLibrary,
  DEFAULT_INSTRUMENTS_ROOT,
  InstrumentContentError,
  localizeItems,
} from './instruments.js';

function copyOfContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-instruments-'));
  cpSync(DEFAULT_INSTRUMENTS_ROOT, dir, { recursive: true });
  return dir;
}

function edit(
  dir: string,
  file: string, // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests break the content on purpose
  change: (json: any) => void,
) {
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8'));
  change(json);
  writeFileSync(path, JSON.stringify(json));
}

function problemsOf(dir: string): string[] {
  try {
    buildInstrumentLibrary(dir);
  } catch (e) {
    if (e instanceof InstrumentContentError)
      return e.problems.map((p) => `${p.file}: ${p.field}: ${p.reason}`);
    throw e;
  }
  return [];
}

describe('the instrument library in content/instruments', () => {
  const library = buildInstrumentLibrary(DEFAULT_INSTRUMENTS_ROOT);

  it('loads the five built-in instruments', () => {
    expect([...library.instruments.keys()].sort()).toEqual([
      'classroom-climate',
      'relational-self-efficacy',
      'school-connection',
      'student-teacher-relationship',
      'teacher-student-relationship',
    ]);
  });

  it('gives every item English and Spanish text and exactly five distinct labelled options per language', () => {
    for (const instrument of library.instruments.values()) {
      for (const lang of SURVEY_LANGS) {
        const items = localizeItems(library, instrument, lang);
        for (const item of items) {
          expect(item.text.trim(), `${item.id} ${lang}`).not.toBe('');
          expect(
            item.options.map((o) => o.value),
            item.id,
          ).toEqual([1, 2, 3, 4, 5]);
          expect(new Set(item.options.map((o) => o.label)).size, item.id).toBe(OPTION_COUNT);
          // No agree/disagree options: verbally labelled frequency, extent or confidence.
          expect(
            item.options.some((o) => /agree|acuerdo/i.test(o.label)),
            item.id,
          ).toBe(false);
        }
      }
      // The two languages are different texts, not a copy left untranslated.
      const en = localizeItems(library, instrument, 'en').map((i) => i.text);
      const es = localizeItems(library, instrument, 'es').map((i) => i.text);
      en.forEach((t, i) => expect(es[i], t).not.toBe(t));
    }
  });

  it('uses every item id once across all instruments', () => {
    const ids = [...library.instruments.values()].flatMap((i) => i.items.map((it) => it.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has reverse-keyed items, the adult item and the dyad counterparts the reports rely on', () => {
    const str = library.instruments.get('student-teacher-relationship')!;
    const tsr = library.instruments.get('teacher-student-relationship')!;
    expect(str.items.filter((i) => i.reverse).length).toBeGreaterThan(0);
    expect(str.scales.find((s) => s.id === 'connection')?.counterpart).toBe(
      'teacher-student-relationship/closeness',
    );
    expect(tsr.scales.find((s) => s.id === 'conflict')?.favourable).toBe('low');
    const adult = library.instruments
      .get('school-connection')!
      .items.find((i) => i.kind === 'adult');
    expect(adult?.id).toBe('sc-adult');
    expect(library.instruments.get('relational-self-efficacy')?.about).toBe('self');
  });
});

describe('bad instrument content', () => {
  it('names the file and field of a missing Spanish text', () => {
    const dir = copyOfContent();
    edit(dir, 'classroom-climate.json', (j) => delete j.items[2].text.es);
    expect(problemsOf(dir).join('\n')).toMatch(/classroom-climate\.json: items\[2\]\.text/);
  });

  it('refuses an option set with four options', () => {
    const dir = copyOfContent();
    edit(dir, 'response-options.json', (j) => j.extent.es.pop());
    expect(problemsOf(dir).join('\n')).toMatch(/response-options\.json: extent\.es/);
  });

  it('refuses an item id used in two instruments, a missing scale and a missing option set', () => {
    const dir = copyOfContent();
    edit(dir, 'classroom-climate.json', (j) => {
      j.items[0].id = 'str-connection-1';
      j.items[1].scale = 'nowhere';
      j.items[2].options = 'agreement';
    });
    const problems = problemsOf(dir).join('\n');
    expect(problems).toContain(
      'student-teacher-relationship.json: items[0].id: "str-connection-1" is also used in classroom-climate.json',
    );
    expect(problems).toContain('classroom-climate.json: items[1].scale: no scale "nowhere"');
    expect(problems).toContain(
      'classroom-climate.json: items[2].options: no option set "agreement"',
    );
  });

  it('refuses a counterpart that does not point back', () => {
    const dir = copyOfContent();
    edit(dir, 'teacher-student-relationship.json', (j) => delete j.scales[0].counterpart);
    expect(problemsOf(dir).join('\n')).toMatch(
      /student-teacher-relationship\.json: scales\[0\]\.counterpart: .*must name/,
    );
  });
});
