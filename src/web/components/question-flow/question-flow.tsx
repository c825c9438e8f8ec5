// One question per screen, for students on a phone: back, next, skip any question, progress saved
// to the server after each answer (the caller's onAnswer), read aloud through the browser's
// speech synthesis in the text's language. Generic: surveys and questionnaires both use it.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/button.js';
import './question-flow.css';

export type FlowValue = number | string;

export interface FlowOption {
  value: FlowValue;
  label: string;
}

export interface FlowQuestion {
  id: string;
  text: string;
  /** Choices; without them the question takes free text. */
  options?: FlowOption[];
  /** Longest free-text answer. */
  maxLength?: number;
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export interface QuestionFlowProps {
  questions: FlowQuestion[];
  /** The language the questions are written in (for read-aloud). */
  lang: 'en' | 'es';
  /** Answers already saved (a returning student resumes where they were). */
  initialAnswers?: Record<string, FlowValue | null>;
  /** Saves one answer (null: skipped or cleared). Rejecting shows "not saved". */
  onAnswer: (questionId: string, value: FlowValue | null) => Promise<void>;
  /** Called from the last screen; the caller submits. */
  onFinish: (answers: Record<string, FlowValue | null>) => void;
  finishing?: boolean;
  /** Extra controls under a question (e.g. naming adults), given its current answer. */
  renderExtra?: (question: FlowQuestion, value: FlowValue | null) => ReactNode;
  /** A message under the last screen's button (an error from submitting). */
  finishError?: string | null;
  /**
   * Answer controls of the caller's own (a multi-select, choices with a text box) in place of
   * the built-in choices or text box. `change` keeps a value on screen; `commit` also saves it.
   */
  renderAnswer?: (
    question: FlowQuestion,
    value: FlowValue | null,
    change: (value: FlowValue | null) => void,
    commit: (value: FlowValue | null) => void,
  ) => ReactNode;
  /** Extra controls on the last screen, above the send button (e.g. a choice to share). */
  reviewExtra?: ReactNode;
}

const SPEECH_LANG = { en: 'en-US', es: 'es-ES' } as const;

function speechAvailable(): boolean {
  return (
    typeof window !== 'undefined' &&
    'speechSynthesis' in window &&
    'SpeechSynthesisUtterance' in window
  );
}

export function QuestionFlow({
  questions,
  lang,
  initialAnswers = {},
  onAnswer,
  onFinish,
  finishing = false,
  renderExtra,
  finishError = null,
  renderAnswer,
  reviewExtra,
}: QuestionFlowProps) {
  const { t } = useTranslation();
  const firstOpen = questions.findIndex((q) => !(q.id in initialAnswers));
  const [index, setIndex] = useState(firstOpen === -1 ? questions.length : firstOpen);
  const [answers, setAnswers] = useState<Record<string, FlowValue | null>>(initialAnswers);
  const [save, setSave] = useState<SaveState>('idle');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const mounted = useRef(false);
  const groupId = useId();
  const total = questions.length;
  const onReview = index >= total;
  const question = onReview ? null : questions[index]!;
  const current = question ? (answers[question.id] ?? null) : null;

  // Each new screen moves focus to its question, so a screen reader reads it (not on first load).
  useEffect(() => {
    if (mounted.current) headingRef.current?.focus();
    mounted.current = true;
    if (speechAvailable()) window.speechSynthesis.cancel();
  }, [index]);

  async function record(id: string, value: FlowValue | null) {
    setAnswers((a) => ({ ...a, [id]: value }));
    setSave('saving');
    try {
      await onAnswer(id, value);
      setSave('saved');
    } catch {
      setSave('failed');
    }
  }

  function readAloud() {
    if (!question || !speechAvailable()) return;
    const parts = [question.text, ...(question.options ?? []).map((o) => o.label)];
    window.speechSynthesis.cancel();
    const u = new SpeechSynthesisUtterance(parts.join('. '));
    u.lang = SPEECH_LANG[lang];
    window.speechSynthesis.speak(u);
  }

  function go(to: number) {
    setIndex(Math.max(0, Math.min(total, to)));
  }

  async function skip() {
    // Saved as skipped (clearing an earlier answer), so a return resumes after this question.
    if (question) await record(question.id, null);
    go(index + 1);
  }

  const answered = questions.filter(
    (q) => answers[q.id] !== undefined && answers[q.id] !== null,
  ).length;

  return (
    <section className="question-flow" aria-labelledby={`${groupId}-h`}>
      <div className="question-flow-progress">
        <label htmlFor={`${groupId}-p`}>
          {onReview
            ? t('questionFlow.reviewProgress', { answered, total })
            : t('questionFlow.progress', { n: index + 1, total })}
        </label>
        <progress id={`${groupId}-p`} max={total} value={Math.min(index, total)} />
      </div>

      {question ? (
        <>
          <h2
            id={`${groupId}-h`}
            ref={headingRef}
            tabIndex={-1}
            className="question-flow-text"
            lang={lang}
          >
            {question.text}
          </h2>
          {speechAvailable() && (
            <Button variant="quiet" onClick={readAloud} className="question-flow-read">
              {t('questionFlow.readAloud')}
            </Button>
          )}
          {renderAnswer ? (
            renderAnswer(
              question,
              current,
              (v) => setAnswers((a) => ({ ...a, [question.id]: v })),
              (v) => void record(question.id, v),
            )
          ) : question.options ? (
            <fieldset className="question-flow-options" aria-labelledby={`${groupId}-h`}>
              {question.options.map((o) => {
                const id = `${groupId}-${question.id}-${o.value}`;
                return (
                  <div key={String(o.value)} className="question-flow-option">
                    <input
                      type="radio"
                      id={id}
                      name={`${groupId}-${question.id}`}
                      checked={current === o.value}
                      onChange={() => void record(question.id, o.value)}
                    />
                    <label htmlFor={id} lang={lang}>
                      {o.label}
                    </label>
                  </div>
                );
              })}
            </fieldset>
          ) : (
            <div className="question-flow-text-answer">
              <label htmlFor={`${groupId}-text`}>{t('questionFlow.yourAnswer')}</label>
              <textarea
                id={`${groupId}-text`}
                maxLength={question.maxLength ?? 500}
                value={typeof current === 'string' ? current : ''}
                onChange={(e) => setAnswers((a) => ({ ...a, [question.id]: e.target.value }))}
                onBlur={(e) =>
                  void record(question.id, e.target.value.trim() === '' ? null : e.target.value)
                }
              />
            </div>
          )}
          {renderExtra?.(question, current)}
          <p className="question-flow-save" role="status" aria-live="polite">
            {save === 'saving' && t('questionFlow.saving')}
            {save === 'saved' && t('questionFlow.saved')}
            {save === 'failed' && t('questionFlow.notSaved')}
          </p>
          <div className="question-flow-nav">
            <Button
              onClick={() => go(index - 1)}
              aria-disabled={index === 0}
              disabled={index === 0}
            >
              {t('questionFlow.back')}
            </Button>
            <Button variant="quiet" onClick={() => void skip()}>
              {t('questionFlow.skip')}
            </Button>
            <Button variant="primary" onClick={() => go(index + 1)}>
              {t('questionFlow.next')}
            </Button>
          </div>
        </>
      ) : (
        <>
          <h2 id={`${groupId}-h`} ref={headingRef} tabIndex={-1}>
            {t('questionFlow.reviewTitle')}
          </h2>
          <p>{t('questionFlow.reviewBody', { answered, total })}</p>
          {reviewExtra}
          {finishError && (
            <p className="question-flow-error" role="alert">
              {finishError}
            </p>
          )}
          <div className="question-flow-nav">
            <Button onClick={() => go(total - 1)}>{t('questionFlow.back')}</Button>
            <Button
              variant="primary"
              onClick={() => onFinish(answers)}
              aria-disabled={finishing}
              disabled={finishing}
            >
              {finishing ? t('questionFlow.submitting') : t('questionFlow.submit')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
