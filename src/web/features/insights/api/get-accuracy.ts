import { useQuery } from '@tanstack/react-query';
import type { AccuracyResponse } from '../../../../contracts/insights.js';
import { api } from '../../../lib/api-client.js';
import { insightsKeys } from './query-keys.js';

/** The teacher's prediction accuracy, per week and per reveal. */
export function getAccuracy() {
  return api.get<AccuracyResponse>('/api/insights/accuracy');
}

export function useAccuracy() {
  return useQuery({ queryKey: insightsKeys.accuracy, queryFn: getAccuracy });
}
