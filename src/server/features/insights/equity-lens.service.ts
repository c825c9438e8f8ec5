// The equity lens: how a teacher's own affirmations and corrections, over the current term, fall
// across groups of their own students. Only the teacher reads it (no other role has a route to
// it); demographics leave this function only as suppressed group aggregates, never by student.
import type { Kysely } from 'kysely';
import type { EquityLensResponse } from '../../../contracts/insights.js';
import { localDate, localDayRange } from '../../../domain/calendar.js';
import {
  computeEquityLens,
  demographicGroups,
  type LensStudent,
} from '../../../domain/equity-lens.js';
import { minimumGroupSize } from '../../../domain/stats/suppression.js';
import type { Actor } from '../../platform/auth/actor.js';
import { accessRepository } from '../../platform/access/access.repository.js';
import type { Database } from '../../platform/db/schema.js';
import { teacherOf } from './insights.policy.js';
import { insightsRepository } from './insights.repository.js';

export async function getEquityLens(
  db: Kysely<Database>,
  actor: Actor,
  configuredMinimum: number,
  now: Date,
): Promise<EquityLensResponse> {
  const teacherId = teacherOf(actor);
  const today = localDate(now, actor.timeZone);
  const access = accessRepository(db);
  const repo = insightsRepository(db);
  const roster = await access.teacherRoster(actor.districtId, teacherId, today);
  const studentIds = [...new Set(roster.map((r) => r.studentId))].sort();
  const term = await access.currentTerm(actor.districtId, today);
  const from = term?.start_date ?? null;
  const counts = new Map(studentIds.map((id) => [id, { affirmations: 0, corrections: 0 }]));
  if (from && studentIds.length > 0) {
    const start = localDayRange(from, actor.timeZone).start;
    const end = localDayRange(today, actor.timeZone).end;
    for (const row of await repo.teacherKindCounts(actor.districtId, teacherId, start, end)) {
      const c = counts.get(row.student_id);
      if (!c) continue; // a student no longer on the roster today
      if (row.kind === 'affirmation') c.affirmations += Number(row.n);
      else c.corrections += Number(row.n);
    }
  }
  const demographics = new Map(
    (await repo.demographics(actor.districtId, studentIds)).map((d) => [d.person_id, d]),
  );
  const students: LensStudent[] = studentIds.map((id) => ({
    groups: demographicGroups(demographics.get(id) ?? null),
    ...counts.get(id)!,
  }));
  const lens = computeEquityLens(students, minimumGroupSize(configuredMinimum));
  return { from, to: today, ...lens };
}
