import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PredictionsResponse } from '../../../../contracts/insights.js';
import { api } from '../../../lib/api-client.js';
import { insightsKeys } from './query-keys.js';

/** Saves the teacher's prediction of one item (refused after the reveal). */
export function savePrediction(studentId: string, itemId: string, optionIds: string[]) {
  return api.put<PredictionsResponse>(
    `/api/insights/students/${encodeURIComponent(studentId)}/predictions/${encodeURIComponent(itemId)}`,
    { optionIds },
  );
}

export function useSavePrediction(studentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { itemId: string; optionIds: string[] }) =>
      savePrediction(studentId, v.itemId, v.optionIds),
    onSuccess: (data) => queryClient.setQueryData(insightsKeys.predictions(studentId), data),
  });
}
