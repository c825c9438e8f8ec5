import { useTranslation } from 'react-i18next';
import { useMyCommonalities } from '../api/get-my-commonalities.js';

/**
 * On a student's home: what they share with each of their teachers, when their school shows it
 * (Gehlbach et al. 2016 gave both sides a few commonalities). Nothing when it is off.
 */
export function MyCommonalities() {
  const { t } = useTranslation();
  const data = useMyCommonalities().data;
  if (!data?.enabled) return null;
  return (
    <section aria-labelledby="my-commonalities-heading">
      <h2 id="my-commonalities-heading">{t('insights.mine.heading')}</h2>
      {!data.answered ? (
        <p>{t('insights.mine.answerFirst')}</p>
      ) : data.teachers.length === 0 ? (
        <p>{t('insights.mine.noTeachers')}</p>
      ) : (
        <ul className="card-list">
          {data.teachers.map((teacher) => (
            <li key={teacher.teacherId}>
              <h3>{teacher.displayName}</h3>
              {teacher.commonalities.length === 0 ? (
                <p>{t('insights.mine.nothingYet')}</p>
              ) : (
                <ul className="plain-list">
                  {teacher.commonalities.map((c) => (
                    <li key={`${c.itemId}:${c.optionId}`}>{c.phrase}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
