import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarTerm, DayOff } from '../../../../contracts/rostering.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { LiveMessage } from '../../../components/ui/live-message.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { translateCode } from '../../../i18n/translate-code.js';
import { formatShortDay } from '../../../lib/format.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useCalendar } from '../api/get-calendar.js';
import { AddDayOffForm } from './add-day-off-form.js';
import { DayOffItem } from './day-off-item.js';
import { UploadIcsForm } from './upload-ics-form.js';

function TermsTable({ terms }: { terms: CalendarTerm[] }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-scroll" role="region" aria-labelledby="terms-heading" tabIndex={0}>
      <table className="terms-table">
        <thead>
          <tr>
            <th scope="col">{t('calendar.terms.name')}</th>
            <th scope="col">{t('calendar.terms.type')}</th>
            <th scope="col">{t('calendar.terms.dates')}</th>
            <th scope="col">{t('calendar.terms.schoolDays')}</th>
          </tr>
        </thead>
        <tbody>
          {terms.map((term) => (
            <tr key={term.id}>
              <th scope="row">{term.name}</th>
              <td>{translateCode(t, 'calendar.types', term.type)}</td>
              <td>
                {t('calendar.terms.range', {
                  from: formatShortDay(term.startDate, i18n.language),
                  to: formatShortDay(term.endDate, i18n.language),
                  fromYear: term.startDate.slice(0, 4),
                  toYear: term.endDate.slice(0, 4),
                })}
              </td>
              <td>{term.schoolDays}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A district admin's calendar: the terms with their school days, and the days without school
 * that every count of school days skips (from the roster's terms, an uploaded .ics file, or added
 * here by hand).
 */
export function CalendarPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('calendar.title'));
  const calendar = useCalendar();
  const [status, setStatus] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);

  if (calendar.isPending) return <Loading />;
  if (calendar.isError)
    return <ErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} />;
  const { terms, daysOff, timeZone } = calendar.data;

  return (
    <>
      <PageHeading lead={t('calendar.lead')}>{t('calendar.title')}</PageHeading>
      <section aria-labelledby="terms-heading">
        <h2 id="terms-heading">{t('calendar.terms.heading')}</h2>
        {terms.length === 0 ? <p>{t('calendar.terms.none')}</p> : <TermsTable terms={terms} />}
        <p className="table-note">{t('calendar.timeZone', { timeZone })}</p>
      </section>

      <section aria-labelledby="upload-heading">
        <h2 id="upload-heading">{t('calendar.upload.heading')}</h2>
        <p className="hint">{t('calendar.upload.lead')}</p>
        <UploadIcsForm />
      </section>

      <section aria-labelledby="add-heading">
        <h2 id="add-heading">{t('calendar.add.heading')}</h2>
        <AddDayOffForm existing={daysOff} onSaved={setStatus} />
      </section>

      <section aria-labelledby="days-off-heading">
        <h2 id="days-off-heading" ref={listHeading} tabIndex={-1}>
          {t('calendar.list.heading')}
        </h2>
        <LiveMessage>{status}</LiveMessage>
        {daysOff.length === 0 ? (
          <p>{t('calendar.list.none')}</p>
        ) : (
          <ul className="plain-list days-off">
            {daysOff.map((d: DayOff) => (
              <DayOffItem
                // A day keeps its row when an edit turns it from uploaded to manual.
                key={`${d.source === 'term' ? 'term' : 'district'}-${d.date}`}
                day={d}
                onDone={(message, removed) => {
                  setStatus(message);
                  // The removed row's buttons are gone: keep keyboard users at the list.
                  if (removed) listHeading.current?.focus();
                }}
              />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
