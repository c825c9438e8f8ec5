import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { useTeacherHome } from '../api/get-teacher-home.js';
import { ClassList } from './class-list.js';

/** Every class the teacher teaches this term (the home shows only today's). */
export function ClassesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.teacher.allClasses'));
  const home = useTeacherHome();
  if (home.isPending) return <Loading />;
  if (home.isError) return <ErrorAlert error={home.error} onRetry={() => void home.refetch()} />;
  const { classes } = home.data;
  return (
    <>
      <PageHeading lead={t('home.teacher.classesLead')}>{t('home.teacher.allClasses')}</PageHeading>
      {classes.length === 0 ? (
        <p>{t('home.teacher.noClasses')}</p>
      ) : (
        <ClassList classes={classes} />
      )}
    </>
  );
}
