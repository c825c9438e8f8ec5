import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../contracts/common.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';

/**
 * Roles whose pages are not built yet (coach, student, guardian) get a kind word, not an error;
 * `children` are the parts already built for the role (a student's get-to-know-you section).
 */
export function RolePlaceholderHome({
  name,
  role,
  children,
}: {
  name: string;
  role: Role;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  return (
    <>
      <PageHeading>{t('home.placeholder.greeting', { name })}</PageHeading>
      {children ?? (
        <>
          <p>{t('home.placeholder.body', { role: t(`roles.${role}`) })}</p>
          <p>{t('home.placeholder.later')}</p>
        </>
      )}
    </>
  );
}
