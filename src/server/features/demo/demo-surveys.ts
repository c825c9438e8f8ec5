// A fall wave of the classroom-climate survey (anonymous) in the demo district's first classes,
// with answers from about three students in four, so the survey pages have something to show.
import { randomUUID } from 'node:crypto';
import { addDays } from '../../../domain/calendar.js';
import { weekStart } from '../../../domain/surveys.js';
import type { Database } from '../../platform/db/schema.js';
import type { DemoData } from './demo.generator.js';

const ITEMS = [
  'cc-climate-1',
  'cc-climate-2',
  'cc-climate-3',
  'cc-climate-4',
  'cc-climate-5',
  'cc-belonging-1',
  'cc-belonging-2',
  'cc-belonging-3',
  'cc-belonging-4',
  'cc-belonging-5',
];
const REVERSED = new Set(['cc-climate-4', 'cc-belonging-3']);

export function demoSurveyRows(data: DemoData, today: string) {
  const districtId = data.district.id;
  let seed = 20261123;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const at = `${today}T12:00:00.000Z`;
  const year = Number(today.slice(0, 4));
  const schoolYear = Number(today.slice(5, 7)) >= 7 ? `${year}-${year + 1}` : `${year - 1}-${year}`;
  const wave: Database['survey_waves'] = {
    district_id: districtId,
    id: randomUUID(),
    school_year: schoolYear,
    name: 'fall',
    created_at: at,
  };
  const classes = data.classes.slice(0, 3);
  const adm: Database['survey_administrations'] = {
    district_id: districtId,
    id: randomUUID(),
    school_id: classes[0]?.school_id ?? null,
    wave_id: wave.id,
    instrument_id: 'classroom-climate',
    instrument_version: 1,
    respondent: 'student',
    mode: 'anonymous',
    languages: '["en","es"]',
    opens_at: `${addDays(today, -7)}T00:00:00.000Z`,
    closes_at: `${addDays(today, 7)}T00:00:00.000Z`,
    created_by_account_id: data.accounts[0]!.row.id,
    created_at: at,
  };
  const targets = classes.map((c) => ({
    district_id: districtId,
    administration_id: adm.id,
    kind: 'class' as const,
    value: c.id,
  }));
  const participations: Database['survey_participations'][] = [];
  const responses: Database['survey_responses'][] = [];
  const answers: Database['survey_answers'][] = [];
  const people = new Map(data.people.map((p) => [p.id, p]));
  for (const c of classes) {
    const teacher = data.enrollments.find((e) => e.class_id === c.id && e.role === 'teacher');
    const students = data.enrollments.filter((e) => e.class_id === c.id && e.role === 'student');
    const lean = 3 + rand(); // each class has its own climate
    for (const s of students) {
      if (rand() > 0.75) continue;
      participations.push({
        district_id: districtId,
        id: randomUUID(),
        administration_id: adm.id,
        person_id: s.person_id,
        subject_key: c.id,
        status: 'finished',
        started_at: at,
      });
      const id = randomUUID();
      responses.push({
        district_id: districtId,
        id,
        administration_id: adm.id,
        school_id: c.school_id,
        class_id: c.id,
        teacher_id: teacher?.person_id ?? null,
        grade: people.get(s.person_id)?.grade ?? null,
        language: rand() < 0.2 ? 'es' : 'en',
        submitted_week: weekStart(addDays(today, -Math.floor(rand() * 5))),
        respondent_id: null,
        about_student_id: null,
      });
      for (const item of ITEMS) {
        if (rand() < 0.05) continue; // a skipped question
        const v = Math.max(1, Math.min(5, Math.round(lean + (rand() - 0.5) * 2.5)));
        answers.push({
          district_id: districtId,
          administration_id: adm.id,
          response_id: id,
          item_id: item,
          value: REVERSED.has(item) ? 6 - v : v,
        });
      }
    }
  }
  return { wave, adm, targets, participations, responses, answers };
}
