import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The student's way in: their profile and the get-to-know-you questionnaire. */
export function StudentKnowSection() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="know-student-heading">
      <h2 id="know-student-heading">{t('know.home.heading')}</h2>
      <ul className="card-list">
        <li>
          <Link to="/questionnaire" className="card-link">
            <span className="class-title">{t('know.home.questionnaireLink')}</span>
            <span className="class-meta">{t('know.home.questionnaireLead')}</span>
          </Link>
        </li>
        <li>
          <Link to="/me/profile" className="card-link">
            <span className="class-title">{t('know.home.profileLink')}</span>
            <span className="class-meta">{t('know.home.profileLead')}</span>
          </Link>
        </li>
      </ul>
    </section>
  );
}
