import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DyadResponse, Stage } from '../../../../contracts/practice.js';
import { STAGES } from '../../../../domain/stages.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { LiveMessage } from '../../../components/ui/live-message.js';
import { Switch } from '../../../components/ui/switch.js';
import { formatInstant } from '../../../lib/format.js';
import { useSetConflictHistory } from '../api/set-conflict-history.js';
import { useSetStage } from '../api/set-stage.js';

/**
 * The relationship's stage: the one the teacher chose, Rapport's suggestion with its reason,
 * accepting or choosing another, the history-of-conflict switch, and every past decision.
 */
export function StageSection({ dyad }: { dyad: DyadResponse }) {
  const { t, i18n } = useTranslation();
  const setStage = useSetStage(dyad.studentId);
  const setConflict = useSetConflictHistory(dyad.studentId);
  const { current, suggested, because, history } = dyad.stage;
  const [choice, setChoice] = useState<Stage>(current?.stage ?? suggested);
  // What was saved, not a sentence: the sentence follows the reader's language.
  const [savedStage, setSavedStage] = useState<Stage | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const stageName = (s: Stage) => t(`practice.stages.${s}`);

  function choose(stage: Stage) {
    if (setStage.isPending) return;
    setSavedStage(null);
    setStage.mutate(stage, {
      onSuccess: () => {
        setSavedStage(stage);
        // "Use this stage" goes away once it is used: keep the keyboard in this section.
        if (!headingRef.current?.parentElement?.contains(document.activeElement))
          headingRef.current?.focus();
      },
    });
  }

  return (
    <section aria-labelledby="stage-heading">
      <h2 id="stage-heading" ref={headingRef} tabIndex={-1}>
        {t('practice.stage.heading')}
      </h2>
      <dl className="figures">
        <div>
          <dt>{t('practice.stage.current')}</dt>
          <dd>{current ? stageName(current.stage) : t('practice.stage.notChosen')}</dd>
        </div>
        <div>
          <dt>{t('practice.stage.suggested')}</dt>
          <dd>{stageName(suggested)}</dd>
        </div>
      </dl>
      <p className="because">
        <span className="visually-hidden">{t('practice.stage.because')} </span>
        {because}
      </p>
      <p className="hint">{t(`practice.stageHints.${suggested}`)}</p>
      {current?.stage === suggested ? (
        <p>{t('practice.stage.usingSuggestion')}</p>
      ) : (
        <Button
          variant="primary"
          aria-disabled={setStage.isPending || undefined}
          onClick={() => choose(suggested)}
        >
          {t('practice.stage.useSuggestion', { stage: stageName(suggested) })}
        </Button>
      )}
      <form
        className="inline-form stage-form"
        onSubmit={(e) => {
          e.preventDefault();
          choose(choice);
        }}
      >
        <div className="field">
          <label htmlFor="stage-choice">{t('practice.stage.chooseOther')}</label>
          <select
            id="stage-choice"
            value={choice}
            onChange={(e) => setChoice(e.target.value as Stage)}
          >
            {STAGES.map((s) => (
              <option key={s} value={s}>
                {stageName(s)}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit" aria-disabled={setStage.isPending || undefined}>
          {t('practice.stage.save')}
        </Button>
      </form>
      {setStage.isError ? <ErrorAlert error={setStage.error} /> : null}
      <LiveMessage>
        {savedStage ? t('practice.stage.saved', { stage: stageName(savedStage) }) : null}
      </LiveMessage>

      <Switch
        checked={dyad.conflictHistory}
        busy={setConflict.isPending}
        onChange={(next) => setConflict.mutate(next)}
        label={t('practice.stage.conflictHistory')}
        description={t('practice.stage.conflictHistoryHint')}
        onText={t('practice.switch.on')}
        offText={t('practice.switch.off')}
      />
      {setConflict.isError ? <ErrorAlert error={setConflict.error} /> : null}

      <h3>{t('practice.stage.history')}</h3>
      {history.length === 0 ? (
        <p>{t('practice.stage.noHistory')}</p>
      ) : (
        <ol className="plain-list history-list" reversed>
          {history.map((h) => (
            <li key={h.setAt + h.stage}>
              <strong>{stageName(h.stage)}</strong>
              {' — '}
              {h.decision === 'accepted'
                ? t('practice.stage.accepted')
                : t('practice.stage.overridden', { suggested: stageName(h.suggestedStage) })}
              {' · '}
              <time dateTime={h.setAt}>{formatInstant(h.setAt, i18n.language)}</time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
