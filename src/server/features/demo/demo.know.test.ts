import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../../domain/questionnaires.js';
import { GET_TO_KNOW_YOU, getQuestionnaire } from '../../platform/content/questionnaires.js';
import { DEMO_DEFAULTS, DEMO_USERNAMES, generateDemo } from './demo.generator.js';
import { generateKnowDemo } from './demo.know.js';

describe('know-your-students demo data', () => {
  const data = generateDemo({ ...DEMO_DEFAULTS, students: 200, staff: 12, today: '2026-11-23' });
  const q = getQuestionnaire(GET_TO_KNOW_YOU);
  const know = generateKnowDemo(
    data,
    q,
    DEMO_USERNAMES.teacher,
    DEMO_USERNAMES.student,
    '2026-11-23T15:00:00.000Z',
  );
  const person = (username: string) =>
    data.accounts.find((a) => a.row.username === username)!.row.person_id;

  it("has the demo teacher's own answers and submitted, shared answers of their students", () => {
    const kinds = know.responses.map((r) => r.respondent_kind);
    expect(kinds.filter((k) => k === 'teacher')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'student').length).toBeGreaterThanOrEqual(5);
    expect(know.responses.find((r) => r.respondent_kind === 'teacher')!.respondent_id).toBe(
      person(DEMO_USERNAMES.teacher),
    );
    expect(know.profileFields.length).toBeGreaterThan(0);
  });

  it('every answer is one the questionnaire accepts', () => {
    const byItem = new Map<string, string[]>();
    for (const a of know.answers) {
      const key = `${a.respondent_id} ${a.item_id}`;
      byItem.set(key, [...(byItem.get(key) ?? []), a.option_id]);
    }
    for (const [key, optionIds] of byItem) {
      const item = q.items.find((i) => i.id === key.split(' ')[1])!;
      expect(checkAnswer(item, { optionIds }).ok, key).toBe(true);
    }
  });
});
