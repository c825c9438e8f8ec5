import { useQuery } from '@tanstack/react-query';
import type { PredictionsResponse } from '../../../../contracts/insights.js';
import { api } from '../../../lib/api-client.js';
import { insightsKeys } from './query-keys.js';

/** The teacher's predictions about a student, and after the reveal the answers and scores. */
export function getPredictions(studentId: string) {
  return api.get<PredictionsResponse>(
    `/api/insights/students/${encodeURIComponent(studentId)}/predictions`,
  );
}

export function usePredictions(studentId: string) {
  return useQuery({
    queryKey: insightsKeys.predictions(studentId),
    queryFn: () => getPredictions(studentId),
  });
}
