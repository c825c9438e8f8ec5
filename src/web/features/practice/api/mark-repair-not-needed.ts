import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PracticeTodayResponse, RepairNotNeededBody } from '../../../../contracts/practice.js';
import { api } from '../../../lib/api-client.js';
import { practiceKeys } from './query-keys.js';

/** Closes a student's open repair as not needed; answers with the new week. */
export function markRepairNotNeeded(body: RepairNotNeededBody): Promise<PracticeTodayResponse> {
  return api.post<PracticeTodayResponse>('/api/practice/repairs/not-needed', body);
}

/** Takes a "not needed" mark back (within ten minutes); answers with the new week. */
export function undoRepairNotNeeded(clientId: string): Promise<PracticeTodayResponse> {
  return api.post<PracticeTodayResponse>('/api/practice/repairs/not-needed/undo', { clientId });
}

function useWeekWrite<T>(fn: (input: T) => Promise<PracticeTodayResponse>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (today) => {
      queryClient.setQueryData(practiceKeys.today, today);
      // The dyad's stage, the repair report and any summary of repairs change with it.
      await queryClient.invalidateQueries({
        predicate: (q) => !(q.queryKey[0] === practiceKeys.today[0] && q.queryKey[1] === 'today'),
      });
    },
  });
}

export function useMarkRepairNotNeeded() {
  return useWeekWrite(markRepairNotNeeded);
}

export function useUndoRepairNotNeeded() {
  return useWeekWrite(undoRepairNotNeeded);
}
