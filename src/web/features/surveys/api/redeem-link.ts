import { useQuery } from '@tanstack/react-query';
import type { LinkSessionResponse } from '../../../../contracts/links.js';
import { api, setCsrfToken } from '../../../lib/api-client.js';
import { surveyKeys } from './query-keys.js';

/** Redeems a one-time link; its session's CSRF token is used for the answers that follow. */
export async function redeemLink(code: string): Promise<LinkSessionResponse> {
  const res = await api.post<LinkSessionResponse>('/api/links/redeem', { code });
  if (res.session) setCsrfToken(res.session.csrfToken);
  return res;
}

/** The one-time link's session of this browser, if any (after a reload). */
export async function getLinkSession(): Promise<LinkSessionResponse> {
  const res = await api.get<LinkSessionResponse>('/api/links/session');
  if (res.session) setCsrfToken(res.session.csrfToken);
  return res;
}

export function useLinkSession(enabled: boolean) {
  return useQuery({ queryKey: surveyKeys.linkSession, queryFn: getLinkSession, enabled });
}
