import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';

/** A student's home: a greeting, then sections from features (surveys, questionnaires…), in order. */
export function StudentHome({ name, sections }: { name: string; sections: ReactNode[] }) {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  return (
    <>
      <PageHeading lead={t('home.student.lead')}>
        {t('home.student.greeting', { name })}
      </PageHeading>
      {sections}
    </>
  );
}
