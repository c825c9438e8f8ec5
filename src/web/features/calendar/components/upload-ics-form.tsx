import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IcsImportResponse } from '../../../../contracts/rostering.js';
import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { LiveMessage } from '../../../components/ui/live-message.js';
import { errorMessage } from '../../../lib/error-message.js';
import { useImportIcs } from '../api/import-ics.js';

/** Upload an .ics file: the days off it lists within the terms are added; the result is told. */
export function UploadIcsForm() {
  const { t } = useTranslation();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const upload = useImportIcs();
  const [missing, setMissing] = useState(false);
  const [result, setResult] = useState<IcsImportResponse | null>(null);

  async function submit() {
    if (upload.isPending) return;
    const file = fileRef.current?.files?.[0];
    setResult(null);
    setMissing(!file);
    if (!file) {
      fileRef.current?.focus();
      return;
    }
    upload.mutate(await file.text(), { onSuccess: setResult });
  }

  const errorId = `${id}-error`;
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('calendar.upload.file')}</label>
        <input
          ref={fileRef}
          id={`${id}-file`}
          type="file"
          accept=".ics,text/calendar"
          onChange={() => setMissing(false)}
          {...(missing ? { 'aria-invalid': true, 'aria-describedby': errorId } : {})}
        />
        {missing ? (
          <p id={errorId} className="field-error" role="alert">
            {t('calendar.upload.chooseFile')}
          </p>
        ) : null}
      </div>
      {upload.isError ? (
        <Alert>
          <p>{t('calendar.upload.failed')}</p>
          <p>{errorMessage(upload.error, t)}</p>
        </Alert>
      ) : null}
      <div>
        <Button type="submit" variant="primary" aria-disabled={upload.isPending || undefined}>
          {t('calendar.upload.submit')}
        </Button>
      </div>
      <LiveMessage>
        {result ? (
          <>
            {t('calendar.upload.added', { count: result.added })}{' '}
            {t('calendar.upload.unchanged', { count: result.unchanged })}
          </>
        ) : null}
      </LiveMessage>
      {result && result.skipped.length > 0 ? (
        <div className="skipped-events">
          <p>{t('calendar.upload.skipped', { count: result.skipped.length })}</p>
          <ul>
            {result.skipped.map((s) => (
              <li key={s.line}>
                {t('calendar.upload.skippedItem', { summary: s.summary, line: s.line })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
