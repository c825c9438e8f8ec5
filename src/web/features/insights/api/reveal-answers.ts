import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PredictionsResponse } from '../../../../contracts/insights.js';
import { api } from '../../../lib/api-client.js';
import { insightsKeys } from './query-keys.js';

/** Reveals the student's shared answers and scores the predictions; closes them for good. */
export function revealAnswers(studentId: string) {
  return api.post<PredictionsResponse>(
    `/api/insights/students/${encodeURIComponent(studentId)}/reveal`,
  );
}

export function useRevealAnswers(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => revealAnswers(studentId),
    onSuccess: (data) => {
      queryClient.setQueryData(insightsKeys.predictions(studentId), data);
      void queryClient.invalidateQueries({ queryKey: insightsKeys.accuracy });
    },
  });
}
