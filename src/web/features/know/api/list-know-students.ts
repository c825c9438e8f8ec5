import { useQuery } from '@tanstack/react-query';
import type { KnowStudentsResponse } from '../../../../contracts/know.js';
import { api } from '../../../lib/api-client.js';
import { knowKeys } from './query-keys.js';

/** The teacher's students, each with where their questionnaire stands. */
export function listKnowStudents(): Promise<KnowStudentsResponse> {
  return api.get<KnowStudentsResponse>('/api/know/students');
}

export function useKnowStudents() {
  return useQuery({ queryKey: knowKeys.students, queryFn: listKnowStudents });
}
