import type { Kysely } from 'kysely';
import type {
  ClassSummary,
  ClassViewResponse,
  TeacherHomeResponse,
  TodayCounts,
} from '../../../contracts/classes.js';
import { isSchoolDay, isoWeekday, localDate, localDayRange } from '../../../domain/calendar.js';
import { displayName } from '../../../domain/names.js';
import type { Actor } from '../../platform/auth/actor.js';
import { accessRepository } from '../../platform/access/access.repository.js';
import type { Database } from '../../platform/db/schema.js';
import { assertTeaches, classesTaughtBy } from './classes.policy.js';
import { classesRepository } from './classes.repository.js';

/** The teacher's home: today's classes first, then every class this term. */
export async function getTeacherHome(
  db: Kysely<Database>,
  actor: Actor,
  now: Date,
): Promise<TeacherHomeResponse> {
  const today = localDate(now, actor.timeZone);
  const ids = await classesTaughtBy(db, actor, today);
  const repo = classesRepository(db);
  const [rows, counts] = await Promise.all([
    repo.classes(actor.districtId, ids),
    repo.studentCounts(actor.districtId, ids, today),
  ]);
  const countOf = new Map(counts.map((c) => [c.class_id, Number(c.n)]));
  const access = accessRepository(db);
  const termIds = [...new Set(rows.map((r) => r.term_id))];
  const terms = new Map(
    await Promise.all(
      termIds.map(async (id) => [id, await access.term(actor.districtId, id)] as const),
    ),
  );
  const weekday = String(isoWeekday(today));
  let schoolDay = false;
  const classes: ClassSummary[] = rows.map((r) => {
    const term = terms.get(r.term_id);
    const dayIsOn = term
      ? isSchoolDay(
          { startDate: term.start_date, endDate: term.end_date, daysOff: term.daysOff },
          today,
        )
      : false;
    schoolDay ||= dayIsOn;
    return {
      id: r.id,
      title: r.title,
      period: r.period,
      room: r.room,
      schoolName: r.schoolName,
      studentCount: countOf.get(r.id) ?? 0,
      meetsToday: dayIsOn && r.meeting_days.includes(weekday),
    };
  });
  return {
    today,
    isSchoolDay: schoolDay,
    todaysClasses: classes.filter((c) => c.meetsToday),
    classes,
  };
}

/** The class view: roster with preferred names and what this teacher logged today per student. */
export async function getClassView(
  db: Kysely<Database>,
  actor: Actor,
  classId: string,
  now: Date,
): Promise<ClassViewResponse> {
  const today = localDate(now, actor.timeZone);
  await assertTeaches(db, actor, classId, today);
  const repo = classesRepository(db);
  const [cls] = await repo.classes(actor.districtId, [classId]);
  const { start, end } = localDayRange(today, actor.timeZone);
  const [roster, counts] = await Promise.all([
    repo.roster(actor.districtId, classId, today),
    repo.countsByStudent(actor.districtId, actor.personId!, classId, start, end),
  ]);
  const tally = new Map<string, TodayCounts>();
  for (const c of counts) {
    const t = tally.get(c.student_id) ?? {
      affirmation: 0,
      warm_moment: 0,
      correction: 0,
      other: 0,
    };
    const key =
      c.kind === 'affirmation' || c.kind === 'warm_moment' || c.kind === 'correction'
        ? c.kind
        : 'other';
    t[key] += Number(c.n);
    tally.set(c.student_id, t);
  }
  const students = roster
    .map((p) => ({
      id: p.id,
      displayName: displayName(p.given_name, p.preferred_name),
      familyName: p.family_name,
      pronouns: p.pronouns,
      today: tally.get(p.id) ?? { affirmation: 0, warm_moment: 0, correction: 0, other: 0 },
    }))
    .sort(
      (a, b) =>
        a.displayName.localeCompare(b.displayName) || a.familyName.localeCompare(b.familyName),
    );
  return {
    id: cls!.id,
    title: cls!.title,
    period: cls!.period,
    room: cls!.room,
    schoolName: cls!.schoolName,
    termName: cls!.termName,
    today,
    students,
  };
}
