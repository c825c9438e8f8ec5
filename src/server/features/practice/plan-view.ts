import type { Kysely } from 'kysely';
import type { PlanView } from '../../../contracts/practice.js';
import { localDate, localDayRange } from '../../../domain/calendar.js';
import { planProgress } from '../../../domain/two-by-ten.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import type { Database } from '../../platform/db/schema.js';
import { practiceRepository } from './practice.repository.js';

/** A plan with each day's state: a day is done when a conversation with the student was logged on it. */
export async function toPlanView(
  db: Kysely<Database>,
  ctx: RequestContext,
  plan: Database['plans'],
): Promise<PlanView> {
  const { actor, today } = ctx;
  const days = JSON.parse(plan.days) as string[];
  const start = localDayRange(days[0]!, actor.timeZone).start;
  const end = localDayRange(days.at(-1)!, actor.timeZone).end;
  const talks = await practiceRepository(db).conversationDates(
    actor.districtId,
    plan.teacher_id,
    [plan.student_id],
    start,
    end,
  );
  const progress = planProgress(
    days,
    new Set(talks.map((t) => localDate(t.occurred_at, actor.timeZone))),
    today,
  );
  return {
    id: plan.id,
    studentId: plan.student_id,
    startDate: plan.start_date,
    status: plan.status,
    ...progress,
    reflection: plan.reflection,
    createdAt: plan.created_at,
  };
}
