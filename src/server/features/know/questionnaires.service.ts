// Answering a get-to-know-you questionnaire, as a student or as a teacher about themselves:
// read it with one's progress, save one item at a time (checked whole before anything is
// written), submit with the choice to share.
import type { Kysely } from 'kysely';
import type {
  ItemAnswer,
  MyQuestionnaireResponse,
  QuestionnaireView,
  ResponseProgress,
  SaveAnswerBody,
} from '../../../contracts/questionnaires.js';
import { checkAnswer, type Lang, type Questionnaire } from '../../../domain/questionnaires.js';
import { GET_TO_KNOW_YOU, getQuestionnaire } from '../../platform/content/questionnaires.js';
import { createLinks, stopLinks } from '../../platform/links/links.js';
import { access } from '../../platform/access/access.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import type { Database } from '../../platform/db/schema.js';
import type {
  QuestionnaireLinkResponse,
  StopQuestionnaireLinkResponse,
} from '../../../contracts/know.js';
import { ValidationError } from '../../platform/errors.js';
import { type Respondent } from './know.policy.js';
import { knowRepository, type AnswerRow } from './know.repository.js';

/** The questionnaire in one language, worded for a student or for a teacher. */
export function questionnaireView(
  q: Questionnaire,
  lang: Lang,
  kind: 'student' | 'teacher',
): QuestionnaireView {
  return {
    id: q.id,
    version: q.version,
    title: q.title[lang],
    intro: (kind === 'teacher' ? q.teacherIntro : q.intro)[lang],
    items: q.items.map((i) => ({
      id: i.id,
      kind: i.kind,
      prompt: (kind === 'teacher' ? i.teacherPrompt : i.prompt)[lang],
      hint: i.hint ? i.hint[lang] : null,
      options: i.options.map((o) => ({
        id: o.id,
        label: o.label[lang],
        category: o.category ? o.category.label[lang] : null,
      })),
      maxChoices: i.maxChoices,
      text: i.text ? { label: i.text.label[lang], maxLength: i.text.maxLength } : null,
    })),
  };
}

/** Answer rows grouped per item, in the questionnaire's item order. */
export function groupAnswers(q: Questionnaire, rows: AnswerRow[]): ItemAnswer[] {
  const byItem = new Map<string, ItemAnswer>();
  for (const r of rows) {
    const a = byItem.get(r.itemId) ?? { itemId: r.itemId, optionIds: [], text: null };
    if (r.optionId === '') a.text = r.text;
    else a.optionIds.push(r.optionId);
    byItem.set(r.itemId, a);
  }
  return q.items.flatMap((i) => {
    const a = byItem.get(i.id);
    if (!a) return [];
    // Options in the questionnaire's order, whatever order the rows came back in.
    const order = new Map(i.options.map((o, n) => [o.id, n]));
    a.optionIds.sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
    return [a];
  });
}

async function progressOf(
  db: Kysely<Database>,
  r: Respondent,
  q: Questionnaire,
): Promise<ResponseProgress> {
  const repo = knowRepository(db);
  const response = await repo.response(r.districtId, q.id, r.personId);
  if (!response) return { answers: [], lastItemId: null, shared: false, submittedAt: null };
  return {
    answers: groupAnswers(q, await repo.answers(r.districtId, q.id, r.personId)),
    lastItemId: response.last_item_id,
    shared: response.shared === 1,
    submittedAt: response.submitted_at,
  };
}

export async function getMyQuestionnaire(
  db: Kysely<Database>,
  r: Respondent,
  questionnaireId: string,
  lang: Lang,
): Promise<MyQuestionnaireResponse> {
  const q = getQuestionnaire(questionnaireId);
  return {
    questionnaire: questionnaireView(q, lang, r.kind),
    progress: await progressOf(db, r, q),
  };
}

/**
 * Saves one item's answer (replacing what was there) or, with `skipped`, only the progress.
 * The whole answer is checked first; a bad one names field, item and reason and writes nothing.
 */
export async function saveAnswer(
  db: Kysely<Database>,
  r: Respondent,
  questionnaireId: string,
  itemId: string,
  body: SaveAnswerBody,
  now: Date,
): Promise<ResponseProgress> {
  const q = getQuestionnaire(questionnaireId);
  const item = q.items.find((i) => i.id === itemId);
  if (!item)
    throw new ValidationError('itemId', `"${itemId}" is not an item of questionnaire "${q.id}"`);
  const text = body.text ?? null;
  if (body.skipped && (body.optionIds.length > 0 || (text !== null && text.trim() !== '')))
    throw new ValidationError('skipped', `a skipped item "${item.id}" carries no answer`);
  const checked = checkAnswer(item, { optionIds: body.optionIds, text });
  if (!checked.ok) throw new ValidationError(checked.problem.field, checked.problem.reason);

  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const repo = knowRepository(trx);
    await repo.touchResponse({
      districtId: r.districtId,
      questionnaireId: q.id,
      respondentId: r.personId,
      respondentKind: r.kind,
      contentVersion: q.version,
      lastItemId: item.id,
      now: at,
    });
    if (body.skipped) return;
    const rows: Array<{ optionId: string; text: string | null }> = checked.answer.optionIds.map(
      (optionId) => ({ optionId, text: null }),
    );
    // The item's free text is the row without an option.
    if (checked.answer.text !== null) rows.push({ optionId: '', text: checked.answer.text });
    await repo.replaceItemAnswers(
      {
        districtId: r.districtId,
        questionnaireId: q.id,
        respondentId: r.personId,
        itemId: item.id,
      },
      rows,
      at,
    );
  });
  return progressOf(db, r, q);
}

/** Marks the response submitted, with the respondent's choice to share their answers. */
export async function submitResponse(
  db: Kysely<Database>,
  r: Respondent,
  questionnaireId: string,
  shared: boolean,
  now: Date,
): Promise<ResponseProgress> {
  const q = getQuestionnaire(questionnaireId);
  const repo = knowRepository(db);
  const answers = await repo.answers(r.districtId, q.id, r.personId);
  if (answers.length === 0)
    throw new ValidationError('answers', 'answer at least one question before submitting');
  await repo.submitResponse(r.districtId, q.id, r.personId, shared, now.toISOString());
  return progressOf(db, r, q);
}

/** How long a questionnaire link stays open before it is redeemed: a school week. */
export const QUESTIONNAIRE_LINK_DAYS = 7;

/**
 * Stops the student's questionnaire link (handed to the wrong student, or no longer wanted): an
 * unused one no longer opens, and a session opened from one ends. Answers already saved stay.
 */
export async function stopQuestionnaireLink(
  db: Kysely<Database>,
  ctx: RequestContext,
  studentId: string,
): Promise<StopQuestionnaireLinkResponse> {
  const { actor, now } = ctx;
  await access(db, ctx).requireTeachesStudent(studentId);
  const stopped = await stopLinks(db, {
    districtId: actor.districtId,
    purpose: 'questionnaire',
    targetId: GET_TO_KNOW_YOU,
    subjectPersonId: studentId,
    now,
  });
  return { studentId, ...stopped };
}

/**
 * A one-time link for one of the teacher's own students to answer the get-to-know-you
 * questionnaire without signing in. A newer link replaces the student's open one.
 */
export async function createQuestionnaireLink(
  db: Kysely<Database>,
  ctx: RequestContext,
  studentId: string,
): Promise<QuestionnaireLinkResponse> {
  const { actor, now } = ctx;
  await access(db, ctx).requireTeachesStudent(studentId);
  const [link] = await createLinks(db, {
    districtId: actor.districtId,
    purpose: 'questionnaire',
    targetId: GET_TO_KNOW_YOU,
    subjectPersonIds: [studentId],
    createdByAccountId: actor.accountId,
    expiresAt: new Date(now.getTime() + QUESTIONNAIRE_LINK_DAYS * 86_400_000).toISOString(),
    now,
  });
  return {
    studentId,
    path: `/questionnaire/link/${link!.code}`,
    expiresAt: link!.expiresAt,
  };
}
