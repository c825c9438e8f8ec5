// The dyad perception gap: the teacher's closeness rating of a relationship beside the student's
// own answers about that teacher (the instrument scale's counterpart). Only the class's teacher
// sees it. Per student only where the student chose to share their response with this teacher;
// otherwise the class-level gap (the teacher's mean rating vs the class's score), hidden when the
// class's score is (the same publication as the class report).
import type { Kysely } from 'kysely';
import type { GapParams, GapResponse } from '../../../contracts/survey-reports.js';
import { dyadGap, meanOf } from '../../../domain/surveys/gap.js';
import { groupKey } from '../../../domain/surveys/report.js';
import { respondentScaleScore, type Scale } from '../../../domain/surveys/scoring.js';
import { access, isTeacher } from '../../platform/access/access.js';
import { accessRepository } from '../../platform/access/access.repository.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import type { Database } from '../../platform/db/schema.js';
import { NotFoundError } from '../../platform/errors.js';
import { getInstrument, loadInstrumentLibrary } from '../../platform/content/instruments.js';
import { namesInList } from '../../platform/views/list-names.js';
import { instrumentScales, publishSchool } from './published.js';
import { administrationView, reportSettings } from './survey-reports.service.js';
import { surveyReportsRepository } from './survey-reports.repository.js';

function byResponse(rows: Array<{ id: string; item_id: string; value: number }>) {
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const m = out.get(r.id) ?? new Map<string, number>();
    m.set(r.item_id, Number(r.value));
    out.set(r.id, m);
  }
  return out;
}

export async function getGap(
  db: Kysely<Database>,
  ctx: RequestContext,
  params: GapParams,
  serverMinimum: number,
): Promise<GapResponse> {
  const { actor, now } = ctx;
  const repo = surveyReportsRepository(db);
  const notFound = () => new NotFoundError('This class');
  if (!isTeacher(actor)) throw notFound();
  const teacherId = actor.personId;
  const [cls] = await repo.classes(actor.districtId, [params.classId]);
  if (!cls || !(await access(db, ctx).hasTaughtClass(cls.id))) throw notFound();
  const a = await repo.administration(actor.districtId, params.administrationId);
  if (!a || a.respondent !== 'student' || a.closes_at > now.toISOString())
    throw new NotFoundError('The results of this survey administration');

  const library = loadInstrumentLibrary();
  const instrument = getInstrument(library, a.instrument_id);
  // The student scale that has a teacher-rating counterpart (connection ↔ closeness).
  const studentScaleDef = instrument.scales.find((s) => s.counterpart);
  if (!studentScaleDef) throw new NotFoundError('A perception gap for this survey');
  const [ratingInstrumentId, closenessKey] = studentScaleDef.counterpart!.split('/') as [
    string,
    string,
  ];
  const ratingInstrument = getInstrument(library, ratingInstrumentId);
  const ratingScales = instrumentScales(ratingInstrument);
  const closeness = ratingScales.find((s) => s.key === closenessKey)!;
  const conflict: Scale | undefined = ratingScales.find(
    (s) => s.key !== closenessKey && s.favourable === 'low',
  );
  const studentScale = instrumentScales(instrument).find((s) => s.key === studentScaleDef.id)!;

  const settings = await reportSettings(repo, actor.districtId, serverMinimum);
  const students = await accessRepository(db).classStudents(actor.districtId, cls.id, ctx.today);
  const ratingRows = await repo.teacherRatings(
    actor.districtId,
    a.wave_id,
    ratingInstrumentId,
    teacherId,
    students.map((s) => s.id),
  );
  const ratings = byResponse(ratingRows);
  // The newest rating per student wins when a teacher rated a student twice in a wave.
  const aboutOf = new Map<string, string>();
  for (const r of ratingRows) if (r.about_student_id) aboutOf.set(r.about_student_id, r.id);
  const closenessOf = new Map<string, number | null>();
  const conflictOf = new Map<string, number | null>();
  for (const [studentId, responseId] of aboutOf) {
    const answers = ratings.get(responseId)!;
    closenessOf.set(studentId, respondentScaleScore(answers, closeness));
    conflictOf.set(studentId, conflict ? respondentScaleScore(answers, conflict) : null);
  }

  // The class side comes from the class's publication: hidden exactly when the report hides it.
  const pub = await publishSchool(
    repo,
    actor.districtId,
    a,
    cls.school_id,
    [studentScale],
    settings.minimum,
  );
  const classGroup = pub.published.groups.get(groupKey('class', cls.id));
  const classScale = classGroup?.scales[0];
  const teacherMean = meanOf([...closenessOf.values()]);
  const shownScore = classScale && classScale.shown ? classScale.score : null;
  const classGap = {
    rated: [...closenessOf.values()].filter((v) => v !== null).length,
    teacherCloseness: teacherMean,
    studentScore: shownScore,
    gap: dyadGap(teacherMean, shownScore),
    hidden:
      classScale && classScale.shown
        ? null
        : {
            reason: classScale && !classScale.shown ? classScale.hidden : ('small' as const),
            minimum: settings.minimum,
          },
  };

  // Per student: only responses their student shared with this teacher (confidential mode).
  const shared = await repo.sharedAnswers(actor.districtId, a.id, cls.id, teacherId);
  const sharedAnswers = byResponse(shared);
  const respondentOf = new Map(shared.map((r) => [r.id, r.respondent_id!]));
  const names = namesInList(students);
  const rows: GapResponse['students'] = [];
  for (const [responseId, answers] of sharedAnswers) {
    const studentId = respondentOf.get(responseId)!;
    if (!names.has(studentId)) continue;
    const studentScore = respondentScaleScore(answers, studentScale);
    const c = closenessOf.get(studentId) ?? null;
    rows.push({
      studentId,
      displayName: names.get(studentId)!,
      closeness: c,
      conflict: conflictOf.get(studentId) ?? null,
      studentScore,
      gap: dyadGap(c, studentScore),
    });
  }
  rows.sort((x, y) => x.displayName.localeCompare(y.displayName));
  return {
    administration: administrationView(a, instrument),
    classId: cls.id,
    classTitle: cls.period ? `${cls.title} (${cls.period})` : cls.title,
    minimum: settings.minimum,
    classGap,
    students: rows,
  };
}
