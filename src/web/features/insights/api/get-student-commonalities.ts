import { useQuery } from '@tanstack/react-query';
import type { StudentCommonalitiesResponse } from '../../../../contracts/insights.js';
import { api } from '../../../lib/api-client.js';
import { insightsKeys } from './query-keys.js';

/** What the signed-in teacher and one of their students have in common. */
export function getStudentCommonalities(studentId: string) {
  return api.get<StudentCommonalitiesResponse>(
    `/api/insights/students/${encodeURIComponent(studentId)}/commonalities`,
  );
}

export function useStudentCommonalities(studentId: string) {
  return useQuery({
    queryKey: insightsKeys.studentCommonalities(studentId),
    queryFn: () => getStudentCommonalities(studentId),
  });
}
