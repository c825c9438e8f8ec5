import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyQuestionnaireResponse } from '../../../../contracts/questionnaires.js';
import {
  QuestionFlow,
  type FlowQuestion,
  type FlowValue,
} from '../../../components/question-flow/question-flow.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { ApiError, setCsrfToken } from '../../../lib/api-client.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useMyQuestionnaire } from '../api/get-my-questionnaire.js';
import { useSaveAnswer } from '../api/save-answer.js';
import { useSubmitQuestionnaire } from '../api/submit-questionnaire.js';
import { QuestionnaireItemInput, type AnswerDraft } from './questionnaire-item-input.js';

export const GET_TO_KNOW_YOU = 'get-to-know-you';

// The flow keeps one value per question; an item's answer (options and text) travels as JSON.
const EMPTY: AnswerDraft = { optionIds: [], text: null };
function encode(a: AnswerDraft): FlowValue | null {
  return a.optionIds.length === 0 && !(a.text ?? '').trim() ? null : JSON.stringify(a);
}
function decode(v: FlowValue | null): AnswerDraft {
  return typeof v === 'string' ? (JSON.parse(v) as AnswerDraft) : EMPTY;
}

/** Saved answers for the flow; items skipped before the last one reached count as seen. */
function initialAnswers(data: MyQuestionnaireResponse): Record<string, FlowValue | null> {
  const { items } = data.questionnaire;
  const { answers, lastItemId } = data.progress;
  const out: Record<string, FlowValue | null> = {};
  const last = items.findIndex((i) => i.id === lastItemId);
  items.forEach((item, n) => {
    const a = answers.find((x) => x.itemId === item.id);
    if (a) out[item.id] = encode(a);
    else if (n <= last) out[item.id] = null;
  });
  return out;
}

/**
 * The get-to-know-you questionnaire, one question per screen, for the signed-in student or
 * teacher (worded for each), or for a student through a one-time link (`linkCsrf`: the link
 * session's token, set before each change so the app's own session check cannot clear it).
 */
export function QuestionnairePage({
  respondent,
  linkCsrf,
}: {
  respondent: 'student' | 'teacher';
  linkCsrf?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'es' ? 'es' : 'en';
  const q = useMyQuestionnaire(GET_TO_KNOW_YOU, lang);
  useDocumentTitle(q.data?.questionnaire.title ?? t('know.questionnaire.loading'));
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <QuestionnaireScreens
      key={lang}
      data={q.data}
      lang={lang}
      respondent={respondent}
      {...(linkCsrf ? { linkCsrf } : {})}
    />
  );
}

function QuestionnaireScreens({
  data,
  lang,
  respondent,
  linkCsrf,
}: {
  data: MyQuestionnaireResponse;
  lang: 'en' | 'es';
  respondent: 'student' | 'teacher';
  linkCsrf?: string;
}) {
  const { t } = useTranslation();
  const save = useSaveAnswer(GET_TO_KNOW_YOU);
  const submit = useSubmitQuestionnaire(GET_TO_KNOW_YOU);
  const [stage, setStage] = useState<'questions' | 'share' | 'done'>(
    data.progress.submittedAt ? 'done' : 'questions',
  );
  const [shared, setShared] = useState(data.progress.shared);
  const [problem, setProblem] = useState<{ itemId: string; field: string; reason: string } | null>(
    null,
  );
  const items = data.questionnaire.items;
  const withLink = () => {
    if (linkCsrf) setCsrfToken(linkCsrf);
  };

  const questions: FlowQuestion[] = items.map((i) => ({
    id: i.id,
    text: i.prompt,
    // For read-aloud; the answer controls are ours (renderAnswer).
    ...(i.options.length > 0
      ? { options: i.options.map((o) => ({ value: o.id, label: o.label })) }
      : {}),
  }));

  async function onAnswer(itemId: string, value: FlowValue | null) {
    const a = decode(value);
    withLink();
    try {
      await save.mutateAsync({ itemId, body: { optionIds: a.optionIds, text: a.text } });
      setProblem((p) => (p?.itemId === itemId ? null : p));
    } catch (e) {
      if (e instanceof ApiError && e.field && e.reason)
        setProblem({ itemId, field: e.field, reason: e.reason });
      throw e;
    }
  }

  if (stage === 'done')
    return (
      <>
        <PageHeading>{data.questionnaire.title}</PageHeading>
        <p role="status">{t('know.questionnaire.done')}</p>
        <p>{t('know.questionnaire.change')}</p>
        <Button onClick={() => setStage('questions')}>{t('know.questionnaire.back')}</Button>
      </>
    );

  if (stage === 'share')
    return (
      <>
        <PageHeading>{t('know.questionnaire.finishHeading')}</PageHeading>
        <form
          className="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            withLink();
            submit.mutate(shared, { onSuccess: () => setStage('done') });
          }}
        >
          <fieldset>
            <legend>{t('know.questionnaire.shareHeading')}</legend>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={shared}
                onChange={(e) => setShared(e.target.checked)}
              />
              {respondent === 'teacher'
                ? t('know.questionnaire.shareTeacher')
                : t('know.questionnaire.shareStudent')}
            </label>
          </fieldset>
          {submit.isError ? <ErrorAlert error={submit.error} /> : null}
          <div className="question-flow-nav">
            <Button onClick={() => setStage('questions')}>{t('know.questionnaire.back')}</Button>
            <Button type="submit" variant="primary" aria-disabled={submit.isPending || undefined}>
              {t('know.questionnaire.submit')}
            </Button>
          </div>
        </form>
      </>
    );

  return (
    <>
      <PageHeading lead={data.questionnaire.intro}>{data.questionnaire.title}</PageHeading>
      <QuestionFlow
        questions={questions}
        lang={lang}
        initialAnswers={initialAnswers(data)}
        onAnswer={onAnswer}
        onFinish={() => setStage('share')}
        renderAnswer={(question, value, change, commit) => {
          const item = items.find((i) => i.id === question.id)!;
          const draft = decode(value);
          return (
            <QuestionnaireItemInput
              item={item}
              value={draft}
              label={question.text}
              error={problem?.itemId === item.id ? problem : null}
              onChange={(next, done) => (done ? commit(encode(next)) : change(encode(next)))}
            />
          );
        }}
      />
    </>
  );
}
