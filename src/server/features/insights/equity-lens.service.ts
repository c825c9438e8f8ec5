// The equity lens: how a teacher's own affirmations and corrections, over the current term, fall
// across groups of their own students. Only the teacher reads it (no other role has a route to
// it); demographics leave this function only as suppressed group aggregates, never by student.
import type { Kysely } from 'kysely';
import type { EquityLensResponse } from '../../../contracts/insights.js';
import {
  computeEquityLens,
  demographicGroups,
  type LensStudent,
} from '../../../domain/equity-lens.js';
import { minimumGroupSize } from '../../../domain/stats/suppression.js';
import { access, teacherOf } from '../../platform/access/access.js';
import type { Database } from '../../platform/db/schema.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import { insightsRepository } from './insights.repository.js';

export async function getEquityLens(
  db: Kysely<Database>,
  ctx: RequestContext,
  configuredMinimum: number,
): Promise<EquityLensResponse> {
  const { actor, today } = ctx;
  const teacherId = teacherOf(actor);
  const repo = insightsRepository(db);
  const studentIds = [...(await access(db, ctx).loggingPlaces()).keys()].sort();
  const term = await ctx.term();
  const counts = new Map(studentIds.map((id) => [id, { affirmations: 0, corrections: 0 }]));
  if (term && studentIds.length > 0) {
    const start = term.start;
    const end = ctx.todayEnd;
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
  return { from: term?.calendar.startDate ?? null, to: today, ...lens };
}
