import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SchoolInsightSettings } from '../../../../contracts/insights.js';
import { api } from '../../../lib/api-client.js';
import { insightsKeys } from './query-keys.js';

const path = (schoolId: string) => `/api/insights/schools/${encodeURIComponent(schoolId)}/settings`;

/** Whether a school's students see what they have in common with their teachers. */
export function getSchoolSettings(schoolId: string) {
  return api.get<SchoolInsightSettings>(path(schoolId));
}

export function useSchoolSettings(schoolId: string) {
  return useQuery({
    queryKey: insightsKeys.schoolSettings(schoolId),
    queryFn: () => getSchoolSettings(schoolId),
  });
}

export function useSetSchoolSettings(schoolId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (studentsSeeCommonalities: boolean) =>
      api.put<SchoolInsightSettings>(path(schoolId), { studentsSeeCommonalities }),
    onSuccess: (data) => queryClient.setQueryData(insightsKeys.schoolSettings(schoolId), data),
  });
}
