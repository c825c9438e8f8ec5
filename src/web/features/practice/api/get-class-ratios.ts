import { useQuery } from '@tanstack/react-query';
import type { ClassRatiosResponse } from '../../../../contracts/practice.js';
import { api } from '../../../lib/api-client.js';
import { practiceKeys } from './query-keys.js';

/** A class's positive moments and corrections over the window, per day and per student. */
export function getClassRatios(classId: string): Promise<ClassRatiosResponse> {
  return api.get<ClassRatiosResponse>(`/api/practice/classes/${encodeURIComponent(classId)}`);
}

export function useClassRatios(classId: string) {
  return useQuery({
    queryKey: practiceKeys.classRatios(classId),
    queryFn: () => getClassRatios(classId),
  });
}
