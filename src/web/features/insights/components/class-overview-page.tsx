import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useClassOverview } from '../api/get-class-overview.js';

/** Every student of a class with what the teacher shares with them, and who has not shared yet. */
export function ClassOverviewPage({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const overview = useClassOverview(classId);
  const title = overview.data
    ? t('insights.overview.titleFor', { title: overview.data.title })
    : t('insights.overview.title');
  useDocumentTitle(title);
  if (overview.isPending) return <Loading />;
  if (overview.isError)
    return <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />;
  const o = overview.data;
  const shared = o.students.filter((s) => s.studentShared).length;
  return (
    <>
      <PageHeading lead={t('insights.overview.lead')}>{title}</PageHeading>
      <p>
        <Link to={`/classes/${encodeURIComponent(classId)}`}>
          {t('insights.overview.backTo', { title: o.title })}
        </Link>
      </p>
      {!o.teacherAnswered ? (
        <p className="hint">{t('insights.commonalities.answerYourself')}</p>
      ) : null}
      <p>{t('insights.overview.sharedCount', { count: o.students.length, shared })}</p>
      <table>
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('insights.overview.student')}</th>
            <th scope="col">{t('insights.overview.inCommon')}</th>
          </tr>
        </thead>
        <tbody>
          {o.students.map((s) => {
            const name = `${s.displayName} ${s.familyName}`;
            return (
              <tr key={s.studentId}>
                <th scope="row">
                  <Link to={`/students/${encodeURIComponent(s.studentId)}`}>{name}</Link>
                </th>
                <td>
                  {!s.studentShared ? (
                    <span className="table-note">{t('insights.overview.notShared')}</span>
                  ) : s.commonalities.length === 0 ? (
                    t('insights.commonalities.none')
                  ) : (
                    <ul className="plain-list">
                      {s.commonalities.map((c) => (
                        <li key={`${c.itemId}:${c.optionId}`}>{c.phrase}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
