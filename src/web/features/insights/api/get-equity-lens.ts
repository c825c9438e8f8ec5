import { useQuery } from '@tanstack/react-query';
import type { EquityLensResponse } from '../../../../contracts/insights.js';
import { api } from '../../../lib/api-client.js';
import { insightsKeys } from './query-keys.js';

/** The teacher's private equity lens over their own students and logs. */
export function getEquityLens() {
  return api.get<EquityLensResponse>('/api/insights/equity-lens');
}

export function useEquityLens() {
  return useQuery({ queryKey: insightsKeys.equityLens, queryFn: getEquityLens });
}
