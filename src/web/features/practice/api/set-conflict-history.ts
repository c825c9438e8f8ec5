import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DyadResponse } from '../../../../contracts/practice.js';
import { api } from '../../../lib/api-client.js';
import { practiceKeys } from './query-keys.js';

/** Marks (or clears) a history of conflict with the student; the stage suggestion follows. */
export function setConflictHistory(
  studentId: string,
  conflictHistory: boolean,
): Promise<DyadResponse> {
  return api.put<DyadResponse>(
    `/api/practice/students/${encodeURIComponent(studentId)}/conflict-history`,
    { conflictHistory },
  );
}

export function useSetConflictHistory(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (conflictHistory: boolean) => setConflictHistory(studentId, conflictHistory),
    onSuccess: (dyad) => {
      queryClient.setQueryData(practiceKeys.dyad(studentId), dyad);
      void queryClient.invalidateQueries({ queryKey: practiceKeys.today });
    },
  });
}
