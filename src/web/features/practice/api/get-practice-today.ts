import { useQuery } from '@tanstack/react-query';
import type { PracticeTodayResponse } from '../../../../contracts/practice.js';
import { api } from '../../../lib/api-client.js';
import { practiceKeys } from './query-keys.js';

/** The teacher's week: focus list, open repairs, today's two-by-ten days and their own ratio. */
export function getPracticeToday(): Promise<PracticeTodayResponse> {
  return api.get<PracticeTodayResponse>('/api/practice/today');
}

export function usePracticeToday() {
  return useQuery({ queryKey: practiceKeys.today, queryFn: getPracticeToday });
}
