import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';

/** The teacher's insights: how well they predict their students, and their private equity lens. */
export function InsightsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('insights.page.title'));
  return (
    <>
      <PageHeading lead={t('insights.page.lead')}>{t('insights.page.title')}</PageHeading>
      <ul className="link-list insight-links">
        <li>
          <Link to="/insights/accuracy">{t('insights.nav.accuracy')}</Link>
          <p className="hint">{t('insights.page.accuracy')}</p>
        </li>
        <li>
          <Link to="/insights/equity-lens">{t('insights.nav.equity')}</Link>
          <p className="hint">{t('insights.page.equity')}</p>
        </li>
      </ul>
    </>
  );
}
