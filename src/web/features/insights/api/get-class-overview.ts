import { useQuery } from '@tanstack/react-query';
import type { ClassOverviewResponse } from '../../../../contracts/insights.js';
import { api } from '../../../lib/api-client.js';
import { insightsKeys } from './query-keys.js';

/** Every student of a class with their top commonalities with the teacher. */
export function getClassOverview(classId: string) {
  return api.get<ClassOverviewResponse>(
    `/api/insights/classes/${encodeURIComponent(classId)}/overview`,
  );
}

export function useClassOverview(classId: string) {
  return useQuery({
    queryKey: insightsKeys.classOverview(classId),
    queryFn: () => getClassOverview(classId),
  });
}
