import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DyadResponse, Stage } from '../../../../contracts/practice.js';
import { api } from '../../../lib/api-client.js';
import { practiceKeys } from './query-keys.js';

/** Sets the dyad's stage: Rapport's suggestion (accepted) or another one (overridden). */
export function setStage(studentId: string, stage: Stage): Promise<DyadResponse> {
  return api.post<DyadResponse>(`/api/practice/students/${encodeURIComponent(studentId)}/stage`, {
    stage,
  });
}

export function useSetStage(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (stage: Stage) => setStage(studentId, stage),
    onSuccess: (dyad) => {
      queryClient.setQueryData(practiceKeys.dyad(studentId), dyad);
      // The focus list reads the stage ("building from a hard start").
      void queryClient.invalidateQueries({ queryKey: practiceKeys.today });
    },
  });
}
