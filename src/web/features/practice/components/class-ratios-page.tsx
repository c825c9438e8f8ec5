import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ClassRatiosResponse } from '../../../../contracts/practice.js';
import { formatRatio } from '../../../../domain/interaction-kinds.js';
import { NO_POSITIVE_SCHOOL_DAYS } from '../../../../domain/ratio.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useClassRatios } from '../api/get-class-ratios.js';
import { RatioFigure } from './ratio-figure.js';
import { RatioTrend } from './ratio-trend.js';

type Row = ClassRatiosResponse['students'][number];
const studentPath = (id: string) => `/students/${encodeURIComponent(id)}`;
const fullName = (s: Row) => `${s.displayName} ${s.familyName}`;

/**
 * A class's positive moments and corrections over the window: the class figure, the trend per
 * school day (chart and table), each student's figures, and the students who have had no
 * positive moment lately. `classTitle` comes from the class view's data, when it has loaded.
 */
export function ClassRatiosPage({
  classId,
  classTitle,
}: {
  classId: string;
  classTitle: string | null;
}) {
  const { t } = useTranslation();
  const ratios = useClassRatios(classId);
  const title = classTitle
    ? t('practice.classRatios.titleFor', { title: classTitle })
    : t('practice.classRatios.title');
  useDocumentTitle(title);
  if (ratios.isPending) return <Loading />;
  if (ratios.isError)
    return <ErrorAlert error={ratios.error} onRetry={() => void ratios.refetch()} />;
  const r = ratios.data;
  const students = [...r.students].sort((a, b) => fullName(a).localeCompare(fullName(b)));
  return (
    <>
      <PageHeading lead={t('practice.classRatios.lead')}>{title}</PageHeading>
      <p>
        <Link to={`/classes/${encodeURIComponent(classId)}`}>
          {classTitle
            ? t('practice.classRatios.backTo', { title: classTitle })
            : t('practice.classRatios.back')}
        </Link>
      </p>

      <section aria-labelledby="class-ratio-heading">
        <h2 id="class-ratio-heading">{t('practice.classRatios.classHeading')}</h2>
        <RatioFigure ratio={r.ratio} window={r.window} />
        <RatioTrend trend={r.trend} caption={t('practice.trend.classCaption')} />
      </section>

      <section aria-labelledby="no-positive-heading">
        <h2 id="no-positive-heading">
          {t('practice.classRatios.noPositiveHeading', { count: NO_POSITIVE_SCHOOL_DAYS })}
        </h2>
        {r.noPositiveLately.length === 0 ? (
          <p>{t('practice.classRatios.noPositiveNone')}</p>
        ) : (
          <>
            <p className="hint">{t('practice.classRatios.noPositiveHint')}</p>
            <ul className="plain-list">
              {r.noPositiveLately.map((s) => (
                <li key={s.studentId}>
                  <Link to={studentPath(s.studentId)}>{fullName(s)}</Link>
                  {' — '}
                  {t('practice.classRatios.sinceDays', { count: s.schoolDaysWithoutPositive })}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="students-ratio-heading">
        <h2 id="students-ratio-heading">{t('practice.classRatios.studentsHeading')}</h2>
        {students.length === 0 ? (
          <p>{t('practice.classRatios.noStudents')}</p>
        ) : (
          <div className="table-fit">
            <table>
              <caption className="visually-hidden">
                {t('practice.classRatios.studentsCaption')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('practice.classRatios.student')}</th>
                  <th scope="col" className="num">
                    {t('practice.classRatios.ratio')}
                  </th>
                  <th scope="col" className="num">
                    {t('practice.classRatios.daysSince')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {students.map((s) => (
                  <tr key={s.studentId}>
                    <th scope="row">
                      <Link to={studentPath(s.studentId)}>{fullName(s)}</Link>
                    </th>
                    <td className="num nowrap">
                      {formatRatio(s.ratio.positive, s.ratio.corrections)}
                    </td>
                    <td className="num">{s.schoolDaysWithoutPositive}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
