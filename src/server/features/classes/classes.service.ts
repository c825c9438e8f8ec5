import type { Kysely } from 'kysely';
import type {
  ClassSummary,
  ClassViewResponse,
  TeacherHomeResponse,
  TodayCounts,
} from '../../../contracts/classes.js';
import { isSchoolDay, isoWeekday, localDayRange } from '../../../domain/calendar.js';
import { displayName } from '../../../domain/names.js';
import { access } from '../../platform/access/access.js';
import { accessRepository } from '../../platform/access/access.repository.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import type { Database } from '../../platform/db/schema.js';
import { classesRepository } from './classes.repository.js';

/** The teacher's home: today's classes first, then every class this term. */
export async function getTeacherHome(
  db: Kysely<Database>,
  ctx: RequestContext,
): Promise<TeacherHomeResponse> {
  const { actor, today } = ctx;
  const ids = await access(db, ctx).taughtClassIds();
  const repo = classesRepository(db);
  const [rows, counts] = await Promise.all([
    repo.classes(actor.districtId, ids),
    repo.studentCounts(actor.districtId, ids, today),
  ]);
  const countOf = new Map(counts.map((c) => [c.class_id, Number(c.n)]));
  const termIds = [...new Set(rows.map((r) => r.term_id))];
  const terms = new Map(
    await Promise.all(
      termIds.map(
        async (id) => [id, await accessRepository(db).term(actor.districtId, id)] as const,
      ),
    ),
  );
  const weekday = String(isoWeekday(today));
  let schoolDay = false;
  const classes: ClassSummary[] = rows.map((r) => {
    const term = terms.get(r.term_id);
    const dayIsOn = term ? isSchoolDay(term.calendar, today) : false;
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
  ctx: RequestContext,
  classId: string,
): Promise<ClassViewResponse> {
  const { actor, today } = ctx;
  const { teacherId } = await access(db, ctx).requireTeachesClass(classId);
  const repo = classesRepository(db);
  const [cls] = await repo.classes(actor.districtId, [classId]);
  const { start, end } = localDayRange(today, actor.timeZone); // today's moments only
  const [roster, counts] = await Promise.all([
    repo.roster(actor.districtId, classId, today),
    repo.countsByStudent(actor.districtId, teacherId, classId, start, end),
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
