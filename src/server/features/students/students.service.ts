import type { Kysely } from 'kysely';
import type { StudentCardResponse } from '../../../contracts/students.js';
import { localDate, localDayRange, recentSchoolDays } from '../../../domain/calendar.js';
import { tallyRatio } from '../../../domain/interaction-kinds.js';
import { displayName } from '../../../domain/names.js';
import type { Actor } from '../../platform/auth/actor.js';
import { accessRepository } from '../../platform/access/access.repository.js';
import { recordAudit } from '../../platform/audit/audit.repository.js';
import type { Database } from '../../platform/db/schema.js';
import { toInteractionView } from '../../platform/views/interaction-view.js';
import { NotFoundError } from '../../platform/errors.js';
import { authorizeStudentRead } from './students.policy.js';
import { studentsRepository } from './students.repository.js';

/** Ratio window: the last 10 school days (issue 4's default rolling window). */
const RATIO_WINDOW_SCHOOL_DAYS = 10;

/** A student's card. Permission is checked before anything about the student is read. */
export async function getStudentCard(
  db: Kysely<Database>,
  actor: Actor,
  studentId: string,
  now: Date,
): Promise<StudentCardResponse> {
  const today = localDate(now, actor.timeZone);
  const access = await authorizeStudentRead(db, actor, studentId, today);
  if (access.as !== 'teacher') {
    await recordAudit(db, actor, {
      action: 'read',
      subjectType: 'student_card',
      subjectId: studentId,
    });
  }
  const repo = studentsRepository(db);
  const student = await repo.student(actor.districtId, studentId);
  if (!student) throw new NotFoundError('This student');

  const term = await accessRepository(db).currentTerm(actor.districtId, today);
  const days = term
    ? recentSchoolDays(
        { startDate: term.start_date, endDate: term.end_date, daysOff: term.daysOff },
        today,
        RATIO_WINDOW_SCHOOL_DAYS,
      )
    : [];
  const teacherId = access.as === 'teacher' ? actor.personId : null;
  let ratio = { positive: 0, corrections: 0, schoolDays: days.length };
  if (days.length > 0) {
    const start = localDayRange(days[0]!, actor.timeZone).start;
    const end = localDayRange(days.at(-1)!, actor.timeZone).end;
    const counts = await repo.kindCounts(actor.districtId, studentId, start, end, teacherId);
    const t = tallyRatio(counts.map((c) => [c.kind, Number(c.n)] as const));
    ratio = { ...t, schoolDays: days.length };
  }
  const shared =
    access.as === 'teacher' ? await repo.classTitles(actor.districtId, access.sharedClassIds) : [];
  const recent = teacherId
    ? await repo.recentByTeacher(
        actor.districtId,
        studentId,
        teacherId,
        localDayRange(today, actor.timeZone).end,
        20,
      )
    : [];
  return {
    id: student.id,
    displayName: displayName(student.given_name, student.preferred_name),
    familyName: student.family_name,
    pronouns: student.pronouns,
    grade: student.grade,
    schoolName: student.schoolName,
    sharedClasses: shared,
    ratio,
    recent: recent.map((r) => toInteractionView(r, actor.accountId)),
  };
}
