// Leaders and district admins: the surveys they run, with response rates (counts only), and a
// form to start a new administration.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SurveyLang } from '../../../../contracts/instruments.js';
import type {
  AdministrationSetupResponse,
  CreateAdministrationBody,
} from '../../../../contracts/surveys.js';
import { Alert, ErrorAlert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { localDayRange } from '../../../../domain/calendar.js';
import { ApiError } from '../../../lib/api-client.js';
import { errorMessage } from '../../../lib/error-message.js';
import { formatDate } from '../../../lib/format.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useCreateAdministration } from '../api/create-administration.js';
import { useAdministrations, useAdministrationSetup } from '../api/get-administrations.js';

export function AdministrationsPage({ today }: { today: string }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('surveys.admin.title'));
  const list = useAdministrations();
  const fmt = (day: string) => formatDate(day, i18n.language);
  return (
    <>
      <PageHeading lead={t('surveys.admin.lead')}>{t('surveys.admin.title')}</PageHeading>
      <section aria-labelledby="adm-list-h">
        <h2 id="adm-list-h">{t('surveys.admin.listTitle')}</h2>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.administrations.length === 0 ? (
          <p>{t('surveys.admin.none')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="adm-list-h" tabIndex={0}>
            <table className="administrations">
              <caption>{t('surveys.admin.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('surveys.admin.instrument')}</th>
                  <th scope="col">{t('surveys.admin.wave')}</th>
                  <th scope="col">{t('surveys.admin.window')}</th>
                  <th scope="col">{t('surveys.admin.mode')}</th>
                  <th scope="col">{t('surveys.admin.responses')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.administrations.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      {a.canManage ? (
                        <Link to={`/surveys/administrations/${encodeURIComponent(a.id)}`}>
                          {a.title ?? a.instrumentTitle}
                        </Link>
                      ) : (
                        (a.title ?? a.instrumentTitle)
                      )}
                      {a.title ? <span className="hint"> ({a.instrumentTitle})</span> : null}
                    </th>
                    <td>
                      {t(`surveys.admin.waves.${a.wave as 'fall' | 'winter' | 'spring'}`)}{' '}
                      {a.schoolYear}
                    </td>
                    <td>
                      {fmt(a.firstDay)} – {fmt(a.lastDay)} ({t(`surveys.admin.state.${a.state}`)})
                    </td>
                    <td>{t(`surveys.admin.modes.${a.mode}`)}</td>
                    <td>
                      {t('surveys.admin.rate', {
                        finished: a.finished,
                        eligible: a.eligible,
                        percent: a.eligible ? Math.round((100 * a.finished) / a.eligible) : 0,
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <NewAdministration today={today} />
    </>
  );
}

function schoolYearOf(today: string): string {
  const y = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 7 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}

function NewAdministration({ today }: { today: string }) {
  const { t } = useTranslation();
  const [school, setSchool] = useState('');
  const setup = useAdministrationSetup(school);
  if (setup.isPending) return <Loading />;
  if (setup.isError) return <ErrorAlert error={setup.error} onRetry={() => void setup.refetch()} />;
  return (
    <NewAdministrationForm
      setup={setup.data}
      today={today}
      school={school}
      onSchool={setSchool}
      key={t('surveys.admin.newTitle')}
    />
  );
}

function NewAdministrationForm({
  setup,
  today,
  school,
  onSchool,
}: {
  setup: AdministrationSetupResponse;
  today: string;
  /** A district admin's choice: a school's id, or '' for the whole district (by grade). */
  school: string;
  onSchool: (schoolId: string) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateAdministration();
  const [instrumentId, setInstrumentId] = useState(setup.instruments[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [wave, setWave] = useState<'fall' | 'winter' | 'spring'>('fall');
  const [opens, setOpens] = useState(today);
  const [closes, setCloses] = useState('');
  const [languages, setLanguages] = useState<SurveyLang[]>(['en', 'es']);
  const [mode, setMode] = useState<'anonymous' | 'confidential'>('anonymous');
  const [classIds, setClassIds] = useState<string[]>([]);
  const [grades, setGrades] = useState<string[]>([]);
  const toggle = <T,>(list: T[], v: T) =>
    list.includes(v) ? list.filter((x) => x !== v) : [...list, v];

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const body: CreateAdministrationBody = {
      instrumentId,
      schoolYear: schoolYearOf(today),
      wave,
      // The window runs from the start of its first day to the end of its last, on the
      // district's clock (not UTC midnight, which is the evening before in the Americas).
      opensAt: localDayRange(opens, setup.timeZone).start,
      closesAt: closes ? localDayRange(closes, setup.timeZone).end : '',
      languages,
      mode,
      classIds,
      grades,
      ...(title.trim() ? { title: title.trim() } : {}),
      ...(setup.chooseSchool ? { schoolId: school || null } : {}),
    };
    create.mutate(body);
  }
  const fieldError = create.error instanceof ApiError ? create.error.field : undefined;

  return (
    <section aria-labelledby="adm-new-h">
      <h2 id="adm-new-h">{t('surveys.admin.newTitle')}</h2>
      <form onSubmit={onSubmit} className="stack">
        {setup.chooseSchool && (
          <>
            <label htmlFor="adm-school">{t('surveys.admin.school')}</label>
            <select
              id="adm-school"
              value={school}
              onChange={(e) => {
                // Another school's classes and grades: what was ticked no longer applies.
                setClassIds([]);
                setGrades([]);
                onSchool(e.target.value);
              }}
            >
              <option value="">{t('surveys.admin.allSchools')}</option>
              {setup.schools.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor="adm-instrument">{t('surveys.admin.instrument')}</label>
        <select
          id="adm-instrument"
          value={instrumentId}
          onChange={(e) => setInstrumentId(e.target.value)}
        >
          {setup.instruments.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </select>
        <label htmlFor="adm-title">{t('surveys.manage.titleLabel')}</label>
        <input
          id="adm-title"
          value={title}
          maxLength={120}
          onChange={(e) => setTitle(e.target.value)}
          aria-describedby="adm-title-new-hint"
        />
        <p className="hint" id="adm-title-new-hint">
          {t('surveys.admin.titleHint')}
        </p>
        <label htmlFor="adm-wave">{t('surveys.admin.wave')}</label>
        <select id="adm-wave" value={wave} onChange={(e) => setWave(e.target.value as typeof wave)}>
          {(['fall', 'winter', 'spring'] as const).map((w) => (
            <option key={w} value={w}>
              {t(`surveys.admin.waves.${w}`)}
            </option>
          ))}
        </select>
        <label htmlFor="adm-opens">{t('surveys.admin.opens')}</label>
        <input
          id="adm-opens"
          type="date"
          value={opens}
          onChange={(e) => setOpens(e.target.value)}
          required
        />
        <label htmlFor="adm-closes">{t('surveys.admin.closes')}</label>
        <input
          id="adm-closes"
          type="date"
          value={closes}
          onChange={(e) => setCloses(e.target.value)}
          required
          aria-invalid={fieldError === 'closesAt' || undefined}
        />
        <fieldset>
          <legend>{t('surveys.admin.languages')}</legend>
          {(['en', 'es'] as const).map((l) => (
            <div key={l}>
              <input
                type="checkbox"
                id={`adm-lang-${l}`}
                checked={languages.includes(l)}
                onChange={() => setLanguages(toggle(languages, l))}
              />
              <label htmlFor={`adm-lang-${l}`}>{t(`surveys.take.lang.${l}`)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('surveys.admin.mode')}</legend>
          {(['anonymous', 'confidential'] as const).map((m) => (
            <div key={m}>
              <input
                type="radio"
                id={`adm-mode-${m}`}
                name="adm-mode"
                checked={mode === m}
                onChange={() => setMode(m)}
              />
              <label htmlFor={`adm-mode-${m}`}>{t(`surveys.admin.modes.${m}`)}</label>
            </div>
          ))}
        </fieldset>
        {setup.classes.length > 0 && (
          <fieldset>
            <legend>{t('surveys.admin.classes')}</legend>
            {setup.classes.map((c) => (
              <div key={c.id}>
                <input
                  type="checkbox"
                  id={`adm-class-${c.id}`}
                  checked={classIds.includes(c.id)}
                  onChange={() => setClassIds(toggle(classIds, c.id))}
                />
                <label htmlFor={`adm-class-${c.id}`}>
                  {c.title}
                  {c.teacher ? ` · ${c.teacher}` : ''}
                </label>
              </div>
            ))}
          </fieldset>
        )}
        {setup.grades.length > 0 && (
          <fieldset>
            <legend>{t('surveys.admin.grades')}</legend>
            {setup.grades.map((g) => (
              <div key={g}>
                <input
                  type="checkbox"
                  id={`adm-grade-${g}`}
                  checked={grades.includes(g)}
                  onChange={() => setGrades(toggle(grades, g))}
                />
                <label htmlFor={`adm-grade-${g}`}>{t('surveys.admin.grade', { grade: g })}</label>
              </div>
            ))}
          </fieldset>
        )}
        {create.isError && (
          <Alert>
            <p>{errorMessage(create.error, t)}</p>
          </Alert>
        )}
        {create.isSuccess && <p role="status">{t('surveys.admin.created')}</p>}
        <Button type="submit" variant="primary" aria-disabled={create.isPending}>
          {t('surveys.admin.create')}
        </Button>
      </form>
    </section>
  );
}
