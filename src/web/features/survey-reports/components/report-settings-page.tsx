// A district admin's settings for survey results: the minimum group size (never below 3; empty
// for the server's default) and whether leaders open teacher and class results.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSettingsResponse } from '../../../../contracts/survey-reports.js';
import { Alert, ErrorAlert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { ApiError } from '../../../lib/api-client.js';
import { errorMessage } from '../../../lib/error-message.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useReportSettings, useSaveReportSettings } from '../api/report-settings.js';

export function ReportSettingsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('surveyReports.settings.title'));
  const settings = useReportSettings();
  return (
    <>
      <PageHeading lead={t('surveyReports.settings.lead')}>
        {t('surveyReports.settings.title')}
      </PageHeading>
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm settings={settings.data} />
      )}
    </>
  );
}

type Field = 'minGroupSize' | 'leadersSeeTeachers';

function SettingsForm({ settings }: { settings: ReportSettingsResponse }) {
  const { t } = useTranslation();
  const save = useSaveReportSettings();
  const [minimum, setMinimum] = useState(
    settings.configuredMinGroupSize === null ? '' : String(settings.configuredMinGroupSize),
  );
  const [leaders, setLeaders] = useState(settings.leadersSeeTeachers);
  const [localError, setLocalError] = useState<string | null>(null);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const text = minimum.trim();
    if (text !== '' && !/^\d+$/.test(text)) {
      setLocalError(
        t('surveyReports.settings.fieldError', {
          field: t('surveyReports.settings.fields.minGroupSize'),
          reason: t('surveyReports.settings.notWhole'),
        }),
      );
      return;
    }
    setLocalError(null);
    save.mutate({ minGroupSize: text === '' ? null : Number(text), leadersSeeTeachers: leaders });
  }
  const field =
    save.error instanceof ApiError ? (save.error.field as Field | undefined) : undefined;
  const serverError =
    save.error instanceof ApiError && field && save.error.reason
      ? t('surveyReports.settings.fieldError', {
          field: t(`surveyReports.settings.fields.${field}`),
          reason: save.error.reason,
        })
      : save.isError
        ? errorMessage(save.error, t)
        : null;
  const error = localError ?? serverError;
  const minInvalid = localError !== null || field === 'minGroupSize';

  return (
    <form onSubmit={onSubmit} className="stack" noValidate>
      <label htmlFor="settings-min">{t('surveyReports.settings.minLabel')}</label>
      <input
        id="settings-min"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={minimum}
        onChange={(e) => setMinimum(e.target.value)}
        aria-invalid={minInvalid || undefined}
        aria-describedby={['settings-min-hint', minInvalid ? 'settings-error' : null]
          .filter(Boolean)
          .join(' ')}
      />
      <p className="hint" id="settings-min-hint">
        {t('surveyReports.settings.minHint', { server: settings.serverMinGroupSize })}{' '}
        {t('surveyReports.settings.inForce', { minimum: settings.minGroupSize })}
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={leaders}
          onChange={(e) => setLeaders(e.target.checked)}
          aria-describedby="settings-leaders-hint"
        />{' '}
        {t('surveyReports.settings.leadersLabel')}
      </label>
      <p className="hint" id="settings-leaders-hint">
        {t('surveyReports.settings.leadersHint')}
      </p>
      {error ? (
        <Alert>
          <p id="settings-error">{error}</p>
        </Alert>
      ) : null}
      <p role="status">{save.isSuccess && !localError ? t('surveyReports.settings.saved') : ''}</p>
      <Button type="submit" variant="primary" aria-disabled={save.isPending}>
        {t('surveyReports.settings.save')}
      </Button>
    </form>
  );
}
