import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlanView, ReflectPlanBody, StartPlanBody } from '../../../contracts/practice.js';
import { PlanDateError, planDays } from '../../../domain/two-by-ten.js';
import { teacherOf } from '../../platform/access/access.js';
import { accessRepository } from '../../platform/access/access.repository.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import type { Database } from '../../platform/db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { toPlanView } from './plan-view.js';
import { assertDyad } from './practice.policy.js';
import { practiceRepository } from './practice.repository.js';
import { setStage } from './practice.service.js';

/** Starts a two-by-ten plan: ten consecutive school days of the student's term from the start date. */
export async function startPlan(
  db: Kysely<Database>,
  ctx: RequestContext,
  input: StartPlanBody,
): Promise<PlanView> {
  const { actor, now } = ctx;
  const student = await assertDyad(db, ctx, input.studentId);
  const term = await accessRepository(db).term(actor.districtId, student.term_id);
  if (!term) throw new NotFoundError('The class term');
  let days: string[];
  try {
    days = planDays(term.calendar, input.startDate);
  } catch (err) {
    if (err instanceof PlanDateError) throw new ValidationError('startDate', err.message);
    throw err;
  }
  const row: Database['plans'] = {
    district_id: actor.districtId,
    id: randomUUID(),
    teacher_id: student.teacherId,
    author_account_id: actor.accountId,
    student_id: input.studentId,
    term_id: term.id,
    start_date: days[0]!,
    days: JSON.stringify(days),
    status: 'active',
    reflection: null,
    created_at: now.toISOString(),
    ended_at: null,
  };
  if (!(await practiceRepository(db).insertPlan(row))) {
    throw new ConflictError(
      'This student already has an active two-by-ten plan with you. Finish or stop it first.',
    );
  }
  return toPlanView(db, ctx, row);
}

async function ownPlan(db: Kysely<Database>, ctx: RequestContext, planId: string) {
  const { actor } = ctx;
  const plan = await practiceRepository(db).plan(actor.districtId, teacherOf(actor), planId);
  if (!plan) throw new NotFoundError('This plan');
  return plan;
}

export async function getPlan(
  db: Kysely<Database>,
  ctx: RequestContext,
  planId: string,
): Promise<PlanView> {
  return toPlanView(db, ctx, await ownPlan(db, ctx, planId));
}

/** After the tenth school day: the reflection, and (optionally) the re-checked stage. */
export async function reflectOnPlan(
  db: Kysely<Database>,
  ctx: RequestContext,
  planId: string,
  input: ReflectPlanBody,
): Promise<PlanView> {
  const { actor, now } = ctx;
  const plan = await ownPlan(db, ctx, planId);
  const view = await toPlanView(db, ctx, plan);
  if (plan.status !== 'active') throw new ConflictError(`This plan is already ${plan.status}.`);
  if (!view.finished) {
    throw new ConflictError(
      `The reflection comes after the tenth school day (${view.days.at(-1)!.date}); this plan is ${view.todayNumber ? `on day ${view.todayNumber}` : 'not there yet'}.`,
    );
  }
  if (input.stage !== undefined) await assertDyad(db, ctx, plan.student_id);
  const ended = await practiceRepository(db).endPlan(actor.districtId, planId, {
    status: 'completed',
    reflection: input.reflection,
    endedAt: now.toISOString(),
  });
  if (!ended) throw new ConflictError('This plan was ended meanwhile.');
  if (input.stage !== undefined) await setStage(db, ctx, plan.student_id, input.stage);
  return getPlan(db, ctx, planId);
}

export async function stopPlan(
  db: Kysely<Database>,
  ctx: RequestContext,
  planId: string,
): Promise<PlanView> {
  const plan = await ownPlan(db, ctx, planId);
  const ended = await practiceRepository(db).endPlan(ctx.actor.districtId, planId, {
    status: 'stopped',
    reflection: null,
    endedAt: ctx.now.toISOString(),
  });
  if (!ended) throw new ConflictError(`This plan is already ${plan.status}.`);
  return getPlan(db, ctx, planId);
}
