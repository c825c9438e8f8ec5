// Know-your-students demo data: the demo teacher's own questionnaire answers, and answers and
// profiles for some of their students (the demo student among them), so commonalities and the
// student card have something to show. Deterministic from the seed, like the rest of the demo.
import type { Questionnaire } from '../../../domain/questionnaires.js';
import type { Database } from '../../platform/db/schema.js';
import type { DemoData } from './demo.generator.js';
import { seededRandom } from './seeded-random.js';

const PROFILES: Array<Array<[string, string, boolean]>> = [
  [
    ['interests', 'Drawing manga and playing volleyball', true],
    [
      'teacher_should_know',
      'I get nervous reading out loud, but I like answering questions.',
      true,
    ],
    ['culture_matters_more', 'Cooking with my grandmother on Sundays', false],
  ],
  [
    ['strengths', 'I can fix almost any bike', true],
    ['teacher_should_know', 'I take care of my younger sister after school.', true],
    ['culture_matters_less', 'Which soccer team my family supports', true],
  ],
  [
    ['goals', 'Make the varsity team and raise my math grade', true],
    ['teacher_should_know', 'Sitting near the front helps me focus.', true],
  ],
];

export interface KnowDemo {
  profileFields: Database['student_profile_fields'][];
  responses: Database['questionnaire_responses'][];
  answers: Database['questionnaire_answers'][];
}

/** Answers and profiles for the demo teacher and up to `students` of their students. */
export function generateKnowDemo(
  data: DemoData,
  q: Questionnaire,
  teacherUsername: string,
  studentUsername: string,
  at: string,
  students = 12,
): KnowDemo {
  const r = seededRandom(5);
  const d = data.district.id;
  const teacherId = data.accounts.find((a) => a.row.username === teacherUsername)?.row.person_id;
  const out: KnowDemo = { profileFields: [], responses: [], answers: [] };
  if (!teacherId) return out;
  const classes = new Set(
    data.enrollments
      .filter((e) => e.person_id === teacherId && e.role === 'teacher')
      .map((e) => e.class_id),
  );
  const demoStudent = data.accounts.find((a) => a.row.username === studentUsername)?.row.person_id;
  const taught = [
    ...new Set(
      data.enrollments
        .filter((e) => classes.has(e.class_id) && e.role === 'student')
        .map((e) => e.person_id),
    ),
  ];
  const chosen = [
    ...(demoStudent && taught.includes(demoStudent) ? [demoStudent] : []),
    ...taught.filter((s) => s !== demoStudent).slice(0, students),
  ];

  const respond = (personId: string, kind: 'student' | 'teacher') => {
    out.responses.push({
      district_id: d,
      questionnaire_id: q.id,
      respondent_id: personId,
      respondent_kind: kind,
      content_version: q.version,
      shared: 1,
      last_item_id: q.items.at(-1)!.id,
      started_at: at,
      updated_at: at,
      submitted_at: at,
    });
    for (const item of q.items) {
      if (item.options.length === 0) continue;
      const n = item.kind === 'single' ? 1 : r.int(1, Math.min(item.maxChoices, 5));
      const picked = new Set<string>();
      while (picked.size < n) picked.add(r.pick(item.options).id);
      for (const optionId of picked)
        out.answers.push({
          district_id: d,
          questionnaire_id: q.id,
          respondent_id: personId,
          item_id: item.id,
          option_id: optionId,
          text: null,
          answered_at: at,
        });
    }
  };
  respond(teacherId, 'teacher');
  chosen.forEach((studentId, i) => {
    respond(studentId, 'student');
    for (const [field, value, shared] of PROFILES[i % PROFILES.length]!)
      if (i < PROFILES.length * 2)
        out.profileFields.push({
          district_id: d,
          student_id: studentId,
          field,
          value,
          shared: shared ? 1 : 0,
          updated_at: at,
        });
  });
  return out;
}
