import { useQuery } from '@tanstack/react-query';
import type { Locale } from '../../../../contracts/common.js';
import type { Strategy } from '../../../../contracts/strategies.js';
import { api } from '../../../lib/api-client.js';
import { practiceKeys } from './query-keys.js';

/** One strategy's full text (HTML rendered on the server from the library's own Markdown). */
export function getStrategy(slug: string, lang: Locale): Promise<Strategy> {
  const query = new URLSearchParams({ lang });
  return api.get<Strategy>(`/api/strategies/${encodeURIComponent(slug)}?${query.toString()}`);
}

export function useStrategy(slug: string, lang: Locale, enabled: boolean) {
  return useQuery({
    queryKey: practiceKeys.strategy(slug, lang),
    queryFn: () => getStrategy(slug, lang),
    enabled,
    staleTime: 60 * 60_000,
  });
}
