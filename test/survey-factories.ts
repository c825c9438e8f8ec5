// Survey factories: waves, administrations and submitted responses, persisted as the surveys
// feature writes them (anonymous: no respondent; answers one row per answered item).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../src/server/platform/db/schema.js';

type K = Kysely<Database>;

export async function buildWave(
  db: K,
  o: { districtId: string; name: string; schoolYear?: string },
) {
  const row = {
    district_id: o.districtId,
    id: randomUUID(),
    school_year: o.schoolYear ?? '2026-2027',
    name: o.name,
    created_at: new Date().toISOString(),
  };
  await db.insertInto('survey_waves').values(row).execute();
  return row;
}

export async function buildAdministration(
  db: K,
  o: {
    districtId: string;
    schoolId: string | null;
    waveId: string;
    accountId: string;
    instrumentId?: string;
    respondent?: 'student' | 'teacher';
    mode?: 'anonymous' | 'confidential';
    opensAt: string;
    closesAt: string;
    classIds?: string[];
  },
) {
  const row = {
    district_id: o.districtId,
    id: randomUUID(),
    school_id: o.schoolId,
    wave_id: o.waveId,
    instrument_id: o.instrumentId ?? 'student-teacher-relationship',
    instrument_version: 1,
    respondent: o.respondent ?? 'student',
    mode: o.mode ?? 'anonymous',
    languages: '["en","es"]',
    opens_at: o.opensAt,
    closes_at: o.closesAt,
    created_by_account_id: o.accountId,
    created_at: o.opensAt,
  };
  await db.insertInto('survey_administrations').values(row).execute();
  for (const c of o.classIds ?? [])
    await db
      .insertInto('survey_administration_targets')
      .values({ district_id: o.districtId, administration_id: row.id, kind: 'class', value: c })
      .execute();
  return row;
}

export async function buildResponse(
  db: K,
  o: {
    districtId: string;
    administrationId: string;
    schoolId: string;
    classId?: string | null;
    teacherId?: string | null;
    grade?: string | null;
    respondentId?: string | null;
    aboutStudentId?: string | null;
    answers: Record<string, number>;
    sharedWith?: string;
  },
) {
  const id = randomUUID();
  await db
    .insertInto('survey_responses')
    .values({
      district_id: o.districtId,
      id,
      administration_id: o.administrationId,
      school_id: o.schoolId,
      class_id: o.classId ?? null,
      teacher_id: o.teacherId ?? null,
      grade: o.grade ?? null,
      language: 'en',
      submitted_week: '2026-10-05',
      respondent_id: o.respondentId ?? null,
      about_student_id: o.aboutStudentId ?? null,
    })
    .execute();
  const answers = Object.entries(o.answers);
  if (answers.length > 0)
    await db
      .insertInto('survey_answers')
      .values(
        answers.map(([item, value]) => ({
          district_id: o.districtId,
          administration_id: o.administrationId,
          response_id: id,
          item_id: item,
          value,
        })),
      )
      .execute();
  if (o.sharedWith)
    await db
      .insertInto('survey_response_shares')
      .values({
        district_id: o.districtId,
        response_id: id,
        teacher_id: o.sharedWith,
        shared_at: new Date().toISOString(),
      })
      .execute();
  return id;
}

/**
 * Answers to the student–teacher relationship instrument that give a connection and a respect
 * score of exactly `v` (reverse-keyed items answered 6 − v).
 */
export function relationshipAnswers(v: number, respect = v): Record<string, number> {
  return {
    'str-connection-1': v,
    'str-connection-2': v,
    'str-connection-3': v,
    'str-connection-4': v,
    'str-connection-5': 6 - v,
    'str-connection-6': v,
    'str-respect-1': respect,
    'str-respect-2': respect,
    'str-respect-3': respect,
    'str-respect-4': 6 - respect,
  };
}

/** A teacher's rating of a student giving closeness `c` and conflict `k`. */
export function ratingAnswers(c: number, k: number): Record<string, number> {
  return {
    'tsr-closeness-1': c,
    'tsr-closeness-2': c,
    'tsr-closeness-3': c,
    'tsr-closeness-4': c,
    'tsr-closeness-5': 6 - c,
    'tsr-conflict-1': k,
    'tsr-conflict-2': k,
    'tsr-conflict-3': k,
    'tsr-conflict-4': k,
    'tsr-conflict-5': 6 - k,
  };
}
