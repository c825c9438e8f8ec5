import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { useSchoolSettings, useSetSchoolSettings } from '../api/school-settings.js';

/**
 * A leader's switch for their school: whether students see what they have in common with each
 * of their teachers (off by default; the selective-feedback design of Gehlbach et al. 2016).
 */
export function SchoolInsightSettings({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const hintId = useId();
  const settings = useSchoolSettings(schoolId);
  const save = useSetSchoolSettings(schoolId);
  // The switch moves in the click itself (the mutation's own updates come a moment later, and a
  // controlled checkbox would flip back in between); a refused save shows the stored value again.
  const [moving, setMoving] = useState<boolean | null>(null);
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('insights.settings.heading')}</h2>
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={moving ?? settings.data.studentsSeeCommonalities}
              disabled={save.isPending}
              aria-describedby={hintId}
              onChange={(e) => {
                setMoving(e.target.checked);
                save.mutate(e.target.checked, { onSettled: () => setMoving(null) });
              }}
            />{' '}
            {t('insights.settings.studentsSeeCommonalities')}
          </label>
          <p id={hintId} className="field-hint">
            {t('insights.settings.hint')}
          </p>
          <p role="status">{save.isSuccess ? t('insights.settings.saved') : ''}</p>
          {save.isError ? <ErrorAlert error={save.error} /> : null}
        </>
      )}
    </section>
  );
}
