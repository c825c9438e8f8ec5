import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { errorMessage } from '../../../lib/error-message.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { openQuestionnaireLink } from '../api/redeem-link.js';
import { QuestionnairePage } from './questionnaire-page.js';

/**
 * A student opening the one-time link their teacher handed out: no sign-in, the link opens a
 * short session for the questionnaire only. A used or expired link says so and what to do.
 */
export function QuestionnaireLinkPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const link = useQuery({
    queryKey: ['know', 'link', code],
    queryFn: () => openQuestionnaireLink(code),
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  useDocumentTitle(t('know.link.title'));
  if (link.isPending) return <Loading />;
  if (link.isError || !link.data)
    return (
      <>
        <PageHeading>{t('know.link.failed')}</PageHeading>
        <p role="alert">{link.isError ? errorMessage(link.error, t) : t('know.link.askAgain')}</p>
      </>
    );
  return (
    <>
      <p className="lead">{t('know.link.greeting', { name: link.data.name })}</p>
      <QuestionnairePage respondent="student" linkCsrf={link.data.csrfToken} />
    </>
  );
}
