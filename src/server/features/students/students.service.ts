import type { Kysely } from 'kysely';
import type { StudentCardResponse } from '../../../contracts/students.js';
import { tallyRatio } from '../../../domain/interaction-kinds.js';
import { displayName } from '../../../domain/names.js';
import { ratioWindow } from '../../../domain/ratio.js';
import { access } from '../../platform/access/access.js';
import { recordAudit } from '../../platform/audit/audit.repository.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import type { Database } from '../../platform/db/schema.js';
import { toInteractionView } from '../../platform/views/interaction-view.js';
import { NotFoundError } from '../../platform/errors.js';
import { studentsRepository } from './students.repository.js';

/** A student's card. Permission is checked before anything about the student is read. */
export async function getStudentCard(
  db: Kysely<Database>,
  ctx: RequestContext,
  studentId: string,
): Promise<StudentCardResponse> {
  const { actor } = ctx;
  const reader = await access(db, ctx).requireStudentReader(studentId);
  if (reader.as !== 'teacher') {
    await recordAudit(db, actor, {
      action: 'read',
      subjectType: 'student_card',
      subjectId: studentId,
    });
  }
  const repo = studentsRepository(db);
  const student = await repo.student(actor.districtId, studentId);
  if (!student) throw new NotFoundError('This student');

  const w = ratioWindow((await ctx.term())?.calendar, ctx.today, actor.timeZone);
  const teacherId = reader.as === 'teacher' ? actor.personId : null;
  let ratio = { positive: 0, corrections: 0, schoolDays: w.days.length };
  if (w.range) {
    const { start, end } = w.range;
    const counts = await repo.kindCounts(actor.districtId, studentId, start, end, teacherId);
    const t = tallyRatio(counts.map((c) => [c.kind, Number(c.n)] as const));
    ratio = { ...t, schoolDays: w.days.length };
  }
  const shared =
    reader.as === 'teacher' ? await repo.classTitles(actor.districtId, reader.sharedClassIds) : [];
  const recent = teacherId
    ? await repo.recentByTeacher(actor.districtId, studentId, teacherId, ctx.todayEnd, 20)
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
