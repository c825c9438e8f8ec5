import { useQuery } from '@tanstack/react-query';
import type { DyadResponse } from '../../../../contracts/practice.js';
import { api } from '../../../lib/api-client.js';
import { practiceKeys } from './query-keys.js';

/** One teacher–student relationship: ratio and trend, stage, open repair, plans, incidents. */
export function getDyad(studentId: string): Promise<DyadResponse> {
  return api.get<DyadResponse>(`/api/practice/students/${encodeURIComponent(studentId)}`);
}

export function useDyad(studentId: string) {
  return useQuery({ queryKey: practiceKeys.dyad(studentId), queryFn: () => getDyad(studentId) });
}
