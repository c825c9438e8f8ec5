import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../contracts/common.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';

/** Roles whose pages are not built yet (coach, student, guardian) get a kind word, not an error. */
export function RolePlaceholderHome({ name, role }: { name: string; role: Role }) {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  return (
    <>
      <PageHeading>{t('home.placeholder.greeting', { name })}</PageHeading>
      <p>{t('home.placeholder.body', { role: t(`roles.${role}`) })}</p>
      <p>{t('home.placeholder.later')}</p>
    </>
  );
}
