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
    // The switch moves at once; a refused save puts it back.
    onMutate: (studentsSeeCommonalities: boolean) => {
      const key = insightsKeys.schoolSettings(schoolId);
      const before = queryClient.getQueryData<SchoolInsightSettings>(key);
      if (before) queryClient.setQueryData(key, { ...before, studentsSeeCommonalities });
      return { before };
    },
    onError: (_error, _value, context) => {
      if (context?.before)
        queryClient.setQueryData(insightsKeys.schoolSettings(schoolId), context.before);
    },
    onSuccess: (data) => queryClient.setQueryData(insightsKeys.schoolSettings(schoolId), data),
  });
}
