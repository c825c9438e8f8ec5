import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DyadResponse, IncidentView } from '../../../../contracts/practice.js';
import {
  incidentProblem,
  MAX_EXPLANATIONS,
  MIN_EXPLANATIONS,
  MAX_EXPLANATION_TEXT,
  MAX_INCIDENT_TEXT,
} from '../../../../domain/incidents.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { LiveMessage } from '../../../components/ui/live-message.js';
import { ApiError } from '../../../lib/api-client.js';
import { newClientId } from '../../../lib/client-id.js';
import { errorMessage } from '../../../lib/error-message.js';
import { formatInstant } from '../../../lib/format.js';
import { isWorthKeeping, useOutbox } from '../../../lib/outbox.js';
import { useLogIncident } from '../api/log-incident.js';

interface ExplanationDraft {
  key: number;
  text: string;
  charitable: boolean;
}
interface Draft {
  whatHappened: string;
  explanations: ExplanationDraft[];
  nextStep: string;
}
/** A problem to show beside a field: `field` as the server names it ("explanations[1].text"). */
interface Problem {
  field: string;
  message: string;
}

let nextKey = 0;
const blankExplanation = (): ExplanationDraft => ({ key: nextKey++, text: '', charitable: false });
const emptyDraft = (): Draft => ({
  whatHappened: '',
  explanations: Array.from({ length: MIN_EXPLANATIONS }, blankExplanation),
  nextStep: '',
});

/**
 * "Log a hard moment": what happened, several possible explanations (at least one charitable:
 * one that assumes the best about the student, Okonofua et al. 2016), and a next step. The form
 * checks the same rule as the server before sending; each draft keeps one client id, so a retry
 * after a lost answer never saves it twice. Below it, the incidents logged recently.
 */
export function IncidentSection({ dyad, name }: { dyad: DyadResponse; name: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="incident-heading">
      <h2 id="incident-heading">{t('practice.incident.heading')}</h2>
      <p className="hint">{t('practice.incident.lead', { name })}</p>
      <IncidentForm studentId={dyad.studentId} />
      <h3>{t('practice.incident.recent')}</h3>
      {dyad.incidents.length === 0 ? (
        <p>{t('practice.incident.none')}</p>
      ) : (
        <ul className="plain-list incident-list">
          {dyad.incidents.map((i) => (
            <IncidentItem key={i.id} incident={i} />
          ))}
        </ul>
      )}
    </section>
  );
}

function IncidentForm({ studentId }: { studentId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const log = useLogIncident();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [clientId, setClientId] = useState(newClientId);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<'sent' | 'queued' | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // A save the outbox kept (the network or server failed) and has since sent: it is saved,
  // and the form starts a new draft (state adjusted while rendering, React's pattern for it).
  const outbox = useOutbox();
  if (failure !== null && outbox.sent.some((s) => s.item.id === clientId)) {
    setDraft(emptyDraft());
    setClientId(newClientId());
    setFailure(null);
    setSaved('sent');
  }

  const fieldId = (field: string) => `${id}-${field.replace(/[^a-zA-Z0-9]/g, '-')}`;
  const errorId = `${id}-error`;

  /** The client's own check, in the reader's language: the same rule the server applies. */
  function localProblem(d: Draft): Problem | null {
    const p = incidentProblem(d);
    if (!p) return null;
    if (p.field === 'whatHappened')
      return { field: p.field, message: t('practice.incident.problems.whatHappened') };
    if (p.field === 'nextStep')
      return { field: p.field, message: t('practice.incident.problems.nextStep') };
    const row = /^explanations\[(\d+)\]/.exec(p.field);
    if (row)
      return {
        field: p.field,
        message: t('practice.incident.problems.emptyExplanation', { n: Number(row[1]) + 1 }),
      };
    const filled = d.explanations.filter((e) => e.text.trim() !== '').length;
    return {
      field: 'explanations',
      message:
        filled < MIN_EXPLANATIONS
          ? t('practice.incident.problems.tooFew', { count: MIN_EXPLANATIONS })
          : t('practice.incident.problems.noCharitable'),
    };
  }

  /** Moves focus to the field a problem is about, so the message is read with it. */
  function focusField(field: string) {
    const form = formRef.current;
    if (!form) return;
    const target =
      field === 'explanations'
        ? form.querySelector<HTMLElement>('[data-charitable]')
        : (form.querySelector<HTMLElement>(`#${CSS.escape(fieldId(field))}`) ??
          form.querySelector<HTMLElement>('textarea'));
    target?.focus();
  }

  function save() {
    if (log.isPending) return;
    setSaved(null);
    setFailure(null);
    const found = localProblem(draft);
    setProblem(found);
    if (found) {
      focusField(found.field);
      return;
    }
    log.mutate(
      {
        clientId,
        studentId,
        whatHappened: draft.whatHappened.trim(),
        explanations: draft.explanations.map((e) => ({
          text: e.text.trim(),
          charitable: e.charitable,
        })),
        nextStep: draft.nextStep.trim(),
      },
      {
        onSuccess: (status) => {
          setDraft(emptyDraft());
          setClientId(newClientId()); // a new draft is a new incident
          setSaved(status);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.field) {
            // The server named the field: show its reason there (in the server's words).
            setProblem({ field: error.field, message: error.reason ?? error.message });
            focusField(error.field);
          } else {
            // Keep the draft and its client id for "Try again"; a network or server failure
            // also kept a copy in the outbox, which sends it by itself.
            setFailure(error);
          }
        },
      },
    );
  }

  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const updateExplanation = (key: number, patch: Partial<ExplanationDraft>) =>
    setDraft((d) => ({
      ...d,
      explanations: d.explanations.map((e) => (e.key === key ? { ...e, ...patch } : e)),
    }));

  const problemAt = (field: string) => (problem?.field === field ? problem : null);
  const rowProblem = (i: number) =>
    problem?.field.startsWith(`explanations[${i}]`) ? problem : null;
  const listProblem = problemAt('explanations');
  const invalid = (p: Problem | null) =>
    p ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {};
  const message = (p: Problem | null) =>
    p ? (
      <p id={errorId} className="field-error" role="alert">
        {p.message}
      </p>
    ) : null;

  return (
    <form
      ref={formRef}
      className="form incident-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <div className="field">
        <label htmlFor={fieldId('whatHappened')}>{t('practice.incident.whatHappened')}</label>
        <textarea
          id={fieldId('whatHappened')}
          rows={3}
          maxLength={MAX_INCIDENT_TEXT}
          value={draft.whatHappened}
          onChange={(e) => update({ whatHappened: e.target.value })}
          {...invalid(problemAt('whatHappened'))}
        />
        {message(problemAt('whatHappened'))}
      </div>

      <fieldset className="explanations" {...(listProblem ? { 'aria-describedby': errorId } : {})}>
        <legend>{t('practice.incident.explanations')}</legend>
        <p className="field-hint">{t('practice.incident.explanationsHint')}</p>
        <p className="field-hint">
          <strong>{t('practice.incident.charitableTerm')}</strong>{' '}
          {t('practice.incident.charitableMeans')}
        </p>
        {message(listProblem)}
        <ol className="explanation-list">
          {draft.explanations.map((e, i) => {
            const textId = fieldId(`explanations[${i}].text`);
            const p = rowProblem(i);
            return (
              <li key={e.key} className="explanation">
                <div className="field">
                  <label htmlFor={textId}>
                    {t('practice.incident.explanationN', { n: i + 1 })}
                  </label>
                  <textarea
                    id={textId}
                    rows={2}
                    maxLength={MAX_EXPLANATION_TEXT}
                    value={e.text}
                    onChange={(ev) => updateExplanation(e.key, { text: ev.target.value })}
                    {...invalid(p)}
                  />
                  {message(p)}
                </div>
                <div className="explanation-actions">
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      data-charitable=""
                      checked={e.charitable}
                      onChange={(ev) => updateExplanation(e.key, { charitable: ev.target.checked })}
                      {...(listProblem ? { 'aria-describedby': errorId } : {})}
                    />
                    {t('practice.incident.charitable')}
                    <span className="visually-hidden">
                      {' '}
                      {t('practice.incident.forExplanation', { n: i + 1 })}
                    </span>
                  </label>
                  {draft.explanations.length > MIN_EXPLANATIONS ? (
                    <Button
                      variant="quiet"
                      onClick={() =>
                        setDraft((d) => ({
                          ...d,
                          explanations: d.explanations.filter((x) => x.key !== e.key),
                        }))
                      }
                    >
                      {t('practice.incident.remove')}
                      <span className="visually-hidden">
                        {' '}
                        {t('practice.incident.forExplanation', { n: i + 1 })}
                      </span>
                    </Button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
        {draft.explanations.length < MAX_EXPLANATIONS ? (
          <Button
            variant="quiet"
            onClick={() =>
              setDraft((d) => ({ ...d, explanations: [...d.explanations, blankExplanation()] }))
            }
          >
            {t('practice.incident.addExplanation')}
          </Button>
        ) : null}
      </fieldset>

      <div className="field">
        <label htmlFor={fieldId('nextStep')}>{t('practice.incident.nextStep')}</label>
        <textarea
          id={fieldId('nextStep')}
          rows={2}
          maxLength={MAX_INCIDENT_TEXT}
          value={draft.nextStep}
          onChange={(e) => update({ nextStep: e.target.value })}
          {...invalid(problemAt('nextStep'))}
        />
        {message(problemAt('nextStep'))}
      </div>

      {problem && !isShownAtField(problem.field) ? (
        <Alert>
          <p>{problem.message}</p>
        </Alert>
      ) : null}
      {failure ? (
        <Alert>
          <p>{errorMessage(failure, t)}</p>
          {isWorthKeeping(failure) ? <p>{t('practice.incident.keptForLater')}</p> : null}
          {failure instanceof ApiError && failure.retryable ? (
            <Button onClick={save}>{t('errors.retry')}</Button>
          ) : null}
        </Alert>
      ) : null}
      <div>
        <Button type="submit" variant="primary" aria-disabled={log.isPending || undefined}>
          {t('practice.incident.save')}
        </Button>
      </div>
      <LiveMessage>
        {saved === 'sent'
          ? t('practice.incident.saved')
          : saved === 'queued'
            ? t('practice.incident.savedOnDevice')
            : null}
      </LiveMessage>
    </form>
  );
}

/** Fields the form shows a message beside; others (occurredAt) get a general alert. */
function isShownAtField(field: string): boolean {
  return (
    field === 'whatHappened' ||
    field === 'nextStep' ||
    field === 'explanations' ||
    /^explanations\[\d+\]/.test(field)
  );
}

function IncidentItem({ incident }: { incident: IncidentView }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="incident">
      <p>
        <time dateTime={incident.occurredAt} className="recent-when">
          {formatInstant(incident.occurredAt, i18n.language)}
        </time>
      </p>
      <p>{incident.whatHappened}</p>
      <ul className="explanation-summary">
        {incident.explanations.map((e, i) => (
          <li key={i}>
            {e.text}
            {e.charitable ? (
              <span className="tag">{t('practice.incident.charitableTag')}</span>
            ) : null}
          </li>
        ))}
      </ul>
      <p>
        <strong>{t('practice.incident.nextStepShort')}</strong> {incident.nextStep}
      </p>
    </li>
  );
}
