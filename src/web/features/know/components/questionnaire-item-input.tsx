import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemAnswer, QuestionnaireView } from '../../../../contracts/questionnaires.js';

export type QuestionnaireItemView = QuestionnaireView['items'][number];
export type AnswerDraft = Pick<ItemAnswer, 'optionIds' | 'text'>;

/** Options grouped by their catalogue category, in order; one unnamed group for an item's own. */
function groups(item: QuestionnaireItemView) {
  const out: Array<{ category: string | null; options: QuestionnaireItemView['options'] }> = [];
  for (const o of item.options) {
    const last = out.at(-1);
    if (last && last.category === o.category) last.options.push(o);
    else out.push({ category: o.category, options: [o] });
  }
  return out;
}

/**
 * The answer part of one question: checkboxes (grouped by category) for a multi-select, radio
 * buttons for a single choice, and the item's free-text box. The question itself is the
 * caller's heading (`label` names the group for screen readers); `onChange` says whether the
 * change is finished (a choice) or still being typed (text, finished on leaving the box); `error`
 * is the server's reason for refusing the last save.
 */
export function QuestionnaireItemInput({
  item,
  value,
  onChange,
  label,
  error,
}: {
  item: QuestionnaireItemView;
  value: AnswerDraft;
  onChange: (next: AnswerDraft, finished: boolean) => void;
  label: string;
  error: { field: string; reason: string } | null;
}) {
  const { t } = useTranslation();
  const id = useId();
  const chosen = new Set(value.optionIds);
  const full = item.kind === 'multi' && chosen.size >= item.maxChoices;
  const errorId = `${id}-error`;
  const optionsError = error && error.field.startsWith('optionIds') ? error : null;
  const textError = error && error.field === 'text' ? error : null;

  const toggle = (optionId: string, on: boolean) => {
    if (item.kind === 'single') onChange({ ...value, optionIds: on ? [optionId] : [] }, true);
    else
      onChange(
        {
          ...value,
          optionIds: on
            ? [...value.optionIds, optionId]
            : value.optionIds.filter((o) => o !== optionId),
        },
        true,
      );
  };

  return (
    <div className="question-answer">
      {item.hint ? <p className="field-hint">{item.hint}</p> : null}
      {item.options.length > 0 ? (
        <div
          role={item.kind === 'single' ? 'radiogroup' : 'group'}
          aria-label={label}
          {...(optionsError ? { 'aria-describedby': errorId } : {})}
        >
          {item.kind === 'multi' ? (
            <p className="field-hint" aria-live="polite">
              {t('know.questionnaire.chosen', { count: chosen.size, max: item.maxChoices })}
            </p>
          ) : null}
          {groups(item).map((g, gi) => {
            const list = (
              <ul className="choice-list">
                {g.options.map((o) => (
                  <li key={o.id}>
                    <label className="choice">
                      <input
                        type={item.kind === 'single' ? 'radio' : 'checkbox'}
                        name={`${id}-options`}
                        value={o.id}
                        checked={chosen.has(o.id)}
                        disabled={full && !chosen.has(o.id)}
                        onChange={(e) => toggle(o.id, e.target.checked)}
                      />
                      <span>{o.label}</span>
                    </label>
                  </li>
                ))}
              </ul>
            );
            return g.category ? (
              <fieldset key={`${g.category}-${gi}`} className="choice-group">
                <legend>{g.category}</legend>
                {list}
              </fieldset>
            ) : (
              <div key={`own-${gi}`}>{list}</div>
            );
          })}
        </div>
      ) : null}
      {optionsError ? (
        <p id={errorId} className="field-error" role="alert">
          {optionsError.reason}
        </p>
      ) : null}
      {item.text ? (
        <div className="field">
          <label htmlFor={`${id}-text`}>
            {item.kind === 'text' ? item.text.label : t('know.questionnaire.otherText')}
          </label>
          {item.kind !== 'text' ? (
            <p className="field-hint" id={`${id}-text-hint`}>
              {item.text.label}
            </p>
          ) : null}
          <textarea
            id={`${id}-text`}
            rows={item.kind === 'text' ? 5 : 2}
            maxLength={item.text.maxLength}
            value={value.text ?? ''}
            onChange={(e) => onChange({ ...value, text: e.target.value }, false)}
            onBlur={(e) => onChange({ ...value, text: e.target.value }, true)}
            {...(item.kind !== 'text' || textError
              ? {
                  'aria-describedby': [
                    item.kind !== 'text' ? `${id}-text-hint` : null,
                    textError ? `${id}-text-error` : null,
                  ]
                    .filter(Boolean)
                    .join(' '),
                }
              : {})}
            {...(textError ? { 'aria-invalid': true as const } : {})}
          />
          {textError ? (
            <p id={`${id}-text-error`} className="field-error" role="alert">
              {textError.reason}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
