// Reads one administration's responses in one school and publishes them (domain/surveys/report.ts):
// the table every report of that school is a selection of. Shared by the service and the bench.
import type { InstrumentFile } from '../../../contracts/instruments.js';
import { RACE_COLUMNS } from '../../../domain/equity-lens.js';
import { displayName } from '../../../domain/names.js';
import {
  groupKey,
  publishReport,
  type PublishedReport,
  type ReportResponse,
} from '../../../domain/surveys/report.js';
import type { Scale } from '../../../domain/surveys/scoring.js';
import type { Database } from '../../platform/db/schema.js';
import type { SurveyReportsRepository } from './survey-reports.repository.js';

/** The instrument's scales as the domain scores them (rating items only). */
export function instrumentScales(instrument: InstrumentFile): Scale[] {
  return instrument.scales.map((s) => ({
    key: s.id,
    favourable: s.favourable,
    items: instrument.items
      .filter((i) => i.scale === s.id && (i.kind ?? 'rating') === 'rating')
      .map((i) => ({ key: i.id, reverse: i.reverse === true })),
  }));
}

/** The demographic attributes a school report breaks down by (attribute → value). */
export function demographicValues(row: Database['demographics']): Map<string, string> {
  const out = new Map<string, string>();
  if (row.sex) out.set('sex', row.sex);
  if (row.hispanic_or_latino) out.set('hispanic_or_latino', row.hispanic_or_latino);
  const races = RACE_COLUMNS.filter((r) => row[r] === 'true');
  if (row.two_or_more_races === 'true' || races.length > 1) out.set('race', 'two_or_more_races');
  else if (races.length === 1) out.set('race', races[0]!);
  return out;
}

export interface SchoolPublication {
  schoolId: string;
  published: PublishedReport;
  /** Display labels of classes and teachers, by group key. */
  labels: Map<string, string>;
  /** Each teacher's class group keys (classes with responses counted for the teacher). */
  classesOfTeacher: Map<string, string[]>;
}

/**
 * Publishes one administration in one school. Demographic groups exist only for linked
 * (confidential) administrations: anonymous responses carry no link to a roster record.
 */
export async function publishSchool(
  repo: SurveyReportsRepository,
  districtId: string,
  administration: { id: string; mode: string },
  schoolId: string,
  scales: readonly Scale[],
  minimum: number,
): Promise<SchoolPublication> {
  const [rows, targets] = await Promise.all([
    repo.responsesWithAnswers(districtId, administration.id, schoolId),
    repo.targets(districtId, administration.id),
  ]);
  const answers = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const mine = new Map<string, number>();
    if (r.answers)
      for (const pair of r.answers.split(',')) {
        const at = pair.lastIndexOf(':');
        mine.set(pair.slice(0, at), Number(pair.slice(at + 1)));
      }
    answers.set(r.id, mine);
  }

  const linked = administration.mode === 'confidential';
  const demographics = new Map<string, Map<string, string>>();
  if (linked) {
    const ids = rows.map((r) => r.respondent_id).filter((id): id is string => id !== null);
    for (const d of await repo.demographics(districtId, ids))
      demographics.set(d.person_id, demographicValues(d));
  }
  const responses: ReportResponse[] = rows.map((r) => ({
    answers: answers.get(r.id)!,
    classId: r.class_id,
    teacherId: r.teacher_id,
    grade: r.grade,
    demographics: linked && r.respondent_id ? (demographics.get(r.respondent_id) ?? null) : null,
  }));

  // Who was invited: the students of the target classes (or of the target grades).
  const invited = new Map<string, number>();
  const bump = (key: string, n: number) => invited.set(key, (invited.get(key) ?? 0) + n);
  const classIds = [
    ...new Set([
      ...targets.filter((t) => t.kind === 'class').map((t) => t.value),
      ...rows.map((r) => r.class_id).filter((c): c is string => c !== null),
    ]),
  ];
  const classes = (await repo.classes(districtId, classIds)).filter(
    (c) => c.school_id === schoolId,
  );
  const schoolClassIds = classes.map((c) => c.id);
  if (schoolClassIds.length > 0) {
    const teachers = await repo.classTeachers(districtId, schoolClassIds);
    for (const r of await repo.classRoster(districtId, schoolClassIds)) {
      const n = Number(r.n);
      bump(groupKey('class', r.class_id), n);
      bump(groupKey('school', schoolId), n);
      if (r.grade !== null) bump(groupKey('grade', r.grade), n);
      for (const t of teachers)
        if (t.class_id === r.class_id) bump(groupKey('teacher', t.person_id), n);
    }
  } else {
    const grades = new Set(targets.filter((t) => t.kind === 'grade').map((t) => t.value));
    for (const r of await repo.schoolGrades(districtId, schoolId)) {
      if (r.grade === null || (grades.size > 0 && !grades.has(r.grade))) continue;
      bump(groupKey('grade', r.grade), Number(r.n));
      bump(groupKey('school', schoolId), Number(r.n));
    }
  }

  const labels = new Map<string, string>();
  for (const c of classes)
    labels.set(groupKey('class', c.id), c.period ? `${c.title} (${c.period})` : c.title);
  const teacherIds = [...new Set(rows.map((r) => r.teacher_id).filter((t): t is string => !!t))];
  for (const p of await repo.people(districtId, teacherIds))
    labels.set(
      groupKey('teacher', p.id),
      `${displayName(p.given_name, p.preferred_name)} ${p.family_name}`,
    );
  const school = await repo.school(districtId, schoolId);
  if (school) labels.set(groupKey('school', schoolId), school.name);

  const classesOfTeacher = new Map<string, string[]>();
  for (const r of rows) {
    if (!r.teacher_id || !r.class_id) continue;
    const list = classesOfTeacher.get(r.teacher_id) ?? [];
    const key = groupKey('class', r.class_id);
    if (!list.includes(key)) list.push(key);
    classesOfTeacher.set(r.teacher_id, list);
  }
  for (const list of classesOfTeacher.values())
    list.sort((x, y) => (labels.get(x) ?? x).localeCompare(labels.get(y) ?? y));
  return {
    schoolId,
    labels,
    classesOfTeacher,
    published: publishReport({ schoolId, scales, responses, invited, minimum }),
  };
}
