import { useQuery } from '@tanstack/react-query';
import type { ClassViewResponse } from '../../../../contracts/classes.js';
import { api } from '../../../lib/api-client.js';

export const classQueryKey = (classId: string) => ['classes', classId] as const;

/** A class with its roster and what the teacher logged today per student. */
export function getClass(classId: string): Promise<ClassViewResponse> {
  return api.get<ClassViewResponse>(`/api/classes/${encodeURIComponent(classId)}`);
}

export function useClass(classId: string) {
  return useQuery({ queryKey: classQueryKey(classId), queryFn: () => getClass(classId) });
}
