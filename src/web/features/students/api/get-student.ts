import { useQuery } from '@tanstack/react-query';
import type { StudentCardResponse } from '../../../../contracts/students.js';
import { api } from '../../../lib/api-client.js';

/** A student's card as the viewer may see it. */
export function getStudent(studentId: string): Promise<StudentCardResponse> {
  return api.get<StudentCardResponse>(`/api/students/${encodeURIComponent(studentId)}`);
}

export function useStudent(studentId: string) {
  return useQuery({ queryKey: ['students', studentId], queryFn: () => getStudent(studentId) });
}
