import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { ImportHistory } from './import-history.js';
import { ImportSection } from './import-section.js';

/** The district admin's roster page: import a OneRoster zip, export one, and recent imports. */
export function RosterPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('roster.title'));
  return (
    <>
      <PageHeading lead={t('roster.lead')}>{t('roster.title')}</PageHeading>
      <section aria-labelledby="roster-import-heading">
        <h2 id="roster-import-heading">{t('roster.import.heading')}</h2>
        <ImportSection />
      </section>
      <section aria-labelledby="roster-export-heading">
        <h2 id="roster-export-heading">{t('roster.export.heading')}</h2>
        <p>{t('roster.export.intro')}</p>
        <p>
          <a className="button button-secondary" href="/api/rostering/export" download>
            {t('roster.export.download')}
          </a>
        </p>
      </section>
      <section aria-labelledby="roster-history-heading">
        <h2 id="roster-history-heading">{t('roster.history.heading')}</h2>
        <ImportHistory />
      </section>
    </>
  );
}
