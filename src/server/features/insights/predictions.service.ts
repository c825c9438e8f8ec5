// Perspective taking (Gehlbach, Mascio & McIntyre 2023): a teacher predicts some of a student's
// get-to-know-you answers, then reveals the answers the student shared and sees how close they
// were. A reveal closes the predictions about that student for good: a prediction made after
// seeing the answers would measure nothing.
import type { Kysely } from 'kysely';
import type { AccuracyResponse, PredictionsResponse } from '../../../contracts/insights.js';
import { localDate } from '../../../domain/calendar.js';
import { displayName } from '../../../domain/names.js';
import { accuracyByWeek, meanScore, scorePrediction } from '../../../domain/perspective-taking.js';
import { checkAnswer, type QuestionnaireItem } from '../../../domain/questionnaires.js';
import type { Actor } from '../../platform/auth/actor.js';
import { getQuestionnaire, GET_TO_KNOW_YOU } from '../../platform/content/questionnaires.js';
import type { Database } from '../../platform/db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.js';
import { namesInList } from '../../platform/views/list-names.js';
import { teacherOf } from '../../platform/access/access.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import { assertTeachesStudent } from './insights.policy.js';
import { insightsRepository } from './insights.repository.js';

const Q = GET_TO_KNOW_YOU;

/** The items a teacher can predict: those answered by choosing options. */
function predictableItems(): QuestionnaireItem[] {
  return getQuestionnaire(Q).items.filter((i) => i.kind === 'multi' || i.kind === 'single');
}

/** The student's chosen options per item, when they share their answers with their teachers. */
async function sharedAnswers(db: Kysely<Database>, districtId: string, studentId: string) {
  const repo = insightsRepository(db);
  const [response] = await repo.responses(districtId, Q, [studentId]);
  if (response?.shared !== 1) return null;
  const byItem = new Map<string, string[]>();
  for (const r of await repo.choices(districtId, Q, [studentId]))
    byItem.set(r.item_id, [...(byItem.get(r.item_id) ?? []), r.option_id]);
  return byItem.size > 0 ? byItem : null;
}

function formatDay(iso: string, timeZone: string): string {
  return localDate(iso, timeZone);
}

async function view(
  db: Kysely<Database>,
  actor: Actor,
  teacherId: string,
  student: { id: string; given_name: string; preferred_name: string | null },
): Promise<PredictionsResponse> {
  const repo = insightsRepository(db);
  const [rows, reveal, answers] = await Promise.all([
    repo.predictions(actor.districtId, teacherId, student.id, Q),
    repo.reveal(actor.districtId, teacherId, student.id, Q),
    sharedAnswers(db, actor.districtId, student.id),
  ]);
  const items = predictableItems();
  const itemIds = new Set(items.map((i) => i.id));
  return {
    studentId: student.id,
    displayName: displayName(student.given_name, student.preferred_name),
    questionnaireId: Q,
    studentShared: answers !== null,
    revealedAt: reveal?.revealed_at ?? null,
    items: items.map((i) => ({
      itemId: i.id,
      kind: i.kind as 'multi' | 'single',
      prompt: i.prompt,
      maxChoices: i.maxChoices,
      options: i.options.map((o) => ({ id: o.id, label: o.label, category: o.category })),
    })),
    predictions: rows.map((r) => ({
      itemId: r.item_id,
      optionIds: JSON.parse(r.option_ids) as string[],
      score: r.score === null ? null : Number(r.score),
    })),
    // Only after the reveal, and only while the student still shares their answers.
    actual:
      reveal && answers
        ? [...answers]
            .filter(([itemId]) => itemIds.has(itemId))
            .map(([itemId, optionIds]) => ({ itemId, optionIds }))
        : null,
    accuracy: reveal?.accuracy === null || !reveal ? null : Number(reveal.accuracy),
  };
}

export async function getPredictions(
  db: Kysely<Database>,
  ctx: RequestContext,
  studentId: string,
): Promise<PredictionsResponse> {
  const { teacherId, student } = await assertTeachesStudent(db, ctx, studentId);
  return view(db, ctx.actor, teacherId, student);
}

/** Saves (or replaces) a prediction of one item; refused after the reveal, nothing written. */
export async function savePrediction(
  db: Kysely<Database>,
  ctx: RequestContext,
  studentId: string,
  itemId: string,
  optionIds: string[],
): Promise<PredictionsResponse> {
  const { actor, now } = ctx;
  const { teacherId, student } = await assertTeachesStudent(db, ctx, studentId);
  const item = predictableItems().find((i) => i.id === itemId);
  if (!item) throw new NotFoundError(`The item "${itemId}"`);
  const checked = checkAnswer(item, { optionIds });
  if (!checked.ok) throw new ValidationError(checked.problem.field, checked.problem.reason);
  if (optionIds.length === 0)
    throw new ValidationError('optionIds', `choose at least one option for item "${itemId}"`);
  await db.transaction().execute(async (trx) => {
    const repo = insightsRepository(trx);
    const reveal = await repo.reveal(actor.districtId, teacherId, studentId, Q);
    if (reveal)
      throw new ConflictError(
        `Predictions about ${displayName(student.given_name, student.preferred_name)} closed when ` +
          `you revealed their answers on ${formatDay(reveal.revealed_at, actor.timeZone)}; ` +
          `this prediction was not saved.`,
      );
    await repo.savePrediction({
      districtId: actor.districtId,
      teacherId,
      studentId,
      questionnaireId: Q,
      itemId,
      optionIds: checked.answer.optionIds,
      at: now.toISOString(),
    });
  });
  return view(db, actor, teacherId, student);
}

/** Shows the student's shared answers and scores every prediction; once per student. */
export async function revealAnswers(
  db: Kysely<Database>,
  ctx: RequestContext,
  studentId: string,
): Promise<PredictionsResponse> {
  const { actor, now, today } = ctx;
  const { teacherId, student } = await assertTeachesStudent(db, ctx, studentId);
  const name = displayName(student.given_name, student.preferred_name);
  const kinds = new Map(predictableItems().map((i) => [i.id, i.kind as 'multi' | 'single']));
  await db.transaction().execute(async (trx) => {
    const repo = insightsRepository(trx);
    const earlier = await repo.reveal(actor.districtId, teacherId, studentId, Q);
    if (earlier)
      throw new ConflictError(
        `You revealed ${name}'s answers on ${formatDay(earlier.revealed_at, actor.timeZone)} already.`,
      );
    const answers = await sharedAnswers(trx, actor.districtId, studentId);
    if (!answers)
      throw new ConflictError(
        `${name} has not shared their answers with their teachers yet: there is nothing to reveal.`,
      );
    const scores: number[] = [];
    for (const p of await repo.predictions(actor.districtId, teacherId, studentId, Q)) {
      const kind = kinds.get(p.item_id);
      const actual = answers.get(p.item_id);
      // An item the student skipped (or one no longer in the questionnaire) is not scored.
      const score =
        kind && actual ? scorePrediction(kind, JSON.parse(p.option_ids) as string[], actual) : null;
      if (score !== null) scores.push(score);
      await repo.setScore(actor.districtId, teacherId, studentId, Q, p.item_id, score);
    }
    const inserted = await repo.insertReveal({
      district_id: actor.districtId,
      teacher_id: teacherId,
      student_id: studentId,
      questionnaire_id: Q,
      revealed_at: now.toISOString(),
      revealed_on: today,
      scored_predictions: scores.length,
      accuracy: meanScore(scores),
    });
    if (!inserted) throw new ConflictError(`You revealed ${name}'s answers already.`);
  });
  return view(db, actor, teacherId, student);
}

/** The teacher's accuracy over time: per week, and each reveal. */
export async function getAccuracy(
  db: Kysely<Database>,
  ctx: RequestContext,
): Promise<AccuracyResponse> {
  const { actor } = ctx;
  const teacherId = teacherOf(actor);
  const rows = await insightsRepository(db).teacherReveals(actor.districtId, teacherId, Q);
  const names = namesInList(rows.map((r) => ({ ...r, id: r.student_id })));
  const reveals = rows.map((r) => ({
    studentId: r.student_id,
    displayName: names.get(r.student_id)!,
    revealedOn: r.revealed_on,
    scoredPredictions: Number(r.scored_predictions),
    accuracy: r.accuracy === null ? null : Number(r.accuracy),
  }));
  return {
    weeks: accuracyByWeek(
      reveals.flatMap((r) =>
        r.accuracy === null
          ? []
          : [{ date: r.revealedOn, accuracy: r.accuracy, predictions: r.scoredPredictions }],
      ),
    ),
    reveals,
  };
}
