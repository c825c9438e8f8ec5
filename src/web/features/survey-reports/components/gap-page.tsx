import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useGap } from '../api/get-gap.js';
import { formatScore, hiddenText } from './hidden-text.js';

/** The teacher's view of how their ratings and their students' answers compare. */
export function GapPage({
  administrationId,
  classId,
}: {
  administrationId: string;
  classId: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  useDocumentTitle(t('surveyReports.gapTitle'));
  const gap = useGap(administrationId, classId);
  if (gap.isPending) return <Loading />;
  if (gap.isError) return <ErrorAlert error={gap.error} onRetry={() => void gap.refetch()} />;
  const g = gap.data;
  return (
    <>
      <PageHeading lead={t('surveyReports.gapLead')}>{g.classTitle}</PageHeading>
      <table>
        <caption>{t('surveyReports.classGap')}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('surveyReports.teacherCloseness', { count: g.classGap.rated })}</th>
            <td className="num">{formatScore(g.classGap.teacherCloseness, lang)}</td>
          </tr>
          <tr>
            <th scope="row">{t('surveyReports.studentScore')}</th>
            <td className="num">
              {g.classGap.hidden
                ? hiddenText(g.classGap.hidden, t)
                : formatScore(g.classGap.studentScore, lang)}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('surveyReports.gap')}</th>
            <td className="num">{g.classGap.hidden ? '—' : formatScore(g.classGap.gap, lang)}</td>
          </tr>
        </tbody>
      </table>
      <table>
        <caption>{t('surveyReports.sharedStudents')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('surveyReports.student')}</th>
            <th scope="col" className="num">
              {t('surveyReports.closeness')}
            </th>
            <th scope="col" className="num">
              {t('surveyReports.conflict')}
            </th>
            <th scope="col" className="num">
              {t('surveyReports.studentScore')}
            </th>
            <th scope="col" className="num">
              {t('surveyReports.gap')}
            </th>
          </tr>
        </thead>
        <tbody>
          {g.students.length === 0 ? (
            <tr>
              <td colSpan={5}>{t('surveyReports.noneShared')}</td>
            </tr>
          ) : (
            g.students.map((s) => (
              <tr key={s.studentId}>
                <th scope="row">{s.displayName}</th>
                <td className="num">{formatScore(s.closeness, lang)}</td>
                <td className="num">{formatScore(s.conflict, lang)}</td>
                <td className="num">{formatScore(s.studentScore, lang)}</td>
                <td className="num">{formatScore(s.gap, lang)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <p className="hint">{t('surveyReports.gapExplain')}</p>
      <p>
        <Link to="/surveys">{t('surveyReports.allReports')}</Link>
      </p>
    </>
  );
}
