import { useQuery } from '@tanstack/react-query';
import type { MyCommonalitiesResponse } from '../../../../contracts/insights.js';
import { api } from '../../../lib/api-client.js';
import { insightsKeys } from './query-keys.js';

/** A student's commonalities with each of their teachers (when the school shows them). */
export function getMyCommonalities() {
  return api.get<MyCommonalitiesResponse>('/api/insights/me/commonalities');
}

export function useMyCommonalities() {
  return useQuery({ queryKey: insightsKeys.myCommonalities, queryFn: getMyCommonalities });
}
