import type { Kysely } from 'kysely';
import type {
  AdminHomeResponse,
  LeaderHomeResponse,
  SchoolOverview,
} from '../../../contracts/schools.js';
import { tallyRatio } from '../../../domain/interaction-kinds.js';
import { noPositiveWindow, ratioWindow } from '../../../domain/ratio.js';
import { listAudit } from '../../platform/audit/audit.repository.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError } from '../../platform/errors.js';
import { schoolsRepository } from './schools.repository.js';

async function overview(
  db: Kysely<Database>,
  ctx: RequestContext,
  school: { id: string; name: string },
): Promise<SchoolOverview> {
  const { actor } = ctx;
  const repo = schoolsRepository(db);
  const people = await repo.peopleCounts(actor.districtId, school.id);
  const count = (kind: string) => Number(people.find((p) => p.kind === kind)?.n ?? 0);
  const window = ratioWindow((await ctx.term())?.calendar, ctx.today, actor.timeZone);
  const base: SchoolOverview = {
    schoolId: school.id,
    schoolName: school.name,
    students: count('student'),
    staff: count('staff'),
    window: window.view,
    positive: 0,
    corrections: 0,
    staffLogging: 0,
    studentsWithoutPositive: count('student'),
  };
  if (!window.range) return base;
  const w = window.range;
  const totals = await repo.interactionTotals(actor.districtId, school.id, w.start, w.end);
  const t = tallyRatio(totals.byKind.map((r) => [r.kind, Number(r.n)] as const));
  const recent = noPositiveWindow(window, actor.timeZone).range!;
  return {
    ...base,
    ...t,
    staffLogging: totals.loggers,
    studentsWithoutPositive: await repo.studentsWithoutPositive(
      actor.districtId,
      school.id,
      recent.start,
      recent.end,
    ),
  };
}

/** A leader's home: their school's aggregates. */
export async function getLeaderHome(
  db: Kysely<Database>,
  ctx: RequestContext,
): Promise<LeaderHomeResponse> {
  const { actor } = ctx;
  const school = (await schoolsRepository(db).schools(actor.districtId)).find(
    (s) => s.id === actor.schoolId,
  );
  if (!school) throw new NotFoundError('Your school');
  return { school: await overview(db, ctx, school) };
}

/** A district admin's home: every school's aggregates and the latest audit entries. */
export async function getAdminHome(
  db: Kysely<Database>,
  ctx: RequestContext,
): Promise<AdminHomeResponse> {
  const { actor } = ctx;
  const repo = schoolsRepository(db);
  const schools = await repo.schools(actor.districtId);
  const overviews: SchoolOverview[] = [];
  for (const s of schools) overviews.push(await overview(db, ctx, s));
  const audit = await listAudit(db, actor.districtId, 25);
  return {
    districtName: await repo.districtName(actor.districtId),
    schools: overviews,
    audit: audit.map((a) => ({
      at: a.at,
      actorRole: a.actor_role,
      action: a.action,
      subjectType: a.subject_type,
      subjectId: a.subject_id,
    })),
  };
}
