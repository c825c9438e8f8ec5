// Where a one-time link lands (/l/<code>): redeems it once, then lists what it opens.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { LinkSessionResponse } from '../../../../contracts/links.js';
import { ErrorAlert } from '../../../components/ui/alert.js';
import { Loading } from '../../../components/ui/loading.js';
import { PageHeading } from '../../../components/ui/page-heading.js';
import { useDocumentTitle } from '../../../lib/use-document-title.js';
import { redeemLink } from '../api/redeem-link.js';
import { OpenSurveysSection } from './open-surveys-section.js';

// One redemption per code per page load, however often React renders (a link works once).
const redemptions = new Map<string, Promise<LinkSessionResponse>>();
function redeemOnce(code: string) {
  let p = redemptions.get(code);
  if (!p) {
    p = redeemLink(code);
    redemptions.set(code, p);
  }
  return p;
}

export function LinkEntryPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  useDocumentTitle(t('surveys.link.title'));
  const redeemed = useQuery({
    queryKey: ['links', 'redeem', code],
    queryFn: () => redeemOnce(code),
    retry: false,
    staleTime: Infinity,
  });
  if (redeemed.isPending) return <Loading />;
  if (redeemed.isError)
    return (
      <>
        <PageHeading>{t('surveys.link.title')}</PageHeading>
        <ErrorAlert error={redeemed.error} />
      </>
    );
  const session = redeemed.data.session;
  return (
    <>
      <PageHeading lead={t('surveys.link.lead')}>
        {t('surveys.link.hello', { name: session?.name ?? '' })}
      </PageHeading>
      <OpenSurveysSection />
    </>
  );
}
