import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** On a teacher's home: the way to their prediction accuracy and their private equity lens. */
export function InsightsLinks() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('insights.nav.label')}>
      <ul className="link-list">
        <li>
          <Link to="/insights/accuracy">{t('insights.nav.accuracy')}</Link>
        </li>
        <li>
          <Link to="/insights/equity-lens">{t('insights.nav.equity')}</Link>
        </li>
      </ul>
    </nav>
  );
}
