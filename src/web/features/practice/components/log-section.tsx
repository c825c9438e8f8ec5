import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LogInteractionsBody } from '../../../../contracts/interactions.js';
import {
  MAX_NOTE_LENGTH,
  STUDENT_PAGE_KINDS,
  type InteractionKind,
} from '../../../../domain/interaction-kinds.js';
import { Alert, ErrorAlert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { Toast, useToast } from '../../../components/ui/toast.js';
import { ApiError } from '../../../lib/api-client.js';
import { errorMessage } from '../../../lib/error-message.js';
import { isWorthKeeping } from '../../../lib/outbox.js';
import { useUndoInteraction } from '../api/log-interaction.js';
import { useLogMoment, type Logged } from '../lib/use-log-moment.js';

type ActionKind = Exclude<(typeof STUDENT_PAGE_KINDS)[number], 'note'>;
/** The one-tap kinds; the note has its own field. */
const ACTION_KINDS = STUDENT_PAGE_KINDS.filter((k): k is ActionKind => k !== 'note');

/**
 * "Log a moment" on a student's page: a one-on-one meeting, a family contact, a conversation in
 * one tap each, and a short note that only the teacher can read. Like the class view, each log
 * goes through the outbox (kept on the device when offline) and can be undone from the toast.
 */
export function LogSection({ studentId, name }: { studentId: string; name: string }) {
  const { t } = useTranslation();
  const id = useId();
  const log = useLogMoment(studentId);
  const undo = useUndoInteraction();
  const { toast, show, dismiss } = useToast();
  const [note, setNote] = useState('');
  const [noteProblem, setNoteProblem] = useState<string | null>(null);
  const [undoError, setUndoError] = useState<unknown>(null);
  const noteId = `${id}-note`;
  const hintId = `${id}-note-hint`;
  const errorId = `${id}-note-error`;

  function undoLog(body: LogInteractionsBody) {
    setUndoError(null);
    undo.mutate(
      { clientId: body.clientId },
      {
        onSuccess: () =>
          show({ message: t('practice.log.undone', { kind: t(`kinds.${body.kind}`) }) }),
        onError: (error) => setUndoError(error),
      },
    );
  }

  function logged({ body, status }: Logged) {
    const what = t('practice.log.logged', { kind: t(`kinds.${body.kind}`), name });
    show({
      message: status === 'queued' ? t('practice.log.queued', { logged: what }) : what,
      action: { label: t('classView.undo'), onAction: () => undoLog(body) },
    });
  }

  function logKind(kind: InteractionKind) {
    if (log.isPending) return;
    setUndoError(null);
    log.send(kind, undefined, logged);
  }

  function saveNote() {
    if (log.isPending) return;
    setUndoError(null);
    const text = note.trim();
    // The server's rule (noteProblem in interaction-kinds.ts), said in the reader's language.
    const problem =
      text === ''
        ? t('practice.log.noteEmpty')
        : note.length > MAX_NOTE_LENGTH
          ? t('practice.log.noteTooLong', { max: MAX_NOTE_LENGTH, length: note.length })
          : null;
    setNoteProblem(problem);
    if (problem) {
      document.getElementById(noteId)?.focus();
      return;
    }
    log.send('note', text, (result) => {
      setNote('');
      logged(result);
    });
  }

  // The server named the note as the problem: show it beside the field, in its words.
  const serverNoteProblem =
    log.error instanceof ApiError && log.error.field === 'note'
      ? (log.error.reason ?? log.error.message)
      : null;
  const shownNoteProblem = noteProblem ?? serverNoteProblem;
  const otherError = log.error && !serverNoteProblem ? log.error : null;

  return (
    <section aria-labelledby="log-heading">
      <h2 id="log-heading">{t('practice.log.heading')}</h2>
      <p className="hint">{t('practice.log.lead', { name })}</p>
      <div className="button-row">
        {ACTION_KINDS.map((kind) => (
          <Button
            key={kind}
            onClick={() => logKind(kind)}
            aria-disabled={log.isPending || undefined}
          >
            {t(`practice.log.kinds.${kind}`)}
          </Button>
        ))}
      </div>
      <form
        className="form note-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          saveNote();
        }}
      >
        <div className="field">
          <label htmlFor={noteId}>{t('practice.log.note')}</label>
          <p id={hintId} className="field-hint">
            {t('practice.log.noteHint', { max: MAX_NOTE_LENGTH })}
          </p>
          <textarea
            id={noteId}
            rows={3}
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              if (noteProblem) setNoteProblem(null);
            }}
            aria-describedby={shownNoteProblem ? `${hintId} ${errorId}` : hintId}
            {...(shownNoteProblem ? { 'aria-invalid': true as const } : {})}
          />
          {shownNoteProblem ? (
            <p id={errorId} className="field-error" role="alert">
              {shownNoteProblem}
            </p>
          ) : null}
        </div>
        <div>
          <Button type="submit" variant="primary" aria-disabled={log.isPending || undefined}>
            {t('practice.log.saveNote')}
          </Button>
        </div>
      </form>
      {otherError ? (
        <Alert>
          <p>{errorMessage(otherError, t)}</p>
          {isWorthKeeping(otherError) ? <p>{t('classView.keptForLater')}</p> : null}
        </Alert>
      ) : null}
      {undoError ? <ErrorAlert error={undoError} /> : null}
      <Toast toast={toast} onDismiss={dismiss} />
    </section>
  );
}
