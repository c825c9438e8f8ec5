import { useQuery } from '@tanstack/react-query';
import type { Stage } from '../../../../contracts/practice.js';
import type { StrategyListResponse } from '../../../../contracts/strategies.js';
import type { Locale } from '../../../../contracts/common.js';
import { api } from '../../../lib/api-client.js';
import { practiceKeys } from './query-keys.js';

/** The strategies that fit a stage ("what helps in restore"), in the reader's language. */
export function listStrategies(stage: Stage, lang: Locale): Promise<StrategyListResponse> {
  const query = new URLSearchParams({ stage, lang });
  return api.get<StrategyListResponse>(`/api/strategies?${query.toString()}`);
}

export function useStrategies(stage: Stage, lang: Locale) {
  return useQuery({
    queryKey: practiceKeys.strategies(stage, lang),
    queryFn: () => listStrategies(stage, lang),
    // The library changes with a release, not during a visit.
    staleTime: 60 * 60_000,
  });
}
