// The demo's surveys, written through the surveys repository as the real survey path writes
// them (anonymous: a finished participation per student, and a response with no link to the
// student), inside the demo's transaction:
// - a fall wave of the classroom-climate survey whose window closed two weeks ago, in the demo
//   teacher's classes and two colleagues' (so the teacher's and the leader's reports show
//   figures, every class well above the minimum group size);
// - a winter wave, open now, in the demo teacher's first three classes, half answered so far.
// Answers follow each class's climate and each student's own outlook, so the scales hang
// together (Cronbach's alpha near 0.8) as real answers do.
import type { Kysely } from 'kysely';
import { addDays, localDayRange } from '../../../domain/calendar.js';
import { findAnswerProblem, weekStart, type AnswerInput } from '../../../domain/surveys.js';
import type { Database } from '../../platform/db/schema.js';
import { getInstrument, loadInstrumentLibrary } from '../../platform/content/instruments.js';
import { surveysRepository } from '../surveys/surveys.repository.js';
import type { DemoData } from './demo.generator.js';
import { seededRandom } from './seeded-random.js';

const INSTRUMENT = 'classroom-climate';

interface Wave {
  name: 'fall' | 'winter';
  /** The window's first and last day, in days from today. */
  from: number;
  to: number;
  /** How many of the demo teacher's colleagues at the school join with their classes. */
  colleagues: number;
  /** The demo teacher's classes it targets (from the first). */
  ownClasses: number;
  /** The share of targeted students who have answered. */
  answered: number;
}

const WAVES: Wave[] = [
  { name: 'fall', from: -30, to: -14, colleagues: 2, ownClasses: 5, answered: 0.82 },
  { name: 'winter', from: -3, to: 10, colleagues: 0, ownClasses: 3, answered: 0.45 },
];

function schoolYearOf(today: string): string {
  const y = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 7 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}

/** Inserts the demo's survey administrations and responses (call inside the demo's transaction). */
export async function seedDemoSurveys(
  db: Kysely<Database>,
  data: DemoData,
  today: string,
  timeZone: string,
): Promise<void> {
  const r = seededRandom(20261123);
  const repo = surveysRepository(db);
  const instrument = getInstrument(loadInstrumentLibrary(), INSTRUMENT);
  const districtId = data.district.id;
  const leader = data.accounts.find((a) => a.row.role === 'leader')!;
  const teacherAccount = data.accounts.find((a) => a.row.username === 'teacher')!;
  const schoolId = teacherAccount.row.school_id!;
  const teacherOf = new Map(
    data.enrollments.filter((e) => e.role === 'teacher').map((e) => [e.class_id, e.person_id]),
  );
  const grade = new Map(data.people.map((p) => [p.id, p.grade]));
  const schoolClasses = data.classes.filter((c) => c.school_id === schoolId);
  const teachers = [...new Set(schoolClasses.map((c) => teacherOf.get(c.id)!))];
  const demoTeacher = teacherAccount.row.person_id!;
  // Each class has its own climate and each student their own outlook, the same in both waves.
  const lean = new Map(schoolClasses.map((c) => [c.id, 3.2 + r.next() * 0.9]));
  const outlook = new Map<string, number>();

  for (const [w, wave] of WAVES.entries()) {
    const first = addDays(today, wave.from);
    const last = addDays(today, wave.to);
    const opensAt = localDayRange(first, timeZone).start;
    const at = `${opensAt.slice(0, 10)}T12:00:00.000Z`;
    const waveId = await repo.findOrCreateWave(
      districtId,
      schoolYearOf(today),
      wave.name,
      r.uuid(),
      at,
    );
    const ownClasses = schoolClasses
      .filter((c) => teacherOf.get(c.id) === demoTeacher)
      .slice(0, wave.ownClasses);
    const colleagues = teachers.filter((t) => t !== demoTeacher).slice(0, wave.colleagues);
    const classes = [
      ...ownClasses,
      ...schoolClasses.filter((c) => colleagues.includes(teacherOf.get(c.id)!)),
    ];
    const adm = { id: r.uuid() };
    await repo.insertAdministration(
      {
        district_id: districtId,
        id: adm.id,
        school_id: schoolId,
        wave_id: waveId,
        instrument_id: instrument.id,
        instrument_version: instrument.version,
        respondent: instrument.respondent,
        mode: 'anonymous',
        languages: '["en","es"]',
        opens_at: opensAt,
        closes_at: localDayRange(last, timeZone).end,
        created_by_account_id: leader.row.id,
        created_at: addDays(first, -7) + 'T15:00:00.000Z',
      },
      { classIds: classes.map((c) => c.id), grades: [] },
    );
    // Answers arrive on the window's days up to today (the open wave's later days are ahead).
    const days = Array.from({ length: wave.to - wave.from + 1 }, (_, i) => addDays(first, i))
      .filter((d) => d < today)
      .filter((d) => {
        const wd = new Date(`${d}T12:00:00Z`).getUTCDay();
        return wd !== 0 && wd !== 6;
      });
    for (const c of classes) {
      const students = data.enrollments.filter((e) => e.class_id === c.id && e.role === 'student');
      for (const s of students) {
        if (!r.chance(wave.answered)) continue;
        if (!outlook.has(s.person_id)) outlook.set(s.person_id, r.gauss() * 0.6);
        const base = lean.get(c.id)! + outlook.get(s.person_id)! + (w === 1 ? 0.15 : 0);
        const answers: AnswerInput[] = [];
        for (const item of instrument.items) {
          if (r.chance(0.04)) continue; // a skipped question
          const v = Math.max(1, Math.min(5, Math.round(base + r.gauss() * 0.7)));
          answers.push({ itemId: item.id, value: item.reverse ? 6 - v : v });
        }
        const problem = findAnswerProblem(instrument, answers);
        if (problem) throw new Error(`demo survey answer: ${problem.field} ${problem.reason}`);
        const day = r.pick(days);
        const startedAt = `${day}T${String(14 + r.int(0, 5)).padStart(2, '0')}:${String(r.int(10, 59))}:00.000Z`;
        const participationId = r.uuid();
        await repo.startParticipation({
          district_id: districtId,
          id: participationId,
          administration_id: adm.id,
          person_id: s.person_id,
          subject_key: c.id,
          status: 'started',
          started_at: startedAt,
        });
        await repo.finishParticipation(districtId, participationId);
        const responseId = r.uuid();
        await repo.insertResponse(
          {
            district_id: districtId,
            id: responseId,
            administration_id: adm.id,
            school_id: c.school_id,
            class_id: c.id,
            teacher_id: teacherOf.get(c.id) ?? null,
            grade: grade.get(s.person_id) ?? null,
            language: r.chance(0.2) ? 'es' : 'en',
            submitted_week: weekStart(day),
            // Anonymous: no link from the response to the student.
            respondent_id: null,
            about_student_id: null,
          },
          answers.map((a) => ({
            district_id: districtId,
            administration_id: adm.id,
            response_id: responseId,
            item_id: a.itemId,
            value: a.value,
          })),
          [],
        );
      }
    }
  }
}
