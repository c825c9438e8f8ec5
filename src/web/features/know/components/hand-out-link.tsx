import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { formatInstant } from '../../../lib/format.js';
import {
  useCreateQuestionnaireLink,
  useStopQuestionnaireLink,
} from '../api/create-questionnaire-link.js';

/**
 * Makes a one-time link for one student to answer the questionnaire without signing in, and
 * shows it to copy or read out. A new link replaces the student's previous open one; "Stop this
 * link" revokes it (handed to the wrong student, say) and ends a session opened from it.
 */
export function HandOutLink({ studentId, name }: { studentId: string; name: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const create = useCreateQuestionnaireLink();
  const stop = useStopQuestionnaireLink();
  const url =
    create.data && !stop.isSuccess ? `${window.location.origin}${create.data.path}` : null;
  return (
    <div className="hand-out-link">
      <Button
        onClick={() => {
          stop.reset();
          create.mutate(studentId);
        }}
        aria-disabled={create.isPending || undefined}
      >
        {url ? t('know.students.newLink') : t('know.students.makeLink')}
        <span className="visually-hidden"> {t('know.students.forStudent', { name })}</span>
      </Button>
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      {url && create.data ? (
        <div className="field">
          <label htmlFor={`${id}-url`}>{t('know.students.linkLabel', { name })}</label>
          <input
            id={`${id}-url`}
            type="text"
            readOnly
            value={url}
            aria-describedby={`${id}-hint`}
            onFocus={(e) => e.target.select()}
          />
          <p id={`${id}-hint`} className="field-hint">
            {t('know.students.linkHint', {
              until: formatInstant(create.data.expiresAt, i18n.language),
            })}
          </p>
          <Button
            onClick={() => stop.mutate(studentId)}
            aria-disabled={stop.isPending || undefined}
          >
            {t('know.students.stopLink')}
            <span className="visually-hidden"> {t('know.students.forStudent', { name })}</span>
          </Button>
        </div>
      ) : null}
      {stop.isError ? <ErrorAlert error={stop.error} /> : null}
      {stop.isSuccess ? <p role="status">{t('know.students.stopped')}</p> : null}
    </div>
  );
}
