import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useStudentCommonalities } from '../api/get-student-commonalities.js';

/**
 * "What you have in common" on a student's page, for their teacher: the top few shared answers,
 * and a way to practise predicting the student's answers. Nothing while loading; the page shows
 * its own errors.
 */
export function StudentCommonalities({ studentId, name }: { studentId: string; name: string }) {
  const { t } = useTranslation();
  const data = useStudentCommonalities(studentId).data;
  if (!data) return null;
  return (
    <section aria-labelledby="commonalities-heading">
      <h2 id="commonalities-heading">{t('insights.commonalities.heading')}</h2>
      {!data.teacherAnswered ? (
        <p>{t('insights.commonalities.answerYourself')}</p>
      ) : !data.studentShared ? (
        <p>{t('insights.commonalities.notShared', { name })}</p>
      ) : data.commonalities.length === 0 ? (
        <p>{t('insights.commonalities.none')}</p>
      ) : (
        <ul className="plain-list">
          {data.commonalities.map((c) => (
            <li key={`${c.itemId}:${c.optionId}`}>{c.phrase}</li>
          ))}
        </ul>
      )}
      <p>
        <Link to={`/students/${encodeURIComponent(studentId)}/predict`}>
          {t('insights.commonalities.predictLink', { name })}
        </Link>
      </p>
    </section>
  );
}
