import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntryView, SchoolOverview } from '../../../../contracts/schools.js';
import { formatRatio } from '../../../../domain/interaction-kinds.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { translateCode } from '../../../i18n/translate-code.js';
import { formatInstant } from '../../../lib/format.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useAdminHome } from '../api/get-admin-home.js';
import { useWindowLabel } from './school-figures.js';

function SchoolsTable({ schools }: { schools: SchoolOverview[] }) {
  const { t } = useTranslation();
  const windowLabel = useWindowLabel(schools[0]?.window ?? { schoolDays: 0, from: null, to: null });
  return (
    <div className="table-scroll" role="region" aria-labelledby="schools-heading" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('school.name')}</th>
            <th scope="col">{t('school.students')}</th>
            <th scope="col">{t('school.staff')}</th>
            <th scope="col">{t('school.ratio')}</th>
            <th scope="col">{t('school.staffLogging')}</th>
            <th scope="col">{t('school.withoutPositiveShort')}</th>
          </tr>
        </thead>
        <tbody>
          {schools.map((s) => (
            <tr key={s.schoolId}>
              <th scope="row">{s.schoolName}</th>
              <td>{s.students}</td>
              <td>{s.staff}</td>
              <td>{s.window.schoolDays > 0 ? formatRatio(s.positive, s.corrections) : '—'}</td>
              <td>{t('school.staffLoggingValue', { logging: s.staffLogging, staff: s.staff })}</td>
              <td>{s.studentsWithoutPositive}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {windowLabel ? (
        <p className="table-note">{t('school.ratioOver', { window: windowLabel })}</p>
      ) : null}
    </div>
  );
}

function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-scroll" role="region" aria-labelledby="audit-heading" tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('audit.when')}</th>
            <th scope="col">{t('audit.who')}</th>
            <th scope="col">{t('audit.action')}</th>
            <th scope="col">{t('audit.subject')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((a, i) => (
            <tr key={`${a.at}-${i}`}>
              <td>{formatInstant(a.at, i18n.language)}</td>
              <td>{a.actorRole ? translateCode(t, 'roles', a.actorRole) : t('audit.system')}</td>
              <td>{translateCode(t, 'audit.actions', a.action)}</td>
              <td>
                {translateCode(t, 'audit.subjects', a.subjectType)}
                {a.subjectId ? <span className="mono"> {a.subjectId}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A district admin's home: every school's aggregates and the latest audit entries. */
export function AdminHome() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  const home = useAdminHome();
  if (home.isPending) return <Loading />;
  if (home.isError) return <ErrorAlert error={home.error} onRetry={() => void home.refetch()} />;
  const { districtName, schools, audit } = home.data;
  return (
    <>
      <PageHeading lead={t('home.admin.lead')}>{districtName}</PageHeading>
      <ul className="link-list">
        <li>
          <Link to="/admin/roster">{t('home.admin.rosterLink')}</Link>
        </li>
        <li>
          <Link to="/admin/calendar">{t('home.admin.calendarLink')}</Link>
        </li>
      </ul>
      <section aria-labelledby="schools-heading">
        <h2 id="schools-heading">{t('home.admin.schools')}</h2>
        {schools.length === 0 ? (
          <p>{t('home.admin.noSchools')}</p>
        ) : (
          <SchoolsTable schools={schools} />
        )}
      </section>
      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t('home.admin.audit')}</h2>
        {audit.length === 0 ? <p>{t('home.admin.noAudit')}</p> : <AuditTable entries={audit} />}
      </section>
    </>
  );
}
