// One survey a leader or district admin runs: edit it, close it early, or cancel it. What may
// change follows what has happened (the server is the judge and names the field it refuses):
// before anyone answers, everything; once answers arrive, not the survey, its mode or its
// opening day; once closed, only the title.
import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  AdministrationSetupResponse,
  AdministrationView,
  UpdateAdministrationBody,
} from '../../../../contracts/surveys.js';
import { localDayRange } from '../../../../domain/calendar.js';
import { Alert, ErrorAlert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { ApiError } from '../../../lib/api-client.js';
import { errorMessage } from '../../../lib/error-message.js';
import { formatDate } from '../../../lib/format.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useCancelAdministration } from '../api/cancel-administration.js';
import { useCloseAdministration } from '../api/close-administration.js';
import { useAdministrations, useAdministrationSetup } from '../api/get-administrations.js';
import { useUpdateAdministration } from '../api/update-administration.js';

type Field = 'title' | 'instrumentId' | 'mode' | 'opensAt' | 'closesAt' | 'classIds' | 'grades';
const FIELDS: readonly Field[] = [
  'title',
  'instrumentId',
  'mode',
  'opensAt',
  'closesAt',
  'classIds',
  'grades',
];

/** The field an error names ("classIds[1]" is the classes), if it is one of this form's. */
function fieldOf(error: unknown): Field | undefined {
  if (!(error instanceof ApiError) || !error.field) return undefined;
  const base = error.field.replace(/\[\d+\]$/, '');
  return (FIELDS as readonly string[]).includes(base) ? (base as Field) : undefined;
}

export function ManageAdministrationPage({ administrationId }: { administrationId: string }) {
  const { t } = useTranslation();
  const list = useAdministrations();
  const [cancelled, setCancelled] = useState<number | null>(null);
  const [notice, setNotice] = useState('');
  const adm = list.data?.administrations.find((a) => a.id === administrationId);
  const title = adm ? (adm.title ?? adm.instrumentTitle) : t('surveys.manage.title');
  useDocumentTitle(title);
  const back = (
    <p>
      <Link to="/surveys/administrations">{t('surveys.manage.back')}</Link>
    </p>
  );
  if (cancelled !== null)
    return (
      <>
        <PageHeading>{t('surveys.manage.cancelledTitle')}</PageHeading>
        <p role="status">{t('surveys.manage.cancelledDone', { count: cancelled })}</p>
        {back}
      </>
    );
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  if (!adm || !adm.canManage)
    return (
      <>
        <PageHeading>{t('surveys.manage.notFound')}</PageHeading>
        {back}
      </>
    );
  return (
    <>
      <PageHeading lead={t(`surveys.manage.lead.${stage(adm)}`)}>{title}</PageHeading>
      {back}
      <p role="status">{notice}</p>
      <Summary adm={adm} />
      <EditSection adm={adm} />
      <CloseSection adm={adm} onClosed={() => setNotice(t('surveys.manage.closedDone'))} />
      <CancelSection adm={adm} onCancelled={setCancelled} />
    </>
  );
}

function stage(adm: AdministrationView): 'closed' | 'answered' | 'fresh' {
  if (adm.state === 'closed') return 'closed';
  return adm.started + adm.finished > 0 ? 'answered' : 'fresh';
}

function Summary({ adm }: { adm: AdministrationView }) {
  const { t, i18n } = useTranslation();
  const fmt = (day: string) => formatDate(day, i18n.language);
  return (
    <dl className="stack">
      <dt>{t('surveys.admin.instrument')}</dt>
      <dd>{adm.instrumentTitle}</dd>
      <dt>{t('surveys.admin.window')}</dt>
      <dd>
        {fmt(adm.firstDay)} – {fmt(adm.lastDay)} ({t(`surveys.admin.state.${adm.state}`)})
      </dd>
      <dt>{t('surveys.admin.responses')}</dt>
      <dd>
        {t('surveys.admin.rate', {
          finished: adm.finished,
          eligible: adm.eligible,
          percent: adm.eligible ? Math.round((100 * adm.finished) / adm.eligible) : 0,
        })}
      </dd>
    </dl>
  );
}

function EditSection({ adm }: { adm: AdministrationView }) {
  const { t } = useTranslation();
  // A district admin's school-wide survey lists that school's classes; a district-wide one, grades.
  const setup = useAdministrationSetup(adm.schoolId ?? '');
  return (
    <section aria-labelledby="adm-edit-h">
      <h2 id="adm-edit-h">{t('surveys.manage.editTitle')}</h2>
      {setup.isPending ? (
        <Loading />
      ) : setup.isError ? (
        <ErrorAlert error={setup.error} onRetry={() => void setup.refetch()} />
      ) : (
        <EditForm adm={adm} setup={setup.data} key={`${adm.id}:${adm.state}`} />
      )}
    </section>
  );
}

function EditForm({ adm, setup }: { adm: AdministrationView; setup: AdministrationSetupResponse }) {
  const { t } = useTranslation();
  const save = useUpdateAdministration(adm.id);
  const closed = adm.state === 'closed';
  const answered = adm.started + adm.finished > 0;
  const [title, setTitle] = useState(adm.title ?? '');
  const [instrumentId, setInstrumentId] = useState(adm.instrumentId);
  const [mode, setMode] = useState(adm.mode);
  const [opens, setOpens] = useState(adm.firstDay);
  const [closes, setCloses] = useState(adm.lastDay);
  const [classIds, setClassIds] = useState(adm.classIds);
  const [grades, setGrades] = useState(adm.grades);
  const toggle = <T,>(list: T[], v: T) =>
    list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
  // Classes it targets that this school's current list no longer has stay listed by id.
  const classOptions = [
    ...setup.classes,
    ...adm.classIds
      .filter((id) => !setup.classes.some((c) => c.id === id))
      .map((id) => ({ id, title: id, teacher: '' })),
  ];

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    // Only what changed is sent: an unchanged field is never refused.
    const body: UpdateAdministrationBody = {};
    const newTitle = title.trim() || null;
    if (newTitle !== adm.title) body.title = newTitle;
    if (instrumentId !== adm.instrumentId) body.instrumentId = instrumentId;
    if (mode !== adm.mode) body.mode = mode;
    if (opens !== adm.firstDay) body.opensAt = localDayRange(opens, setup.timeZone).start;
    if (closes !== adm.lastDay) body.closesAt = localDayRange(closes, setup.timeZone).end;
    if (!same(classIds, adm.classIds)) body.classIds = classIds;
    if (!same(grades, adm.grades)) body.grades = grades;
    save.mutate(body);
  }
  const bad = fieldOf(save.error);
  const invalid = (f: Field) => (bad === f ? true : undefined);
  const described = (f: Field, hint?: string) =>
    [bad === f ? 'adm-edit-error' : null, hint].filter(Boolean).join(' ') || undefined;
  const fixedHint = closed
    ? t('surveys.manage.fixedClosed')
    : answered
      ? t('surveys.manage.fixedAnswered')
      : null;

  return (
    <form onSubmit={onSubmit} className="stack" noValidate>
      {fixedHint ? (
        <p className="hint" id="adm-fixed-hint">
          {fixedHint}
        </p>
      ) : null}
      <label htmlFor="adm-edit-title">{t('surveys.manage.titleLabel')}</label>
      <input
        id="adm-edit-title"
        value={title}
        maxLength={120}
        onChange={(e) => setTitle(e.target.value)}
        aria-invalid={invalid('title')}
        aria-describedby={described('title', 'adm-title-hint')}
      />
      <p className="hint" id="adm-title-hint">
        {t('surveys.manage.titleHint', { instrument: adm.instrumentTitle })}
      </p>
      <label htmlFor="adm-edit-instrument">{t('surveys.admin.instrument')}</label>
      <select
        id="adm-edit-instrument"
        value={instrumentId}
        disabled={answered || closed}
        onChange={(e) => setInstrumentId(e.target.value)}
        aria-invalid={invalid('instrumentId')}
        aria-describedby={described('instrumentId', fixedHint ? 'adm-fixed-hint' : undefined)}
      >
        {setup.instruments.map((i) => (
          <option key={i.id} value={i.id}>
            {i.title}
          </option>
        ))}
      </select>
      <fieldset disabled={answered || closed} aria-describedby={described('mode')}>
        <legend>{t('surveys.admin.mode')}</legend>
        {(['anonymous', 'confidential'] as const).map((m) => (
          <div key={m}>
            <input
              type="radio"
              id={`adm-edit-mode-${m}`}
              name="adm-edit-mode"
              checked={mode === m}
              onChange={() => setMode(m)}
            />
            <label htmlFor={`adm-edit-mode-${m}`}>{t(`surveys.admin.modes.${m}`)}</label>
          </div>
        ))}
      </fieldset>
      <label htmlFor="adm-edit-opens">{t('surveys.admin.opens')}</label>
      <input
        id="adm-edit-opens"
        type="date"
        value={opens}
        disabled={answered || closed}
        onChange={(e) => setOpens(e.target.value)}
        aria-invalid={invalid('opensAt')}
        aria-describedby={described('opensAt')}
      />
      <label htmlFor="adm-edit-closes">{t('surveys.admin.closes')}</label>
      <input
        id="adm-edit-closes"
        type="date"
        value={closes}
        disabled={closed}
        onChange={(e) => setCloses(e.target.value)}
        aria-invalid={invalid('closesAt')}
        aria-describedby={described('closesAt')}
      />
      {classOptions.length > 0 && (
        <fieldset disabled={closed} aria-describedby={described('classIds')}>
          <legend>{t('surveys.admin.classes')}</legend>
          {classOptions.map((c) => (
            <div key={c.id}>
              <input
                type="checkbox"
                id={`adm-edit-class-${c.id}`}
                checked={classIds.includes(c.id)}
                onChange={() => setClassIds(toggle(classIds, c.id))}
              />
              <label htmlFor={`adm-edit-class-${c.id}`}>
                {c.title}
                {c.teacher ? ` · ${c.teacher}` : ''}
              </label>
            </div>
          ))}
        </fieldset>
      )}
      {setup.grades.length > 0 && (
        <fieldset disabled={closed} aria-describedby={described('grades')}>
          <legend>{t('surveys.admin.grades')}</legend>
          {setup.grades.map((g) => (
            <div key={g}>
              <input
                type="checkbox"
                id={`adm-edit-grade-${g}`}
                checked={grades.includes(g)}
                onChange={() => setGrades(toggle(grades, g))}
              />
              <label htmlFor={`adm-edit-grade-${g}`}>
                {t('surveys.admin.grade', { grade: g })}
              </label>
            </div>
          ))}
        </fieldset>
      )}
      {save.isError && (
        <Alert>
          <p id="adm-edit-error">{fieldErrorText(save.error, t)}</p>
        </Alert>
      )}
      {save.isSuccess && <p role="status">{t('surveys.manage.saved')}</p>}
      <Button type="submit" variant="primary" aria-disabled={save.isPending}>
        {t('surveys.manage.save')}
      </Button>
    </form>
  );
}

/** "Last day: is in the past": the field in the user's language, then the server's reason. */
function fieldErrorText(error: unknown, t: TFunction): string {
  const field = fieldOf(error);
  if (field && error instanceof ApiError && error.reason) {
    const label: string = t(`surveys.manage.fields.${field}`);
    return t('surveys.manage.fieldError', { field: label, reason: error.reason });
  }
  return errorMessage(error, t);
}

function CloseSection({ adm, onClosed }: { adm: AdministrationView; onClosed: () => void }) {
  const { t } = useTranslation();
  const close = useCloseAdministration(adm.id);
  if (adm.state !== 'open') return null;
  return (
    <section aria-labelledby="adm-close-h">
      <h2 id="adm-close-h">{t('surveys.manage.closeTitle')}</h2>
      <p>{t('surveys.manage.closeLead')}</p>
      {close.isError && <ErrorAlert error={close.error} />}
      <Button
        onClick={() => close.mutate(undefined, { onSuccess: onClosed })}
        aria-disabled={close.isPending}
      >
        {t('surveys.manage.closeNow')}
      </Button>
    </section>
  );
}

function CancelSection({
  adm,
  onCancelled,
}: {
  adm: AdministrationView;
  onCancelled: (discarded: number) => void;
}) {
  const { t } = useTranslation();
  const cancel = useCancelAdministration(adm.id);
  const [confirming, setConfirming] = useState(false);
  if (adm.state === 'closed') return null;
  return (
    <section aria-labelledby="adm-cancel-h">
      <h2 id="adm-cancel-h">{t('surveys.manage.cancelTitle')}</h2>
      <p>{t('surveys.manage.cancelLead', { count: adm.started + adm.finished })}</p>
      {cancel.isError && <ErrorAlert error={cancel.error} />}
      {confirming ? (
        <div role="group" aria-labelledby="adm-cancel-q" className="stack">
          <p id="adm-cancel-q">{t('surveys.manage.cancelConfirm')}</p>
          <Button
            variant="primary"
            aria-disabled={cancel.isPending}
            onClick={() =>
              cancel.mutate(undefined, { onSuccess: (r) => onCancelled(r.discardedResponses) })
            }
          >
            {t('surveys.manage.cancelYes')}
          </Button>
          <Button onClick={() => setConfirming(false)}>{t('surveys.manage.cancelNo')}</Button>
        </div>
      ) : (
        <Button onClick={() => setConfirming(true)}>{t('surveys.manage.cancel')}</Button>
      )}
    </section>
  );
}
