import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  PROFILE_FIELD_NAMES,
  type MyProfileResponse,
  type ProfileFieldName,
} from '../../../../contracts/know.js';
import { PROFILE_FIELDS } from '../../../../domain/profiles.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { ApiError } from '../../../lib/api-client.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useMyProfile } from '../api/get-my-profile.js';
import { useSaveMyProfile } from '../api/save-my-profile.js';

type Draft = Record<ProfileFieldName, { value: string; shared: boolean }>;

const LIMITS = new Map<string, number>(PROFILE_FIELDS.map((f) => [f.field, f.maxLength]));
const SHORT_FIELDS = new Set<ProfileFieldName>(['preferred_name', 'pronouns']);

function draftOf(p: MyProfileResponse): Draft {
  const draft = Object.fromEntries(
    PROFILE_FIELD_NAMES.map((f) => [f, { value: '', shared: false }]),
  ) as Draft;
  for (const f of p.fields) draft[f.field] = { value: f.value, shared: f.shared };
  return draft;
}

/** The student's own profile: every answer, each with "my teachers may see this". */
export function ProfileEditPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('know.profile.title'));
  const profile = useMyProfile();
  if (profile.isPending) return <Loading />;
  if (profile.isError)
    return <ErrorAlert error={profile.error} onRetry={() => void profile.refetch()} />;
  // The form keeps its own draft from the first load; a save does not reset it.
  return <ProfileForm profile={profile.data} />;
}

function ProfileForm({ profile }: { profile: MyProfileResponse }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(profile));
  const [saved, setSaved] = useState(false);
  const save = useSaveMyProfile();
  const problem = save.error instanceof ApiError ? save.error : null;
  const problemField = problem?.field?.replace(/^fields\./, '').replace(/\.value$/, '');
  const errorId = `${id}-error`;

  const update = (field: ProfileFieldName, patch: Partial<Draft[ProfileFieldName]>) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [field]: { ...d[field], ...patch } }));
  };

  return (
    <>
      <PageHeading lead={t('know.profile.lead')}>{t('know.profile.title')}</PageHeading>
      <form
        className="form profile-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          save.mutate(
            {
              fields: Object.fromEntries(
                PROFILE_FIELD_NAMES.filter((f) => draft[f].value.trim() !== '').map((f) => [
                  f,
                  draft[f],
                ]),
              ),
            },
            { onSuccess: () => setSaved(true) },
          );
        }}
      >
        {PROFILE_FIELD_NAMES.map((field) => {
          const inputId = `${id}-${field}`;
          const hintId = `${inputId}-hint`;
          const invalid = problemField === field;
          const describedBy = [hintId, invalid ? errorId : null].filter(Boolean).join(' ');
          const common = {
            id: inputId,
            value: draft[field].value,
            maxLength: LIMITS.get(field),
            'aria-describedby': describedBy,
            ...(invalid ? { 'aria-invalid': true as const } : {}),
          };
          return (
            <div key={field} className="profile-field">
              <div className="field">
                <label htmlFor={inputId}>{t(`know.profile.fields.${field}.label`)}</label>
                <p id={hintId} className="field-hint">
                  {field === 'preferred_name' && profile.roster.preferredName
                    ? t('know.profile.rosterName', { name: profile.roster.preferredName })
                    : field === 'pronouns' && profile.roster.pronouns
                      ? t('know.profile.rosterPronouns', { pronouns: profile.roster.pronouns })
                      : t(`know.profile.fields.${field}.hint`)}
                </p>
                {SHORT_FIELDS.has(field) ? (
                  <input
                    type="text"
                    autoComplete="off"
                    {...common}
                    onChange={(e) => update(field, { value: e.target.value })}
                  />
                ) : (
                  <textarea
                    rows={3}
                    {...common}
                    onChange={(e) => update(field, { value: e.target.value })}
                  />
                )}
                {invalid ? (
                  <p id={errorId} className="field-error" role="alert">
                    {problem?.reason ?? problem?.message}
                  </p>
                ) : null}
              </div>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={draft[field].shared}
                  onChange={(e) => update(field, { shared: e.target.checked })}
                />
                {t('know.profile.shareWithTeachers')}
                <span className="visually-hidden">
                  {' '}
                  ({t(`know.profile.fields.${field}.label`)})
                </span>
              </label>
            </div>
          );
        })}
        {save.isError && !problemField ? <ErrorAlert error={save.error} /> : null}
        <div className="form-actions">
          <Button type="submit" variant="primary" aria-disabled={save.isPending || undefined}>
            {t('know.profile.save')}
          </Button>
          <p role="status" className="hint">
            {saved ? t('know.profile.saved') : ''}
          </p>
        </div>
      </form>
    </>
  );
}
