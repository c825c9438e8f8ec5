import type { Kysely } from 'kysely';
import type {
  AdminHomeResponse,
  LeaderHomeResponse,
  SchoolOverview,
} from '../../../contracts/schools.js';
import {
  localDate,
  localDayRange,
  recentSchoolDays,
  type TermCalendar,
} from '../../../domain/calendar.js';
import { tallyRatio } from '../../../domain/interaction-kinds.js';
import type { Actor } from '../../platform/auth/actor.js';
import { accessRepository } from '../../platform/access/access.repository.js';
import { listAudit } from '../../platform/audit/audit.repository.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError } from '../../platform/errors.js';
import { schoolsRepository } from './schools.repository.js';

const WINDOW_SCHOOL_DAYS = 10;
const NO_POSITIVE_SCHOOL_DAYS = 5;

function range(days: string[], timeZone: string) {
  return {
    start: localDayRange(days[0]!, timeZone).start,
    end: localDayRange(days.at(-1)!, timeZone).end,
  };
}

async function overview(
  db: Kysely<Database>,
  actor: Actor,
  school: { id: string; name: string },
  cal: TermCalendar | undefined,
  today: string,
): Promise<SchoolOverview> {
  const repo = schoolsRepository(db);
  const people = await repo.peopleCounts(actor.districtId, school.id);
  const count = (kind: string) => Number(people.find((p) => p.kind === kind)?.n ?? 0);
  const days = cal ? recentSchoolDays(cal, today, WINDOW_SCHOOL_DAYS) : [];
  const base: SchoolOverview = {
    schoolId: school.id,
    schoolName: school.name,
    students: count('student'),
    staff: count('staff'),
    window: { schoolDays: days.length, from: days[0] ?? null, to: days.at(-1) ?? null },
    positive: 0,
    corrections: 0,
    staffLogging: 0,
    studentsWithoutPositive: count('student'),
  };
  if (days.length === 0) return base;
  const w = range(days, actor.timeZone);
  const totals = await repo.interactionTotals(actor.districtId, school.id, w.start, w.end);
  const t = tallyRatio(totals.byKind.map((r) => [r.kind, Number(r.n)] as const));
  const recent = range(days.slice(-NO_POSITIVE_SCHOOL_DAYS), actor.timeZone);
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

async function calendar(
  db: Kysely<Database>,
  districtId: string,
  today: string,
): Promise<TermCalendar | undefined> {
  const term = await accessRepository(db).currentTerm(districtId, today);
  return term && { startDate: term.start_date, endDate: term.end_date, daysOff: term.daysOff };
}

/** A leader's home: their school's aggregates. */
export async function getLeaderHome(
  db: Kysely<Database>,
  actor: Actor,
  now: Date,
): Promise<LeaderHomeResponse> {
  const today = localDate(now, actor.timeZone);
  const school = (await schoolsRepository(db).schools(actor.districtId)).find(
    (s) => s.id === actor.schoolId,
  );
  if (!school) throw new NotFoundError('Your school');
  return {
    school: await overview(db, actor, school, await calendar(db, actor.districtId, today), today),
  };
}

/** A district admin's home: every school's aggregates and the latest audit entries. */
export async function getAdminHome(
  db: Kysely<Database>,
  actor: Actor,
  now: Date,
): Promise<AdminHomeResponse> {
  const today = localDate(now, actor.timeZone);
  const repo = schoolsRepository(db);
  const cal = await calendar(db, actor.districtId, today);
  const schools = await repo.schools(actor.districtId);
  const overviews: SchoolOverview[] = [];
  for (const s of schools) overviews.push(await overview(db, actor, s, cal, today));
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
